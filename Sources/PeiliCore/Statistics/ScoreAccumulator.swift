/// Builds the theme and question `ScoreSummary`s of one (wave, audience) from respondents'
/// answers in a single pass, so an import computes every cached score from the values it
/// already holds in memory.
///
/// Answers arrive as codes, one per question in `questions` order: 0 = missing, otherwise
/// value − scale.min + 1 (the store's packed layout, also convenient for tests via `add(values:)`).
public struct ScoreAccumulator: Sendable {
  public let questions: [Question]
  /// Theme ids in first-appearance order.
  public let themeIDs: [String]
  /// For each question, the index of its theme in `themeIDs`.
  private let themeOfQuestion: [Int]
  /// Indexed value (0–100) of each code per question (code 0 unused).
  private let indexOfCode: [[Double]]
  /// Per theme: the shared scale when all its questions have one, else nil.
  private let themeScale: [Scale?]
  private var distributions: [[Int]]
  private var themeIndex: [SampleSummary]
  private var themeNative: [SampleSummary]
  /// Per theme: respondents' favourable shares (favourable answers / answered items).
  private var themeShares: [SampleSummary]
  /// Per question: whether each code is a favourable answer (code 0 unused).
  private let favourableCode: [[Bool]]
  // Per-respondent scratch, reused.
  private var sumIndex: [Double]
  private var sumNative: [Double]
  private var answered: [Int]
  private var favourableAnswers: [Int]

  public init(questions: [Question]) {
    self.questions = questions
    var ids: [String] = []
    var position: [String: Int] = [:]
    var themeOf: [Int] = []
    for q in questions {
      if let p = position[q.themeID] {
        themeOf.append(p)
      } else {
        position[q.themeID] = ids.count
        themeOf.append(ids.count)
        ids.append(q.themeID)
      }
    }
    themeIDs = ids
    themeOfQuestion = themeOf
    indexOfCode = questions.map { q in
      [0] + (q.scale.min...q.scale.max).map { q.scale.index(Double($0)) }
    }
    var scales: [Scale?] = Array(repeating: nil, count: ids.count)
    var mixed = Array(repeating: false, count: ids.count)
    for (i, q) in questions.enumerated() {
      let t = themeOf[i]
      if let s = scales[t], s != q.scale { mixed[t] = true }
      scales[t] = q.scale
    }
    favourableCode = questions.map { q in
      [false] + (q.scale.min...q.scale.max).map { q.isFavourable($0) }
    }
    themeScale = zip(scales, mixed).map { $1 ? nil : $0 }
    distributions = questions.map { Array(repeating: 0, count: $0.scale.max - $0.scale.min + 1) }
    themeIndex = Array(repeating: SampleSummary(), count: ids.count)
    themeNative = Array(repeating: SampleSummary(), count: ids.count)
    themeShares = Array(repeating: SampleSummary(), count: ids.count)
    sumIndex = Array(repeating: 0, count: ids.count)
    sumNative = Array(repeating: 0, count: ids.count)
    answered = Array(repeating: 0, count: ids.count)
    favourableAnswers = Array(repeating: 0, count: ids.count)
  }

  /// Adds one respondent's answer codes (0 = missing, else value − min + 1), one per question.
  public mutating func add(codes: UnsafeBufferPointer<UInt8>) {
    precondition(codes.count == questions.count, "one code per question")
    for t in 0..<themeIDs.count {
      sumIndex[t] = 0
      sumNative[t] = 0
      answered[t] = 0
      favourableAnswers[t] = 0
    }
    for i in 0..<codes.count {
      let code = Int(codes[i])
      if code == 0 { continue }
      let t = themeOfQuestion[i]
      distributions[i][code - 1] += 1
      sumIndex[t] += indexOfCode[i][code]
      sumNative[t] += Double(questions[i].scale.min + code - 1)
      answered[t] += 1
      if favourableCode[i][code] { favourableAnswers[t] += 1 }
    }
    for t in 0..<themeIDs.count where answered[t] > 0 {
      let k = Double(answered[t])
      themeIndex[t].add(sumIndex[t] / k)
      if themeScale[t] != nil { themeNative[t].add(sumNative[t] / k) }
      themeShares[t].add(Double(favourableAnswers[t]) / k)
    }
  }

