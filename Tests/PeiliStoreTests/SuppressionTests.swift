import Foundation
import PeiliCore
import Testing

@testable import PeiliStore

/// Tries to reveal a group of four (region A) through a filter, its complement, breakdowns,
/// comments and the report (see also SegmentReportTests); each attempt must fail.
@Suite struct SuppressionTests {
  let wave = "2025-09"

  @Test func aFilterOnTheGroupOfFourShowsNothing() throws {
    let fx = try SuppressionSurvey.fixture(regions: [("A", 4), ("B", 10), ("C", 16)])
    let f = try fx.workspace.scores(filter: SegmentFilter(["region": "A"]), minimumGroup: 5)
    #expect(f.scores.isEmpty)
    #expect(!f.refused.isEmpty)
    #expect(f.appliesTo == [.customer])
    for reason in f.refused.values { #expect(!reason.contains("4")) }
  }

  @Test func theComplementOfTheGroupOfFourIsRefused() throws {
    let fx = try SuppressionSurvey.fixture(regions: [("A", 4), ("B", 26)])
    let f = try fx.workspace.scores(filter: SegmentFilter(["region": "B"]), minimumGroup: 5)
    #expect(f.scores.isEmpty, "B = everyone but A: B's scores and the total would give A away")
    let key = ScoreKey(themeID: "talk", audience: .customer, waveID: wave)
    #expect(f.refused[key] != nil)
  }

  @Test func filtersOnTheOtherValuesNeverAddUpToEveryoneButTheGroup() throws {
    let fx = try SuppressionSurvey.fixture(regions: [("A", 4), ("B", 10), ("C", 16)])
    let total = try fx.workspace.snapshot().score("talk", .customer, wave: wave)!.n
    var shown = 0
    for region in ["A", "B", "C"] {
      let f = try fx.workspace.scores(filter: SegmentFilter(["region": region]), minimumGroup: 5)
      shown += f.scores[ScoreKey(themeID: "talk", audience: .customer, waveID: wave)]?.n ?? 0
    }
    let rest = total - shown
    #expect(rest == 0 || rest >= 5, "the shown regions leave \(rest) respondents to be worked out")
    #expect(rest != 4)
  }

  @Test func aFilterWithinAnotherFilterCannotIsolateTheGroup() throws {
    // Type x has 2 of A's 4 plus others; x ∧ B would leave x's A-members as the rest of x.
    let fx = try SuppressionSurvey.fixture(regions: [("A", 4), ("B", 30)])
    let f = try fx.workspace.scores(filter: SegmentFilter(["region": "B", "type": "x"]), minimumGroup: 5)
    #expect(f.scores[ScoreKey(themeID: "talk", audience: .customer, waveID: wave)] == nil)
  }

  @Test func breakdownRowsNeverRevealTheGroup() throws {
    let fx = try SuppressionSurvey.fixture(regions: [("A", 4), ("B", 10), ("C", 16)])
    for question in [nil, "talk1", "talk2"] as [String?] {
      let rows = try fx.workspace.breakdown(
        themeID: "talk", questionID: question, audience: .customer, waveID: wave, attribute: "region",
        filter: .none, minimumGroup: 5)
      #expect(rows.map(\.value) == ["A", "B", "C"])
      let a = try #require(rows.first { $0.value == "A" })
      #expect(a.summary == nil && a.suppressedReason != nil)
      let total = try fx.workspace.snapshot().scores[
        ScoreKey(themeID: "talk", questionID: question, audience: .customer, waveID: wave)]!.n
      let rest = total - rows.reduce(0) { $0 + ($1.summary?.n ?? 0) }
      #expect(rest == 0 || rest >= 5, "rest \(rest) could be worked out from the total")
    }
  }

  @Test func commentsOfTheGroupAreWithheld() throws {
    let fx = try SuppressionSurvey.fixture(regions: [("A", 4), ("B", 10), ("C", 16)])
    for region in ["A", "B"] {
      let c = try fx.workspace.comments(
        themeID: "talk", audience: nil, waveID: nil, filter: SegmentFilter(["region": region]),
        minimumGroup: 5)
      #expect(c.rows.isEmpty)
      #expect(c.suppressedReason != nil)
    }
    let c = try fx.workspace.comments(
      themeID: "talk", audience: .customer, waveID: wave, filter: SegmentFilter(["region": "C"]),
      minimumGroup: 5)
    #expect(c.rows.count == 16)
    #expect(!c.rows.contains { $0.text.contains("secret") })
  }

  @Test func aWholeAudienceOfFourHasNoCommentsScoresOrImportance() throws {
    let fx = try SuppressionSurvey.fixture(regions: [("A", 4)])
    let c = try fx.workspace.comments(
      themeID: "talk", audience: nil, waveID: nil, filter: .none, minimumGroup: 5)
    #expect(c.rows.isEmpty && c.suppressedReason != nil)
    let imp = try fx.workspace.importance(audience: .customer, waveID: wave, filter: .none, minimumGroup: 5)
    #expect(imp.allSatisfy { $0.r == nil })
  }

  @Test func importanceUnderTheGroupsComplementIsWithheld() throws {
    let fx = try SuppressionSurvey.fixture(regions: [("A", 4), ("B", 26)])
    let all = try fx.workspace.importance(audience: .customer, waveID: wave, filter: .none, minimumGroup: 5)
    #expect(all.map(\.themeID) == ["talk"])
    #expect(all[0].r != nil)
    let b = try fx.workspace.importance(
      audience: .customer, waveID: wave, filter: SegmentFilter(["region": "B"]), minimumGroup: 5)
    #expect(b.allSatisfy { $0.r == nil })
  }

  @Test func demoLappiIsNeverShown() throws {
    let dir = FileManager.default.temporaryDirectory.appendingPathComponent(
      "peili-lappi-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: dir) }
    let ws = try DemoWorkspace.build(at: dir.appendingPathComponent("demo.db").path, by: "tester")
    let lappi = try ws.scores(filter: SegmentFilter(["region": "Lappi"]), minimumGroup: 5)
    #expect(lappi.scores.keys.allSatisfy { $0.audience != .customer })
    #expect(lappi.appliesTo == [.customer])
    // Staff have no region: their scores stay unfiltered.
    #expect(lappi.scores[ScoreKey(themeID: "communication", audience: .staff, waveID: "2026-09")] != nil)
    let rows = try ws.breakdown(
      themeID: "communication", questionID: nil, audience: .customer, waveID: "2026-09", attribute: "region",
      filter: .none, minimumGroup: 5)
    #expect(rows.first { $0.value == "Lappi" }?.summary == nil)
    let comments = try ws.comments(
      themeID: "communication", audience: .customer, waveID: nil, filter: SegmentFilter(["region": "Lappi"]),
      minimumGroup: 5)
    #expect(comments.rows.isEmpty && comments.suppressedReason != nil)
  }
}
