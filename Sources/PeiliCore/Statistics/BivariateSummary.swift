import Foundation

/// Sufficient statistics of paired observations (n, means, M2s and the co-moment), mergeable
/// like `SampleSummary`, so a correlation under any segment filter is a merge of cached cells.
public struct BivariateSummary: Hashable, Sendable, Codable {
  public private(set) var n: Int = 0
  public private(set) var meanX: Double = 0
  public private(set) var meanY: Double = 0
  public private(set) var m2X: Double = 0
  public private(set) var m2Y: Double = 0
  /// Σ (x − meanX)(y − meanY).
  public private(set) var coMoment: Double = 0

  public init() {}

  public init(n: Int, meanX: Double, meanY: Double, m2X: Double, m2Y: Double, coMoment: Double) {
    self.n = n
    self.meanX = meanX
    self.meanY = meanY
    self.m2X = m2X
    self.m2Y = m2Y
    self.coMoment = coMoment
  }

  /// Adds one pair (Welford's update extended to the co-moment).
  public mutating func add(x: Double, y: Double) {
    n += 1
    let dx = x - meanX
    meanX += dx / Double(n)
    let dy = y - meanY
    meanY += dy / Double(n)
    m2X += dx * (x - meanX)
    m2Y += dy * (y - meanY)
    coMoment += dx * (y - meanY)
  }

  /// Both samples as one (parallel formula).
  public func merged(with o: BivariateSummary) -> BivariateSummary {
    if o.n == 0 { return self }
    if n == 0 { return o }
    let total = Double(n + o.n)
    let dx = o.meanX - meanX
    let dy = o.meanY - meanY
    let weight = Double(n) * Double(o.n) / total
    return BivariateSummary(
      n: n + o.n, meanX: meanX + dx * Double(o.n) / total, meanY: meanY + dy * Double(o.n) / total,
      m2X: m2X + o.m2X + dx * dx * weight, m2Y: m2Y + o.m2Y + dy * dy * weight,
      coMoment: coMoment + o.coMoment + dx * dy * weight)
  }

  /// Pearson's r and its two-sided p (t with n − 2 df); nil below three pairs or with a
  /// constant variable.
  public var correlation: (r: Double, p: Double)? {
    guard n >= 3, m2X > 0, m2Y > 0 else { return nil }
    let r = max(-1, min(1, coMoment / (m2X * m2Y).squareRoot()))
    if abs(r) == 1 { return (r, 0) }
    let t = r * (Double(n - 2) / (1 - r * r)).squareRoot()
    return (r, StudentT.twoSidedP(t, df: Double(n - 2)))
  }
}
