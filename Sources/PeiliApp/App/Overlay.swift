import PeiliCore

/// A box drawn over the screen that takes the keys until it closes.
public enum Overlay: Hashable, Sendable {
  /// The list of every key; `scroll` skips lines on short terminals.
  case help(scroll: Int)
  /// The segment filter picker: first an attribute, then one of its values.
  case segmentPicker(attribute: String?, cursor: Int)
  /// An edit found the item changed by someone else since the user saw it.
  case conflict(Conflict)
  /// The check-in form of an action or a key result.
  case checkIn(CheckInDialog)
  /// Reverting an older change from the History screen, once confirmed.
  case confirmRevert(RevertPreview)
  /// A Review screen form: a title, a decision, a note, an edit, a vote.
  case reviewForm(ReviewForm)
  /// Closing the review (titled so), once confirmed: its entries lock.
  case confirmCloseReview(String)
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
