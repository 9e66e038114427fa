import PeiliText

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
      var cell = newValue
      // Held to `put`'s rule too, so no way into a cell skips the sanitiser (restyling a cell,
      // the usual use, keeps its text and skips the check).
      if cell.text != cells[y * width + x].text && TerminalText.hasUnsafeCharacters(cell.text) {
        cell.text = TerminalText.sanitize(cell.text)
      }
      cells[y * width + x] = cell
    }
  }

  /// Writes `text` from (x, y), clipped to `maxWidth` columns and the buffer edge; returns
  /// the column after the last one written. Every cell of the screen is written here, so this
  /// is where untrusted text is made safe: what `TerminalText.sanitize` removes (controls,
  /// ESC, bidi and invisible characters) never lands in a cell, whatever the view passed.
  @discardableResult
  public mutating func put(_ text: String, x: Int, y: Int, style: Style = .plain, maxWidth: Int? = nil) -> Int
  {
    guard y >= 0, y < height else { return x }
    let limit = min(width, x + (maxWidth ?? width))
    var col = x
    let row = y * width
    // Printable ASCII (most of every screen): one byte, one cell, no grapheme breaking.
    if DisplayWidth.allBytes(of: text, { $0 >= 0x20 && $0 < 0x7F }) {
      for byte in text.utf8 {
        if col >= limit { break }
        if col >= 0 { cells[row + col] = Cell(Self.asciiText[Int(byte)], style) }
        col += 1
      }
      return col
    }
    // Symbols, bars and box lines: one scalar, one cell (none of them needs sanitising).
    if text.unicodeScalars.allSatisfy({ DisplayWidth.isSimple($0.value) }) {
      for scalar in text.unicodeScalars {
        if col >= limit { break }
        if col >= 0 {
          let v = Int(scalar.value)
          cells[row + col] = Cell(v < 0x80 ? Self.asciiText[v] : String(Character(scalar)), style)
        }
        col += 1
      }
      return col
    }
    // Sanitised as a whole, so that what is removed cannot leave a mark joined to its neighbour.
    for ch in TerminalText.sanitize(text) {
      let w = DisplayWidth.cleanWidth(ch)
      if w == 0 { continue }
      if col + w > limit { break }
      if col >= 0 {
        cells[row + col] = Cell(String(ch), style)
        if w == 2 && col + 1 < width { cells[row + col + 1] = Cell("", style) }
      }
      col += w
    }
    return col
  }

  /// One-character strings of the ASCII codes, made once (a cell per byte in `put`).
  static let asciiText: [String] = (0..<128).map { String(Character(Unicode.Scalar(UInt8($0)))) }

  /// Fills a rectangle with spaces in `style`.
  public mutating func fill(x: Int, y: Int, width w: Int, height h: Int, style: Style = .plain) {
    let left = max(0, x)
    let right = min(width, x + w)
    let top = max(0, y)
    let bottom = min(height, y + h)
    // A rectangle off the buffer (or empty) draws nothing.
    guard left < right, top < bottom else { return }
    let blank = Cell(" ", style)
    for row in top..<bottom {
      for col in left..<right { cells[row * width + col] = blank }
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
