import PeiliText

/// A bordered box centred over the screen with a title, body lines and a hint line.
public struct Dialog: Sendable {
  /// The border strings (Unicode box drawing or ASCII).
  public struct Border: Hashable, Sendable {
    public var topLeft: String
    public var topRight: String
    public var bottomLeft: String
    public var bottomRight: String
    public var horizontal: String
    public var vertical: String
    public init(
      topLeft: String, topRight: String, bottomLeft: String, bottomRight: String, horizontal: String,
      vertical: String
    ) {
      self.topLeft = topLeft
      self.topRight = topRight
      self.bottomLeft = bottomLeft
      self.bottomRight = bottomRight
      self.horizontal = horizontal
      self.vertical = vertical
    }
    public static let ascii = Border(
      topLeft: "+", topRight: "+", bottomLeft: "+", bottomRight: "+", horizontal: "-", vertical: "|")
  }

  public var title: String
  public var lines: [[Span]]
  /// Drawn on the bottom border, e.g. "[m] apply mine  [Esc] keep theirs".
  public var hint: String
  public var border: Border
  public var ellipsis: String
  public var borderStyle: Style
  /// The body's width at least, for a body shown a part at a time (the help while paged),
  /// so the box does not change size with the lines in view.
  public var minimumContentWidth = 0

  public init(
    title: String, lines: [[Span]], hint: String = "", border: Border = .ascii, ellipsis: String = "…",
    borderStyle: Style = Style(.border)
  ) {
    self.title = title
    self.lines = lines
    self.hint = hint
    self.border = border
    self.ellipsis = ellipsis
    self.borderStyle = borderStyle
  }

  /// The box size for the content, clamped to `area` (one column of padding inside).
  public func frame(in area: Rect) -> Rect {
    let contentWidth = max(
      lines.map { $0.reduce(0) { $0 + $1.width } }.max() ?? 0, minimumContentWidth,
      DisplayWidth.of(title) + 2,
      DisplayWidth.of(hint) + 2)
    return area.centered(width: contentWidth + 4, height: lines.count + 2)
  }

  /// Draws the box centred in `area`; body lines that do not fit are cut (the caller scrolls).
  public func render(into buffer: inout Buffer, area: Rect) {
    let box = frame(in: area)
    guard box.width >= 4, box.height >= 2 else { return }
    buffer.fill(x: box.x, y: box.y, width: box.width, height: box.height)
    let inner = box.width - 2
    let h = String(repeating: border.horizontal, count: inner)
    buffer.put(border.topLeft + h + border.topRight, x: box.x, y: box.y, style: borderStyle)
    buffer.put(border.bottomLeft + h + border.bottomRight, x: box.x, y: box.maxY - 1, style: borderStyle)
    buffer.put(
      " " + TextFit.truncate(title, to: inner - 4, ellipsis: ellipsis) + " ", x: box.x + 2, y: box.y,
      style: Style(.accent, bold: true))
    if !hint.isEmpty {
      let text = " " + TextFit.truncate(hint, to: inner - 4, ellipsis: ellipsis) + " "
      buffer.put(text, x: box.maxX - 2 - DisplayWidth.of(text), y: box.maxY - 1, style: Style(.muted))
    }
    for row in 1..<(box.height - 1) {
      buffer.put(border.vertical, x: box.x, y: box.y + row, style: borderStyle)
      buffer.put(border.vertical, x: box.maxX - 1, y: box.y + row, style: borderStyle)
      let i = row - 1
      if i < lines.count {
        buffer.put(TreeWidget.fit(lines[i], to: inner - 2, ellipsis: ellipsis), x: box.x + 2, y: box.y + row)
      }
    }
  }
}

extension Dialog.Border {
  /// The border of a glyph set.
  public init(glyphs: Glyphs) {
    self.init(
      topLeft: glyphs.topLeft, topRight: glyphs.topRight, bottomLeft: glyphs.bottomLeft,
      bottomRight: glyphs.bottomRight, horizontal: glyphs.horizontal, vertical: glyphs.vertical)
  }
}
