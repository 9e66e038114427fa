import PeiliText

/// What one edit of an action writes, worked out by the rules every store shares: the
/// action as it becomes, the fields that changed (one audit row each), the check-in row and
/// whether its note gets an audit row of its own. A store only has to write it.
public struct ActionEdit: Sendable {
  /// The action as written; its version is the old one plus one.
  public var updated: Action
  public var fields: [(field: String, old: String?, new: String?)]
  /// The check-in row (its `at` is the store's, set when written).
  public var checkIn: CheckIn?
  /// A check-in's note is part of the trail (History shows it), and a check-in that changed
  /// no field still leaves a trace: an audit row of field `check_in` with the note.
  public var recordsNote: Bool
  /// Nothing to write: `updated` is the action as it was.
  public var isEmpty: Bool { fields.isEmpty && checkIn == nil }

  /// `changes` applied to `current` by `user`. `.progress` clamps to 0–100 (so `+10` at 95
  /// lands on 100); a check-in's progress outside 0–100 or confidence outside 1–10 throws
  /// `StoreError.invalid`.
  public init(_ changes: [ActionChange], to current: Action, by user: String) throws {
    var updated = current
    var checkIn: CheckIn?
    for change in changes {
      switch change {
      case .progress(let progress):
        updated.progress = min(100, max(0, progress))
        if updated.progress != current.progress {
          checkIn = CheckIn(
            subject: .action, subjectID: current.id, at: "", author: user, progress: updated.progress,
            confidence: current.confidence)
        }
      case .status(let status):
        updated.status = status
      case .checkIn(let progress, let confidence, let note):
        if let progress {
          guard (0...100).contains(progress) else {
            throw StoreError.invalid("progress must be between 0 and 100, got \(progress)")
          }
          updated.progress = progress
        }
        if let confidence {
          guard (1...10).contains(confidence) else {
            throw StoreError.invalid("confidence must be between 1 and 10, got \(confidence)")
          }
          updated.confidence = confidence
        }
        checkIn = CheckIn(
          subject: .action, subjectID: current.id, at: "", author: user, progress: progress,
          confidence: confidence, note: note.sanitizedForTerminal)
      case .communicated(let communication):
        if let communication, let problem = Communication.problem(channel: communication.channel) {
          throw StoreError.invalid(Self.refusal(problem))
        }
        updated.communicated = communication
      }
    }
    let fields = ActionFields.diff(current, updated)
    if !fields.isEmpty || checkIn != nil { updated.version = current.version + 1 }
    self.fields = fields
    self.updated = updated
    self.checkIn = checkIn
    recordsNote = checkIn.map { fields.isEmpty || !$0.note.isEmpty } ?? false
  }

  static func refusal(_ problem: Communication.ChannelProblem) -> String {
    switch problem {
    case .empty: "the channel of a communication must not be empty"
    case .tooLong: "the channel of a communication has more than \(Communication.maxChannelLength) characters"
    case .unsafe: "the channel of a communication holds a control, bidi or invisible character"
    }
  }
}

extension ActionCheckIn {
  /// The dialog's check-in as the changes it makes: progress, confidence and note as one
  /// check-in, the status apart.
  public var changes: [ActionChange] {
    var changes: [ActionChange] = []
    if progress != nil || confidence != nil || !note.isEmpty {
      changes.append(.checkIn(progress: progress, confidence: confidence, note: note))
    }
    if let status { changes.append(.status(status)) }
    if let communicated { changes.append(.communicated(communicated)) }
    return changes
  }
}

/// The editable fields of an action as audit text.
public enum ActionFields {
  public static let editable = ["progress", "status", "confidence", "communicated"]

  public static func values(_ a: Action) -> [String: String?] {
    [
      "progress": AuditValue.text(a.progress), "status": a.status.rawValue,
      "confidence": AuditValue.text(a.confidence), "communicated": a.communicated?.auditText,
    ]
  }

  public static func diff(_ old: Action, _ new: Action) -> [(field: String, old: String?, new: String?)] {
    AuditValue.changes(editable, before: values(old), after: values(new))
  }
}
