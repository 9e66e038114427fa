import Foundation
import GRDB
import PeiliCore

/// Reads and writes the `score_cache` table: one JSON-encoded `ScoreSummary` per
/// (wave, audience, theme, question). Computed at import so that no screen scans answers.
enum ScoreCache {
  static func load(_ db: Database) throws -> [ScoreKey: ScoreSummary] {
    var decoder: JSONDecoder?
    var result: [ScoreKey: ScoreSummary] = [:]
    let statement = try db.cachedStatement(
      sql: "SELECT wave_id, audience, theme_id, question_id, summary FROM score_cache")
    let rows = try Row.fetchCursor(statement)
    let row = ColumnReader(statement)
    while try rows.next() != nil {
      guard let audience = Audience(rawValue: row.text(1)) else { continue }
      let question = row.text(3)
      let key = ScoreKey(
        themeID: row.text(2), questionID: question.isEmpty ? nil : question, audience: audience,
        waveID: row.text(0))
      // The stored JSON read in place; JSONDecoder (on a copy) only for what the fast reader leaves.
      if let summary = row.withBytes(4, ScoreSummaryJSON.decode) {
        result[key] = summary
      } else {
        if decoder == nil { decoder = JSONDecoder() }
        result[key] = try decoder!.decode(ScoreSummary.self, from: row.withBytes(4) { Data($0) })
      }
    }
    return result
  }

  static func store(_ db: Database, key: ScoreKey, summary: ScoreSummary) throws {
    let data = try JSONEncoder().encode(summary)
    try db.execute(
      sql: """
        INSERT OR REPLACE INTO score_cache (wave_id, audience, theme_id, question_id, summary)
        VALUES (?, ?, ?, ?, ?)
        """,
      arguments: [key.waveID, key.audience.rawValue, key.themeID, key.questionID ?? "", data])
  }

  /// Drops every cached score of one wave and audience (before it is recomputed).
  static func invalidate(_ db: Database, waveID: String, audience: Audience) throws {
    try db.execute(
      sql: "DELETE FROM score_cache WHERE wave_id = ? AND audience = ?",
      arguments: [waveID, audience.rawValue])
  }
}
