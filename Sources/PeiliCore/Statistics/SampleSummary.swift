/// Sufficient statistics of one sample (n, mean, sum of squared deviations): all that a
/// t interval or a Welch test needs, so the store caches these instead of raw answers.
public struct SampleSummary: Hashable, Sendable, Codable {
  public private(set) var n: Int
  public private(set) var mean: Double
  /// Sum of squared deviations from the mean (Welford's M2).
  public private(set) var m2: Double

  public init() {
    n = 0
    mean = 0
    m2 = 0
  }

  public init(n: Int, mean: Double, m2: Double) {
    self.n = n
    self.mean = mean
    self.m2 = m2
  }

  public init<S: Sequence>(_ values: S) where S.Element == Double {
    self.init()
    for v in values { add(v) }
  }

  /// Adds one observation (Welford: stable for millions of values).
  public mutating func add(_ x: Double) {
    n += 1
    let d = x - mean
    mean += d / Double(n)
    m2 += d * (x - mean)
  }

  /// Both samples as one (Chan et al.'s parallel formula), so summaries cached per segment
  /// cell merge into any filter's summary without revisiting a respondent.
  public func merged(with other: SampleSummary) -> SampleSummary {
    if other.n == 0 { return self }
    if n == 0 { return other }
    let total = n + other.n
    let d = other.mean - mean
    let share = Double(other.n) / Double(total)
    return SampleSummary(
      n: total, mean: mean + d * share, m2: m2 + other.m2 + d * d * Double(n) * share)
  }

  /// Sample variance (n − 1 denominator); nil below two observations.
  public var variance: Double? { n > 1 ? m2 / Double(n - 1) : nil }
  public var sd: Double? { variance.map { $0.squareRoot() } }
}
