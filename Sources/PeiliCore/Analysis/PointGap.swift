/// A change or gap of favourable % or NPS between two independent groups, in points
/// (favourable: percentage points 0–100; NPS: points on −100…100), with its 95% CI and the
/// same mark rule as `Gap`. For `notEnoughData` every number is 0: check the class.
public struct PointGap: Hashable, Sendable {
  /// What is compared.
  public enum Measure: String, Hashable, Sendable, CaseIterable {
    case favourable, nps
  }

  /// How the difference was tested.
  public enum Method: String, Hashable, Sendable {
    /// One answer per respondent (a question): two-proportion z, pooled SE for the test,
    /// unpooled SE for the interval.
    case twoProportions
    /// Several answers per respondent (a theme): Welch's t on the respondents' favourable
    /// shares (Welch–Satterthwaite df), consistent with the theme's own interval.
    case respondentShares
    /// NPS: z = Δ/√(SE₁² + SE₂²), normal interval.
    case npsDifference
    /// Nothing was tested (a side missing or suppressed).
    case none
  }

  public let measure: Measure
  public let method: Method
  /// second − first, in points.
  public let diff: Double, low: Double, high: Double
  /// Standard error of `diff` (for two proportions: the unpooled one of the interval).
  public let se: Double
  /// The test statistic: z, or Welch's t.
  public let statistic: Double
  /// Welch–Satterthwaite df for `respondentShares`; nil for a z test.
  public let df: Double?
  /// Two-sided.
  public let p: Double
  /// Respondents (or answers, for a question) of the first and second group.
  public let n1: Int, n2: Int
  public let gapClass: GapClass
  public var isMarked: Bool { gapClass == .under || gapClass == .over }
  /// Half the CI width, for "12 ± 7".
  public var margin: Double { (high - low) / 2 }

  public init(
    measure: Measure, method: Method, diff: Double, low: Double, high: Double, se: Double,
    statistic: Double, df: Double?, p: Double, n1: Int, n2: Int, gapClass: GapClass
  ) {
    self.measure = measure
    self.method = method
    self.diff = diff
    self.low = low
    self.high = high
    self.se = se
    self.statistic = statistic
    self.df = df
    self.p = p
    self.n1 = n1
    self.n2 = n2
    self.gapClass = gapClass
  }

  /// A gap of `measure` whose sides are missing or suppressed.
  public static func notEnoughData(_ measure: Measure) -> PointGap {
    PointGap(
      measure: measure, method: .none, diff: 0, low: 0, high: 0, se: 0, statistic: 0, df: nil, p: 1, n1: 0,
      n2: 0, gapClass: .notEnoughData)
  }

  /// `second − first` of favourable %, in percentage points: nil when neither side has a score;
  /// `notEnoughData` when one is missing or suppressed (n < minimumGroup) or has no favourable
  /// answers counted. Themes (summaries with respondents' shares) by Welch on the shares,
  /// questions by the two-proportion z test.
  public static func favourable(
    _ first: ScoreSummary?, _ second: ScoreSummary?, minimumGroup: Int = 5,
    materialThreshold: Double = Materiality.favourablePoints
  ) -> PointGap? {
    if first == nil && second == nil { return nil }
    guard let a = first, let b = second, !Suppression.isSuppressed(n: a.n, minimum: minimumGroup),
      !Suppression.isSuppressed(n: b.n, minimum: minimumGroup)
    else { return .notEnoughData(.favourable) }
    switch (a.favourableShares, b.favourableShares) {
    case (let sa?, let sb?):
      // The respondents' shares on 0–100 points: Welch as for the index.
      guard let w = WelchTest(before: points(sa), after: points(sb)) else {
        return .notEnoughData(.favourable)
      }
      return PointGap(
        measure: .favourable, method: .respondentShares, diff: w.diff, low: w.low, high: w.high, se: w.se,
        statistic: w.t, df: w.df, p: w.p, n1: sa.n, n2: sb.n,
        gapClass: Gap.classify(diff: w.diff, low: w.low, high: w.high, materialThreshold: materialThreshold))
    case (nil, nil):
      guard
        let t = TwoProportionTest(k1: a.favourable, n1: a.favourableN, k2: b.favourable, n2: b.favourableN)
      else { return .notEnoughData(.favourable) }
      let (diff, low, high) = (100 * t.diff, 100 * t.low, 100 * t.high)
      return PointGap(
        measure: .favourable, method: .twoProportions, diff: diff, low: low, high: high,
        se: (high - low) / (2 * StandardNormal.z975), statistic: t.z, df: nil, p: t.p, n1: a.favourableN,
        n2: b.favourableN,
        gapClass: Gap.classify(diff: diff, low: low, high: high, materialThreshold: materialThreshold))
    default:
      // A theme against a question: no common unit to compare.
      return .notEnoughData(.favourable)
    }
  }

  /// `second − first` of NPS, in NPS points: nil when neither side has a score; `notEnoughData`
  /// when one has no NPS item or fewer NPS answers than the minimum group.
  public static func nps(
    _ first: ScoreSummary?, _ second: ScoreSummary?, minimumGroup: Int = 5,
    materialThreshold: Double = Materiality.npsPoints
  ) -> PointGap? {
    if first == nil && second == nil { return nil }
    guard let a = first, let b = second, !Suppression.isSuppressed(n: a.n, minimum: minimumGroup),
      !Suppression.isSuppressed(n: b.n, minimum: minimumGroup),
      !Suppression.isSuppressed(n: a.npsN, minimum: minimumGroup),
      !Suppression.isSuppressed(n: b.npsN, minimum: minimumGroup),
      let na = NetPromoterScore(promoters: a.promoters, detractors: a.detractors, n: a.npsN),
      let nb = NetPromoterScore(promoters: b.promoters, detractors: b.detractors, n: b.npsN)
    else { return .notEnoughData(.nps) }
    let d = NPSDifferenceTest(before: na, after: nb)
    return PointGap(
      measure: .nps, method: .npsDifference, diff: d.diff, low: d.low, high: d.high, se: d.se, statistic: d.z,
      df: nil, p: d.p, n1: na.n, n2: nb.n,
      gapClass: Gap.classify(diff: d.diff, low: d.low, high: d.high, materialThreshold: materialThreshold))
  }

  /// Shares 0…1 as points 0–100 (mean × 100, M2 × 100²).
  static func points(_ s: SampleSummary) -> SampleSummary {
    SampleSummary(n: s.n, mean: 100 * s.mean, m2: 10_000 * s.m2)
  }
}
