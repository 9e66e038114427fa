import GRDB
import PeiliCore

extension Workspace {
  /// The dashboard's check-in of a key result, version-checked (see the method below).
  public func checkIn(
    keyResult id: String, value: Double?, confidence: Int?, note: String, basedOn version: Int,
    by user: String
  ) throws -> KeyResultEditOutcome {
    try checkIn(
      keyResult: id, value: value, confidence: confidence, note: note, basedOn: Optional(version),
      expectingValue: nil, by: user)
  }

  /// Records a check-in of a key result in one transaction: `value` becomes the current value
  /// of a metric KR, or marks a milestone done (non-zero) or not done (0); a perception KR takes
  /// no value (its current comes from the latest wave). Confidence is 1–10. With `basedOn`, a
  /// key result changed meanwhile comes back as a conflict and nothing is written; without
  /// it the check-in applies to the key result as it is when the write lock is held, unless
  /// `expectingValue` asks that its current value (a milestone: 1 done, 0 not) be that first.
  public func checkIn(
    keyResult id: String, value: Double?, confidence: Int?, note: String = "", basedOn version: Int? = nil,
    expectingValue: Double? = nil, by user: String
  ) throws -> KeyResultEditOutcome {
    try writeTransaction { db in
      guard let current = try DomainRows.fetchKeyResult(db, id: id) else {
        throw StoreError.notFound(entity: "key result", id: id)
      }
      if let version, current.version != version { return .conflict(current: current) }
      if let expectingValue, KeyResultFields.currentValue(current) != expectingValue {
        return .conflict(current: current)
      }
      let edit = try KeyResultEdit(value: value, confidence: confidence, note: note, to: current, by: user)
      try KeyResultRow.write(db, edit.updated)
      let log = try AuditLog.begin(db, kind: .edit, user: user)
      for c in edit.fields {
        try log.record(db, entity: "key_result", id: id, field: c.field, old: c.old, new: c.new)
      }
      if edit.recordsNote {
        try log.record(db, entity: "key_result", id: id, field: "check_in", old: nil, new: edit.checkIn.note)
      }
      try CheckInRows.insert(db, edit.checkIn, at: log.at)
      return .applied(edit.updated)
    }
  }
}

/// Writes a key result's check-in fields and its version.
enum KeyResultRow {
  static func write(_ db: Database, _ k: KeyResult) throws {
    var current: Double?
    var done: Bool?
    switch k.measure {
    case .metric(_, _, let c, _): current = c
    case .milestone(let d): done = d
    case .perception: break
    }
    let statement = try db.cachedStatement(
      sql: """
        UPDATE key_result SET current_value = coalesce(?, current_value), done = coalesce(?, done),
          confidence = ?, version = ? WHERE id = ?
        """)
    try statement.execute(arguments: [current, done, k.confidence, k.version, k.id])
  }
}
