/// Why a theme is a blind spot: a fact with its numbers, worded by whoever shows it.
public enum BlindSpotReason: Hashable, Sendable {
  /// The latest shown customer index is below `threshold` (both on the 0–100 index).
  case weakCustomerIndex(index: Double, threshold: Double)
  /// The mirror gap (mirror − customer) is marked: material and outside the CI of zero.
  case markedMirrorGap(Gap)
  /// No objective, key result or action links to the theme.
  case unlinked

  /// The customer index below which a theme no action targets is a blind spot.
  public static let weakIndex: Double = 50
}
