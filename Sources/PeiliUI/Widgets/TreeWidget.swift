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

  public func render(into buffer: inout Buffer, area: Rect) {
    for (i, row) in rows.prefix(area.height).enumerated() {
      let y = area.y + i
      let isSelected = i == selected
      let marker: String
      switch row.expander {
      case .leaf: marker = markers.leaf
      case .collapsed: marker = markers.collapsed
      case .expanded: marker = markers.expanded
      }
      let trailingWidth = row.trailing.reduce(0) { $0 + $1.width }
      let prefix = String(repeating: " ", count: row.depth * indent) + marker + " "
      let labelRoom = max(0, area.width - trailingWidth - DisplayWidth.of(prefix) - 1)
      var spans = [Span(prefix, Style(.muted))]
      spans += Self.fit(row.label, to: labelRoom, ellipsis: markers.ellipsis)
      let used = spans.reduce(0) { $0 + $1.width }
      let gap = max(0, area.width - used - trailingWidth)
      spans.append(Span(String(repeating: " ", count: gap)))
      spans += row.trailing
      if isSelected { spans = highlight.apply(spans) }
      buffer.fill(x: area.x, y: y, width: area.width, height: 1)
      buffer.put(spans, x: area.x, y: y, maxWidth: area.width)
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
