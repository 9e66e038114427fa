/// Net Promoter Score from promoter (9–10) and detractor (0–6) counts, with its SE and normal CI.
public struct NetPromoterScore: Hashable, Sendable {
  public let n: Int
  /// Shares 0…1.
  public let promoters: Double
  public let detractors: Double
  /// −100…100.
  public let nps: Double
  /// 100·√((p + d − (p − d)²)/n).
  public let se: Double
  public let low: Double
  public let high: Double

  /// nil when n is 0.
  public init?(promoters: Int, detractors: Int, n: Int) {
    guard n > 0, promoters >= 0, detractors >= 0, promoters + detractors <= n else { return nil }
    self.n = n
    let p = Double(promoters) / Double(n)
    let d = Double(detractors) / Double(n)
    self.promoters = p
    self.detractors = d
    nps = 100 * (p - d)
    se = 100 * (max(0, p + d - (p - d) * (p - d)) / Double(n)).squareRoot()
    low = nps - StandardNormal.z975 * se
    high = nps + StandardNormal.z975 * se
  }

  /// Counts answers on a 0–10 scale.
  public init?<S: Sequence>(answers: S) where S.Element == Int {
    var n = 0
    var pro = 0
    var det = 0
    for a in answers {
      n += 1
      if a >= 9 { pro += 1 } else if a <= 6 { det += 1 }
    }
    self.init(promoters: pro, detractors: det, n: n)
  }
}
