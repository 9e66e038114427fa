/// A mean with its two-sided t confidence interval (n − 1 df).
public struct MeanInterval: Hashable, Sendable {
  public let n: Int
  public let mean: Double
  public let sd: Double
  public let se: Double
  /// t(1 − α/2, n − 1).
  public let tCrit: Double
  public let low: Double
  public let high: Double

  /// nil below two observations, where no interval exists.
  public init?(_ sample: SampleSummary, confidence: Double = 0.95) {
    guard sample.n > 1 else { return nil }
    self.init(sample, tCrit: StudentT.quantile(1 - (1 - confidence) / 2, df: Double(sample.n - 1)))
  }

  /// With t(1 − α/2, n − 1) already known: another sample of the same n need not pay for the
  /// quantile again.
  init?(_ sample: SampleSummary, tCrit: Double) {
    guard let sd = sample.sd else { return nil }
    n = sample.n
    mean = sample.mean
    self.sd = sd
    se = sd / Double(sample.n).squareRoot()
    self.tCrit = tCrit
    low = mean - tCrit * se
    high = mean + tCrit * se
  }

  private init(n: Int, mean: Double, sd: Double, se: Double, tCrit: Double, low: Double, high: Double) {
    self.n = n
    self.mean = mean
    self.sd = sd
    self.se = se
    self.tCrit = tCrit
    self.low = low
    self.high = high
  }

  /// The same interval moved onto the 0–100 index of `scale`: (x − min)/(max − min)·100.
  public func indexed(on scale: Scale) -> MeanInterval {
    let k = 100 / Double(scale.max - scale.min)
    return MeanInterval(
      n: n, mean: scale.index(mean), sd: sd * k, se: se * k, tCrit: tCrit, low: scale.index(low),
      high: scale.index(high))
  }
}
