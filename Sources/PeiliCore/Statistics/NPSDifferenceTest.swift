/// The difference `after − before` of two independent NPS values: z = Δ/√(SE₁² + SE₂²).
public struct NPSDifferenceTest: Hashable, Sendable {
  public let diff: Double
  public let se: Double
  public let z: Double
  public let p: Double
  public let low: Double
  public let high: Double

  public init(before a: NetPromoterScore, after b: NetPromoterScore) {
    diff = b.nps - a.nps
    se = (a.se * a.se + b.se * b.se).squareRoot()
    if se > 0 {
      z = diff / se
      p = StandardNormal.twoSidedP(z)
    } else {
      z = 0
      p = diff == 0 ? 1 : 0
    }
    low = diff - StandardNormal.z975 * se
    high = diff + StandardNormal.z975 * se
  }
}
