import PeiliText

/// How a selected row stands out.
public enum Highlight: Hashable, Sendable {
  case none, focused, unfocused

  /// The spans restyled for a selected row.
  public func apply(_ spans: [Span]) -> [Span] {
    switch self {
    case .none: spans
    case .focused: spans.map { Span($0.text, Style($0.style.role, bold: $0.style.bold, reverse: true)) }
    case .unfocused: spans.map { Span($0.text, Style($0.style.role, bold: true, underline: true)) }
    }
  }

  /// Marks cells `from..<to` of row `y` as selected: in the theme's selection colours when
  /// focused (one style, so one attribute change for the terminal), underlined in their own
  /// colours otherwise. `bold` keeps a bold label bold.
  public func restyle(_ buffer: inout Buffer, y: Int, from: Int, to: Int, bold: Bool) {
    let from = max(0, from)
    let to = min(to, buffer.width)
    guard from < to, y >= 0, y < buffer.height else { return }
    switch self {
    case .none: return
    case .focused:
      for x in from..<to { buffer[x, y].style = Style(.selection, bold: bold) }
    case .unfocused:
      for x in from..<to {
        let role = buffer[x, y].style.role
        buffer[x, y].style = Style(role, bold: true, underline: true)
      }
    }
  }
}

/// A list of indented rows with expand/collapse markers, a highlighted selection and
/// right-aligned trailing columns; given only the rows in view (the caller scrolls).
public struct TreeWidget: Sendable {
  /// Whether a row can open and whether it is open.
  public enum Expander: Hashable, Sendable { case leaf, collapsed, expanded }

  /// One row as drawn.
  public struct Row: Hashable, Sendable {
    public var depth: Int
    public var expander: Expander
    /// Drawn after the marker, truncated to the room left by `trailing`.
    public var label: [Span]
    /// Drawn flush right.
    public var trailing: [Span]
    public init(depth: Int, expander: Expander, label: [Span], trailing: [Span] = []) {
      self.depth = depth
      self.expander = expander
      self.label = label
      self.trailing = trailing
    }
  }

  /// The marker strings (Unicode or ASCII).
  public struct Markers: Hashable, Sendable {
    public var expanded: String
    public var collapsed: String
    public var leaf: String
    public var ellipsis: String
    public init(expanded: String, collapsed: String, leaf: String, ellipsis: String) {
      self.expanded = expanded
      self.collapsed = collapsed
      self.leaf = leaf
      self.ellipsis = ellipsis
    }
  }

  public var rows: [Row]
  /// Index into `rows` of the highlighted row.
  public var selected: Int?
  public var markers: Markers
  public var indent: Int
  /// How the selected row stands out: reversed in the focused pane, underlined otherwise
  /// (the spans keep their colour roles either way).
  public var highlight: Highlight

  public init(
    rows: [Row], selected: Int?, markers: Markers, indent: Int = 2, highlight: Highlight = .focused
  ) {
    self.rows = rows
    self.selected = selected
    self.markers = markers
    self.indent = indent
    self.highlight = highlight
  }

  /// The first row to show so that `selected` stays in a window of `height` rows, moving
  /// the previous offset as little as possible.
  public static func scrollOffset(selected: Int, previous: Int, height: Int, count: Int) -> Int {
    guard height > 0, count > height else { return 0 }
    var offset = min(max(0, previous), count - height)
    if selected < offset { offset = selected }
    if selected >= offset + height { offset = selected - height + 1 }
    return max(0, min(offset, count - height))
  }

  /// Draws the rows from the top of `area`. The selection covers the marker and the label
  /// (and one cell after it), not the whole width: a move then rewrites only those cells of
  /// two rows, and the trailing columns keep their colours on the selected row too.
  public func render(into buffer: inout Buffer, area: Rect) {
    for (i, row) in rows.prefix(area.height).enumerated() {
      let y = area.y + i
      let marker: String
      switch row.expander {
      case .leaf: marker = markers.leaf
      case .collapsed: marker = markers.collapsed
      case .expanded: marker = markers.expanded
      }
      var trailingWidth = 0
      for span in row.trailing { trailingWidth += span.width }
      let markerX = area.x + row.depth * indent
      let prefixWidth = row.depth * indent + DisplayWidth.of(marker) + 1
      let labelRoom = max(0, area.width - trailingWidth - prefixWidth - 1)
      buffer.fill(x: area.x, y: y, width: area.width, height: 1)
      var x = buffer.put(marker + " ", x: markerX, y: y, style: Style(.muted), maxWidth: area.maxX - markerX)
      let label = Self.fit(row.label, to: labelRoom, ellipsis: markers.ellipsis)
      x = buffer.put(label, x: x, y: y, maxWidth: max(0, area.maxX - x))
      let labelEnd = x
      let trailingX = max(x, area.maxX - trailingWidth)
      if trailingX < area.maxX {
        buffer.put(row.trailing, x: trailingX, y: y, maxWidth: area.maxX - trailingX)
      }
      if i == selected {
        highlight.restyle(
          &buffer, y: y, from: markerX, to: min(labelEnd + 1, trailingX, area.maxX),
          bold: label.contains { $0.style.bold })
      }
    }
  }

  /// Spans cut to `width` columns in total, the last one ending in `ellipsis` when cut.
  public static func fit(_ spans: [Span], to width: Int, ellipsis: String) -> [Span] {
    var out: [Span] = []
    var left = width
    for span in spans {
      if left <= 0 { break }
      if span.width <= left {
        out.append(span)
        left -= span.width
      } else {
        out.append(Span(TextFit.truncate(span.text, to: left, ellipsis: ellipsis), span.style))
        left = 0
      }
    }
    return out
  }
}

extension TreeWidget.Markers {
  /// The markers of a glyph set.
  public init(glyphs: Glyphs) {
    self.init(
      expanded: glyphs.expanded, collapsed: glyphs.collapsed, leaf: glyphs.leaf, ellipsis: glyphs.ellipsis)
  }
}
