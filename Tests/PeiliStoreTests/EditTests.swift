import Foundation
import GRDB
import PeiliCore
import Testing

@testable import PeiliStore

@Suite("Edits, audit, undo and change detection")
struct EditTests {
  private func action(_ ws: Workspace, _ id: String) throws -> Action {
    try #require(try ws.snapshot().actions.first { $0.id == id })
  }

  private func keyResult(_ ws: Workspace, _ id: String) throws -> KeyResult {
    try #require(try ws.snapshot().keyResults.first { $0.id == id })
  }

  private func checkIns(_ ws: Workspace, _ id: String) throws -> [Row] {
    try ws.writer.read { db in
      try Row.fetchAll(db, sql: "SELECT * FROM checkin WHERE subject_id = ? ORDER BY id", arguments: [id])
    }
  }

  @Test func progressEditBumpsVersionWritesAuditAndCheckIn() throws {
    let fx = try StoreFixture()
    let ws = try fx.exampleWorkspace()
    let a1 = try action(ws, "A1")
    #expect(a1.progress == 40)
    let outcome = try ws.apply(.progress(50), toAction: "A1", basedOn: a1.version, by: "aino")
    guard case .applied(let updated) = outcome else {
      Issue.record("expected applied, got \(outcome)")
      return
    }
    #expect(updated.progress == 50)
    #expect(updated.version == a1.version + 1)
    #expect(try action(ws, "A1") == updated)

    let trail = try ws.auditTrail(limit: 10, entity: "action", id: "A1")
    let entry = try #require(trail.first)
    #expect(entry.kind == .edit)
    #expect(entry.user == "aino")
    #expect(entry.field == "progress")
    #expect(entry.oldValue == "40")
    #expect(entry.newValue == "50")
    #expect(entry.at.range(of: #"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$"#, options: .regularExpression) != nil)

    let rows = try checkIns(ws, "A1")
    #expect(rows.count == 1)
    #expect(rows.first?["subject"] == "action")
    #expect(rows.first?["progress"] == 50)
    #expect(rows.first?["author"] == "aino")
  }

  @Test func aStaleVersionIsAConflictAndWritesNothing() throws {
    let fx = try StoreFixture()
    let ws = try fx.exampleWorkspace()
    let a1 = try action(ws, "A1")
    _ = try ws.apply(.progress(60), toAction: "A1", basedOn: a1.version, by: "aino")
    let before = try StoreFixture.dump(ws)
    let outcome = try ws.apply(.status(.done), toAction: "A1", basedOn: a1.version, by: "eero")
    guard case .conflict(let current) = outcome else {
      Issue.record("expected conflict, got \(outcome)")
      return
    }
    #expect(current.progress == 60)
    #expect(current.status == .active)
    #expect(current.version == a1.version + 1)
    #expect(try StoreFixture.dump(ws) == before)
  }

  @Test func progressIsClampedAndStatusAudited() throws {
    let fx = try StoreFixture()
    let ws = try fx.exampleWorkspace()
    var a1 = try action(ws, "A1")
    guard case .applied(let up) = try ws.apply(.progress(140), toAction: "A1", basedOn: a1.version, by: "u")
    else { throw StoreError.invalid("not applied") }
    #expect(up.progress == 100)
    a1 = up
    guard case .applied(let down) = try ws.apply(.progress(-5), toAction: "A1", basedOn: a1.version, by: "u")
    else { throw StoreError.invalid("not applied") }
    #expect(down.progress == 0)
    guard
      case .applied(let done) = try ws.apply(.status(.done), toAction: "A1", basedOn: down.version, by: "u")
    else { throw StoreError.invalid("not applied") }
    #expect(done.status == .done)
    let trail = try ws.auditTrail(entity: "action", id: "A1")
    #expect(trail.map(\.field).prefix(3) == ["status", "progress", "progress"])
    #expect(trail.first?.oldValue == "active")
    #expect(trail.first?.newValue == "done")
    // A status change is not a progress check-in.
    #expect(try checkIns(ws, "A1").count == 2)
  }

  @Test func noChangeWritesNothing() throws {
    let fx = try StoreFixture()
    let ws = try fx.exampleWorkspace()
    let a1 = try action(ws, "A1")
    let before = try StoreFixture.dump(ws)
    #expect(try ws.apply(.progress(40), toAction: "A1", basedOn: a1.version, by: "u") == .applied(a1))
    #expect(try StoreFixture.dump(ws) == before)
  }

