import Foundation
import Testing

@testable import PeiliCore

/// `peili report` carries the favourable % and NPS changes and gaps: on the clustered reference
/// data (Reference/clustered_favourable.json) its JSON holds the reference's numbers and its
/// Markdown the same marks.
@Suite struct ReportPointGapTests {
  static func analysed() throws -> (Snapshot, MirrorAnalysis, ClusteredFavourableReferenceTests.Fixture) {
    let fx = try ClusteredFavourableReferenceTests.Fixture.load()
    let waves = try #require(fx.json["waves"] as? [[String: Any]]).map {
      Wave(id: $0["id"] as! String, date: Day($0["date"] as! String)!)
    }
    var scores: [ScoreKey: ScoreSummary] = [:]
    for w in waves { scores.merge(try fx.summaries(wave: w.id)) { a, _ in a } }
    let themes = ["service", "trust", "loyalty"].enumerated().map {
      Theme(id: $1, name: $1.capitalized, position: $0)
    }
    let s = Snapshot(
      workspacePath: "clustered.db", themes: themes, questions: fx.questions, waves: waves, scores: scores)
    return (s, MirrorAnalysis(snapshot: s, today: Day("2025-10-01")!), fx)
  }

  func parse(_ text: String) throws -> [String: Any] {
    try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
  }

  @Test func jsonHasTheFavourableAndNPSChangesOfTheReference() throws {
    let (s, a, fx) = try Self.analysed()
    let doc = try parse(Report.json(s, analysis: a))
    let points = try #require(doc["material_points"] as? [String: Any])
    #expect(points["favourable"] as? Double == Materiality.favourablePoints)
    #expect(points["nps"] as? Double == Materiality.npsPoints)
    let themes = try #require(doc["themes"] as? [[String: Any]])
    let section = try #require(fx.json["all"] as? [String: Any])
    for expected in try #require(section["theme_changes"] as? [[String: Any]]) {
      let id = expected["theme"] as! String
      let theme = try #require(themes.first { $0["id"] as? String == id })
      let changes = try #require(theme["favourable_changes"] as? [[String: Any]])
      #expect(changes.count == 1)
      let c = try #require(changes.first)
      #expect(c["audience"] as? String == "customer" && c["measure"] as? String == "favourable")
      #expect(c["method"] as? String == "respondent_shares")
      #expect(c["from_wave"] as? String == "2024-09" && c["to_wave"] as? String == "2025-09")
      for key in ["diff", "low", "high", "se", "df"] {
        #expect(
          ClusteredFavourableReferenceTests.near(
            (c[key] as? NSNumber)?.doubleValue, try expected.number(key)),
          "\(id) \(key)")
      }
      #expect((c["statistic"] as? NSNumber)?.doubleValue.isFinite == true)
      // Every change of the reference rose by more than 5 points with a CI above 0.
      #expect(c["class"] as? String == "over" && c["marked"] as? Bool == true, "\(id)")
      let score = try #require((theme["scores"] as? [[String: Any]])?.first?["favourable"] as? [String: Any])
      #expect(score["basis"] as? String == "respondent_shares")
      // Several answers a respondent, but for the one-question theme.
      let answers = score["answers"] as? Int ?? 0
      let respondents = score["n"] as? Int ?? 0
      #expect(id == "loyalty" ? answers == respondents : answers > respondents, "\(id)")
    }
    // NPS: only the theme with the NPS item has NPS changes; the item's reference change.
    let nps = try #require(section["nps_change"] as? [String: Any])
    let loyalty = try #require(themes.first { $0["id"] as? String == "loyalty" })
    let change = try #require((loyalty["nps_changes"] as? [[String: Any]])?.first)
    #expect(change["method"] as? String == "nps_difference" && change["df"] is NSNull)
    for key in ["diff", "low", "high", "se", "p"] {
      #expect(
        ClusteredFavourableReferenceTests.near(
          (change[key] as? NSNumber)?.doubleValue, try nps.number(key), absolute: 1e-11), "NPS \(key)")
    }
    let service = try #require(themes.first { $0["id"] as? String == "service" })
    #expect((service["nps_changes"] as? [Any])?.isEmpty == true)
    // No staff or mirror answers: the gaps are there but have not enough data.
    let gap = try #require(service["favourable_experience_gap"] as? [String: Any])
    #expect(
      gap["class"] as? String == "notEnoughData" && gap["diff"] == nil && gap["marked"] as? Bool == false)
    #expect(service["nps_mirror_gap"] is NSNull)
  }

  @Test func markdownListsThePointChanges() throws {
    let (s, a, _) = try Self.analysed()
    let text = Report.markdown(s, analysis: a)
    let line = try #require(
      text.split(separator: "\n").first {
        $0.hasPrefix("- favourable change customer 2024-09 → 2025-09: +17.3 points")
      })
    #expect(line.hasSuffix("over **marked**"))
    #expect(text.contains("- NPS change customer 2024-09 → 2025-09: +23.2 points"))
  }
}
