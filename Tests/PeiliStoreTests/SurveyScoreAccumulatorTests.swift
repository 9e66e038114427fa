import Foundation
import PeiliCore
import Testing

/// The import's score accumulator against the shared numpy/scipy reference values.
@Suite struct SurveyScoreAccumulatorTests {
  struct Reference: Decodable {
    struct MeanCase: Decodable {
      var values: [Int]
      var scale_min: Int
      var scale_max: Int
      var n: Int
      var mean: Double
      var sd: Double
      var score100: Double
    }
    struct NPSCase: Decodable {
      var values: [Int]
      var n: Int
      var promoters: Double
      var detractors: Double
    }
    var mean_ci: [MeanCase]
    var nps: [NPSCase]
  }

  static func reference() throws -> Reference {
    let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
      .deletingLastPathComponent()
    let url = root.deletingLastPathComponent().appendingPathComponent("shared/reference/statistics.json")
    return try JSONDecoder().decode(Reference.self, from: Data(contentsOf: url))
  }

  func close(_ a: Double, _ b: Double) -> Bool { abs(a - b) <= 1e-9 * max(1, abs(b)) }

  @Test func meansAndSpreadMatchReference() throws {
    let cases = try Self.reference().mean_ci
    #expect(!cases.isEmpty)
    for c in cases {
      let scale = Scale(min: c.scale_min, max: c.scale_max)
      let q = Question(id: "q", text: "q", themeID: "t", scale: scale)
      var acc = ScoreAccumulator(questions: [q])
      for v in c.values { acc.add(values: [v]) }
      let s = acc.summaries(audience: .customer, waveID: "w")
      let theme = try #require(s[ScoreKey(themeID: "t", audience: .customer, waveID: "w")])
      let question = try #require(
        s[ScoreKey(themeID: "t", questionID: "q", audience: .customer, waveID: "w")])
      for summary in [theme, question] {
        #expect(summary.n == c.n)
        #expect(close(summary.native?.mean ?? .nan, c.mean))
        #expect(close(summary.native?.sd ?? .nan, c.sd))
        #expect(close(summary.index.mean, c.score100))
        #expect(close(summary.index.sd ?? .nan, c.sd * 100 / Double(c.scale_max - c.scale_min)))
      }
      #expect(question.distribution.reduce(0, +) == c.n)
    }
  }

  @Test func npsCountsMatchReference() throws {
    let cases = try Self.reference().nps
    #expect(!cases.isEmpty)
    for c in cases {
      let q = Question(id: "nps", text: "nps", themeID: "t", scale: Scale(min: 0, max: 10), isNPS: true)
      var acc = ScoreAccumulator(questions: [q])
      for v in c.values { acc.add(values: [v]) }
      let s = try #require(
        acc.summaries(audience: .staff, waveID: "w")[ScoreKey(themeID: "t", audience: .staff, waveID: "w")])
      #expect(s.npsN == c.n)
      #expect(close(Double(s.promoters) / Double(s.npsN), c.promoters))
      #expect(close(Double(s.detractors) / Double(s.npsN), c.detractors))
      #expect(s.favourable == s.promoters)  // on 0–10 the favourable options are the promoters
    }
  }

  @Test func respondentWeightingAndMissingAnswers() {
    // Two questions on different scales: the theme has no native mean, and each respondent
    // counts once however many questions they answered.
    let a = Question(id: "a", text: "a", themeID: "t", scale: Scale(min: 1, max: 5))
    let b = Question(id: "b", text: "b", themeID: "t", scale: Scale(min: 0, max: 10))
    var acc = ScoreAccumulator(questions: [a, b])
    acc.add(values: [5, 0])  // (100 + 0) / 2 = 50
    acc.add(values: [nil, 10])  // 100
    acc.add(values: [nil, nil])  // not counted
    let s = acc.summaries(audience: .mirror, waveID: "w")[
      ScoreKey(themeID: "t", audience: .mirror, waveID: "w")]
    #expect(s?.n == 2)
    #expect(s?.index.mean == 75)
    #expect(s?.native == nil)
    #expect(s?.scale == nil)
    #expect(s?.favourable == 2)  // 5 on 1–5 and 10 on 0–10
    #expect(s?.favourableN == 3)
  }
}
