import PeiliCore

/// The survey of a memory workspace: its scores as the snapshot holds them, and comments by
/// theme. It holds no respondents, so it has no segment attributes: a filter applies to no
/// audience (the scores come back unfiltered, as on SQLite for an attribute an audience
/// lacks), a breakdown has no rows, no group is small enough to withhold, and there is no
/// respondent-level outcome to weigh themes by (importance is empty, as for an audience
/// without an outcome question).
struct MemorySurvey: SurveyQuerying {
  let workspace: MemoryWorkspace

  func segmentAttributes() throws -> [SegmentAttribute] { [] }

  func scores(filter: SegmentFilter, minimumGroup: Int) throws -> FilteredScores {
    FilteredScores(filter: filter, scores: workspace.content.withLock { $0.snapshot.scores }, refused: [:])
  }

  func breakdown(
    themeID: String, questionID: String?, audience: Audience, waveID: String, attribute: String,
    filter: SegmentFilter, minimumGroup: Int
  ) throws -> [SegmentRow] { [] }

  func comments(
    themeID: String, audience: Audience?, waveID: String?, filter: SegmentFilter, minimumGroup: Int
  ) throws -> (rows: [CommentRow], suppressedReason: String?) {
    let all = workspace.content.withLock { $0.comments[themeID] ?? [] }
    let rows = all.filter { row in
      (audience.map { row.audience == $0 } ?? true) && (waveID.map { row.waveID == $0 } ?? true)
    }
    return (rows, nil)
  }

  func importance(audience: Audience, waveID: String, filter: SegmentFilter, minimumGroup: Int) throws
    -> [ThemeImportance]
  { [] }
}
