/// Which answers of a question count as favourable, as its mapping states it: the top N points
/// of its scale (`favourable: {top: N}`) or the answers at or above a value on its own scale
/// (`favourable: ">= X"`). A question without one takes the top two points
/// (`Scale.isFavourable`).
public enum FavourableRule: Hashable, Sendable, Codable {
  /// The top `n` points of the scale.
  case top(Int)
  /// Answers at or above the value.
  case atLeast(Int)

  /// The lowest favourable answer on `scale`.
  public func threshold(on scale: Scale) -> Int {
    switch self {
    case .top(let n): scale.max - n + 1
    case .atLeast(let x): x
    }
  }

  /// As stored and as a mapping writes it: `top 3` / `>= 70`.
  public var stored: String {
    switch self {
    case .top(let n): "top \(n)"
    case .atLeast(let x): ">= \(x)"
    }
  }

  /// The rule `stored` wrote; nil for anything else.
  public init?(stored text: String) {
    if text.hasPrefix("top "), let n = Int(text.dropFirst(4)) {
      self = .top(n)
    } else if text.hasPrefix(">= "), let x = Int(text.dropFirst(3)) {
      self = .atLeast(x)
    } else {
      return nil
    }
  }
}
