import Foundation
import PeiliCore
import PostgresNIO

/// The survey queries on PostgreSQL: `SegmentQueries` (the same rules as on SQLite) over the
/// workspace's segment cells, each query on the held connection in one REPEATABLE READ read.
struct PostgresSurvey: SurveyQuerying {
  let server: ServerConnection

  private func read<T>(_ body: (SegmentQueries<PostgresCells>) throws -> T) throws -> T {
    try server.transaction(readOnly: true) { sql in try body(SegmentQueries(PostgresCells(sql: sql))) }
  }

  func segmentAttributes() throws -> [SegmentAttribute] { try read { try $0.segmentAttributes() } }

  func scores(filter: SegmentFilter, minimumGroup: Int) throws -> FilteredScores {
    try read { try $0.scores(filter: filter, minimumGroup: minimumGroup) }
  }

  func breakdown(
    themeID: String, questionID: String?, audience: Audience, waveID: String, attribute: String,
    filter: SegmentFilter, minimumGroup: Int
  ) throws -> [SegmentRow] {
    try read {
      try $0.breakdown(
        themeID: themeID, questionID: questionID, audience: audience, waveID: waveID, attribute: attribute,
        filter: filter, minimumGroup: minimumGroup)
    }
  }

  func comments(
    themeID: String, audience: Audience?, waveID: String?, filter: SegmentFilter, minimumGroup: Int
  )
    throws -> (rows: [CommentRow], suppressedReason: String?)
  {
    try comments(
      themeID: themeID, audience: audience, waveID: waveID, filter: filter, minimumGroup: minimumGroup,
      limit: nil)
  }

  func comments(
    themeID: String, audience: Audience?, waveID: String?, filter: SegmentFilter, minimumGroup: Int,
    limit: Int?
  ) throws -> (rows: [CommentRow], suppressedReason: String?) {
    try read {
      try $0.comments(
        themeID: themeID, audience: audience, waveID: waveID, filter: filter, minimumGroup: minimumGroup,
        limit: limit)
    }
  }

  func importance(audience: Audience, waveID: String, filter: SegmentFilter, minimumGroup: Int) throws
    -> [ThemeImportance]
  {
    try read {
      try $0.importance(audience: audience, waveID: waveID, filter: filter, minimumGroup: minimumGroup)
    }
  }
}

extension PostgresWorkspace {
  public var survey: any SurveyQuerying { PostgresSurvey(server: server) }

  /// Reviews and the presenter's lease are not on PostgreSQL yet: the Review screen says so.
  public var reviews: (any ReviewStore)? { nil }
}

/// The segment cells, cached scores and comments of a PostgreSQL workspace.
struct PostgresCells: SegmentCellSource {
  let sql: SQL

  func cellsIndex() throws -> SegmentCellsIndex {
    let values = try sql.rows("SELECT wave_id, audience, cell_key, attribute, value FROM segment_cell_value")
      .map {
        let (wave, audience, cell, attribute, value) = try $0.decode(
          (String, String, String, String, String).self)
        return (wave: wave, audience: audience, cell: cell, attribute: attribute, value: value)
      }
    let cells = try sql.rows("SELECT wave_id, audience, cell_key, respondents FROM segment_cell").map {
      let (wave, audience, cell, respondents) = try $0.decode((String, String, String, Int).self)
      return (wave: wave, audience: audience, cell: cell, respondents: respondents)
    }
    return SegmentCellsIndex(values: values, cells: cells)
  }

  func cellScores(waveID: String, audience: Audience, themeID: String?, questionID: String?) throws
    -> [CellScoreRow]
  {
    let rows: [PostgresRow]
    if let themeID {
      rows = try sql.rows(
        """
        SELECT cell_key, theme_id, question_id, n, summary FROM segment_cell_score
        WHERE wave_id = \(waveID) AND audience = \(audience.rawValue) AND theme_id = \(themeID)
          AND question_id = \(questionID ?? "")
        """)
    } else {
      rows = try sql.rows(
        """
        SELECT cell_key, theme_id, question_id, n, summary FROM segment_cell_score
        WHERE wave_id = \(waveID) AND audience = \(audience.rawValue) ORDER BY theme_id, question_id
        """)
    }
    return try rows.map(Self.cellScore)
  }

  private static func cellScore(_ row: PostgresRow) throws -> CellScoreRow {
    let (cell, theme, question, n, summary) = try row.decode((String, String, String, Int, Data).self)
    return CellScoreRow(cellKey: cell, themeID: theme, questionID: question, n: n, summary: summary)
  }

  func cachedScores() throws -> [ScoreKey: ScoreSummary] { try PostgresWorkspace.cachedScores(sql) }

  func comments(themeID: String, groups: [CommentGroup], limit: Int?) throws -> [CommentRow] {
    var binds = PostgresBindings()
    binds.append(themeID)
    var clauses: [String] = []
    for group in groups {
      binds.append(group.waveID)
      binds.append(group.audience.rawValue)
      var clause = "(r.wave_id = $\(binds.count - 1) AND r.audience = $\(binds.count)"
      for (attribute, value) in group.constraints {
        binds.append(attribute)
        binds.append(value)
        clause +=
          " AND EXISTS (SELECT 1 FROM respondent_segment s WHERE s.respondent_id = r.id"
          + " AND s.attribute = $\(binds.count - 1) AND s.value = $\(binds.count))"
      }
      clauses.append(clause + ")")
    }
    var text = """
      SELECT c.text, r.wave_id, r.audience FROM comment c JOIN respondent r ON r.id = c.respondent_id
      WHERE c.theme_id = $1 AND (\(clauses.joined(separator: " OR "))) ORDER BY c.id
      """
    if let limit {
      binds.append(limit)
      text += " LIMIT $\(binds.count)"
    }
    return try sql.rows(PostgresQuery(unsafeSQL: text, binds: binds)).compactMap { row in
      let (text, wave, audience) = try row.decode((String, String, String).self)
      return Audience(rawValue: audience).map { CommentRow(audience: $0, waveID: wave, text: text) }
    }
  }

  func outcomeQuestion(waveID: String, audience: Audience) throws -> String? {
    try sql.value(
      """
      SELECT q.id FROM wave_question wq JOIN question q ON q.id = wq.question_id
      WHERE wq.wave_id = \(waveID) AND wq.audience = \(audience.rawValue) AND q.outcome = 1 ORDER BY wq.slot LIMIT 1
      """, as: String.self)
  }

  func themeCellScores(waveID: String, audience: Audience) throws -> [CellScoreRow] {
    try sql.rows(
      #"""
      SELECT s.cell_key, s.theme_id, s.question_id, s.n, s.summary FROM segment_cell_score s
      JOIN theme t ON t.id = s.theme_id
      WHERE s.wave_id = \#(waveID) AND s.audience = \#(audience.rawValue) AND s.question_id = ''
      ORDER BY t.position, t.id COLLATE "C"
      """#
    ).map(Self.cellScore)
  }
}
