import Foundation
import Testing

@testable import PeiliCore

/// Favourable shares of clustered answers (several per respondent) and the changes of
/// favourable % and NPS, against Reference/clustered_favourable.json (numpy/scipy/statsmodels,
/// written by Reference/clustered_favourable_reference.py), to 1e-9.
@Suite struct ClusteredFavourableReferenceTests {
  struct Fixture {
    let json: [String: Any]
    let questions: [Question]
    let respondents: [String: [[String: Any]]]

    static func load(filePath: String = #filePath) throws -> Fixture {
      let url = URL(fileURLWithPath: filePath).deletingLastPathComponent().appendingPathComponent(
        "Reference/clustered_favourable.json")
      let json = try #require(
        try JSONSerialization.jsonObject(with: Data(contentsOf: url)) as? [String: Any])
      let questions = try (try #require(json["questions"] as? [[String: Any]])).enumerated().map { i, q in
        Question(
          id: try #require(q["id"] as? String), text: "", themeID: try #require(q["theme"] as? String),
          scale: Scale(min: try #require(q["min"] as? Int), max: try #require(q["max"] as? Int)),
          isNPS: q["nps"] as? Bool ?? false, position: i)
      }
      return Fixture(
        json: json, questions: questions,
        respondents: try #require(json["respondents"] as? [String: [[String: Any]]]))
    }

    /// The summaries of one wave, of the respondents `keep` admits, accumulated in `parts`
    /// groups (round robin) and merged: merged summaries must give the same estimates.
    func summaries(wave: String, parts: Int = 1, keep: ([String: Any]) -> Bool = { _ in true }) throws
      -> [ScoreKey: ScoreSummary]
    {
      var accumulators = Array(repeating: ScoreAccumulator(questions: questions), count: parts)
      let rows = (respondents[wave] ?? []).filter(keep)
      try #require(!rows.isEmpty)
      for (i, r) in rows.enumerated() {
        let answers = try #require(r["answers"] as? [Any]).map { $0 as? Int }
        accumulators[i % parts].add(values: answers)
      }
      var merged: [ScoreKey: ScoreSummary] = [:]
      for a in accumulators {
        merged.merge(a.summaries(audience: .customer, waveID: wave)) { $0.merged(with: $1) }
      }
      return merged
    }
  }

  static func near(_ a: Double?, _ e: Double, relative: Double = 1e-9, absolute: Double = 1e-12) -> Bool {
    guard let a else { return false }
    return abs(a - e) <= max(absolute, relative * abs(e))
  }

  static func expect(
    _ a: Double?, _ e: [String: Any], _ key: String, _ label: String, absolute: Double = 1e-12,
    sourceLocation: SourceLocation = #_sourceLocation
  ) throws {
    let expected = try e.number(key)
    #expect(
      near(a, expected, absolute: absolute), "\(label) \(key): got \(a ?? .nan), expected \(expected)",
      sourceLocation: sourceLocation)
  }

  /// The sections to check: all respondents in one pass, and a region filter's respondents
  /// accumulated in three parts and merged (as segment cells are).
  static let sections: [(name: String, parts: Int)] = [("all", 1), ("filtered", 3)]

