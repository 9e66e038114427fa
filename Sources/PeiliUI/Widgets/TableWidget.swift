/// Columns of cells under a header row, with a highlighted selection; given only the rows
/// in view (the caller scrolls).
public struct TableWidget: Sendable {
  /// Which side of its column a cell sits on.
  public enum Alignment: Hashable, Sendable { case left, right }

  /// A column: a fixed width, or `flexible` sharing what the fixed columns leave.
  public struct Column: Hashable, Sendable {
    public var title: String
    public var width: Int
    public var flexible: Bool
    /// The most a flexible column takes (nil: no limit).
    public var maxWidth: Int?
    public var alignment: Alignment
    public init(
      _ title: String, width: Int, alignment: Alignment = .left, flexible: Bool = false, maxWidth: Int? = nil
    ) {
      self.title = title
      self.width = width
      self.alignment = alignment
      self.flexible = flexible
      self.maxWidth = maxWidth
    }
  }

  public var columns: [Column]
  /// One span per column.
  public var rows: [[Span]]
  public var selected: Int?
  public var highlight: Highlight
  public var headerStyle: Style
  public var ellipsis: String
  /// Columns between cells.
  public var spacing: Int

  public init(
    columns: [Column], rows: [[Span]], selected: Int? = nil, highlight: Highlight = .focused,
    headerStyle: Style = Style(.header, bold: true), ellipsis: String = "…", spacing: Int = 1
  ) {
    self.columns = columns
    self.rows = rows
    self.selected = selected
    self.highlight = highlight
    self.headerStyle = headerStyle
    self.ellipsis = ellipsis
    self.spacing = spacing
  }

  /// Widths of the columns in `total` columns: fixed ones as given, flexible ones share
  /// the rest (at least their given width, at most their `maxWidth`). What a column cannot
  /// take beyond its `maxWidth` goes to the other flexible ones, so no width is left unused
  /// while a column is still cut.
  public func widths(total: Int) -> [Int] {
    var widths = columns.map(\.width)
    var open = columns.indices.filter { columns[$0].flexible }
    let fixed = columns.indices.filter { !columns[$0].flexible }.reduce(0) { $0 + columns[$1].width }
    var spare = max(0, total - fixed - spacing * max(0, columns.count - 1))
    // Settle the columns whose floor or cap binds at an even share, until none does; the
    // rest share what is left evenly.
    while !open.isEmpty {
      let share = spare / open.count
      let bound = open.filter { columns[$0].width >= share || (columns[$0].maxWidth ?? .max) <= share }
      guard !bound.isEmpty else {
        for i in open { widths[i] = share }
        break
      }
      for i in bound {
        widths[i] = columns[i].width >= share ? columns[i].width : columns[i].maxWidth!
        spare = max(0, spare - widths[i])
      }
      open.removeAll { bound.contains($0) }
    }
    return widths
  }

  /// The row's cells padded and aligned into one list of spans.
  public func line(_ cells: [Span], widths: [Int]) -> [Span] {
    var out: [Span] = []
    for (i, column) in columns.enumerated() {
      let cell = i < cells.count ? cells[i] : Span("")
      let text =
        column.alignment == .left
        ? TextFit.left(cell.text, widths[i], ellipsis: ellipsis)
        : TextFit.right(cell.text, widths[i], ellipsis: ellipsis)
      out.append(Span(text, cell.style))
      if i < columns.count - 1 && spacing > 0 { out.append(Span(String(repeating: " ", count: spacing))) }
    }
    return out
  }

  /// Draws the header on the first row of `area` and the rows below it.
  public func render(into buffer: inout Buffer, area: Rect) {
    guard area.height > 0 else { return }
    let w = widths(total: area.width)
    let header = line(columns.map { Span($0.title, headerStyle) }, widths: w)
    buffer.fill(x: area.x, y: area.y, width: area.width, height: 1)
    buffer.put(header, x: area.x, y: area.y, maxWidth: area.width)
    for (i, cells) in rows.prefix(area.height - 1).enumerated() {
      var spans = line(cells, widths: w)
      if i == selected { spans = highlight.apply(spans) }
      buffer.fill(x: area.x, y: area.y + 1 + i, width: area.width, height: 1)
      buffer.put(spans, x: area.x, y: area.y + 1 + i, maxWidth: area.width)
    }
  }
}
