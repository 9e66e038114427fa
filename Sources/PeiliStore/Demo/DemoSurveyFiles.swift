import Foundation

/// Writes the demo survey as text: one CSV per wave × audience and one mapping per audience,
/// with answers drawn from a seeded generator.
struct DemoSurveyFiles {
  /// One survey export ready to import.
  struct Export {
    let waveID: String
    let date: String
    let audience: String
    let csvName: String
    let csv: String
    let mappingName: String
  }

  private let seed: UInt64
  private var rng: SplitMix64
  /// The words of the answers a respondent writes (segment values, comments); the draws of
  /// the generator never depend on them, so every language has the same answers.
  private let words: DemoWords

  init(seed: UInt64, words: DemoWords = .english) {
    self.seed = seed
    self.words = words
    rng = SplitMix64(seed: seed)
  }

  /// The three mapping files by name.
  static func mappings(_ w: DemoWords = .english) -> [String: String] {
    [
      "customer-mapping.yaml": mapping(
        segments: ["customer_type", "region"], questions: DemoSurvey.customerQuestions, prefix: "Q",
        comments: DemoSurvey.customerComments, words: w),
      "mirror-mapping.yaml": mapping(
        segments: ["team"], questions: DemoSurvey.customerQuestions, prefix: "Q", comments: [], words: w),
      "staff-mapping.yaml": mapping(
        segments: ["team"], questions: DemoSurvey.staffQuestions, prefix: "S",
        comments: DemoSurvey.staffComments, words: w),
    ]
  }

  /// Every wave × audience export, customers first so that their mapping introduces the themes.
  /// The 2024-09 wave, added when the demo gained its previous cycle, draws from a generator of
  /// its own so that the later waves keep the answers they had.
  mutating func exports() -> [Export] {
    var result: [Export] = []
    var earlier = DemoSurveyFiles(seed: seed ^ 0x2024, words: words)
    result.append(earlier.customers(DemoSurvey.earlierWave))
    let (earlierStaff, earlierMirror) = earlier.staffAndMirror(DemoSurvey.earlierWave)
    result += [earlierStaff, earlierMirror]
    for wave in DemoSurvey.waves {
      result.append(customers(wave))
      let (staff, mirror) = staffAndMirror(wave)
      result.append(staff)
      result.append(mirror)
    }
    return result
  }

  // MARK: - Mapping text

  private static func mapping(
    segments: [String], questions: [DemoSurvey.Question], prefix: String,
    comments: [(column: String, theme: String)], words w: DemoWords
  ) -> String {
    var y = "# Latausverkko Oy survey export (peili demo data)\nrespondent_id: respondent\nsegments:\n"
    for s in segments { y += "  - {column: \(s), name: \(w(s))}\n" }
    y += "themes:\n"
    for t in DemoSurvey.themes { y += "  - {id: \(t.id), name: \(quoted(w(t.name)))}\n" }
    y += "questions:\n"
    for (i, q) in questions.enumerated() {
      y += "  - {column: \(prefix)\(i + 1), id: \(q.id), text: \(quoted(w(q.text))), theme: \(q.theme), "
      y += "scale: [\(q.scale.lowerBound), \(q.scale.upperBound)]"
      if q.nps { y += ", nps: true" }
      if q.outcome { y += ", outcome: true" }
      y += "}\n"
    }
    if !comments.isEmpty {
      y += "comments:\n"
      for c in comments { y += "  - {column: \(c.column), theme: \(c.theme)}\n" }
    }
    return y
  }

