import PeiliCore
import PostgresNIO

/// Undo of this session's edits and revert of any change, by `ChangeRevert`'s rules (as on
/// SQLite): each field must still hold what the change wrote, else a conflict and nothing written.
extension PostgresWorkspace {
  public func undoLastOfThisSession(by user: String) throws -> UndoOutcome {
    let candidates = own.withLock { $0.undoable }
    guard !candidates.isEmpty else { return .nothingToUndo }
    let outcome = try write { sql -> UndoOutcome in
      // A change that wrote no editable field (a note-only check-in) has nothing to revert.
      for changeID in candidates.reversed() {
        if let outcome = try Self.undo(sql, change: changeID, by: user) { return outcome }
      }
      return .nothingToUndo
    }
    if case .undone(let change, _) = outcome { own.withLock { $0.reverted(change) } }
    return outcome
  }

  public func revert(change changeID: Int64, by user: String) throws -> UndoOutcome {
    try write { sql -> UndoOutcome in
      let kinds = try sql.rows("SELECT DISTINCT kind FROM audit WHERE change_id = \(changeID)").map {
        try $0.decode(String.self)
      }
      guard !kinds.isEmpty else { throw StoreError.notFound(entity: "change", id: "#\(changeID)") }
      guard !kinds.contains(AuditEntry.Kind.import.rawValue) else {
        throw StoreError.invalid("change #\(changeID) is an import: import the file again instead")
      }
      guard !kinds.contains(AuditEntry.Kind.cycle.rawValue) else {
        throw StoreError.invalid(
          "change #\(changeID) started a cycle: move actions back with an OKR import (--update) instead")
      }
      if try !sql.rows("SELECT 1 FROM audit WHERE reverts = \(changeID) LIMIT 1").isEmpty {
        throw StoreError.invalid("change #\(changeID) is reverted already")
      }
      guard let outcome = try Self.undo(sql, change: changeID, by: user) else {
        throw StoreError.invalid("change #\(changeID) changed no field that can be put back")
      }
      return outcome
    }
  }

  /// Reverts `changeID` (nil when it changed no editable field).
  private static func undo(_ sql: SQL, change changeID: Int64, by user: String) throws -> UndoOutcome? {
    let fields = Array(ChangeRevert.revertible)
    let rows = try sql.rows(
      PostgresQuery(
        unsafeSQL:
          "SELECT \(PostgresRows.auditColumns) FROM audit WHERE change_id = $1 AND field = ANY($2) ORDER BY id",
        binds: {
          var b = PostgresBindings()
          b.append(changeID)
          b.append(fields)
          return b
        }())
    ).map(PostgresRows.audit)
    guard let first = rows.first else { return nil }
    let id = first.entityID
    switch first.entity {
    case "action":
      guard let action = try PostgresRows.fetchAction(sql, id: id) else {
        throw StoreError.notFound(entity: "action", id: id)
      }
      if let conflict = ChangeRevert.conflict(rows, now: ActionFields.values(action)) { return conflict }
      let restored = ChangeRevert.restoring(action, rows)
      try writeAction(sql, restored)
      let log = try recordUndo(sql, rows, of: changeID, by: user)
      if let checkIn = ChangeRevert.checkIn(restoring: action, to: restored, by: user) {
        try insert(sql, checkIn, at: log.at)
      }
    default:
      guard let kr = try PostgresRows.fetchKeyResult(sql, id: id) else {
        throw StoreError.notFound(entity: "key result", id: id)
      }
      if let conflict = ChangeRevert.conflict(rows, now: KeyResultFields.values(kr)) { return conflict }
      try writeKeyResult(sql, ChangeRevert.restoring(kr, rows))
      _ = try recordUndo(sql, rows, of: changeID, by: user)
    }
    return ChangeRevert.undone(changeID, rows)
  }

  /// The undo's audit rows: each field from what the change wrote back to what it replaced.
  private static func recordUndo(_ sql: SQL, _ rows: [AuditEntry], of changeID: Int64, by user: String) throws
    -> AuditWriter
  {
    let log = try AuditWriter.begin(sql, kind: .undo, user: user, reverts: changeID)
    for row in rows {
      try log.record(
        sql, entity: row.entity, id: row.entityID, field: row.field, old: row.newValue, new: row.oldValue)
    }
    return log
  }
}
