import Foundation
import GRDB
import PeiliCore

/// Reads and writes the `score_cache` table: one JSON-encoded `ScoreSummary` per
/// (wave, audience, theme, question). Computed at import so that no screen scans answers.
enum ScoreCache {
  static func load(_ db: Database) throws -> [ScoreKey: ScoreSummary] {
    let decoder = JSONDecoder()
    var result: [ScoreKey: ScoreSummary] = [:]
    let rows = try Row.fetchCursor(
      db, sql: "SELECT wave_id, audience, theme_id, question_id, summary FROM score_cache")
    while let row = try rows.next() {
      guard let audience = Audience(rawValue: row["audience"]) else { continue }
      let question: String = row["question_id"]
      let key = ScoreKey(
        themeID: row["theme_id"], questionID: question.isEmpty ? nil : question, audience: audience,
        waveID: row["wave_id"])
      let data: Data = row["summary"]
      result[key] = try decoder.decode(ScoreSummary.self, from: data)
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