  private static func quoted(_ s: String) -> String {
    "\"" + s.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"") + "\""
  }

  // MARK: - Respondents

  private mutating func customers(_ wave: DemoSurvey.WaveInfo) -> Export {
    let count = wave.customers
    let lappi = Set(distinctIndices(DemoSurvey.lappiCustomers, below: count))
    let commentTexts = DemoSurvey.customerCommentTexts[wave.step]
    let commenters = distinctIndices(commentTexts.count, below: count)
    var commentsByRow: [Int: [String: String]] = [:]
    for (k, row) in commenters.enumerated() {
      commentsByRow[row, default: [:]][commentTexts[k].0] = words(commentTexts[k].1)
    }

    let questions = DemoSurvey.customerQuestions
    let commentColumns = DemoSurvey.customerComments.map(\.column)
    var header = ["respondent", "customer_type", "region"]
    header += questions.indices.map { "Q\($0 + 1)" }
    header += commentColumns
    var lines = [Self.csvLine(header)]
    let year = wave.id.prefix(4).suffix(2)
    for i in 0..<count {
      let type = rng.pick(DemoSurvey.customerTypes)
      let region = lappi.contains(i) ? "Lappi" : rng.pick(DemoSurvey.regions)
      var shift: [String: Double] = [:]
      switch type {
      case "business": shift["service", default: 0] += 4
      case "fleet":
        // Fleet account managers (A15) from the 2026 cycle on.
        shift["service", default: 0] += wave.step == 2 ? 6 : 0
        shift["app", default: 0] -= 5
      default: break
      }
      switch region {
      case "Uusimaa": shift["reliability", default: 0] += 2
      case "Pohjois-Pohjanmaa": shift["reliability", default: 0] -= 3
      case "Lappi":
        shift["reliability", default: 0] -= 10
        shift["communication", default: 0] -= 5
      default: break
      }
      let answers = respond(
        questions,
        level: { t in
          (DemoSurvey.customerLevel[t]?[wave.step] ?? 50) + (shift[t] ?? 0)
        })
      var row = ["C\(year)-\(pad(i + 1, 4))", words(type), region] + answers
      row += commentColumns.map { commentsByRow[i]?[$0] ?? "" }
      lines.append(Self.csvLine(row))
    }
    return Export(
      waveID: wave.id, date: wave.date, audience: "customer", csvName: "\(wave.id)-customer.csv",
      csv: lines.joined(separator: "\r\n") + "\r\n", mappingName: "customer-mapping.yaml")
  }

  /// Staff answer their own survey and, as the mirror audience, the customer questions as they
  /// believe customers would; the same people, so the same ids and teams in both files.
  private mutating func staffAndMirror(_ wave: DemoSurvey.WaveInfo) -> (Export, Export) {
    var people: [(id: String, team: String)] = []
    for (team, size) in DemoSurvey.teams {
      for _ in 0..<size { people.append(("H\(pad(people.count + 1, 3))", team)) }
    }
    let commentTexts = DemoSurvey.staffCommentTexts[wave.step]
    let commenters = distinctIndices(commentTexts.count, below: people.count)
    var commentsByRow: [Int: [String: String]] = [:]
    for (k, row) in commenters.enumerated() {
      commentsByRow[row, default: [:]][commentTexts[k].0] = words(commentTexts[k].1)
    }
    let commentColumns = DemoSurvey.staffComments.map(\.column)

    var staffLines = [
      Self.csvLine(
        ["respondent", "team"] + DemoSurvey.staffQuestions.indices.map { "S\($0 + 1)" } + commentColumns)
    ]
    var mirrorLines = [
      Self.csvLine(["respondent", "team"] + DemoSurvey.customerQuestions.indices.map { "Q\($0 + 1)" })
    ]
    for (i, person) in people.enumerated() {
      var shift: [String: Double] = [:]
      switch person.team {
      case "Johto":
        shift["influence"] = 18
        shift["communication"] = 10
      case "Asiakaspalvelu": shift["influence"] = -4
      default: break
      }
      let own = respond(
        DemoSurvey.staffQuestions,
        level: { t in
          (DemoSurvey.staffLevel[t]?[wave.step] ?? 50) + (shift[t] ?? 0)
        })
      staffLines.append(
        Self.csvLine([person.id, person.team] + own + commentColumns.map { commentsByRow[i]?[$0] ?? "" }))
      let asCustomers = respond(
        DemoSurvey.customerQuestions,
        level: { t in
          (DemoSurvey.customerLevel[t]?[wave.step] ?? 50) + (DemoSurvey.mirrorShift[t] ?? 0)
        })
      mirrorLines.append(Self.csvLine([person.id, person.team] + asCustomers))
    }
    let staff = Export(
      waveID: wave.id, date: wave.date, audience: "staff", csvName: "\(wave.id)-staff.csv",
      csv: staffLines.joined(separator: "\r\n") + "\r\n", mappingName: "staff-mapping.yaml")
    let mirror = Export(
      waveID: wave.id, date: wave.date, audience: "mirror", csvName: "\(wave.id)-mirror.csv",
      csv: mirrorLines.joined(separator: "\r\n") + "\r\n", mappingName: "mirror-mapping.yaml")
    return (staff, mirror)
  }

  /// One respondent's answers: a general mood, a per-theme opinion around the theme's level,
  /// and per-item noise, rounded onto each item's scale; a few answers left blank.
  private mutating func respond(_ questions: [DemoSurvey.Question], level: (String) -> Double) -> [String] {
    let mood = rng.normal(sd: 7)
    var opinion: [String: Double] = [:]
    return questions.map { q in
      let theme: Double
      if let o = opinion[q.theme] {
        theme = o
      } else {
        theme = level(q.theme) + mood + rng.normal(sd: 9)
        opinion[q.theme] = theme
      }
      let x = theme + q.offset + rng.normal(sd: 13)
      if rng.chance(q.nps ? 0.01 : 0.03) { return "" }
      let width = Double(q.scale.upperBound - q.scale.lowerBound)
      let value = Int((Double(q.scale.lowerBound) + x / 100 * width).rounded())
      return String(min(max(value, q.scale.lowerBound), q.scale.upperBound))
    }
  }

  private mutating func distinctIndices(_ k: Int, below n: Int) -> [Int] {
    var chosen: [Int] = []
    while chosen.count < k {
      let i = rng.int(in: 0...(n - 1))
      if !chosen.contains(i) { chosen.append(i) }
    }
    return chosen
  }

  private func pad(_ n: Int, _ width: Int) -> String {
    let s = String(n)
    return String(repeating: "0", count: max(0, width - s.count)) + s
  }

  /// RFC 4180: quote fields holding a comma, quote or line break; double inner quotes.
  static func csvLine(_ fields: [String]) -> String {
    fields.map { f in
      f.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" })
        ? "\"" + f.replacingOccurrences(of: "\"", with: "\"\"") + "\"" : f
    }.joined(separator: ",")
  }
}
