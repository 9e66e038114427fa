import GRDB
import PeiliCore

extension Workspace {
  /// Reverts the latest edit of an action or key result this open workspace wrote (its
  /// session: see `SessionChanges`) that is not undone yet — repeated calls walk further
  /// back, never into another session's changes nor the same user's earlier ones — in one
  /// transaction with its own audit rows, attributed to `user`. When a field it changed no
  /// longer holds the value that edit wrote, nothing is written: conflict. With nothing of
  /// its own left the file is not touched.
  public func undoLastOfThisSession(by user: String) throws -> UndoOutcome {
    let candidates = own.withLock { $0.undoable }
    guard !candidates.isEmpty else { return .nothingToUndo }
    let outcome = try writeTransaction { db -> UndoOutcome in
      // A change that wrote no editable field (a note-only check-in) has nothing to revert.
      for changeID in candidates.reversed() {
        if let outcome = try undo(db, change: changeID, by: user) { return outcome }
      }
      return .nothingToUndo
    }
    if case .undone(let change, _) = outcome { own.withLock { $0.reverted(change) } }
    return outcome
  }

  /// Reverts an older change chosen on the History screen — anyone's, any session's — by the
  /// same rules as undo: each field must still hold what that change wrote (else a conflict,
  /// nothing written). An import, a change already reverted, or one that changed no field
  /// cannot be reverted.
  public func revert(change changeID: Int64, by user: String) throws -> UndoOutcome {
    try writeTransaction { db -> UndoOutcome in
      let kinds = try String.fetchAll(
        db, sql: "SELECT DISTINCT kind FROM audit WHERE change_id = ?", arguments: [changeID])
      guard !kinds.isEmpty else { throw StoreError.notFound(entity: "change", id: "#\(changeID)") }
      guard !kinds.contains(AuditEntry.Kind.import.rawValue) else {
        throw StoreError.invalid("change #\(changeID) is an import: import the file again instead")
      }
      guard !kinds.contains(AuditEntry.Kind.cycle.rawValue) else {
        throw StoreError.invalid(
          "change #\(changeID) started a cycle: move actions back with an OKR import (--update) instead")
      }
      if try Bool.fetchOne(db, sql: "SELECT 1 FROM audit WHERE reverts = ? LIMIT 1", arguments: [changeID])
        == true
      {
        throw StoreError.invalid("change #\(changeID) is reverted already")
      }
      guard let outcome = try undo(db, change: changeID, by: user) else {
        throw StoreError.invalid("change #\(changeID) changed no field that can be put back")
      }
      return outcome
    }
  }

  /// Reverts `changeID` (nil when it changed no editable field).
  private func undo(_ db: Database, change changeID: Int64, by user: String) throws -> UndoOutcome? {
    let fields = ChangeRevert.revertible.map { "'\($0)'" }.joined(separator: ", ")
    let rows = try Row.fetchAll(
      db, sql: "SELECT * FROM audit WHERE change_id = ? AND field IN (\(fields)) ORDER BY id",
      arguments: [changeID]
    ).map(AuditEntry.init)
    guard let first = rows.first else { return nil }
    let entity = first.entity
    let id = first.entityID

    switch entity {
    case "action":
      guard let action = try DomainRows.fetchAction(db, id: id) else {
        throw StoreError.notFound(entity: "action", id: id)
      }
      if let conflict = ChangeRevert.conflict(rows, now: ActionFields.values(action)) { return conflict }
      let restored = ChangeRevert.restoring(action, rows)
      try ActionRow.write(db, restored)
      let log = try recordUndo(db, rows, of: changeID, by: user)
      if let checkIn = ChangeRevert.checkIn(restoring: action, to: restored, by: user) {
        try CheckInRows.insert(db, checkIn, at: log.at)
      }
    default:
      guard let kr = try DomainRows.fetchKeyResult(db, id: id) else {
        throw StoreError.notFound(entity: "key result", id: id)
      }
      if let conflict = ChangeRevert.conflict(rows, now: KeyResultFields.values(kr)) { return conflict }
      try KeyResultRow.write(db, ChangeRevert.restoring(kr, rows))
      _ = try recordUndo(db, rows, of: changeID, by: user)
    }
    return ChangeRevert.undone(changeID, rows)
  }

  /// The undo's audit rows: each field from what the change wrote back to what it replaced.
  private func recordUndo(_ db: Database, _ rows: [AuditEntry], of changeID: Int64, by user: String) throws
    -> AuditLog
  {
    let log = try AuditLog.begin(db, kind: .undo, user: user, reverts: changeID)
    for row in rows {
      try log.record(
        db, entity: row.entity, id: row.entityID, field: row.field, old: row.newValue, new: row.oldValue)
    }
    return log
  }
}
