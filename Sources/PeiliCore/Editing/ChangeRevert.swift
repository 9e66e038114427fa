/// How a change is put back (undo, and a revert from History), by the rules every store
/// shares: each field must still hold what the change wrote, else a conflict and nothing is
/// written; the old values come back as a new change.
public enum ChangeRevert {
  /// The fields a revert can put back (a check-in's note row has nothing to restore).
  public static let revertible = ActionFields.editable + KeyResultFields.editable

  /// A conflict when a field of `rows` (one change's audit rows of one item) no longer holds
  /// what the change wrote; `now` is the item's fields as audit text.
  public static func conflict(_ rows: [AuditEntry], now: [String: String?]) -> UndoOutcome? {
    for row in rows {
      let current = now[row.field] ?? nil
      if current != row.newValue {
        return .conflict(
          entity: row.entity, id: row.entityID, field: row.field, expected: row.newValue, current: current)
      }
    }
    return nil
  }

  /// `action` with the old values of `rows` back, one version on.
  public static func restoring(_ action: Action, _ rows: [AuditEntry]) -> Action {
    var action = action
    for row in rows {
      switch row.field {
      case "progress": action.progress = row.oldValue.flatMap { Int($0) } ?? 0
      case "status": action.status = row.oldValue.flatMap(ActionStatus.init(rawValue:)) ?? action.status
      case "confidence": action.confidence = row.oldValue.flatMap { Int($0) }
      case "communicated": action.communicated = row.oldValue.flatMap(Communication.init(auditText:))
      default: break
      }
    }
    action.version += 1
    return action
  }

  /// `keyResult` with the old values of `rows` back, one version on.
  public static func restoring(_ keyResult: KeyResult, _ rows: [AuditEntry]) -> KeyResult {
    var kr = keyResult
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
    return kr
  }

  /// The check-in an undo of an action's progress leaves (the dashboard's latest check-in
  /// moves back too), nil when the progress did not change.
  public static func checkIn(restoring before: Action, to after: Action, by user: String) -> CheckIn? {
    guard after.progress != before.progress else { return nil }
    return CheckIn(
      subject: .action, subjectID: after.id, at: "", author: user, progress: after.progress,
      confidence: after.confidence, note: "undo")
  }

  /// The outcome of reverting `changeID` whose `rows` were put back: old and new swap.
  public static func undone(_ changeID: Int64, _ rows: [AuditEntry]) -> UndoOutcome {
    .undone(
      revertedChange: changeID,
      fields: rows.map {
        FieldChange(entity: $0.entity, id: $0.entityID, field: $0.field, old: $0.newValue, new: $0.oldValue)
      })
  }
}
