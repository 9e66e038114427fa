import PeiliText

/// An editable line (or lines) of text with a cursor, as bubbles' textinput: the state and
/// its key handling; `spans` draws it. Knows nothing of what the text means.
public struct TextInput: Hashable, Sendable, Codable {
  public private(set) var text: String
  /// The cursor, in characters from the start.
  public private(set) var cursor: Int
  /// Ctrl-J inserts a line break (Enter is left to the form: it saves).
  public var isMultiline: Bool
  /// The most characters it takes.
  public var limit: Int
  /// The whole text is selected (a field just entered): typing replaces it, a cursor key
  /// keeps it — as form fields in spreadsheets and browsers do.
  public private(set) var isSelected = false

  public init(_ text: String = "", multiline: Bool = false, limit: Int = 500) {
    self.text = String(text.prefix(limit))
    self.cursor = self.text.count
    self.isMultiline = multiline
    self.limit = limit
  }

  /// Replaces the text, the cursor at its end.
  public mutating func set(_ new: String) {
    text = String(new.prefix(limit))
    cursor = text.count
    isSelected = false
  }

  /// Selects the whole text (when the field is entered), the cursor at its end.
  public mutating func selectAll() {
    cursor = text.count
    isSelected = !text.isEmpty
  }

  /// Applies an editing key; false when the key is not one (the caller handles it).
  public mutating func handle(_ key: Key) -> Bool {
    if isSelected {
      isSelected = false
      switch key {
      case .char:
        text = ""
        cursor = 0
      case .backspace, .delete, .ctrl("u"):
        // Deleting a selection empties the field.
        text = ""
        cursor = 0
        return true
      default:
        break
      }
    }
    var chars = Array(text)
    switch key {
    case .char(let c):
      // Controls never enter the text: the terminal layer decodes them as keys already.
      guard !c.isNewline, c.unicodeScalars.allSatisfy({ !$0.properties.isDefaultIgnorableCodePoint }),
        chars.count < limit
      else { return true }
      chars.insert(c, at: cursor)
      cursor += 1
    case .ctrl("j") where isMultiline:
      guard chars.count < limit else { return true }
      chars.insert("\n", at: cursor)
      cursor += 1
    case .backspace:
      guard cursor > 0 else { return true }
      chars.remove(at: cursor - 1)
      cursor -= 1
    case .delete, .ctrl("d"):
      guard cursor < chars.count else { return true }
      chars.remove(at: cursor)
    case .left, .ctrl("b"): cursor = max(0, cursor - 1)
    case .right, .ctrl("f"): cursor = min(chars.count, cursor + 1)
    case .home, .ctrl("a"): cursor = 0
    case .end, .ctrl("e"): cursor = chars.count
    case .ctrl("u"):
      chars.removeFirst(cursor)
      cursor = 0
    case .ctrl("k"):
      chars.removeLast(chars.count - cursor)
    case .ctrl("w"):
      var start = cursor
      while start > 0 && chars[start - 1] == " " { start -= 1 }
      while start > 0 && chars[start - 1] != " " { start -= 1 }
      chars.removeSubrange(start..<cursor)
      cursor = start
    default:
      return false
    }
    text = String(chars)
    return true
  }

  /// One line of `width` columns: the text scrolled so the cursor shows, the cursor cell
  /// reversed when `focused`. Line breaks show as `breakGlyph`.
  public func spans(
    width: Int, focused: Bool, style: Style = .plain, breakGlyph: String = "/", cursorGlyph: String = "_"
  ) -> [Span] {
    guard width > 0 else { return [] }
    let shown = Array(text).map { $0 == "\n" ? Character(breakGlyph) : $0 }
    // Keep the cursor in view: drop characters from the front until it fits.
    var start = 0
    func widthOf(_ r: Range<Int>) -> Int { DisplayWidth.of(String(shown[r])) }
    while start < cursor && widthOf(start..<cursor) + 1 > width { start += 1 }
    var end = start
    while end < shown.count && widthOf(start..<(end + 1)) <= width { end += 1 }
    if !focused {
      return [Span(String(shown[start..<end]), style)]
    }
    if isSelected {
      return [Span(String(shown[start..<end]), Style(style.role, bold: style.bold, reverse: true))]
    }
    var out: [Span] = []
    if cursor > start { out.append(Span(String(shown[start..<min(cursor, end)]), style)) }
    // At the end the cursor is a glyph of its own (a reversed blank would not show in text).
    if cursor < shown.count {
      out.append(Span(String(shown[cursor]), Style(style.role, bold: style.bold, reverse: true)))
    } else {
      out.append(Span(cursorGlyph, Style(.accent)))
    }
    if cursor + 1 < end { out.append(Span(String(shown[(cursor + 1)..<end]), style)) }
    return out
  }
}
