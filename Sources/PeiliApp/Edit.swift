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
