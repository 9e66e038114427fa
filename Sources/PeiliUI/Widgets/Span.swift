import PeiliText

/// A run of text in one style; a line of a widget is a list of spans.
public struct Span: Hashable, Sendable {
  public var text: String
  public var style: Style
  public init(_ text: String, _ style: Style = .plain) {
    self.text = text
    self.style = style
  }

  /// Display width in terminal columns.
  public var width: Int { DisplayWidth.of(text) }
}

/// Fitting text into a number of columns (display width, not characters).
public enum TextFit {
  /// Words wrapped to `width` columns (a word longer than a line is cut across lines).
  public static func wrap(_ text: String, width: Int) -> [String] {
    var out: [String] = []
    var line = ""
    for word in text.split(separator: " ") {
      var w = String(word)
      while DisplayWidth.of(w) > width {
        if !line.isEmpty {
          out.append(line)
          line = ""
        }
        let head = truncate(w, to: width, ellipsis: "")
        out.append(head)
        w = String(w.dropFirst(head.count))
      }
      if !line.isEmpty && DisplayWidth.of(line) + 1 + DisplayWidth.of(w) > width {
        out.append(line)
        line = ""
      }
      line += (line.isEmpty ? "" : " ") + w
    }
    if !line.isEmpty { out.append(line) }
    return out
  }

  /// `text` cut to at most `width` columns, ending in `ellipsis` when something was cut.
  public static func truncate(_ text: String, to width: Int, ellipsis: String = "…") -> String {
    guard width > 0 else { return "" }
    if DisplayWidth.of(text) <= width { return text }
    let room = width - DisplayWidth.of(ellipsis)
    guard room >= 0 else { return "" }
    var out = ""
    var used = 0
    for ch in text {
      let w = DisplayWidth.of(ch)
      if used + w > room { break }
      out.append(ch)
      used += w
    }
    return out + ellipsis
  }

  /// `text` truncated and padded with spaces to exactly `width` columns, left-aligned.
  public static func left(_ text: String, _ width: Int, ellipsis: String = "…") -> String {
    let t = truncate(text, to: width, ellipsis: ellipsis)
    return t + String(repeating: " ", count: max(0, width - DisplayWidth.of(t)))
  }

  /// `text` truncated and padded with spaces to exactly `width` columns, right-aligned.
  public static func right(_ text: String, _ width: Int, ellipsis: String = "…") -> String {
    let t = truncate(text, to: width, ellipsis: ellipsis)
    return String(repeating: " ", count: max(0, width - DisplayWidth.of(t))) + t
  }
}

extension Buffer {
  /// Writes spans one after another from (x, y), clipped to `maxWidth` columns; returns the
  /// column after the last one written.
  @discardableResult
  public mutating func put(_ spans: [Span], x: Int, y: Int, maxWidth: Int? = nil) -> Int {
    let limit = x + (maxWidth ?? width - x)
    var col = x
    for span in spans {
      guard col < limit else { break }
      col = put(span.text, x: col, y: y, style: span.style, maxWidth: limit - col)
    }
    return col
  }
}