  @Test func checkInRecordsNoteConfidenceAndProgress() throws {
    let fx = try StoreFixture()
    let ws = try fx.exampleWorkspace()
    let a3 = try action(ws, "A3")
    let outcome = try ws.apply(
      .checkIn(progress: 35, confidence: 7, note: "ten chargers\u{1B}[31m done"), toAction: "A3",
      basedOn: a3.version, by: "mikko")
    guard case .applied(let updated) = outcome else { throw StoreError.invalid("not applied") }
    #expect(updated.progress == 35)
    #expect(updated.confidence == 7)
    let row = try #require(try checkIns(ws, "A3").last)
    #expect(row["note"] == "ten chargers[31m done")
    #expect(row["progress"] == 35)
    #expect(row["confidence"] == 7)
    #expect(
      Set(try ws.auditTrail(limit: 3, entity: "action", id: "A3").map(\.field))
        == ["progress", "confidence", "check_in"])
    // The note is in the trail too (the History screen shows it).
    #expect(
      try ws.auditTrail(limit: 1, entity: "action", id: "A3").first?.newValue == "ten chargers[31m done")

    // A note alone is still a check-in with an audit trace.
    guard
      case .applied(let again) = try ws.apply(
        .checkIn(progress: nil, confidence: nil, note: "on track"), toAction: "A3", basedOn: updated.version,
        by: "mikko")
    else { throw StoreError.invalid("not applied") }
    #expect(again.version == updated.version + 1)
    #expect(try ws.auditTrail(limit: 1).first?.field == "check_in")
    #expect(try checkIns(ws, "A3").count == 2)
  }

  @Test func invalidCheckInValuesThrowAndWriteNothing() throws {
    let fx = try StoreFixture()
    let ws = try fx.exampleWorkspace()
    let a3 = try action(ws, "A3")
    let before = try StoreFixture.dump(ws)
    #expect(throws: StoreError.invalid("progress must be between 0 and 100, got 101")) {
      try ws.apply(
        .checkIn(progress: 101, confidence: nil, note: ""), toAction: "A3", basedOn: a3.version, by: "u")
    }
    #expect(throws: StoreError.invalid("confidence must be between 1 and 10, got 0")) {
      try ws.apply(
        .checkIn(progress: 50, confidence: 0, note: ""), toAction: "A3", basedOn: a3.version, by: "u")
    }
    #expect(throws: StoreError.notFound(entity: "action", id: "A99")) {
      try ws.apply(.progress(1), toAction: "A99", basedOn: 1, by: "u")
    }
    #expect(try StoreFixture.dump(ws) == before)
  }

  @Test func undoRevertsThisSessionsEditsOneByOne() throws {
    let fx = try StoreFixture()
    let ws = try fx.exampleWorkspace()
    let a1 = try action(ws, "A1")
    guard case .applied(let p) = try ws.apply(.progress(70), toAction: "A1", basedOn: a1.version, by: "aino"),
      case .applied = try ws.apply(.status(.blocked), toAction: "A1", basedOn: p.version, by: "aino")
    else { throw StoreError.invalid("not applied") }
    // Someone else's later edit elsewhere (another session) is not this session's to undo.
    let other = try Workspace.open(path: fx.path("ws.peili"))
    let a4 = try action(ws, "A4")
    _ = try other.apply(.progress(20), toAction: "A4", basedOn: a4.version, by: "juho")

    guard case .undone(_, let fields) = try ws.undoLastOfThisSession(by: "aino") else {
      throw StoreError.invalid("not undone")
    }
    #expect(
      fields == [FieldChange(entity: "action", id: "A1", field: "status", old: "blocked", new: "active")])
    #expect(try action(ws, "A1").status == .active)
    #expect(try action(ws, "A1").progress == 70)
    let undoRow = try #require(try ws.auditTrail(limit: 1).first)
    #expect(undoRow.kind == .undo)
    #expect(undoRow.field == "status" && undoRow.oldValue == "blocked" && undoRow.newValue == "active")
    #expect(undoRow.reverts != nil)

    _ = try ws.undoLastOfThisSession(by: "aino")
    let restored = try action(ws, "A1")
    #expect(restored.progress == 40)
    #expect(restored.version == a1.version + 4)
    #expect(try ws.undoLastOfThisSession(by: "aino") == .nothingToUndo)
    #expect(try action(ws, "A4").progress == 20)
  }

  @Test func undoOfAFieldChangedSinceIsAConflict() throws {
    let fx = try StoreFixture()
    let ws = try fx.exampleWorkspace()
    let a1 = try action(ws, "A1")
    guard case .applied(let p) = try ws.apply(.progress(50), toAction: "A1", basedOn: a1.version, by: "aino"),
      case .applied = try Workspace.open(path: fx.path("ws.peili")).apply(
        .progress(60), toAction: "A1", basedOn: p.version, by: "siiri")
    else { throw StoreError.invalid("not applied") }
    let before = try StoreFixture.dump(ws)
    #expect(
      try ws.undoLastOfThisSession(by: "aino")
        == .conflict(entity: "action", id: "A1", field: "progress", expected: "50", current: "60"))
    #expect(try StoreFixture.dump(ws) == before)
  }

  @Test func keyResultCheckIns() throws {
    let fx = try StoreFixture()
    let ws = try fx.exampleWorkspace()
    let kr2 = try keyResult(ws, "KR2")
    guard
      case .applied(let metric) = try ws.checkIn(
        keyResult: "KR2", value: 30, confidence: 8, note: "May", by: "siiri")
    else { throw StoreError.invalid("not applied") }
    #expect(metric.measure == .metric(start: 18, target: 35, current: 30, unit: "%"))
    #expect(metric.confidence == 8)
    #expect(metric.version == kr2.version + 1)
    let trail = try ws.auditTrail(limit: 3, entity: "key_result", id: "KR2")
    #expect(Set(trail.map(\.field)) == ["current_value", "confidence", "check_in"])
    #expect(trail.first { $0.field == "current_value" }?.oldValue == "24")
    let row = try #require(try checkIns(ws, "KR2").last)
    #expect(row["value"] == 30.0)
    #expect(row["note"] == "May")

    guard
      case .applied(let milestone) = try ws.checkIn(keyResult: "KR4", value: 1, confidence: nil, by: "mikko")
    else { throw StoreError.invalid("not applied") }
    #expect(milestone.measure == .milestone(done: true))

    let before = try StoreFixture.dump(ws)
    #expect(throws: StoreError.self) {
      try ws.checkIn(keyResult: "KR1", value: 55, confidence: nil, by: "aino")
    }
    #expect(throws: StoreError.invalid("confidence must be between 1 and 10, got 11")) {
      try ws.checkIn(keyResult: "KR2", value: nil, confidence: 11, by: "aino")
    }
    #expect(
      try ws.checkIn(keyResult: "KR2", value: 31, confidence: nil, basedOn: kr2.version, by: "aino")
        == .conflict(current: metric))
    #expect(try StoreFixture.dump(ws) == before)

    // A perception KR takes confidence and a note.
    guard
      case .applied(let perception) = try ws.checkIn(keyResult: "KR1", value: nil, confidence: 4, by: "aino")
    else { throw StoreError.invalid("not applied") }
    #expect(perception.confidence == 4)

    // Undo walks back through KR check-ins too, newest first.
    guard case .undone(_, let perceptionUndo) = try ws.undoLastOfThisSession(by: "aino"),
      case .undone(_, let milestoneUndo) = try ws.undoLastOfThisSession(by: "mikko")
    else {
      throw StoreError.invalid("not undone")
    }
    #expect(perceptionUndo.map(\.id) == ["KR1"])
    #expect(
      milestoneUndo == [
        FieldChange(entity: "key_result", id: "KR4", field: "done", old: "true", new: "false")
      ])
    #expect(try keyResult(ws, "KR4").measure == .milestone(done: false))
  }

  @Test func externalChangesAreSeenAcrossTwoWorkspaceObjects() throws {
    let fx = try StoreFixture()
    let first = try fx.exampleWorkspace()
    let second = try Workspace.open(path: fx.path("ws.peili"))
    #expect(try !first.hasExternalChanges())
    #expect(try !second.hasExternalChanges())

    let a1 = try action(first, "A1")
    _ = try first.apply(.progress(55), toAction: "A1", basedOn: a1.version, by: "aino")
    #expect(try !first.hasExternalChanges(), "own writes are not external")
    #expect(try second.hasExternalChanges())
    #expect(try !second.hasExternalChanges(), "reported once")
    #expect(try action(second, "A1").progress == 55)

    // An edit of its own does not hide another's commit.
    let a3 = try action(second, "A3")
    _ = try second.apply(.progress(30), toAction: "A3", basedOn: a3.version, by: "mikko")
    _ = try first.apply(.status(.done), toAction: "A1", basedOn: a1.version + 1, by: "aino")
    _ = try second.apply(.progress(31), toAction: "A3", basedOn: a3.version + 1, by: "mikko")
    #expect(try second.hasExternalChanges())
    #expect(try first.hasExternalChanges())

    // A read-only viewer sees changes too.
    let viewer = try Workspace.open(path: fx.path("ws.peili"), readOnly: true)
    #expect(try !viewer.hasExternalChanges())
    _ = try first.apply(.progress(90), toAction: "A1", basedOn: a1.version + 2, by: "aino")
    #expect(try viewer.hasExternalChanges())
  }

  @Test func twoWorkspacesEditingAtOnceBothLand() async throws {
    let fx = try StoreFixture()
    let first = try fx.exampleWorkspace()
    let second = try Workspace.open(path: fx.path("ws.peili"))
    try await withThrowingTaskGroup(of: Void.self) { group in
      for (ws, id, user) in [(first, "A1", "aino"), (second, "A3", "mikko")] {
        group.addTask {
          for step in 1...15 {
            let current = try #require(try ws.snapshot().actions.first { $0.id == id })
            guard
              case .applied = try ws.apply(.progress(step), toAction: id, basedOn: current.version, by: user)
            else { throw StoreError.invalid("conflict on \(id)") }
          }
        }
      }
      try await group.waitForAll()
    }
    let s = try first.snapshot()
    #expect(s.actions.first { $0.id == "A1" }?.progress == 15)
    #expect(s.actions.first { $0.id == "A3" }?.progress == 15)
    #expect(try first.auditTrail(limit: 100).filter { $0.kind == .edit }.count == 30)
  }
}
