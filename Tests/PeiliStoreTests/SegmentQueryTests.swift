import Foundation
import PeiliCore
import Testing

@testable import PeiliStore

/// Filtered scores, breakdowns and comments merged from segment cells agree with the same
/// numbers computed respondent by respondent on the demo.
@Suite(.serialized) struct SegmentQueryTests {
  static let demo: (Workspace, URL) = {
    let dir = FileManager.default.temporaryDirectory.appendingPathComponent("peili-seg-\(UUID().uuidString)")
    try! FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
    let ws = try! DemoWorkspace.build(at: dir.appendingPathComponent("demo.db").path, by: "tester")
    return (ws, dir)
  }()
  var ws: Workspace { Self.demo.0 }

  @Test func attributesListAudiencesValuesAndCounts() throws {
    let attributes = try ws.segmentAttributes()
    #expect(attributes.map(\.name) == ["customer_type", "region", "team"])
    let region = try #require(attributes.first { $0.name == "region" })
    #expect(region.audiences == [.customer])
    #expect(region.values.contains("Lappi"))
    #expect(region.respondents(value: "Lappi", audience: .customer, waveID: "2026-09") == 3)
    let team = try #require(attributes.first { $0.name == "team" })
    #expect(team.audiences == [.staff, .mirror])
    #expect(team.respondents(value: "Johto", audience: .staff, waveID: "2025-09") == 5)
  }

  @Test func noFilterIsTheSnapshot() throws {
    let f = try ws.scores(filter: .none, minimumGroup: 5)
    #expect(f.scores == (try ws.snapshot().scores))
    #expect(f.refused.isEmpty)
  }

  @Test func aFilterEqualsTheRespondentByRespondentScore() throws {
    let filter = SegmentFilter(["customer_type": "business"])
    let f = try ws.scores(filter: filter, minimumGroup: 5)
    #expect(f.appliesTo == [.customer])
    for theme in ["communication", "service", "app"] {
      for wave in ["2025-09", "2026-09"] {
        let people = try ws.respondentScores(theme: theme, audience: .customer, wave: wave)
          .filter { filter.matches($0.segments) }
        let expected = SampleSummary(people.map(\.score))
        let got = try #require(f.scores[ScoreKey(themeID: theme, audience: .customer, waveID: wave)])
        #expect(got.n == expected.n)
        #expect(abs(got.index.mean - expected.mean) < 1e-9)
        #expect(abs(got.index.m2 - expected.m2) < 1e-6)
      }
    }
    // Staff have no customer_type: unfiltered.
    let staff = ScoreKey(themeID: "communication", audience: .staff, waveID: "2026-09")
    let merged = try #require(f.scores[staff])
    let cached = try #require(try ws.snapshot().scores[staff])
    #expect(merged.n == cached.n && merged.favourable == cached.favourable)
    #expect(abs(merged.index.mean - cached.index.mean) < 1e-9)
  }