  @Test(arguments: sections.map(\.name))
  func themeAndQuestionFavourable(section name: String) throws {
    let fx = try Fixture.load()
    let section = try #require(fx.json[name] as? [String: Any])
    let region = (section["filter"] as? [String: String])?["region"]
    let parts = Self.sections.first { $0.name == name }!.parts
    let waves = try #require(section["waves"] as? [String: [String: Any]])
    for (wave, expected) in waves {
      let summaries = try fx.summaries(wave: wave, parts: parts) { r in
        region == nil || r["region"] as? String == region
      }
      let themes = try #require(expected["themes"] as? [[String: Any]])
      for t in themes {
        let theme = try #require(t["theme"] as? String)
        let label = "\(name) \(wave) \(theme)"
        let summary = try #require(summaries[ScoreKey(themeID: theme, audience: .customer, waveID: wave)])
        let e = try #require(ScoreEstimate(summary, minimumGroup: 5))
        #expect(e.favourableBasis == .respondentShares)
        #expect(e.favourableN == t["n"] as? Int, "\(label) n")
        try Self.expect(e.favourable, t, "share", label)
        try Self.expect(e.favourableLow, t, "low", label)
        try Self.expect(e.favourableHigh, t, "high", label)
        try Self.expect(summary.favourableShares?.sd, t, "sd", label)
        // The naive estimate (all answers pooled, Wilson) is what the summary's counts still give.
        let naive = try #require(t["naive"] as? [String: Any])
        #expect(summary.favourable == naive["k"] as? Int && summary.favourableN == naive["n"] as? Int)
        #expect(e.favourableAnswers == naive["n"] as? Int)
        let w = try #require(WilsonInterval(k: summary.favourable, n: summary.favourableN))
        try Self.expect(w.low, naive, "low", "\(label) naive")
        try Self.expect(w.high, naive, "high", "\(label) naive")
        if try t.number("design_effect") > 1.5 {
          #expect(
            (e.favourableHigh! - e.favourableLow!) > 1.2 * (w.high - w.low),
            "\(label): the clustered interval is wider than the pooled one")
        }
      }
      let questions = try #require(expected["questions"] as? [[String: Any]])
      for q in questions {
        let id = try #require(q["question"] as? String)
        let question = try #require(fx.questions.first { $0.id == id })
        let label = "\(name) \(wave) \(id)"
        let key = ScoreKey(themeID: question.themeID, questionID: id, audience: .customer, waveID: wave)
        let summary = try #require(summaries[key])
        let e = try #require(ScoreEstimate(summary, minimumGroup: 5))
        #expect(e.favourableBasis == .answers)
        #expect(e.favourableN == q["n"] as? Int, "\(label) n")
        try Self.expect(e.favourable, q, "p", label)
        try Self.expect(e.favourableLow, q, "low", label)
        try Self.expect(e.favourableHigh, q, "high", label)
      }
    }
  }

  @Test(arguments: sections.map(\.name))
  func changesOfFavourableAndNPS(section name: String) throws {
    let fx = try Fixture.load()
    let section = try #require(fx.json[name] as? [String: Any])
    let region = (section["filter"] as? [String: String])?["region"]
    let parts = Self.sections.first { $0.name == name }!.parts
    let waveIDs = try #require(fx.json["waves"] as? [[String: Any]]).map { $0["id"] as! String }
    let keep: ([String: Any]) -> Bool = { r in region == nil || r["region"] as? String == region }
    let before = try fx.summaries(wave: waveIDs[0], parts: parts, keep: keep)
    let after = try fx.summaries(wave: waveIDs[1], parts: parts, keep: keep)

    for c in try #require(section["theme_changes"] as? [[String: Any]]) {
      let theme = try #require(c["theme"] as? String)
      let label = "\(name) change \(theme)"
      let g = try #require(
        PointGap.favourable(
          before[ScoreKey(themeID: theme, audience: .customer, waveID: waveIDs[0])],
          after[ScoreKey(themeID: theme, audience: .customer, waveID: waveIDs[1])]))
      #expect(g.method == .respondentShares && g.measure == .favourable)
      #expect(g.n1 == c["n1"] as? Int && g.n2 == c["n2"] as? Int, "\(label) n")
      for (value, key) in [
        (g.diff, "diff"), (g.se, "se"), (g.statistic, "t"), (g.low, "low"), (g.high, "high"),
      ] {
        try Self.expect(value, c, key, label)
      }
      try Self.expect(g.df, c, "df", label)
      try Self.expect(g.p, c, "p", label, absolute: 1e-11)
      #expect(g.gapClass == Gap.classify(diff: g.diff, low: g.low, high: g.high, materialThreshold: 5))
    }
    for c in try #require(section["question_changes"] as? [[String: Any]]) {
      let id = try #require(c["question"] as? String)
      let theme = try #require(fx.questions.first { $0.id == id }).themeID
      let label = "\(name) change \(id)"
      let g = try #require(
        PointGap.favourable(
          before[ScoreKey(themeID: theme, questionID: id, audience: .customer, waveID: waveIDs[0])],
          after[ScoreKey(themeID: theme, questionID: id, audience: .customer, waveID: waveIDs[1])]))
      #expect(g.method == .twoProportions)
      #expect(g.n1 == c["n1"] as? Int && g.n2 == c["n2"] as? Int, "\(label) n")
      for (value, key) in [(g.diff, "diff"), (g.statistic, "z"), (g.low, "low"), (g.high, "high")] {
        try Self.expect(value, c, key, label)
      }
      try Self.expect(g.p, c, "p", label, absolute: 1e-11)
      #expect(g.df == nil)
    }
    let n = try #require(section["nps_change"] as? [String: Any])
    let id = try #require(n["question"] as? String)
    let theme = try #require(fx.questions.first { $0.id == id }).themeID
    // The theme's NPS (its one NPS item) and the item's own give the same change.
    for questionID in [nil, id] {
      let label = "\(name) NPS change \(questionID ?? theme)"
      let g = try #require(
        PointGap.nps(
          before[ScoreKey(themeID: theme, questionID: questionID, audience: .customer, waveID: waveIDs[0])],
          after[ScoreKey(themeID: theme, questionID: questionID, audience: .customer, waveID: waveIDs[1])]))
      #expect(g.method == .npsDifference && g.measure == .nps)
      for (value, key) in [
        (g.diff, "diff"), (g.se, "se"), (g.statistic, "z"), (g.low, "low"), (g.high, "high"),
      ] {
        try Self.expect(value, n, key, label)
      }
      try Self.expect(g.p, n, "p", label, absolute: 1e-11)
    }
  }
}
