/// Welch's unequal-variance t test and interval for the difference `after − before` of two
/// independent samples (Welch–Satterthwaite df).
public struct WelchTest: Hashable, Sendable {
  public let diff: Double
  public let se: Double
  public let t: Double
  public let df: Double
  /// Two-sided.
  public let p: Double
  public let low: Double
  public let high: Double

  /// nil unless both samples have at least two observations.
  public init?(before a: SampleSummary, after b: SampleSummary, confidence: Double = 0.95) {
    guard let va = a.variance, let vb = b.variance else { return nil }
    let qa = va / Double(a.n)
    let qb = vb / Double(b.n)
    diff = b.mean - a.mean
    se = (qa + qb).squareRoot()
    if se > 0 {
      df = (qa + qb) * (qa + qb) / (qa * qa / Double(a.n - 1) + qb * qb / Double(b.n - 1))
      t = diff / se
      p = StudentT.twoSidedP(t, df: df)
    } else {
      // Both samples constant: the difference is known exactly.
      df = Double(a.n + b.n - 2)
      t = diff == 0 ? 0 : (diff > 0 ? .infinity : -.infinity)
      p = diff == 0 ? 1 : 0
    }
    let crit = StudentT.quantile(1 - (1 - confidence) / 2, df: df)
    low = diff - crit * se
    high = diff + crit * se
  }
}