  /// Adds one respondent's answers as values on each question's scale (nil = missing).
  public mutating func add(values: [Int?]) {
    let codes: [UInt8] = zip(values, questions).map { v, q in
      guard let v else { return 0 }
      precondition(v >= q.scale.min && v <= q.scale.max, "value on the question's scale")
      return UInt8(v - q.scale.min + 1)
    }
    codes.withUnsafeBufferPointer { add(codes: $0) }
  }

  /// Every theme summary (questionID nil) and every question summary, keyed for the cache.
  public func summaries(audience: Audience, waveID: String) -> [ScoreKey: ScoreSummary] {
    var result: [ScoreKey: ScoreSummary] = [:]
    var themeFavourable = Array(repeating: 0, count: themeIDs.count)
    var themeAnswers = Array(repeating: 0, count: themeIDs.count)
    var themePromoters = Array(repeating: 0, count: themeIDs.count)
    var themeDetractors = Array(repeating: 0, count: themeIDs.count)
    var themeNPSN = Array(repeating: 0, count: themeIDs.count)
    for (i, q) in questions.enumerated() {
      let counts = distributions[i]
      let summary = Self.questionSummary(q, distribution: counts)
      let t = themeOfQuestion[i]
      themeFavourable[t] += summary.favourable
      themeAnswers[t] += summary.favourableN
      themePromoters[t] += summary.promoters
      themeDetractors[t] += summary.detractors
      themeNPSN[t] += summary.npsN
      result[ScoreKey(themeID: q.themeID, questionID: q.id, audience: audience, waveID: waveID)] = summary
    }
    for (t, id) in themeIDs.enumerated() {
      let scale = themeScale[t]
      result[ScoreKey(themeID: id, audience: audience, waveID: waveID)] = ScoreSummary(
        index: themeIndex[t], native: scale == nil ? nil : themeNative[t], scale: scale,
        favourable: themeFavourable[t], favourableN: themeAnswers[t], favourableShares: themeShares[t],
        promoters: themePromoters[t],
        detractors: themeDetractors[t], npsN: themeNPSN[t], distribution: [])
    }
    return result
  }

  /// A single question's summary from its answer counts (exact: n, mean and M2 follow
  /// from the counts per option, so no answer needs to be visited again).
  static func questionSummary(_ q: Question, distribution counts: [Int]) -> ScoreSummary {
    let n = counts.reduce(0, +)
    var native = SampleSummary()
    var index = SampleSummary()
    if n > 0 {
      var sum = 0.0
      for (k, c) in counts.enumerated() { sum += Double(c) * Double(q.scale.min + k) }
      let mean = sum / Double(n)
      var m2 = 0.0
      for (k, c) in counts.enumerated() {
        let d = Double(q.scale.min + k) - mean
        m2 += Double(c) * d * d
      }
      native = SampleSummary(n: n, mean: mean, m2: m2)
      let factor = 100 / Double(q.scale.max - q.scale.min)
      index = SampleSummary(n: n, mean: q.scale.index(mean), m2: m2 * factor * factor)
    }
    var favourable = 0
    var promoters = 0
    var detractors = 0
    for (k, c) in counts.enumerated() {
      let value = q.scale.min + k
      if q.isFavourable(value) { favourable += c }
      if q.isNPS {
        if value >= 9 { promoters += c } else if value <= 6 { detractors += c }
      }
    }
    return ScoreSummary(
      index: index, native: native, scale: q.scale, favourable: favourable, favourableN: n,
      promoters: q.isNPS ? promoters : 0, detractors: q.isNPS ? detractors : 0, npsN: q.isNPS ? n : 0,
      distribution: counts)
  }
}
