/// On-demand survey queries behind the gaps screen, the drill-down and the report (all indexed,
/// never a scan of all answers; merged from per-segment-cell aggregates cached at import).
///
/// Suppression is applied here, so every caller obeys it: a score under `minimumGroup`
/// respondents, a filter whose rest of the group would be 1…minimumGroup − 1 respondents, a
/// breakdown row that would let a small group be worked out from the total, and comments of a
/// group below the minimum are all withheld with a reason.
public protocol SurveyQuerying: Sendable {
  func segmentAttributes() throws -> [SegmentAttribute]
  func scores(filter: SegmentFilter, minimumGroup: Int) throws -> FilteredScores
  func breakdown(
    themeID: String, questionID: String?, audience: Audience, waveID: String,
    attribute: String, filter: SegmentFilter, minimumGroup: Int
  ) throws -> [SegmentRow]
  func comments(
    themeID: String, audience: Audience?, waveID: String?, filter: SegmentFilter,
    minimumGroup: Int
  ) throws -> (rows: [CommentRow], suppressedReason: String?)
  /// The same, at most `limit` comments (nil = all): a screenful without reading thousands.
  func comments(
    themeID: String, audience: Audience?, waveID: String?, filter: SegmentFilter,
    minimumGroup: Int, limit: Int?
  ) throws -> (rows: [CommentRow], suppressedReason: String?)
  /// One entry per theme (other than the outcome's own) the audience answered in the wave;
  /// empty when the audience has no outcome question in that wave.
  func importance(audience: Audience, waveID: String, filter: SegmentFilter, minimumGroup: Int) throws
    -> [ThemeImportance]
}

extension SurveyQuerying {
  /// Default: all comments, cut to `limit` (the store reads only `limit` rows instead).
  public func comments(
    themeID: String, audience: Audience?, waveID: String?, filter: SegmentFilter,
    minimumGroup: Int, limit: Int?
  ) throws -> (rows: [CommentRow], suppressedReason: String?) {
    let all = try comments(
      themeID: themeID, audience: audience, waveID: waveID, filter: filter, minimumGroup: minimumGroup)
    return (limit.map { Array(all.rows.prefix($0)) } ?? all.rows, all.suppressedReason)
  }
}
