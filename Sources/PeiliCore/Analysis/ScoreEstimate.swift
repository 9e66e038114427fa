/// A score as shown: derived from a ScoreSummary; nil-producing when suppressed (n < minimum).
public struct ScoreEstimate: Hashable, Sendable {
  public let n: Int
  /// 0–100 mean of respondent theme scores.
  public let index: Double
  /// t interval (n − 1 df); the whole 0–100 range for a single respondent.
  public let indexLow: Double, indexHigh: Double
  /// On the question scale, when the theme's questions share one.
  public let nativeMean: Double?
  public let nativeLow: Double?, nativeHigh: Double?
  public let scale: Scale?
  /// Favourable share 0…1 with its interval: for a theme the mean of respondents' favourable
  /// shares, for a question the share of answers in the top two options (see `favourableBasis`).
  public let favourable: Double?
  public let favourableLow: Double?, favourableHigh: Double?
  /// What `favourable` is computed from and how its interval is drawn.
  public let favourableBasis: FavourableBasis
  /// The units behind `favourable`: respondents for a theme, answers for a question.
  public let favourableN: Int
  /// Every answer behind `favourable` (for a theme: all its respondents' answers, pooled).
  public let favourableAnswers: Int
  /// −100…100 where an NPS item exists (and has at least the minimum of answers).
  public let nps: Double?
  public let npsSE: Double?
  public let npsN: Int

  /// nil when summary.n < minimumGroup.
  public init?(_ summary: ScoreSummary, minimumGroup: Int = 5) {
    guard summary.n >= 1, !Suppression.isSuppressed(n: summary.n, minimum: minimumGroup) else { return nil }
    n = summary.n
    index = summary.index.mean
    let indexCI = MeanInterval(summary.index)
    if let ci = indexCI {
      indexLow = ci.low
      indexHigh = ci.high
    } else {
      indexLow = 0
      indexHigh = 100
    }
    scale = summary.scale
    if let native = summary.native, native.n > 0 {
      nativeMean = native.mean
      // Same n, same df: the index interval's t quantile serves the native one as well.
      let sharedTCrit = indexCI.flatMap { $0.n == native.n ? $0.tCrit : nil }
      let nativeCI = sharedTCrit.flatMap { MeanInterval(native, tCrit: $0) } ?? MeanInterval(native)
      if let ci = nativeCI {
        nativeLow = ci.low
        nativeHigh = ci.high
      } else {
        nativeLow = summary.scale.map { Double($0.min) }
        nativeHigh = summary.scale.map { Double($0.max) }
      }
    } else {
      nativeMean = nil
      nativeLow = nil
      nativeHigh = nil
    }
    favourableAnswers = summary.favourableN
    if let shares = summary.favourableShares, shares.n > 0 {
      // A theme: the answers of one respondent are correlated (3–7 items per theme give a design
      // effect of 1.6–3.8), so a Wilson interval over the pooled answers would be too narrow.
      // Each respondent counts once, by their favourable share; the mean of the shares has the
      // t interval of any respondent mean (n − 1 df), clamped to 0…1. Chosen over a
      // design-effect-adjusted Wilson because the shares' (n, mean, M2) merge exactly across
      // segment cells, and changes and gaps then follow from Welch as for the index.
      favourableBasis = .respondentShares
      favourableN = shares.n
      favourable = shares.mean
      let sharesCI =
        indexCI.flatMap { $0.n == shares.n ? $0.tCrit : nil }
        .flatMap { MeanInterval(shares, tCrit: $0) } ?? MeanInterval(shares)
      if let ci = sharesCI {
        favourableLow = max(0, ci.low)
        favourableHigh = min(1, ci.high)
      } else {
        favourableLow = 0
        favourableHigh = 1
      }
    } else if let w = WilsonInterval(k: summary.favourable, n: summary.favourableN) {
      favourableBasis = .answers
      favourableN = summary.favourableN
      favourable = w.p
      favourableLow = w.low
      favourableHigh = w.high
    } else {
      favourableBasis = .answers
      favourableN = summary.favourableN
      favourable = nil
      favourableLow = nil
      favourableHigh = nil
    }
    npsN = summary.npsN
    if !Suppression.isSuppressed(n: summary.npsN, minimum: minimumGroup),
      let e = NetPromoterScore(promoters: summary.promoters, detractors: summary.detractors, n: summary.npsN)
    {
      nps = e.nps
      npsSE = e.se
    } else {
      nps = nil
      npsSE = nil
    }
  }
}
