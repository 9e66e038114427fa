/// A horizontal bar showing a fraction 0…1, with optional eighth-cell partial glyphs.
public struct ProgressBar: Sendable {
  /// 0…1 (clamped); nil draws an empty track (progress unknown).
  public var fraction: Double?
  public var filled: String
  public var empty: String
  /// Partial cells from 1/8 to 7/8 (Unicode sets); empty for whole cells only.
  public var partials: [String]
  public var filledStyle: Style
  public var emptyStyle: Style

  public init(
    fraction: Double?, filled: String = "█", empty: String = "░", partials: [String] = [],
    filledStyle: Style = .plain, emptyStyle: Style = Style(.muted)
  ) {
    self.fraction = fraction
    self.filled = filled
    self.empty = empty
    self.partials = partials
    self.filledStyle = filledStyle
    self.emptyStyle = emptyStyle
  }

  /// The filled part and the empty track as strings of exactly `width` cells together.
  public func segments(width: Int) -> (filled: String, empty: String) {
    guard width > 0 else { return ("", "") }
    let f = min(1, max(0, fraction ?? 0))
    if partials.count == 7 {
      let eighths = Int((f * Double(width * 8)).rounded())
      let whole = eighths / 8
      let rest = eighths % 8
      var bar = String(repeating: filled, count: whole)
      var used = whole
      if rest > 0 && used < width {
        bar += partials[rest - 1]
        used += 1
      }
      return (bar, String(repeating: empty, count: width - used))
    }
    let whole = Int((f * Double(width)).rounded())
    return (String(repeating: filled, count: whole), String(repeating: empty, count: width - whole))
  }

  /// Draws the bar in `width` cells from (x, y).
  public func render(into buffer: inout Buffer, x: Int, y: Int, width: Int) {
    let (f, e) = segments(width: width)
    let after = buffer.put(f, x: x, y: y, style: filledStyle, maxWidth: width)
    buffer.put(e, x: after, y: y, style: emptyStyle, maxWidth: width - (after - x))
  }

  /// The bar as spans, for composing into a row.
  public func spans(width: Int) -> [Span] {
    let (f, e) = segments(width: width)
    return [Span(f, filledStyle), Span(e, emptyStyle)]
  }
}
