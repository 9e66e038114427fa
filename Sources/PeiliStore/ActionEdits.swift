import GRDB
import PeiliCore

extension Workspace {
  /// Applies one change to an action in one transaction. When the action's version is no
  /// longer `version` (someone changed it after the user saw it), nothing is written and the
  /// current action comes back as a conflict. Otherwise the version is bumped, an audit row is
  /// written per changed field and a check-in row for a progress change or a check-in.
  /// `.progress` clamps to 0–100 (so `+10` at 95 lands on 100); a check-in's progress outside
  /// 0–100 or confidence outside 1–10 throws `StoreError.invalid`.
  public func apply(_ change: ActionChange, toAction id: String, basedOn version: Int, by user: String)
    throws -> EditOutcome
  {
    try edit(action: id, [change], by: user) { $0.version == version }
  }

  /// The dashboard's check-in dialog: progress, confidence, status and note in one
  /// transaction with an audit row per field changed and one check-in row, if the action is
  /// still at `version` (else a conflict, nothing written).
  public func checkIn(action id: String, _ c: ActionCheckIn, basedOn version: Int, by user: String) throws
    -> EditOutcome
  {
    try edit(action: id, c.changes, by: user) { $0.version == version }
  }

  /// The items with these ids as stored now (ids not found are left out).
  public func actions(ids: [String]) throws -> [Action] {
    try writer.read { db in try ids.compactMap { try DomainRows.fetchAction(db, id: $0) } }
  }

  public func keyResults(ids: [String]) throws -> [KeyResult] {
    try writer.read { db in try ids.compactMap { try DomainRows.fetchKeyResult(db, id: $0) } }
  }

  /// A check-in from the command line (`communicated`: `.some(nil)` clears it), in one transaction: its caller never saw a value, so
  /// it applies to the action as it is when the write lock is held (concurrent check-ins all
  /// land), unless `expectingProgress` asks that the progress still be that value first.
  public func checkIn(
    action id: String, progress: Int?, confidence: Int?, note: String?, status: ActionStatus?,
    communicated: Communication?? = nil, expectingProgress: Int? = nil, by user: String
  ) throws -> (before: Action, outcome: EditOutcome) {
    var before: Action?
    var changes: [ActionChange] = []
    if progress != nil || confidence != nil || note != nil {
      changes.append(.checkIn(progress: progress, confidence: confidence, note: note ?? ""))
    }
    if let status { changes.append(.status(status)) }
    if let communicated { changes.append(.communicated(communicated)) }
    let outcome = try edit(action: id, changes, by: user) { current in
      before = current
      return expectingProgress.map { $0 == current.progress } ?? true
    }
    return (before!, outcome)
  }

  /// Applies `changes` to an action in one IMMEDIATE transaction when `accepts` the action as
  /// it is then (the version or the value its caller based the change on); else a conflict.
  private func edit(action id: String, _ changes: [ActionChange], by user: String, accepts: (Action) -> Bool)
    throws -> EditOutcome
  {
    try writeTransaction { db in
      guard let current = try DomainRows.fetchAction(db, id: id) else {
        throw StoreError.notFound(entity: "action", id: id)
      }
      guard accepts(current) else { return .conflict(current: current) }
      let edit = try ActionEdit(changes, to: current, by: user)
      if edit.isEmpty { return .applied(current) }
      try ActionRow.write(db, edit.updated)
      let log = try AuditLog.begin(db, kind: .edit, user: user)
      for c in edit.fields {
        try log.record(db, entity: "action", id: id, field: c.field, old: c.old, new: c.new)
      }
      if let checkIn = edit.checkIn {
        try CheckInRows.insert(db, checkIn, at: log.at)
        if edit.recordsNote {
          try log.record(db, entity: "action", id: id, field: "check_in", old: nil, new: checkIn.note)
        }
      }
      return .applied(edit.updated)
    }
  }
}

/// Writes an action's editable fields and its version.
enum ActionRow {
  static func write(_ db: Database, _ a: Action) throws {
    let statement = try db.cachedStatement(
      sql: """
        UPDATE action SET progress = ?, status = ?, confidence = ?, communicated_on = ?,
          communication_channel = ?, version = ? WHERE id = ?
        """)
    try statement.execute(arguments: [
      a.progress, a.status.rawValue, a.confidence, a.communicated?.on.description, a.communicated?.channel,
      a.version, a.id,
    ])
  }
}

/// Inserts rows into `checkin`.
enum CheckInRows {
  static func insert(_ db: Database, _ c: CheckIn, at: String) throws {
    let statement = try db.cachedStatement(
      sql: """
        INSERT INTO checkin (subject, subject_id, at, author, value, progress, confidence, note)
        VALUES (?, ?, ?, ?, ?, ?, ?, ?)
        """)
    try statement.execute(
      arguments: [c.subject.rawValue, c.subjectID, at, c.author, c.value, c.progress, c.confidence, c.note])
  }
}
