/// A proportion k/n with its Wilson score interval.
public struct WilsonInterval: Hashable, Sendable {
  public let k: Int
  public let n: Int
  public let p: Double
  public let low: Double
  public let high: Double

  /// nil when n is 0.
  public init?(k: Int, n: Int, z: Double = StandardNormal.z975) {
    guard n > 0, k >= 0, k <= n else { return nil }
    self.k = k
    self.n = n
    let nn = Double(n)
    let p = Double(k) / nn
    self.p = p
    let z2 = z * z
    let centre = (p + z2 / (2 * nn)) / (1 + z2 / nn)
    let half = z / (1 + z2 / nn) * (p * (1 - p) / nn + z2 / (4 * nn * nn)).squareRoot()
    // Clamp only the rounding dust at the ends (k = 0 or k = n give exactly 0 or 1).
    low = k == 0 ? 0 : max(0, centre - half)
    high = k == n ? 1 : min(1, centre + half)
  }
}
