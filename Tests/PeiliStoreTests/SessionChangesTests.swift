import Foundation
import PeiliCore
import Testing

@testable import PeiliStore

/// Each open workspace is one session: its undo reverts only what it wrote, and what other
/// sessions wrote is told apart from its own.
@Suite("Session changes: own undo, others' news")
struct SessionChangesTests {
  private func action(_ ws: Workspace, _ id: String) throws -> Action {
    try #require(try ws.snapshot().actions.first { $0.id == id })
  }

  private func applied(_ outcome: EditOutcome) throws -> Action {
    guard case .applied(let action) = outcome else { throw StoreError.invalid("not applied: \(outcome)") }
    return action
  }

  @Test func twoSessionsOfOneUserEachUndoOnlyTheirOwnChanges() throws {
    let fx = try StoreFixture()
    let first = try fx.exampleWorkspace()
    let second = try Workspace.open(path: fx.path("ws.peili"))
    let a1 = try applied(
      try first.apply(.progress(70), toAction: "A1", basedOn: try action(first, "A1").version, by: "aino"))
    _ = try applied(
      try second.apply(.progress(30), toAction: "A3", basedOn: try action(second, "A3").version, by: "aino"))
    _ = try applied(try first.apply(.status(.blocked), toAction: "A1", basedOn: a1.version, by: "aino"))
    // The second session's change is the newest of aino's, but not the first session's to undo.
    guard case .undone(_, let status) = try first.undoLastOfThisSession(by: "aino"),
      case .undone(_, let progress) = try first.undoLastOfThisSession(by: "aino")
    else { throw StoreError.invalid("not undone") }
    #expect(
      status == [FieldChange(entity: "action", id: "A1", field: "status", old: "blocked", new: "active")])
    #expect(progress == [FieldChange(entity: "action", id: "A1", field: "progress", old: "70", new: "40")])
    #expect(try first.undoLastOfThisSession(by: "aino") == .nothingToUndo)
    #expect(try action(first, "A3").progress == 30, "the other session's edit is untouched")

    guard case .undone(_, let other) = try second.undoLastOfThisSession(by: "aino") else {
      throw StoreError.invalid("not undone")
    }
    #expect(other.map(\.id) == ["A3"])
    #expect(try second.undoLastOfThisSession(by: "aino") == .nothingToUndo)
  }

  @Test func aNewSessionHasNothingToUndoAndTouchesNothing() throws {
    let fx = try StoreFixture()
    do {
      let earlier = try fx.exampleWorkspace()
      _ = try earlier.apply(
        .progress(70), toAction: "A1", basedOn: try action(earlier, "A1").version, by: "aino")
      _ = try earlier.checkIn(keyResult: "KR2", value: 30, confidence: 8, note: "", by: "aino")
    }
    let later = try Workspace.open(path: fx.path("ws.peili"))
    let before = try StoreFixture.dump(later)
    #expect(try later.undoLastOfThisSession(by: "aino") == .nothingToUndo)
    #expect(try StoreFixture.dump(later) == before)
  }

  @Test func theDemosBuiltInCheckInsAreNotTheOpeningSessionsToUndo() throws {
    let fx = try StoreFixture()
    let demo = try DemoWorkspace.build(at: fx.path("demo.db"), by: "aino")
    #expect(try demo.undoLastOfThisSession(by: "aino") == .nothingToUndo)
  }

  /// Another session's heartbeat moves SQLite's data_version; an edit of this session's
  /// right after it is still this session's own, not another's change.
  @Test func ownEditAfterAnotherSessionsHeartbeatIsNoExternalChange() throws {
    let fx = try StoreFixture()
    let mine = try fx.exampleWorkspace()
    let other = try Workspace.open(path: fx.path("ws.peili"))
    #expect(try !mine.hasExternalChanges())
    _ = try other.heartbeat(WorkspaceSession(id: "s2", user: "mikko", host: "server", pid: 2))
    _ = try mine.apply(.progress(70), toAction: "A1", basedOn: try action(mine, "A1").version, by: "aino")
    #expect(try !mine.hasExternalChanges())
    // Another session's edit is still found, with this session's own writes around it.
    _ = try other.apply(.progress(30), toAction: "A3", basedOn: try action(other, "A3").version, by: "mikko")
    _ = try mine.apply(.progress(80), toAction: "A1", basedOn: try action(mine, "A1").version, by: "aino")
    #expect(try mine.hasExternalChanges())
    #expect(try !mine.hasExternalChanges(), "reported once")
  }

  @Test func changesByOthersNameTheNewestAndCountTheRestWithoutOwnRows() throws {
    let fx = try StoreFixture()
    let mine = try fx.exampleWorkspace()
    let other = try Workspace.open(path: fx.path("ws.peili"))
    let since = try mine.snapshot().lastAuditID
    #expect(try mine.changesByOthers(since: since) == ChangesByOthers(lastAuditID: since))

    _ = try other.apply(.progress(50), toAction: "A1", basedOn: try action(other, "A1").version, by: "mikko")
    _ = try mine.apply(.progress(30), toAction: "A3", basedOn: try action(mine, "A3").version, by: "aino")
    let one = try mine.changesByOthers(since: since)
    #expect(one.user == "mikko" && one.count == 1)
    #expect(one.newest == FieldChange(entity: "action", id: "A1", field: "progress", old: "40", new: "50"))
    #expect(one.lastAuditID == since + 2, "own rows are read past, not reported")

    _ = try other.apply(.status(.done), toAction: "A4", basedOn: try action(other, "A4").version, by: "siiri")
    let two = try mine.changesByOthers(since: since)
    #expect(two.user == "siiri" && two.count == 2)
    #expect(two.newest?.id == "A4" && two.newest?.field == "status" && two.newest?.new == "done")
    #expect(try mine.changesByOthers(since: two.lastAuditID).count == 0)
    #expect(try other.changesByOthers(since: since).newest?.id == "A3", "and the other way round")
  }
}
