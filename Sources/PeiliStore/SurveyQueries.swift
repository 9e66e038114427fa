import Foundation
import GRDB
import PeiliCore

/// One respondent's score on one theme (0–100 index) with their segment attributes.
public struct RespondentScore: Hashable, Sendable {
  /// The respondent's row id in the workspace.
  public var respondentID: Int64
  /// The id the CSV gave.
  public var externalID: String
  public var score: Double
  public var segments: [String: String]
}

/// A verbatim comment (already stripped of control characters) with where it came from.
public struct SurveyComment: Hashable, Sendable {
  public var audience: Audience
  public var waveID: String
  public var themeID: String
  public var text: String
  public var segments: [String: String]
}

extension Workspace {
  /// Every respondent of (wave, audience) who answered at least one question of `theme`,
  /// with their theme score; for drill-downs and segment filters (reads one wave only).
  public func respondentScores(theme: String, audience: Audience, wave: String) throws -> [RespondentScore] {
    try writer.read { db in
      let slots = try Row.fetchAll(
        db,
        sql: """
          SELECT wq.slot, q.scale_min, q.scale_max FROM wave_question wq
          JOIN question q ON q.id = wq.question_id
          WHERE wq.wave_id = ? AND wq.audience = ? AND q.theme_id = ?
          """, arguments: [wave, audience.rawValue, theme]
      ).map { (slot: $0["slot"] as Int, scale: Scale(min: $0["scale_min"], max: $0["scale_max"])) }
      guard !slots.isEmpty else { return [] }
      let segments = try Self.segments(db, wave: wave, audience: audience)
      var result: [RespondentScore] = []
      let rows = try Row.fetchCursor(
        db,
        sql: "SELECT id, external_id, answers FROM respondent WHERE wave_id = ? AND audience = ? ORDER BY id",
        arguments: [wave, audience.rawValue])
      while let row = try rows.next() {
        let answers: Data = row["answers"]
        var sum = 0.0
        var k = 0
        for s in slots where s.slot < answers.count {
          let code = Int(answers[answers.startIndex + s.slot])
          if code == 0 { continue }
          sum += s.scale.index(Double(s.scale.min + code - 1))
          k += 1
        }
        guard k > 0 else { continue }
        let id: Int64 = row["id"]
        result.append(
          RespondentScore(
            respondentID: id, externalID: row["external_id"], score: sum / Double(k),
            segments: segments[id] ?? [:]))
      }
      return result
    }
  }

  /// Every comment on `theme`, of every audience and wave, oldest wave first.
  public func comments(theme: String) throws -> [SurveyComment] {
    try writer.read { db in
      let rows = try Row.fetchAll(
        db,
        sql: """
          SELECT c.text, c.respondent_id, r.audience, r.wave_id FROM comment c
          JOIN respondent r ON r.id = c.respondent_id
          JOIN wave w ON w.id = r.wave_id
          WHERE c.theme_id = ? ORDER BY w.date, r.audience, c.id
          """, arguments: [theme])
      var segmentsOf: [Int64: [String: String]] = [:]
      let ids = rows.map { $0["respondent_id"] as Int64 }
      for chunk in stride(from: 0, to: ids.count, by: 500) {
        let part = Array(ids[chunk..<min(chunk + 500, ids.count)])
        let marks = Array(repeating: "?", count: part.count).joined(separator: ",")
        let seg = try Row.fetchAll(
          db,
          sql:
            "SELECT respondent_id, attribute, value FROM respondent_segment WHERE respondent_id IN (\(marks))",
          arguments: StatementArguments(part))
        for s in seg { segmentsOf[s["respondent_id"], default: [:]][s["attribute"]] = s["value"] }
      }
      return rows.compactMap { row in
        guard let audience = Audience(rawValue: row["audience"]) else { return nil }
        return SurveyComment(
          audience: audience, waveID: row["wave_id"], themeID: theme, text: row["text"],
          segments: segmentsOf[row["respondent_id"]] ?? [:])
      }
    }
  }

  private static func segments(_ db: Database, wave: String, audience: Audience) throws -> [Int64: [String:
    String]]
  {
    var result: [Int64: [String: String]] = [:]
    let rows = try Row.fetchCursor(
      db,
      sql: """
        SELECT s.respondent_id, s.attribute, s.value FROM respondent r
        JOIN respondent_segment s ON s.respondent_id = r.id
        WHERE r.wave_id = ? AND r.audience = ?
        """, arguments: [wave, audience.rawValue])
    while let row = try rows.next() {
      result[row["respondent_id"], default: [:]][row["attribute"]] = row["value"]
    }
    return result
  }
}
