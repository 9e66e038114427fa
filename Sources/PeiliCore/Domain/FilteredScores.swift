/// Scores under a filter; keys whose filter would reveal a small group are left out, with a reason.
public struct FilteredScores: Sendable {
  public let filter: SegmentFilter
  /// Same key space as `Snapshot.scores` (theme and question level).
  public let scores: [ScoreKey: ScoreSummary]
  /// e.g. "the rest of the group would be 3 respondents (< 5)".
  public let refused: [ScoreKey: String]
  /// The attributes of the filter applied to each audience; an audience absent here has none
  /// of the filter's attributes, so its scores are unfiltered.
  public let appliedAttributes: [Audience: [String]]

  public init(
    filter: SegmentFilter, scores: [ScoreKey: ScoreSummary], refused: [ScoreKey: String],
    appliedAttributes: [Audience: [String]] = [:]
  ) {
    self.filter = filter
    self.scores = scores
    self.refused = refused
    self.appliedAttributes = appliedAttributes
  }

  /// Audiences the filter applied to, in audience order.
  public var appliesTo: [Audience] { Audience.allCases.filter { appliedAttributes[$0] != nil } }

  /// The snapshot with its scores replaced by these: a `MirrorAnalysis` of it obeys the filter.
  /// Under a filter the snapshot's own (unfiltered) scores are kept beside them
  /// (`Snapshot.unfilteredScores`), for what the filter withholds.
  public func applied(to snapshot: Snapshot) -> Snapshot {
    var copy = snapshot
    if !filter.isEmpty { copy.unfilteredScores = snapshot.unfilteredScores ?? snapshot.scores }
    copy.scores = scores
    return copy
  }
}
