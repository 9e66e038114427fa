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

  /// Sample variance (n − 1 denominator); nil below two observations.
  public var variance: Double? { n > 1 ? m2 / Double(n - 1) : nil }
  public var sd: Double? { variance.map { $0.squareRoot() } }
}
