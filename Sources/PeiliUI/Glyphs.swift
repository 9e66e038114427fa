import PeiliText

/// The drawing characters of one glyph set: Unicode, or plain ASCII for non-UTF-8 locales
/// (DESIGN §5: borders and bars are explicit strings, never ncurses ACS).
public struct Glyphs: Hashable, Sendable {
  public var isUnicode: Bool
  // Tree
  public var expanded: String
  public var collapsed: String
  public var leaf: String
  // Bars
  public var barFull: String
  /// Partial cells from 1/8 to 7/8; empty in the ASCII set (whole cells only).
  public var barPartials: [String]
  public var barEmpty: String
  // Box lines
  public var horizontal: String
  public var vertical: String
  public var topLeft: String
  public var topRight: String
  public var bottomLeft: String
  public var bottomRight: String
  public var teeRight: String
  public var teeLeft: String
  // Confidence-interval strip: ├──●──┤ / [--*--]
  public var ciStart: String
  public var ciLine: String
  public var ciPoint: String
  public var ciEnd: String
  // Markers
  public var up: String
  public var down: String
  public var dot: String
  public var ellipsis: String
  /// An arrow in text ("importance ↑").
  public var upArrow: String
  // Pace marks: on track, off track, done, not started.
  public var check: String
  public var cross: String
  public var done: String
  public var notStarted: String
  // Signs in text.
  public var times: String
  public var plusMinus: String
  /// "from → to".
  public var arrow: String
  /// The minus of "mirror − customer" and of negative numbers in labels.
  public var minus: String
  /// A value that is missing or withheld.
  public var missing: String
  /// Between the header's items.
  public var separator: String
  /// A change ("Δ" or the word "chg").
  public var delta: String
  /// The cursor after text being typed.
  public var textCursor: String

  /// Box drawing, eighth blocks, triangles.
  public static let unicode = Glyphs(
    isUnicode: true, expanded: "▾", collapsed: "▸", leaf: "·",
    barFull: "█", barPartials: ["▏", "▎", "▍", "▌", "▋", "▊", "▉"], barEmpty: "░",
    horizontal: "─", vertical: "│", topLeft: "┌", topRight: "┐", bottomLeft: "└", bottomRight: "┘",
    teeRight: "├", teeLeft: "┤",
    ciStart: "├", ciLine: "─", ciPoint: "●", ciEnd: "┤",
    up: "▲", down: "▼", dot: "●", ellipsis: "…", upArrow: "↑",
    check: "✓", cross: "✗", done: "✔", notStarted: "○",
    times: "×", plusMinus: "±", arrow: "→", minus: "−", missing: "–", separator: " · ", delta: "Δ",
    textCursor: "█")

  /// 7-bit ASCII only: safe under LANG=C and on any terminal.
  public static let ascii = Glyphs(
    isUnicode: false, expanded: "-", collapsed: "+", leaf: " ",
    barFull: "#", barPartials: [], barEmpty: ".",
    horizontal: "-", vertical: "|", topLeft: "+", topRight: "+", bottomLeft: "+", bottomRight: "+",
    teeRight: "+", teeLeft: "+",
    ciStart: "[", ciLine: "-", ciPoint: "*", ciEnd: "]",
    up: "^", down: "v", dot: "*", ellipsis: "...", upArrow: "^",
    check: "+", cross: "x", done: "*", notStarted: ".",
    times: "x", plusMinus: "+/-", arrow: "->", minus: "-", missing: "-", separator: " | ", delta: "chg",
    textCursor: "_")

  /// The set for a terminal: Unicode under a UTF-8 locale, ASCII otherwise.
  public static func forTerminal(utf8: Bool) -> Glyphs { utf8 ? .unicode : .ascii }

  /// Text peili did not write itself (readings and warnings of the analysis, messages) in this
  /// set: in ASCII its minus signs and dashes, plus-minus, arrows, ellipsis, times and middle
  /// dot spelled with ASCII characters; everything else as it is.
  public func plain(_ text: String) -> String {
    guard !isUnicode, !text.allSatisfy(\.isASCII) else { return text }
    var out = ""
    for ch in text {
      switch ch {
      case "−", "–", "—": out += "-"
      case "±": out += "+/-"
      case "→": out += "->"
      case "←": out += "<-"
      case "↑": out += "^"
      case "↓": out += "v"
      case "…": out += "..."
      case "×": out += "x"
      case "·": out += "|"
      case "≥": out += ">="
      case "≤": out += "<="
      case "“", "”", "„": out += "\""
      case "‘", "’": out += "'"
      default: out.append(ch)
      }
    }
    return out
  }

  /// A bar of exactly `width` cells for `fraction` (clamped to 0…1): full cells, at most one
  /// partial cell (Unicode), then the empty track.
  public func bar(_ fraction: Double, width: Int) -> String {
    let bar = ProgressBar(
      fraction: fraction.isFinite ? fraction : 0, filled: barFull, empty: barEmpty, partials: barPartials)
    let (filled, empty) = bar.segments(width: width)
    return filled + empty
  }

  /// A confidence-interval strip of exactly `width` cells on the scale `range`: spaces outside
  /// the interval, `ciStart`…`ciEnd` joined by `ciLine`, and `ciPoint` at the estimate.
  public func ciStrip(
    low: Double, estimate: Double, high: Double, range: ClosedRange<Double> = 0...100, width: Int
  )
    -> String
  {
    guard width > 0 else { return "" }
    let span = range.upperBound - range.lowerBound
    func column(_ v: Double) -> Int {
      guard span > 0, v.isFinite else { return 0 }
      let t = min(1, max(0, (v - range.lowerBound) / span))
      return min(width - 1, Int((t * Double(width - 1)).rounded()))
    }
    let a = column(min(low, high))
    let b = column(max(low, high))
    let p = column(estimate)
    var cells = Array(repeating: " ", count: width)
    for c in a...b { cells[c] = ciLine }
    if b > a {
      cells[a] = ciStart
      cells[b] = ciEnd
    }
    cells[p] = ciPoint
    return cells.joined()
  }

  /// `text` cut to at most `width` display columns, ending in the ellipsis when cut.
  public func truncate(_ text: String, to width: Int) -> String {
    // An ellipsis wider than the room is dropped rather than leaving nothing.
    TextFit.truncate(text, to: width, ellipsis: DisplayWidth.of(ellipsis) <= width ? ellipsis : "")
  }
}
