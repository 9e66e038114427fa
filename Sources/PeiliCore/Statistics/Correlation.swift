/// Pearson's r with its two-sided p-value (t with n − 2 df); used as derived importance.
public struct Correlation: Hashable, Sendable {
  public let n: Int
  public let r: Double
  public let p: Double

  /// nil for fewer than three pairs, unequal lengths, or a constant variable.
  public init?(x: [Double], y: [Double]) {
    guard x.count == y.count, x.count >= 3 else { return nil }
    let n = x.count
    let mx = x.reduce(0, +) / Double(n)
    let my = y.reduce(0, +) / Double(n)
    var sxy = 0.0
    var sxx = 0.0
    var syy = 0.0
    for i in 0..<n {
      let dx = x[i] - mx
      let dy = y[i] - my
      sxy += dx * dy
      sxx += dx * dx
      syy += dy * dy
    }
    guard sxx > 0, syy > 0 else { return nil }
    let r = max(-1, min(1, sxy / (sxx * syy).squareRoot()))
    self.n = n
    self.r = r
    if abs(r) == 1 {
      p = 0
    } else {
      let t = r * (Double(n - 2) / (1 - r * r)).squareRoot()
      p = StudentT.twoSidedP(t, df: Double(n - 2))
    }
  }
}
