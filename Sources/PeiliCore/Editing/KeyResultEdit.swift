import PeiliText

/// What one check-in of a key result writes, by the rules every store shares: `value`
/// becomes the current value of a metric, or marks a milestone done (non-zero) or not done
/// (0); a perception key result takes no value (its current comes from the latest wave).
/// Confidence is 1–10.
public struct KeyResultEdit: Sendable {
  /// The key result as written; its version is the old one plus one.
  public var updated: KeyResult
  public var fields: [(field: String, old: String?, new: String?)]
  /// The check-in row (its `at` is the store's).
  public var checkIn: CheckIn
  /// The note gets an audit row of field `check_in` when there is one, or when no field
  /// changed (a check-in always leaves a trace).
  public var recordsNote: Bool

  public init(value: Double?, confidence: Int?, note: String, to current: KeyResult, by user: String) throws {
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
          "key result \(current.id) is a perception key result: its current value comes from the latest survey wave"
        )
      }
    }
    fields = KeyResultFields.diff(current, updated)
    updated.version = current.version + 1
    self.updated = updated
    let cleanNote = note.sanitizedForTerminal
    checkIn = CheckIn(
      subject: .keyResult, subjectID: current.id, at: "", author: user, value: value, confidence: confidence,
      note: cleanNote)
    recordsNote = fields.isEmpty || !cleanNote.isEmpty
  }
}

/// The check-in fields of a key result as audit text.
public enum KeyResultFields {
  public static let editable = ["current_value", "done", "confidence"]

  public static func values(_ k: KeyResult) -> [String: String?] {
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
  public static func currentValue(_ k: KeyResult) -> Double? {
    switch k.measure {
    case .metric(_, _, let current, _): current
    case .milestone(let done): done ? 1 : 0
    case .perception: nil
    }
  }

  public static func diff(_ old: KeyResult, _ new: KeyResult) -> [(field: String, old: String?, new: String?)]
  {
    AuditValue.changes(editable, before: values(old), after: values(new))
  }
}
