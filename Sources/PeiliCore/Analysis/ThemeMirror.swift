/// One theme as the dashboard's mirror pane shows it (follow-up = latest wave).
public struct ThemeMirror: Hashable, Sendable {
  /// What matters about a theme, as facts the screens and the report word in their
  /// language: the most important first (DESIGN §6: a weak theme before a marked gap before a
  /// marked change), and a reassuring `agree` only when there is nothing of the kind.
  public enum Reading: Hashable, Sendable {
    /// Nothing marked, and a side of the mirror gap is missing or suppressed.
    case notEnoughData
    /// Nothing weak or marked: the staff's estimate of customers matches them.
    case agree
    /// The facts that matter, most important first (never empty).
    case facts([Fact])

    /// One fact of a reading.
    public enum Fact: Hashable, Sendable {
      /// The lowest follow-up index of all themes for the audience (customers; staff on a
      /// theme customers were not asked).
      case weakest(Audience, index: Double)
      /// An index below the weak threshold (not the weakest).
      case weak(Audience, index: Double, threshold: Double)
      /// A marked mirror gap (mirror − customer): `under` or `over` by its class.
      case mirrorGap(Gap)
      /// A marked experience gap (staff − customer).
      case experienceGap(Gap)
      /// A marked change of the audience's score (follow-up − baseline).
      case change(Audience, Gap)
    }

    /// The reading of a theme's facts; `isWeakest` says it has the lowest index of
    /// `weakAudience` (customers, or staff where customers were not asked).
    public init(
      scores: [Audience: ScoreEstimate], mirrorGap: Gap?, experienceGap: Gap?, change: [Audience: Gap],
      isWeakest: Bool, weakAudience: Audience = .customer, weakThreshold: Double = BlindSpotReason.weakIndex
    ) {
      var facts: [Fact] = []
      if let e = scores[weakAudience] {
        if isWeakest {
          facts.append(.weakest(weakAudience, index: e.index))
        } else if e.index < weakThreshold {
          facts.append(.weak(weakAudience, index: e.index, threshold: weakThreshold))
        }
      }
      if let g = mirrorGap, g.isMarked { facts.append(.mirrorGap(g)) }
      if let g = experienceGap, g.isMarked { facts.append(.experienceGap(g)) }
      for audience in [Audience.customer, .staff] {
        if let g = change[audience], g.isMarked { facts.append(.change(audience, g)) }
      }
      if !facts.isEmpty {
        self = .facts(facts)
      } else if let g = mirrorGap, g.gapClass == .aligned {
        self = .agree
      } else {
        self = .notEnoughData
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
  /// What matters about the theme, most important first.
  public let reading: Reading

  /// `isWeakest`: the theme has the lowest follow-up index of `weakAudience` (see `Reading`;
  /// by default customers, staff when customers have no score).
  public init(
    theme: Theme, scores: [Audience: ScoreEstimate], baselineScores: [Audience: ScoreEstimate],
    mirrorGap: Gap?, experienceGap: Gap?, change: [Audience: Gap], points: PointGaps = PointGaps(),
    isWeakest: Bool = false, weakAudience: Audience? = nil
  ) {
    reading = Reading(
      scores: scores, mirrorGap: mirrorGap, experienceGap: experienceGap, change: change,
      isWeakest: isWeakest,
      weakAudience: weakAudience ?? (scores[.customer] != nil ? .customer : .staff))
    self.theme = theme
    self.scores = scores
    self.baselineScores = baselineScores
    self.mirrorGap = mirrorGap
    self.experienceGap = experienceGap
    self.change = change
    self.points = points
  }
}