  @Test func partsOfAnAttributeMergeBackToTheWhole() throws {
    let snapshot = try ws.snapshot()
    var merged: [ScoreKey: ScoreSummary] = [:]
    for type in ["private", "business", "fleet"] {
      let f = try ws.scores(filter: SegmentFilter(["customer_type": type]), minimumGroup: 1)
      for (k, s) in f.scores where k.audience == .customer {
        merged[k] = merged[k].map { $0.merged(with: s) } ?? s
      }
    }
    for (key, whole) in snapshot.scores where key.audience == .customer {
      let part = try #require(merged[key], "\(key)")
      #expect(part.n == whole.n)
      #expect(abs(part.index.mean - whole.index.mean) < 1e-9)
      #expect(abs(part.index.m2 - whole.index.m2) < 1e-6 * max(1, whole.index.m2))
      #expect(
        part.favourable == whole.favourable && part.npsN == whole.npsN && part.promoters == whole.promoters)
      #expect(part.distribution == whole.distribution)
    }
  }

  @Test func breakdownRowsEqualTheFilters() throws {
    let rows = try ws.breakdown(
      themeID: "service", questionID: nil, audience: .customer, waveID: "2026-09", attribute: "customer_type",
      filter: .none, minimumGroup: 5)
    #expect(rows.map(\.value) == ["business", "fleet", "private"])
    for row in rows {
      let f = try ws.scores(filter: SegmentFilter(["customer_type": row.value]), minimumGroup: 5)
      #expect(row.summary == f.scores[ScoreKey(themeID: "service", audience: .customer, waveID: "2026-09")])
    }
    let question = try ws.breakdown(
      themeID: "service", questionID: "serv_reach", audience: .customer, waveID: "2026-09",
      attribute: "region", filter: SegmentFilter(["customer_type": "private"]), minimumGroup: 5)
    #expect(question.contains { $0.summary != nil && !$0.summary!.distribution.isEmpty })
    #expect(question.first { $0.value == "Lappi" }.map { $0.summary == nil } ?? true)
    // An audience without the attribute has no breakdown by it.
    #expect(
      try ws.breakdown(
        themeID: "service", questionID: nil, audience: .staff, waveID: "2026-09", attribute: "region",
        filter: .none, minimumGroup: 5
      ).isEmpty)
  }

  @Test func commentsFollowTheFilterAudienceAndWave() throws {
    let all = try ws.comments(themeID: "service", audience: nil, waveID: nil, filter: .none, minimumGroup: 5)
    #expect(all.suppressedReason == nil)
    #expect(Set(all.rows.map(\.audience)) == [.customer, .staff])
    let expected = try ws.comments(theme: "service")
    #expect(all.rows.count == expected.count)
    let staff = try ws.comments(
      themeID: "service", audience: .staff, waveID: "2026-09",
      filter: SegmentFilter(["team": "Asiakaspalvelu"]),
      minimumGroup: 5)
    let brute = expected.filter {
      $0.audience == .staff && $0.waveID == "2026-09" && $0.segments["team"] == "Asiakaspalvelu"
    }
    #expect(staff.rows.map(\.text) == brute.map(\.text))
    let limited = try ws.comments(
      themeID: "service", audience: nil, waveID: nil, filter: .none, minimumGroup: 5, limit: 2)
    #expect(limited.rows.count == 2)
  }

  @Test func importanceHasOneEntryPerDriverTheme() throws {
    let customer = try ws.importance(audience: .customer, waveID: "2026-09", filter: .none, minimumGroup: 5)
    #expect(
      customer.map(\.themeID) == ["communication", "service", "influence", "reliability", "pricing", "app"])
    #expect(customer.allSatisfy { $0.r != nil && $0.outcomeQuestionID == "nps" && $0.n > 150 })
    let staff = try ws.importance(audience: .staff, waveID: "2026-09", filter: .none, minimumGroup: 5)
    #expect(staff.allSatisfy { $0.outcomeQuestionID == "enps" })
    let grid = ImportanceGrid(
      importance: customer,
      performance: Dictionary(
        uniqueKeysWithValues: try ws.snapshot().scores.filter {
          $0.key.audience == .customer && $0.key.waveID == "2026-09" && $0.key.questionID == nil
        }.map { ($0.key.themeID, $0.value.index.mean) }), audience: .customer)
    #expect(grid.unavailable == nil)
    #expect(grid.placements.count == 6)
  }

  @Test func reimportReplacesTheCells() throws {
    let fx = try SuppressionSurvey.fixture(regions: [("B", 10), ("C", 16)])
    try fx.file("survey.csv", SuppressionSurvey.csv(regions: [("B", 12)]))
    try fx.importSurvey(replace: true)
    let attributes = try fx.workspace.segmentAttributes()
    #expect(attributes.first { $0.name == "region" }?.values == ["B"])
    let f = try fx.workspace.scores(filter: SegmentFilter(["type": "x"]), minimumGroup: 1)
    #expect(f.scores[ScoreKey(themeID: "talk", audience: .customer, waveID: "2025-09")]?.n == 6)
  }
}
