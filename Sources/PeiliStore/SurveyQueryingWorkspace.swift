import Foundation
import GRDB
import PeiliCore

/// The workspace answers the drill-down queries itself, from the segment cells cached at
/// import: `SegmentQueries` (PeiliCore) over the file's tables, each query in one read.
extension Workspace: SurveyQuerying {
  public var survey: any SurveyQuerying { self }

  public func segmentAttributes() throws -> [SegmentAttribute] {
    try writer.read { db in try SegmentQueries(SQLiteCells(db: db)).segmentAttributes() }
  }

  public func scores(filter: SegmentFilter, minimumGroup: Int) throws -> FilteredScores {
    try writer.read { db in
      try SegmentQueries(SQLiteCells(db: db)).scores(filter: filter, minimumGroup: minimumGroup)
    }
  }

  public func breakdown(
    themeID: String, questionID: String?, audience: Audience, waveID: String, attribute: String,
    filter: SegmentFilter, minimumGroup: Int
  ) throws -> [SegmentRow] {
    try writer.read { db in
      try SegmentQueries(SQLiteCells(db: db)).breakdown(
        themeID: themeID, questionID: questionID, audience: audience, waveID: waveID, attribute: attribute,
        filter: filter, minimumGroup: minimumGroup)
    }
  }

  public func comments(
    themeID: String, audience: Audience?, waveID: String?, filter: SegmentFilter, minimumGroup: Int
  ) throws -> (rows: [CommentRow], suppressedReason: String?) {
    try comments(
      themeID: themeID, audience: audience, waveID: waveID, filter: filter, minimumGroup: minimumGroup,
      limit: nil)
  }

  /// The same, at most `limit` comments (oldest import first): a screenful without reading
  /// thousands of comments of a large workspace.
  public func comments(
    themeID: String, audience: Audience?, waveID: String?, filter: SegmentFilter, minimumGroup: Int,
    limit: Int?
  ) throws -> (rows: [CommentRow], suppressedReason: String?) {
    try writer.read { db in
      try SegmentQueries(SQLiteCells(db: db)).comments(
        themeID: themeID, audience: audience, waveID: waveID, filter: filter, minimumGroup: minimumGroup,
        limit: limit)
    }
  }

  public func importance(audience: Audience, waveID: String, filter: SegmentFilter, minimumGroup: Int) throws
    -> [ThemeImportance]
  {
    try writer.read { db in
      try SegmentQueries(SQLiteCells(db: db)).importance(
        audience: audience, waveID: waveID, filter: filter, minimumGroup: minimumGroup)
    }
  }
}

extension SegmentCellsIndex {
  /// The index from the workspace's tables, in `db`'s transaction.
  static func load(_ db: Database) throws -> SegmentCellsIndex {
    let values = try Row.fetchAll(
      db, sql: "SELECT wave_id, audience, cell_key, attribute, value FROM segment_cell_value"
    ).map {
      (
        wave: $0[0] as String, audience: $0[1] as String, cell: $0[2] as String, attribute: $0[3] as String,
        value: $0[4] as String
      )
    }
    let cells = try Row.fetchAll(db, sql: "SELECT wave_id, audience, cell_key, respondents FROM segment_cell")
      .map {
        (wave: $0[0] as String, audience: $0[1] as String, cell: $0[2] as String, respondents: $0[3] as Int)
      }
    return SegmentCellsIndex(values: values, cells: cells)
  }
}

/// The segment cells, cached scores and comments of a workspace file, read in the caller's
/// transaction.
struct SQLiteCells: SegmentCellSource {
  let db: Database

  func cellsIndex() throws -> SegmentCellsIndex { try SegmentCellsIndex.load(db) }

  func cellScores(waveID: String, audience: Audience, themeID: String?, questionID: String?) throws
    -> [CellScoreRow]
  {
    var sql =
      "SELECT cell_key, theme_id, question_id, n, summary FROM segment_cell_score WHERE wave_id = ? AND audience = ?"
    var arguments: [any DatabaseValueConvertible] = [waveID, audience.rawValue]
    if let themeID {
      sql += " AND theme_id = ? AND question_id = ?"
      arguments += [themeID, questionID ?? ""]
    }
    sql += " ORDER BY theme_id, question_id"
    return try Row.fetchAll(db, sql: sql, arguments: StatementArguments(arguments)).map {
      CellScoreRow(cellKey: $0[0], themeID: $0[1], questionID: $0[2], n: $0[3], summary: $0[4])
    }
  }

  func cachedScores() throws -> [ScoreKey: ScoreSummary] { try ScoreCache.load(db) }

  func comments(themeID: String, groups: [CommentGroup], limit: Int?) throws -> [CommentRow] {
    var clauses: [String] = []
    var arguments: [any DatabaseValueConvertible] = [themeID]
    for group in groups {
      var clause = "(r.wave_id = ? AND r.audience = ?"
      arguments += [group.waveID, group.audience.rawValue]
      for (attribute, value) in group.constraints {
        clause +=
          " AND EXISTS (SELECT 1 FROM respondent_segment s WHERE s.respondent_id = r.id"
          + " AND s.attribute = ? AND s.value = ?)"
        arguments += [attribute, value]
      }
      clauses.append(clause + ")")
    }
    var sql = """
      SELECT c.text, r.wave_id, r.audience FROM comment c JOIN respondent r ON r.id = c.respondent_id
      WHERE c.theme_id = ? AND (\(clauses.joined(separator: " OR "))) ORDER BY c.id
      """
    if let limit {
      sql += " LIMIT ?"
      arguments.append(limit)
    }
    return try Row.fetchAll(db, sql: sql, arguments: StatementArguments(arguments)).compactMap { row in
      guard let a = Audience(rawValue: row[2]) else { return nil }
      return CommentRow(audience: a, waveID: row[1], text: row[0])
    }
  }

  func outcomeQuestion(waveID: String, audience: Audience) throws -> String? {
    try String.fetchOne(
      db,
      sql: """
        SELECT q.id FROM wave_question wq JOIN question q ON q.id = wq.question_id
        WHERE wq.wave_id = ? AND wq.audience = ? AND q.outcome = 1 ORDER BY wq.slot LIMIT 1
        """, arguments: [waveID, audience.rawValue])
  }

  func themeCellScores(waveID: String, audience: Audience) throws -> [CellScoreRow] {
    try Row.fetchAll(
      db,
      sql: """
        SELECT s.cell_key, s.theme_id, s.n, s.summary FROM segment_cell_score s JOIN theme t ON t.id = s.theme_id
        WHERE s.wave_id = ? AND s.audience = ? AND s.question_id = '' ORDER BY t.position, t.id
        """, arguments: [waveID, audience.rawValue]
    ).map { CellScoreRow(cellKey: $0[0], themeID: $0[1], questionID: "", n: $0[2], summary: $0[3]) }
  }
}
