/// A theme's change less the mean change of comparison themes, with its own interval.
///
///   DiD = Δ_t − (1/k)·Σ Δ_i
///   SE  = √(SE_t² + (1/k²)·Σ SE_i²)
///   df  = SE⁴ / (SE_t⁴/df_t + Σ (SE_i²/k²)²/df_i)   (Welch–Satterthwaite for a linear combination)
///   CI  = DiD ± t(0.975, df)·SE
///
/// Each Δ is a Welch change (its SE and df). The changes are treated as independent, although
/// the same respondents answer every theme of a wave: their theme changes correlate
/// positively, so the true SE of the difference is smaller and this interval is conservative.
public struct DifferenceInDifferences: Hashable, Sendable {
  public let diff: Double, low: Double, high: Double
  public let se: Double, df: Double
  /// The comparison's mean change (the part subtracted).
  public let comparisonChange: Double
  /// How many comparison themes were averaged.
  public let comparisonCount: Int
  public let gapClass: GapClass
  public var margin: Double { (high - low) / 2 }

  /// nil when the target change or every comparison change lacks data.
  public init?(target: Gap, comparison: [Gap], materialThreshold: Double = 5, confidence: Double = 0.95) {
    let shown = comparison.filter { $0.gapClass != .notEnoughData }
    guard target.gapClass != .notEnoughData, !shown.isEmpty else { return nil }
    let k = Double(shown.count)
    comparisonCount = shown.count
    comparisonChange = shown.reduce(0) { $0 + $1.diff } / k
    diff = target.diff - comparisonChange
    let parts = [(target.se * target.se, target.df)] + shown.map { ($0.se * $0.se / (k * k), $0.df) }
    let variance = parts.reduce(0) { $0 + $1.0 }
    se = variance.squareRoot()
    let denominator = parts.reduce(0) { $0 + ($1.1 > 0 ? $1.0 * $1.0 / $1.1 : 0) }
    df = denominator > 0 ? variance * variance / denominator : parts.reduce(0) { $0 + $1.1 }
    let crit = df > 0 ? StudentT.quantile(1 - (1 - confidence) / 2, df: df) : 0
    low = diff - crit * se
    high = diff + crit * se
    gapClass = Gap.classify(diff: diff, low: low, high: high, materialThreshold: materialThreshold)
  }
}
