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
    let fields = (ActionFields.editable + KeyResultFields.editable).map { "'\($0)'" }.joined(separator: ", ")
    let rows = try Row.fetchAll(
      db, sql: "SELECT * FROM audit WHERE change_id = ? AND field IN (\(fields)) ORDER BY id",
      arguments: [changeID]
    ).map(AuditEntry.init)
    guard let first = rows.first else { return nil }
    let entity = first.entity
    let id = first.entityID

    let now: [String: String?]
    switch entity {
    case "action":
      guard let action = try DomainRows.fetchAction(db, id: id) else {
        throw StoreError.notFound(entity: "action", id: id)
      }
      now = ActionFields.values(action)
    default:
      guard let kr = try DomainRows.fetchKeyResult(db, id: id) else {
        throw StoreError.notFound(entity: "key result", id: id)
      }
      now = KeyResultFields.values(kr)
    }
    for row in rows {
      let current = now[row.field] ?? nil
      if current != row.newValue {
        return .conflict(entity: entity, id: id, field: row.field, expected: row.newValue, current: current)
      }
    }

    let log = try AuditLog.begin(db, kind: .undo, user: user, reverts: changeID)
    switch entity {
    case "action":
      var action = try DomainRows.fetchAction(db, id: id)!
      let before = action.progress
      for row in rows {
        switch row.field {
        case "progress": action.progress = row.oldValue.flatMap { Int($0) } ?? 0
        case "status": action.status = row.oldValue.flatMap(ActionStatus.init(rawValue:)) ?? action.status
        default: action.confidence = row.oldValue.flatMap { Int($0) }
        }
      }
      action.version += 1
      try ActionFields.write(db, action)
      if action.progress != before {
        try CheckInRows.insert(
          db,
          CheckIn(
            subject: .action, subjectID: id, at: "", author: user, progress: action.progress,
            confidence: action.confidence, note: "undo"), at: log.at)
      }
    default:
      var kr = try DomainRows.fetchKeyResult(db, id: id)!
      for row in rows {
        switch (row.field, kr.measure) {
        case ("current_value", .metric(let start, let target, _, let unit)):
          kr.measure = .metric(
            start: start, target: target, current: row.oldValue.flatMap { Double($0) } ?? start, unit: unit)
        case ("done", .milestone):
          kr.measure = .milestone(done: row.oldValue == "true")
        case ("confidence", _):
          kr.confidence = row.oldValue.flatMap { Int($0) }
        default:
          break
        }
      }
      kr.version += 1
      try KeyResultFields.write(db, kr)
    }
    for row in rows {
      try log.record(db, entity: entity, id: id, field: row.field, old: row.newValue, new: row.oldValue)
    }
    return .undone(
      revertedChange: changeID,
      fields: rows.map {
        FieldChange(entity: entity, id: id, field: $0.field, old: $0.newValue, new: $0.oldValue)
      })
  }
}
