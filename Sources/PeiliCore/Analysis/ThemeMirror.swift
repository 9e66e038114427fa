/// One theme as the dashboard's mirror pane shows it (follow-up = latest wave).
public struct ThemeMirror: Hashable, Sendable {
  /// What the mirror gap says, as a fact the screens and the report word in their language.
  public enum Reading: Hashable, Sendable {
    /// A side is missing or suppressed.
    case notEnoughData
    /// The staff's estimate of customers matches them (the gap is not marked).
    case agree
    /// The staff rate customers' view lower than customers do (a marked negative gap).
    case staffUnderestimate(by: Gap)
    /// The staff rate customers' view higher than customers do (a marked positive gap).
    case staffOverestimate(by: Gap)

    /// The reading of a mirror gap (mirror − customer).
    public init(mirrorGap: Gap?) {
      guard let gap = mirrorGap else {
        self = .notEnoughData
        return
      }
      switch gap.gapClass {
      case .under: self = .staffUnderestimate(by: gap)
      case .over: self = .staffOverestimate(by: gap)
      case .aligned: self = .agree
      case .notEnoughData: self = .notEnoughData
      }
    }
  }

  public let theme: Theme
  /// Follow-up wave, unsuppressed only.
  public let scores: [Audience: ScoreEstimate]
  public let baselineScores: [Audience: ScoreEstimate]
  /// mirror − customer (follow-up wave).
  public let mirrorGap: Gap?
  /// staff − customer (follow-up wave).
  public let experienceGap: Gap?
  /// follow-up − baseline, per audience (empty when only one wave is compared).
  public let change: [Audience: Gap]
  /// The changes and gaps of favourable % and NPS.
  public let points: PointGaps

  public init(
    theme: Theme, scores: [Audience: ScoreEstimate], baselineScores: [Audience: ScoreEstimate],
    mirrorGap: Gap?, experienceGap: Gap?, change: [Audience: Gap], points: PointGaps = PointGaps()
  ) {
    self.theme = theme
    self.scores = scores
    self.baselineScores = baselineScores
    self.mirrorGap = mirrorGap
    self.experienceGap = experienceGap
    self.change = change
    self.points = points
  }

  /// The mirror gap as a reading, e.g. `.staffUnderestimate(by:)` a gap of −12 ± 7.
  public var reading: Reading { Reading(mirrorGap: mirrorGap) }
}
