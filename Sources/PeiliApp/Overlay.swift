import PeiliCore

/// A box drawn over the screen that takes the keys until it closes.
public enum Overlay: Hashable, Sendable {
  /// The list of every key; `scroll` skips lines on short terminals.
  case help(scroll: Int)
  /// The segment filter picker: first an attribute, then one of its values.
  case segmentPicker(attribute: String?, cursor: Int)
  /// An edit found the action changed by someone else since the user saw it.
  case conflict(Conflict)
}

/// The two sides of a conflicting edit.
public struct Conflict: Hashable, Sendable {
  /// What the user asked for.
  public let mine: EditRequest
  /// The action as it is stored now.
  public let theirs: Action

  public init(mine: EditRequest, theirs: Action) {
    self.mine = mine
    self.theirs = theirs
  }
}

/// A one-line message under the panes.
public struct StatusMessage: Hashable, Sendable {
  public let text: String
  public let isError: Bool
  /// Another session's change, not this session's own message.
  public var isNews = false
  public init(_ text: String, isError: Bool = false) {
    self.text = text
    self.isError = isError
  }
}
