import GRDB
import PeiliCore

extension Workspace {
  /// Reverts `user`'s latest edit of an action or key result that is not undone yet (repeated
  /// calls walk further back), in one transaction with its own audit rows. When a field it
  /// changed no longer holds the value that edit wrote, nothing is written: conflict.
  public func undoLast(by user: String) throws -> UndoOutcome {
    try writeTransaction { db in
      let fields = (ActionFields.editable + KeyResultFields.editable).map { "'\($0)'" }.joined(
        separator: ", ")
      guard
        let changeID = try Int64.fetchOne(
          db,
          sql: """
            SELECT max(change_id) FROM audit
            WHERE user = ? AND kind = 'edit' AND entity IN ('action', 'key_result') AND field IN (\(fields))
              AND change_id NOT IN (SELECT reverts FROM audit WHERE reverts IS NOT NULL)
            """, arguments: [user])
      else { return .nothingToUndo }
      let rows = try Row.fetchAll(
        db, sql: "SELECT * FROM audit WHERE change_id = ? AND field IN (\(fields)) ORDER BY id",
        arguments: [changeID]
      ).map(AuditEntry.init)
      guard let first = rows.first else { return .nothingToUndo }
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
      return .undone(entity: entity, id: id, revertedChange: changeID)
    }
  }
}
