import PeiliCore

/// One change to an action as the user asked for it, with the version it was based on.
public struct EditRequest: Hashable, Sendable {
  public let actionID: String
  public let change: ActionChange
  /// The action's version when the user pressed the key; a different stored version is a conflict.
  public let basedOn: Int
  /// The action as the user saw it (for the conflict dialog).
  public let before: Action
  public init(actionID: String, change: ActionChange, basedOn: Int, before: Action) {
    self.actionID = actionID
    self.change = change
    self.basedOn = basedOn
    self.before = before
  }
}

/// A check-in from the dialog: every field the user left as it was is nil, the note may be
/// empty; `before` is the item as the user saw it (its version is checked by the store).
public struct CheckInRequest: Hashable, Sendable {
  /// The item checked in, as the user saw it.
  public enum Item: Hashable, Sendable {
    case action(Action)
    case keyResult(KeyResult)

    public var id: String {
      switch self {
      case .action(let a): a.id
      case .keyResult(let k): k.id
      }
    }
    public var version: Int {
      switch self {
      case .action(let a): a.version
      case .keyResult(let k): k.version
      }
    }
  }

  public var before: Item
  public var progress: Int?
  public var status: ActionStatus?
  /// A metric key result's current value, or a milestone's 1 (done) / 0.
  public var value: Double?
  public var confidence: Int?
  public var note: String
  /// An action's communication as changed: `.some(nil)` clears it, nil leaves it.
  public var communicated: Communication??

  public init(
    before: Item, progress: Int? = nil, status: ActionStatus? = nil, value: Double? = nil,
    confidence: Int? = nil,
    note: String = "", communicated: Communication?? = nil
  ) {
    self.before = before
    self.progress = progress
    self.status = status
    self.value = value
    self.confidence = confidence
    self.note = note
    self.communicated = communicated
  }
}

/// What became of a check-in from the dialog.
public enum CheckInOutcome: Hashable, Sendable {
  case applied(CheckInRequest.Item)
  /// Someone changed the item after the user saw it; nothing was written.
  case conflict(current: CheckInRequest.Item)
}
