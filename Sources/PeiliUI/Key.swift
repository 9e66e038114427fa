/// A key press as the app sees it, decoded by the terminal layer.
public enum Key: Hashable, Sendable {
  case char(Character)
  /// Ctrl plus a letter, lower-cased (`ctrl("c")`).
  case ctrl(Character)
  case up, down, left, right
  case pageUp, pageDown, home, end
  case enter, escape, tab, backTab, backspace, delete
  case function(Int)
  /// The terminal changed size; the app re-renders at the new size.
  case resize
}
