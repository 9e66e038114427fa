import PeiliText

/// A scatter of short labels in text, split into four named quadrants at two lines (e.g. the
/// means): x grows to the right, y upwards. Labels that would overlap move to a free cell
/// nearby; those with no room are reported so the caller can list them.
public struct GridWidget: Sendable {
  /// One item: a short label at (x, y).
  public struct Item: Hashable, Sendable {
    public var label: String
    public var x: Double
    public var y: Double
    public var style: Style
    public init(_ label: String, x: Double, y: Double, style: Style = Style(.text, bold: true)) {
      self.label = label
      self.x = x
      self.y = y
      self.style = style
    }
  }

  /// Quadrant names: top left, top right, bottom left, bottom right.
  public struct Corners: Hashable, Sendable {
    public var topLeft: String
    public var topRight: String
    public var bottomLeft: String
    public var bottomRight: String
    public init(topLeft: String, topRight: String, bottomLeft: String, bottomRight: String) {
      self.topLeft = topLeft
      self.topRight = topRight
      self.bottomLeft = bottomLeft
      self.bottomRight = bottomRight
    }
  }

  /// The line characters: vertical, horizontal, crossing.
  public struct Lines: Hashable, Sendable {
    public var vertical: String
    public var horizontal: String
    public var cross: String
    public init(vertical: String, horizontal: String, cross: String) {
      self.vertical = vertical
      self.horizontal = horizontal
      self.cross = cross
    }
    public static let unicode = Lines(vertical: "│", horizontal: "─", cross: "┼")
    public static let ascii = Lines(vertical: "|", horizontal: "-", cross: "+")
  }

  public var items: [Item]
  public var xRange: ClosedRange<Double>
  public var yRange: ClosedRange<Double>
  public var xSplit: Double
  public var ySplit: Double
  public var corners: Corners
  public var lines: Lines
  /// What ends a corner name cut to fit its quadrant.
  public var ellipsis: String

  public init(
    items: [Item], xRange: ClosedRange<Double>, yRange: ClosedRange<Double>, xSplit: Double, ySplit: Double,
    corners: Corners, lines: Lines = .unicode, ellipsis: String = "…"
  ) {
    self.ellipsis = ellipsis
    self.items = items
    self.xRange = xRange
    self.yRange = yRange
    self.xSplit = xSplit
    self.ySplit = ySplit
    self.corners = corners
    self.lines = lines
  }

  /// A range around `values` and `split` with a margin, so that points do not sit on the edge.
  public static func range(_ values: [Double], including split: Double, margin: Double = 0.1)
    -> ClosedRange<Double>
  {
    let all = values.filter(\.isFinite) + [split]
    let lo = all.min() ?? 0
    let hi = all.max() ?? 1
    let pad = max((hi - lo) * margin, 1e-6)
    return (lo - pad)...(hi + pad)
  }

  func column(_ x: Double, width: Int) -> Int {
    let span = xRange.upperBound - xRange.lowerBound
    guard width > 1, span > 0 else { return 0 }
    return min(width - 1, max(0, Int(((x - xRange.lowerBound) / span * Double(width - 1)).rounded())))
  }

  func row(_ y: Double, height: Int) -> Int {
    let span = yRange.upperBound - yRange.lowerBound
    guard height > 1, span > 0 else { return 0 }
    let fromBottom = Int(((y - yRange.lowerBound) / span * Double(height - 1)).rounded())
    return height - 1 - min(height - 1, max(0, fromBottom))
  }

  /// Draws into `area`; returns the labels that found no free place (none in the usual case).
  @discardableResult
  public func render(into buffer: inout Buffer, area: Rect) -> [String] {
    guard area.width >= 8, area.height >= 4 else { return items.map(\.label) }
    let w = area.width
    let h = area.height
    let splitColumn = column(xSplit, width: w)
    let splitRow = row(ySplit, height: h)
    // The cells taken: the axes and the corner names are never written over (a label on the
    // axis line reads as part of it), nor is another label.
    var taken = Array(repeating: Array(repeating: false, count: w), count: h)
    for y in 0..<h { taken[y][splitColumn] = true }
    for x in 0..<w { taken[splitRow][x] = true }
    for y in 0..<h {
      buffer.put(lines.vertical, x: area.x + splitColumn, y: area.y + y, style: Style(.border))
    }
    buffer.put(
      String(repeating: lines.horizontal, count: w), x: area.x, y: area.y + splitRow, style: Style(.border))
    buffer.put(lines.cross, x: area.x + splitColumn, y: area.y + splitRow, style: Style(.border))
    func corner(_ text: String, top: Bool, left: Bool) {
      let room = left ? splitColumn - 1 : w - splitColumn - 2
      // A name cut short says so (Finnish names are longer than their quadrants at 80 columns).
      let t = TextFit.truncate(
        text, to: max(0, room), ellipsis: DisplayWidth.of(ellipsis) < room ? ellipsis : "")
      let y = top ? 0 : h - 1
      let x = left ? 0 : w - DisplayWidth.of(t)
      buffer.put(t, x: area.x + x, y: area.y + y, style: Style(.muted, underline: true))
      for c in x..<(x + DisplayWidth.of(t)) where c >= 0 && c < w { taken[y][c] = true }
    }
    corner(corners.topLeft, top: true, left: true)
    corner(corners.topRight, top: true, left: false)
    corner(corners.bottomLeft, top: false, left: true)
    corner(corners.bottomRight, top: false, left: false)

    var unplaced: [String] = []
    // Rows near the wanted one first, then columns to either side: the label stays close.
    let rowOffsets = [0, -1, 1, -2, 2, -3, 3]
    for item in items {
      let label = item.label
      let lw = DisplayWidth.of(label)
      let c0 = column(item.x, width: w)
      let r0 = row(item.y, height: h)
      var spot: (Int, Int)?
      search: for dc in [0, -lw / 2, -lw, 2, -lw - 2, lw, -2 * lw] {
        for dr in rowOffsets {
          // The label starts at its point's cell, or ends at it when it would run off the edge.
          var x = c0 + dc
          if x + lw > w { x = w - lw }
          x = max(0, x)
          let y = r0 + dr
          guard y >= 0, y < h, x + lw <= w else { continue }
          if (x..<(x + lw)).allSatisfy({ !taken[y][$0] }) {
            spot = (x, y)
            break search
          }
        }
      }
      guard let (x, y) = spot else {
        unplaced.append(label)
        continue
      }
      for c in x..<(x + lw) { taken[y][c] = true }
      // A blank after a label keeps two labels on one row apart.
      if x + lw < w { taken[y][x + lw] = true }
      buffer.put(label, x: area.x + x, y: area.y + y, style: item.style)
    }
    return unplaced
  }
}

extension GridWidget.Lines {
  /// The lines of a glyph set.
  public init(glyphs: Glyphs) { self = glyphs.isUnicode ? .unicode : .ascii }
}
