/// Scores on a 0–100 axis in a few cells: each score a letter at its estimate with its
/// confidence interval as a thin line, and the span between the first two scores as a thick
/// bar (the dumbbell), over a dotted track.
public struct DumbbellWidget: Sendable {
  /// One score: a one-character label (e.g. "C" customer) at `value`, with its interval.
  public struct Point: Hashable, Sendable {
    public var label: String
    public var value: Double
    public var low: Double?
    public var high: Double?
    public var style: Style
    public init(
      _ label: String, value: Double, low: Double? = nil, high: Double? = nil, style: Style = .plain
    ) {
      self.label = label
      self.value = value
      self.low = low
      self.high = high
      self.style = style
    }
  }

  /// The drawing characters: Unicode or ASCII.
  public struct Marks: Hashable, Sendable {
    public var track: String
    public var interval: String
    public var bar: String
    public init(track: String, interval: String, bar: String) {
      self.track = track
      self.interval = interval
      self.bar = bar
    }
    public static let unicode = Marks(track: "·", interval: "─", bar: "━")
    public static let ascii = Marks(track: ".", interval: "-", bar: "=")
  }

  public var points: [Point]
  public var range: ClosedRange<Double>
  public var marks: Marks

  public init(points: [Point], range: ClosedRange<Double> = 0...100, marks: Marks = .unicode) {
    self.points = points
    self.range = range
    self.marks = marks
  }

  /// The cell of `value` in `width` cells (clamped to the axis).
  public func column(_ value: Double, width: Int) -> Int {
    let span = range.upperBound - range.lowerBound
    guard width > 1, span > 0, value.isFinite else { return 0 }
    let t = min(1, max(0, (value - range.lowerBound) / span))
    return min(width - 1, Int((t * Double(width - 1)).rounded()))
  }

  /// Exactly `width` cells as spans: track, intervals, the bar between the first two points,
  /// then the point labels (later points over earlier ones where they share a cell).
  public func spans(width: Int) -> [Span] {
    guard width > 0 else { return [] }
    var cells = Array(repeating: Span(marks.track, Style(.muted)), count: width)
    for p in points {
      guard let low = p.low, let high = p.high, low.isFinite, high.isFinite else { continue }
      let a = column(min(low, high), width: width)
      let b = column(max(low, high), width: width)
      for c in a...b { cells[c] = Span(marks.interval, Style(p.style.role)) }
    }
    if points.count >= 2 {
      let a = column(min(points[0].value, points[1].value), width: width)
      let b = column(max(points[0].value, points[1].value), width: width)
      if b - a > 1 {
        for c in (a + 1)..<b { cells[c] = Span(marks.bar, Style(.text, bold: true)) }
      }
    }
    for p in points where p.value.isFinite {
      cells[column(p.value, width: width)] = Span(p.label, Style(p.style.role, bold: true))
    }
    // Merge neighbours of one style so a row is a handful of spans, not one per cell.
    var out: [Span] = []
    for cell in cells {
      if let last = out.last, last.style == cell.style {
        out[out.count - 1] = Span(last.text + cell.text, last.style)
      } else {
        out.append(cell)
      }
    }
    return out
  }
}

extension DumbbellWidget.Marks {
  /// The marks of a glyph set.
  public init(glyphs: Glyphs) { self = glyphs.isUnicode ? .unicode : .ascii }
}
