/// Which way a gap points.
///   under = first term lower (mirror gap < 0: staff too pessimistic; a fall), marked
///   over = first term higher (staff too optimistic; a rise), marked
///   aligned = CI includes 0 or |diff| < material threshold
///   notEnoughData = either side missing or suppressed
public enum GapClass: String, Sendable, CaseIterable {
  case under, over, aligned, notEnoughData
}

/// A difference between two independent groups on the 0–100 index (Welch).
/// For `notEnoughData` every number is 0 (nothing of a suppressed cell may leak): check the class.
public struct Gap: Hashable, Sendable {
  public let diff: Double, low: Double, high: Double
  public let se: Double, df: Double, p: Double
  public let n1: Int, n2: Int
  public let gapClass: GapClass
  public var isMarked: Bool { gapClass == .under || gapClass == .over }
  /// Half the CI width, for "12 ± 7".
  public var margin: Double { (high - low) / 2 }

  public init(
    diff: Double, low: Double, high: Double, se: Double, df: Double, p: Double, n1: Int, n2: Int,
    gapClass: GapClass
  ) {
    self.diff = diff
    self.low = low
    self.high = high
    self.se = se
    self.df = df
    self.p = p
    self.n1 = n1
    self.n2 = n2
    self.gapClass = gapClass
  }

  /// A gap whose sides are missing or suppressed.
  public static let notEnoughData = Gap(
    diff: 0, low: 0, high: 0, se: 0, df: 0, p: 1, n1: 0, n2: 0, gapClass: .notEnoughData)

  /// `second − first` on the index: nil when neither side has any score; `notEnoughData` when
  /// one is missing, suppressed (n < minimumGroup) or too small for a variance.
  public static func between(
    _ first: ScoreSummary?, _ second: ScoreSummary?, minimumGroup: Int = 5, materialThreshold: Double = 5
  ) -> Gap? {
    if first == nil && second == nil { return nil }
    guard let a = first, let b = second, !Suppression.isSuppressed(n: a.n, minimum: minimumGroup),
      !Suppression.isSuppressed(n: b.n, minimum: minimumGroup),
      let w = WelchTest(before: a.index, after: b.index)
    else { return .notEnoughData }
    return Gap(
      diff: w.diff, low: w.low, high: w.high, se: w.se, df: w.df, p: w.p, n1: a.n, n2: b.n,
      gapClass: classify(diff: w.diff, low: w.low, high: w.high, materialThreshold: materialThreshold))
  }

  /// Marked only when the CI excludes 0 and the difference is material.
  public static func classify(diff: Double, low: Double, high: Double, materialThreshold: Double) -> GapClass
  {
    let excludesZero = low > 0 || high < 0
    guard excludesZero, abs(diff) >= materialThreshold else { return .aligned }
    return diff < 0 ? .under : .over
  }
}
