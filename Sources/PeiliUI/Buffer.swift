/// One screen cell: a grapheme (or "" for the trailing half of a wide one) and its style.
public struct Cell: Hashable, Sendable {
  public var text: String
  public var style: Style
  public init(_ text: String = " ", _ style: Style = .plain) {
    self.text = text
    self.style = style
  }
}

/// A grid of cells that widgets write into and the terminal layer paints; tests read it
/// back as plain lines (as ratatui's TestBackend does).
public struct Buffer: Sendable, Equatable {
  public let width: Int
  public let height: Int
  public private(set) var cells: [Cell]

  public init(width: Int, height: Int) {
    self.width = max(0, width)
    self.height = max(0, height)
    cells = Array(repeating: Cell(), count: self.width * self.height)
  }

  public subscript(x: Int, y: Int) -> Cell {
    get { cells[y * width + x] }
    set {
      guard x >= 0, y >= 0, x < width, y < height else { return }
      cells[y * width + x] = newValue
    }
  }

  /// Writes `text` from (x, y), clipped to `maxWidth` columns and the buffer edge, with
  /// control characters replaced; returns the column after the last one written.
  @discardableResult
  public mutating func put(_ text: String, x: Int, y: Int, style: Style = .plain, maxWidth: Int? = nil) -> Int
  {
    guard y >= 0, y < height else { return x }
    let limit = min(width, x + (maxWidth ?? width))
    var col = x
    for ch in text {
      let w = DisplayWidth.of(ch)
      if w == 0 { continue }
      if col + w > limit { break }
      if col >= 0 {
        self[col, y] = Cell(DisplayWidth.isControl(ch) ? "?" : String(ch), style)
        if w == 2 { self[col + 1, y] = Cell("", style) }
      }
      col += w
    }
    return col
  }

  /// Fills a rectangle with spaces in `style`.
  public mutating func fill(x: Int, y: Int, width w: Int, height h: Int, style: Style = .plain) {
    for row in max(0, y)..<min(height, y + h) {
      for col in max(0, x)..<min(width, x + w) { self[col, row] = Cell(" ", style) }
    }
  }

  /// The text of row `y`, trailing spaces trimmed.
  public func line(_ y: Int) -> String {
    var s = ""
    for x in 0..<width { s += cells[y * width + x].text }
    while s.last == " " { s.removeLast() }
    return s
  }

  /// All rows as text, for tests and for `peili` without a terminal.
  public var lines: [String] { (0..<height).map(line) }
}
