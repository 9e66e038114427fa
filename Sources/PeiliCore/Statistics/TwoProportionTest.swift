/// Two-proportion z test of `p2 − p1`: pooled SE for the test, unpooled SE for the interval.
public struct TwoProportionTest: Hashable, Sendable {
  public let diff: Double
  public let z: Double
  public let p: Double
  public let low: Double
  public let high: Double

  /// nil when either group is empty.
  public init?(k1: Int, n1: Int, k2: Int, n2: Int) {
    guard n1 > 0, n2 > 0 else { return nil }
    let p1 = Double(k1) / Double(n1)
    let p2 = Double(k2) / Double(n2)
    diff = p2 - p1
    let pooled = Double(k1 + k2) / Double(n1 + n2)
    let sePooled = (pooled * (1 - pooled) * (1 / Double(n1) + 1 / Double(n2))).squareRoot()
    if sePooled > 0 {
      z = diff / sePooled
      p = StandardNormal.twoSidedP(z)
    } else {
      z = 0
      p = 1
    }
    let se = (p1 * (1 - p1) / Double(n1) + p2 * (1 - p2) / Double(n2)).squareRoot()
    low = diff - StandardNormal.z975 * se
    high = diff + StandardNormal.z975 * se
  }
}
