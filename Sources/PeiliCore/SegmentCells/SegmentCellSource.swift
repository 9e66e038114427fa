import Foundation

/// The reads behind the survey queries, which each store answers from its own tables (the
/// segment cells, the cached scores, the comments) inside one read of its own; `SegmentQueries`
/// does the rest, the same for every store.
public protocol SegmentCellSource {
  /// The segment cells of every (wave, audience) with their values and respondents.
  func cellsIndex() throws -> SegmentCellsIndex
  /// The `segment_cell_score` rows of one group (of one theme and question when given), in
  /// runs of one (theme, question).
  func cellScores(waveID: String, audience: Audience, themeID: String?, questionID: String?) throws
    -> [CellScoreRow]
  /// The unfiltered scores cached at import.
  func cachedScores() throws -> [ScoreKey: ScoreSummary]
  /// The comments on `themeID` of respondents in any of `groups` (each with its segment
  /// constraints), in the order they were imported, at most `limit`.
  func comments(themeID: String, groups: [CommentGroup], limit: Int?) throws -> [CommentRow]
  /// The first outcome question (by slot) the audience answered in the wave.
  func outcomeQuestion(waveID: String, audience: Audience) throws -> String?
  /// The theme-level cell rows of one group (question ''), in theme order (position, id).
  func themeCellScores(waveID: String, audience: Audience) throws -> [CellScoreRow]
}

/// One row of `segment_cell_score`.
public struct CellScoreRow: Sendable {
  public var cellKey: String
  public var themeID: String
  /// '' for the theme's own row.
  public var questionID: String
  public var n: Int
  public var summary: Data

  public init(cellKey: String, themeID: String, questionID: String, n: Int, summary: Data) {
    self.cellKey = cellKey
    self.themeID = themeID
    self.questionID = questionID
    self.n = n
    self.summary = summary
  }
}

/// A (wave, audience) whose comments are shown, with the segment values its respondents must have.
public struct CommentGroup: Sendable {
  public var waveID: String
  public var audience: Audience
  /// (attribute, value), sorted by attribute.
  public var constraints: [(attribute: String, value: String)]
}
