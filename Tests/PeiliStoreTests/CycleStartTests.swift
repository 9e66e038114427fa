import Foundation
import PeiliCore
import Testing

@testable import PeiliStore

/// `Workspace.startCycle` through the store API, on a real SQLite file.
@Suite struct CycleStartTests {
  private func day(_ text: String) -> Day { Day(text)! }

  private var next: Cycle {
    Cycle(id: "2027", name: "2027", start: day("2027-01-01"), end: day("2027-12-31"))
  }

  @Test func carryOverIsOneAuditedChangeThatMovesOnlyTheUnfinishedActions() throws {
    let fixture = try StoreFixture()
    let ws = try fixture.exampleWorkspace()
    let a3 = try #require(try ws.actions(ids: ["A3"]).first)
    _ = try ws.apply(.status(.done), toAction: "A3", basedOn: a3.version, by: "mikko")

    let summary = try ws.startCycle(next, carryingOverFrom: "2026", by: "aino")
    #expect(Set(summary.carriedActions) == ["A1", "A2", "A4"])
    #expect(summary.objectives == ["O1-2027", "O2-2027"])
    #expect(Set(summary.keyResults) == ["KR1-2027", "KR2-2027", "KR4-2027"])

    let moved = try ws.actions(ids: ["A4", "A3"])
    #expect(moved.map(\.objectiveID) == ["O2-2027", "O2"])
    #expect(moved.map(\.keyResultID) == ["KR4-2027", "KR3"])
    #expect(try ws.keyResults(ids: ["KR4-2027"]).first?.version == 1)

    // Every row of the start under one change id, attributed to its user, after A3's edit.
    let trail = try ws.auditTrail(limit: 200)
    let change = try #require(trail.first?.changeID)
    let rows = trail.filter { $0.changeID == change }
    #expect(rows.count == summary.auditRows)
    #expect(rows.allSatisfy { $0.user == "aino" && $0.kind == .cycle })
    // History cannot revert it (nor say "import the file again" of it).
    let refused = #expect(throws: StoreError.self) { try ws.revert(change: change, by: "aino") }
    guard case .invalid(let why)? = refused else {
      Issue.record("expected a refusal, got \(String(describing: refused))")
      return
    }
    #expect(why.contains("started a cycle"))
    #expect(trail.contains { $0.entityID == "A3" && $0.field == "status" && $0.changeID < change })

    // The new cycle's snapshot holds the copies and the moved actions; 2026 keeps the rest.
    ws.select(cycle: .id("2027"))
    let snapshot = try ws.snapshot()
    #expect(Set(snapshot.actions.map(\.id)) == ["A1", "A2", "A4"])
    #expect(snapshot.objectives.first { $0.id == "O2-2027" }?.parentID == "O1-2027")
    #expect(snapshot.previousCycle?.actions.map(\.id) == ["A3"])
  }

  @Test func aRefusedStartWritesNothing() throws {
    let fixture = try StoreFixture()
    let ws = try fixture.exampleWorkspace()
    let before = try StoreFixture.dump(ws)
    var other = next
    other.id = "2026"
    #expect(throws: StoreError.invalid("a cycle `2026` already exists; expected a new cycle id")) {
      try ws.startCycle(other, by: "aino")
    }
    #expect(throws: StoreError.unknownCycle(id: "1999", known: ["2026"])) {
      try ws.startCycle(next, carryingOverFrom: "1999", by: "aino")
    }
    other.id = "20 27"
    #expect(throws: StoreError.self) { try ws.startCycle(other, by: "aino") }
    other = next
    other.end = day("2026-12-31")
    #expect(throws: StoreError.self) { try ws.startCycle(other, by: "aino") }
    #expect(try StoreFixture.dump(ws) == before)
  }
}
