import GRDB
import PeiliCore
import PeiliText

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
      if let confidence, !(1...10).contains(confidence) {
        throw StoreError.invalid("confidence must be between 1 and 10, got \(confidence)")
      }
      if let value, !value.isFinite { throw StoreError.invalid("the value must be a finite number") }

      var updated = current
      if let confidence { updated.confidence = confidence }
      if let value {
        switch current.measure {
        case .metric(let start, let target, _, let unit):
          updated.measure = .metric(start: start, target: target, current: value, unit: unit)
        case .milestone:
          updated.measure = .milestone(done: value != 0)
        case .perception:
          throw StoreError.invalid(
            "key result \(id) is a perception key result: its current value comes from the latest survey wave"
          )
        }
      }
      let changes = KeyResultFields.diff(current, updated)
      updated.version = current.version + 1
      try KeyResultFields.write(db, updated)
      let log = try AuditLog.begin(db, kind: .edit, user: user)
      for c in changes {
        try log.record(db, entity: "key_result", id: id, field: c.field, old: c.old, new: c.new)
      }
      let cleanNote = note.sanitizedForTerminal
      if changes.isEmpty || !cleanNote.isEmpty {
        try log.record(db, entity: "key_result", id: id, field: "check_in", old: nil, new: cleanNote)
      }
      try CheckInRows.insert(
        db,
        CheckIn(
          subject: .keyResult, subjectID: id, at: "", author: user, value: value, confidence: confidence,
          note: cleanNote), at: log.at)
      return .applied(updated)
    }
  }
}

/// The check-in fields of a key result as audit text.
enum KeyResultFields {
  static let editable = ["current_value", "done", "confidence"]

  static func values(_ k: KeyResult) -> [String: String?] {
    var values: [String: String?] = ["confidence": AuditValue.text(k.confidence)]
    switch k.measure {
    case .metric(_, _, let current, _): values["current_value"] = AuditValue.text(current)
    case .milestone(let done): values["done"] = AuditValue.text(done)
    case .perception: break
    }
    return values
  }

  /// The value a check-in's `expectingValue` is compared with: a metric's current value, a
  /// milestone's 1 or 0; nil for a perception key result.
  static func currentValue(_ k: KeyResult) -> Double? {
    switch k.measure {
    case .metric(_, _, let current, _): current
    case .milestone(let done): done ? 1 : 0
    case .perception: nil
    }
  }

  static func diff(_ old: KeyResult, _ new: KeyResult) -> [(field: String, old: String?, new: String?)] {
    AuditValue.changes(editable, before: values(old), after: values(new))
  }

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
