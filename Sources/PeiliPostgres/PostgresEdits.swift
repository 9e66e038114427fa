import PeiliCore
import PostgresNIO

/// Edits and check-ins of actions and key results, by the same rules as on SQLite (PeiliCore's
/// `ActionEdit` and `KeyResultEdit`): version-checked, one transaction, an audit row per field.
extension PostgresWorkspace {
  public func apply(_ change: ActionChange, toAction id: String, basedOn version: Int, by user: String) throws
    -> EditOutcome
  {
    try edit(action: id, [change], basedOn: version, by: user)
  }

  public func checkIn(action id: String, _ checkIn: ActionCheckIn, basedOn version: Int, by user: String)
    throws -> EditOutcome
  {
    try edit(action: id, checkIn.changes, basedOn: version, by: user)
  }

  private func edit(action id: String, _ changes: [ActionChange], basedOn version: Int, by user: String)
    throws -> EditOutcome
  {
    try write { sql in
      guard let current = try PostgresRows.fetchAction(sql, id: id) else {
        throw StoreError.notFound(entity: "action", id: id)
      }
      guard current.version == version else { return .conflict(current: current) }
      let edit = try ActionEdit(changes, to: current, by: user)
      if edit.isEmpty { return .applied(current) }
      try Self.writeAction(sql, edit.updated)
      let log = try AuditWriter.begin(sql, kind: .edit, user: user)
      for c in edit.fields {
        try log.record(sql, entity: "action", id: id, field: c.field, old: c.old, new: c.new)
      }
      if let checkIn = edit.checkIn {
        try Self.insert(sql, checkIn, at: log.at)
        if edit.recordsNote {
          try log.record(sql, entity: "action", id: id, field: "check_in", old: nil, new: checkIn.note)
        }
      }
      return .applied(edit.updated)
    }
  }

  public func checkIn(
    keyResult id: String, value: Double?, confidence: Int?, note: String, basedOn version: Int,
    by user: String
  ) throws -> KeyResultEditOutcome {
    try write { sql in
      guard let current = try PostgresRows.fetchKeyResult(sql, id: id) else {
        throw StoreError.notFound(entity: "key result", id: id)
      }
      guard current.version == version else { return .conflict(current: current) }
      let edit = try KeyResultEdit(value: value, confidence: confidence, note: note, to: current, by: user)
      try Self.writeKeyResult(sql, edit.updated)
      let log = try AuditWriter.begin(sql, kind: .edit, user: user)
      for c in edit.fields {
        try log.record(sql, entity: "key_result", id: id, field: c.field, old: c.old, new: c.new)
      }
      if edit.recordsNote {
        try log.record(sql, entity: "key_result", id: id, field: "check_in", old: nil, new: edit.checkIn.note)
      }
      try Self.insert(sql, edit.checkIn, at: log.at)
      return .applied(edit.updated)
    }
  }

  public func actions(ids: [String]) throws -> [Action] {
    try server.run { sql in try ids.compactMap { try PostgresRows.fetchAction(sql, id: $0) } }
  }

  public func keyResults(ids: [String]) throws -> [KeyResult] {
    try server.run { sql in try ids.compactMap { try PostgresRows.fetchKeyResult(sql, id: $0) } }
  }

  /// Writes an action's editable fields and its version.
  static func writeAction(_ sql: SQL, _ a: Action) throws {
    try sql.execute(
      """
      UPDATE action SET progress = \(a.progress), status = \(a.status.rawValue), confidence = \(a.confidence),
        communicated_on = \(a.communicated?.on.description), communication_channel = \(a.communicated?.channel),
        version = \(a.version) WHERE id = \(a.id)
      """)
  }

  /// Writes a key result's check-in fields (a metric's current value, a milestone's done) and
  /// its version.
  static func writeKeyResult(_ sql: SQL, _ k: KeyResult) throws {
    var current: Double?
    var done: Int?
    switch k.measure {
    case .metric(_, _, let c, _): current = c
    case .milestone(let d): done = d ? 1 : 0
    case .perception: break
    }
    try sql.execute(
      """
      UPDATE key_result SET current_value = coalesce(\(current), current_value), done = coalesce(\(done), done),
        confidence = \(k.confidence), version = \(k.version) WHERE id = \(k.id)
      """)
  }

  static func insert(_ sql: SQL, _ c: CheckIn, at: String) throws {
    try sql.execute(
      """
      INSERT INTO checkin (subject, subject_id, at, author, value, progress, confidence, note)
      VALUES (\(c.subject.rawValue), \(c.subjectID), \(at), \(c.author), \(c.value), \(c.progress),
        \(c.confidence), \(c.note))
      """)
  }
}
