import Foundation
import GRDB
import PeiliCore
import Testing

@testable import PeiliStore

@Suite("Snapshot loading")
struct SnapshotTests {
  @Test func emptyWorkspace() throws {
    let fx = try StoreFixture()
    let ws = try Workspace.open(path: fx.path("ws.peili"), create: true)
    let s = try ws.snapshot()
    #expect(s.cycle == nil)
    #expect(s.objectives.isEmpty && s.themes.isEmpty && s.scores.isEmpty)
    #expect(s.workspacePath == fx.path("ws.peili"))
  }

  @Test func theExampleRoundTrips() throws {
    let fx = try StoreFixture()
    let ws = try fx.exampleWorkspace()
    let s = try ws.snapshot()
    #expect(s.cycle == Cycle(id: "2026", name: "2026", start: Day("2026-01-01")!, end: Day("2026-12-31")!))
    #expect(s.themes.map(\.id) == ["communication", "reliability"])
    #expect(
      s.objectives == [
        Objective(
          id: "O1", cycleID: "2026", title: "Customers understand what we offer", kind: .committed,
          owner: "Aino",
          weight: 2, themeIDs: ["communication"], position: 0, version: 1),
        Objective(
          id: "O2", cycleID: "2026", parentID: "O1", title: "Charging just works", kind: .aspirational,
          owner: "Mikko", weight: 1, themeIDs: ["reliability"], position: 1, version: 1),
      ])
    #expect(s.keyResults.map(\.id) == ["KR1", "KR2", "KR3", "KR4"])
    #expect(
      s.keyResults[0].measure
        == .perception(themeID: "communication", audience: .customer, baselineWave: "2025-09", target: 60))
    #expect(s.keyResults[1].measure == .metric(start: 18, target: 35, current: 24, unit: "%"))
    #expect(s.keyResults[2].measure == .metric(start: 97.1, target: 99.5, current: 98, unit: "%"))
    #expect(s.keyResults[3].measure == .milestone(done: false))
    #expect(s.keyResults[3].owner == "Mikko")
    #expect(s.actions.map(\.id) == ["A1", "A2", "A3", "A4"])
    let a1 = s.actions[0]
    #expect(
      a1
        == Action(
          id: "A1", objectiveID: "O1", keyResultID: "KR2", title: "Monthly customer newsletter",
          owner: "Siiri",
          status: .active, progress: 40, start: Day("2026-02-01"), due: Day("2026-06-30"),
          themeIDs: ["communication"], position: 0, version: 1))
    #expect(s.actions[1].keyResultID == "KR1")
    #expect(s.actions[3].status == .blocked)
    #expect(s.actions[3].start == nil)
  }

  @Test func surveyTablesAndScoresComeThrough() throws {
    let fx = try StoreFixture()
    let ws = try fx.exampleWorkspace()
    let key = ScoreKey(themeID: "communication", audience: .staff, waveID: "2025-09")
    var sample = SampleSummary()
    for x in [40.0, 60, 80] { sample.add(x) }
    let summary = ScoreSummary(index: sample, favourable: 1, favourableN: 3)
    try ws.writer.write { db in
      try db.execute(
        sql: "INSERT INTO wave (id, date) VALUES ('2026-09', '2026-09-15'), ('2025-09', '2025-09-10')")
      try db.execute(
        sql: """
          INSERT INTO question (id, theme_id, text, scale_min, scale_max, nps, outcome, position)
          VALUES ('q2', 'reliability', 'Chargers work', 1, 5, 0, 0, 1),
                 ('q1', 'communication', 'I understand', 0, 10, 1, 1, 0)
          """)
      try ScoreCache.store(db, key: key, summary: summary)
    }
    let s = try ws.snapshot()
    #expect(s.waves.map(\.id) == ["2025-09", "2026-09"])
    #expect(s.questions.map(\.id) == ["q1", "q2"])
    #expect(
      s.questions[0].scale == Scale(min: 0, max: 10) && s.questions[0].isNPS && s.questions[0].isOutcome)
    #expect(s.scores == [key: summary])
    #expect(s.score("communication", .staff, wave: "2025-09") == summary)
  }

  @Test func theLatestCycleIsShown() throws {
    let fx = try StoreFixture()
    let ws = try fx.exampleWorkspace()
    let next = try fx.file(
      "2027.yaml",
      """
      cycle: {id: "2027", name: Next year, start: 2027-01-01, end: 2027-12-31}
      objectives:
        - {id: P1, title: Grow, themes: [reliability]}
      """)
    try ws.importOKRs(file: next, by: "u")
    let s = try ws.snapshot()
    #expect(s.cycle?.id == "2027")
    #expect(s.objectives.map(\.id) == ["P1"])
    #expect(s.keyResults.isEmpty && s.actions.isEmpty)
  }
}
