import Foundation
import PeiliCore
import Testing

/// The numpy/scipy importance reference (Reference/importance.json, written by
/// Reference/importance_reference.py), loaded for the Core and the store tests.
struct ImportanceReference {
  struct Question {
    let id: String, theme: String, min: Int, max: Int, isOutcome: Bool, isNPS: Bool
  }
  struct Respondent {
    let id: String, region: String
    let answers: [Int?]
  }
  struct Expected {
    let theme: String, n: Int, r: Double, p: Double, performance: Double, performanceN: Int
    let quadrant: String
  }
  let questions: [Question]
  let respondents: [Respondent]
  let all: (themes: [Expected], meanImportance: Double, meanPerformance: Double)
  let filtered: (themes: [Expected], meanImportance: Double, meanPerformance: Double)
  let filterRegion: String

  static func load(filePath: String = #filePath) throws -> ImportanceReference {
    let url = URL(fileURLWithPath: filePath).deletingLastPathComponent().appendingPathComponent(
      "Reference/importance.json")
    let json = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: url)) as? [String: Any])
    let questions = try (json["questions"] as? [[String: Any]] ?? []).map { q in
      Question(
        id: try #require(q["id"] as? String), theme: try #require(q["theme"] as? String),
        min: try #require(q["min"] as? Int), max: try #require(q["max"] as? Int),
        isOutcome: q["outcome"] as? Bool ?? false, isNPS: q["nps"] as? Bool ?? false)
    }
    let respondents = try (json["respondents"] as? [[String: Any]] ?? []).map { r in
      Respondent(
        id: try #require(r["id"] as? String), region: try #require(r["region"] as? String),
        answers: (try #require(r["answers"] as? [Any])).map { $0 as? Int })
    }
    func section(_ d: [String: Any]) throws -> ([Expected], Double, Double) {
      let themes = try (d["themes"] as? [[String: Any]] ?? []).map { t in
        Expected(
          theme: try #require(t["theme"] as? String), n: try #require(t["n"] as? Int), r: try t.number("r"),
          p: try t.number("p"), performance: try t.number("performance"),
          performanceN: try #require(t["performance_n"] as? Int),
          quadrant: try #require(t["quadrant"] as? String))
      }
      return (themes, try d.number("mean_importance"), try d.number("mean_performance"))
    }
    let filteredJSON = try #require(json["filtered"] as? [String: Any])
    let filter = try #require(filteredJSON["filter"] as? [String: String])
    return ImportanceReference(
      questions: questions, respondents: respondents,
      all: try section(try #require(json["all"] as? [String: Any])),
      filtered: try section(filteredJSON), filterRegion: try #require(filter["region"]))
  }

  var domainQuestions: [PeiliCore.Question] {
    questions.enumerated().map { i, q in
      PeiliCore.Question(
        id: q.id, text: q.id, themeID: q.theme, scale: Scale(min: q.min, max: q.max), isNPS: q.isNPS,
        isOutcome: q.isOutcome, position: i)
    }
  }

  /// A respondent's theme score (mean index of the answered questions), or nil.
  func themeScore(_ r: Respondent, _ theme: String) -> Double? {
    let xs = zip(questions, r.answers).compactMap { q, v -> Double? in
      guard q.theme == theme, let v else { return nil }
      return Scale(min: q.min, max: q.max).index(Double(v))
    }
    return xs.isEmpty ? nil : xs.reduce(0, +) / Double(xs.count)
  }
}

/// Derived importance and the grid through the pure merge path agree with numpy/scipy to 1e-6.
@Suite struct ImportanceReferenceTests {
  @Test(arguments: [false, true])
  func pairsMergedPerRegionGiveTheReferenceR(filtered: Bool) throws {
    let ref = try ImportanceReference.load()
    let outcome = try #require(ref.questions.firstIndex { $0.isOutcome })
    let o = ref.questions[outcome]
    let expected = filtered ? ref.filtered : ref.all
    var importance: [ThemeImportance] = []
    var performance: [String: Double] = [:]
    for e in expected.themes {
      // One summary per region, as the store caches per segment cell, then merged.
      var cells: [String: BivariateSummary] = [:]
      var scores: [String: SampleSummary] = [:]
      for r in ref.respondents where !filtered || r.region == ref.filterRegion {
        guard let x = ref.themeScore(r, e.theme) else { continue }
        scores[r.region, default: SampleSummary()].add(x)
        guard let y = r.answers[outcome] else { continue }
        cells[r.region, default: BivariateSummary()].add(
          x: x, y: Scale(min: o.min, max: o.max).index(Double(y)))
      }
      let pairs = cells.values.reduce(BivariateSummary()) { $0.merged(with: $1) }
      let perf = scores.values.reduce(SampleSummary()) { $0.merged(with: $1) }
      #expect(pairs.n == e.n)
      #expect(perf.n == e.performanceN)
      let c = try #require(pairs.correlation)
      expectClose(c.r, e.r, "\(e.theme) r")
      expectClose(c.p, e.p, "\(e.theme) p")
      expectClose(perf.mean, e.performance, "\(e.theme) performance")
      importance.append(
        ThemeImportance(themeID: e.theme, audience: .customer, waveID: "w", r: c.r, p: c.p, n: pairs.n))
      performance[e.theme] = perf.mean
    }
    let grid = ImportanceGrid(importance: importance, performance: performance, audience: .customer)
    #expect(grid.unavailable == nil)
    expectClose(grid.meanImportance, expected.meanImportance, "mean importance")
    expectClose(grid.meanPerformance, expected.meanPerformance, "mean performance")
    for e in expected.themes {
      #expect(grid.placements.first { $0.themeID == e.theme }?.quadrant.rawValue == e.quadrant, "\(e.theme)")
    }
  }

  @Test func theMergedCorrelationEqualsTheDirectOne() throws {
    let ref = try ImportanceReference.load()
    let outcome = try #require(ref.questions.firstIndex { $0.isOutcome })
    var xs: [Double] = []
    var ys: [Double] = []
    for r in ref.respondents {
      guard let x = ref.themeScore(r, "alpha"), let y = r.answers[outcome] else { continue }
      xs.append(x)
      ys.append(Double(y) * 10)
    }
    let direct = try #require(Correlation(x: xs, y: ys))
    expectClose(direct.r, ref.all.themes[0].r, "direct r")
    expectClose(direct.p, ref.all.themes[0].p, "direct p")
  }
}
