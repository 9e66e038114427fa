/// A rectangle of cells in a buffer; layouts split the screen into these.
public struct Rect: Hashable, Sendable, CustomStringConvertible {
  public var x: Int
  public var y: Int
  public var width: Int
  public var height: Int

  public init(x: Int, y: Int, width: Int, height: Int) {
    self.x = x
    self.y = y
    self.width = max(0, width)
    self.height = max(0, height)
  }

  public var maxX: Int { x + width }
  public var maxY: Int { y + height }
  public var isEmpty: Bool { width == 0 || height == 0 }
  public var description: String { "\(width)×\(height)@\(x),\(y)" }

  /// The rectangle shrunk by `n` cells on every side.
  public func inset(_ n: Int) -> Rect {
    Rect(x: x + n, y: y + n, width: width - 2 * n, height: height - 2 * n)
  }

  /// Cuts `rows` rows off the top (clamped to the height).
  public func splitTop(_ rows: Int) -> (top: Rect, rest: Rect) {
    let h = min(max(0, rows), height)
    return (
      Rect(x: x, y: y, width: width, height: h), Rect(x: x, y: y + h, width: width, height: height - h)
    )
  }

  /// Cuts `rows` rows off the bottom (clamped to the height).
  public func splitBottom(_ rows: Int) -> (rest: Rect, bottom: Rect) {
    let h = min(max(0, rows), height)
    return (
      Rect(x: x, y: y, width: width, height: height - h),
      Rect(x: x, y: y + height - h, width: width, height: h)
    )
  }

  /// Cuts `columns` columns off the left (clamped to the width).
  public func splitLeft(_ columns: Int) -> (left: Rect, rest: Rect) {
    let w = min(max(0, columns), width)
    return (
      Rect(x: x, y: y, width: w, height: height), Rect(x: x + w, y: y, width: width - w, height: height)
    )
  }

  /// One row of the rectangle (row 0 is the top).
  public func row(_ index: Int) -> Rect { Rect(x: x, y: y + index, width: width, height: 1) }

  /// A rectangle of at most `width`×`height` centred in this one.
  public func centered(width w: Int, height h: Int) -> Rect {
    let cw = min(w, width)
    let ch = min(h, height)
    return Rect(x: x + (width - cw) / 2, y: y + (height - ch) / 2, width: cw, height: ch)
  }
}

extension Buffer {
  /// The whole buffer as a rectangle.
  public var area: Rect { Rect(x: 0, y: 0, width: width, height: height) }
}
