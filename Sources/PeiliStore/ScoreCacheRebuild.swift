import Foundation
import GRDB
import PeiliCore

/// Recomputes every cached score (`score_cache` and the segment cells) from the stored
/// respondents, as an import of the same answers would: what a migration runs when the cached
/// summaries gain a field, so that no cache written by an older peili is read without it.
enum ScoreCacheRebuild {
  /// Every (wave, audience) that has asked questions.
  static func all(_ db: Database) throws {
    let pairs = try Row.fetchAll(
      db, sql: "SELECT DISTINCT wave_id, audience FROM wave_question ORDER BY wave_id, audience")
    for row in pairs {
      guard let audience = Audience(rawValue: row["audience"]) else { continue }
      try one(db, waveID: row["wave_id"], audience: audience)
    }
  }

  /// One (wave, audience): its questions in slot order, its respondents' packed answers and
  /// segments, through the import's `ScoreAccumulator` and `SegmentCells`.
  static func one(_ db: Database, waveID: String, audience: Audience) throws {
    let questions = try Row.fetchAll(
      db,
      sql: """
        SELECT q.id, q.theme_id, q.text, q.scale_min, q.scale_max, q.nps, q.outcome, q.position, q.favourable
        FROM wave_question wq JOIN question q ON q.id = wq.question_id
        WHERE wq.wave_id = ? AND wq.audience = ? ORDER BY wq.slot
        """, arguments: [waveID, audience.rawValue]
    ).map { r in
      Question(
        id: r["id"], text: r["text"], themeID: r["theme_id"],
        scale: Scale(min: r["scale_min"], max: r["scale_max"]),
        isNPS: r["nps"], isOutcome: r["outcome"], position: r["position"],
        favourable: (r["favourable"] as String?).flatMap(FavourableRule.init(stored:)))
    }
    var codes: [UInt8] = []
    var indexOfRow: [Int64: Int] = [:]
    let respondents = try Row.fetchCursor(
      db, sql: "SELECT id, answers FROM respondent WHERE wave_id = ? AND audience = ? ORDER BY id",
      arguments: [waveID, audience.rawValue])
    while let r = try respondents.next() {
      let answers: Data = r["answers"]
      guard answers.count == questions.count else {
        throw StoreError.invalid(
          "respondent \(r["id"] as Int64) of \(waveID)/\(audience.rawValue): expected \(questions.count) answers"
        )
      }
      indexOfRow[r["id"]] = indexOfRow.count
      codes.append(contentsOf: answers)
    }
    var accumulator = ScoreAccumulator(questions: questions)
    codes.withUnsafeBufferPointer { all in
      for i in 0..<indexOfRow.count {
        accumulator.add(
          codes: UnsafeBufferPointer(rebasing: all[(i * questions.count)..<((i + 1) * questions.count)]))
      }
    }
    try ScoreCache.invalidate(db, waveID: waveID, audience: audience)
    for (key, summary) in accumulator.summaries(audience: audience, waveID: waveID) {
      try ScoreCache.store(db, key: key, summary: summary)
    }
    let segments = try Row.fetchAll(
      db,
      sql: """
        SELECT s.respondent_id, s.attribute, s.value FROM respondent_segment s
        JOIN respondent r ON r.id = s.respondent_id WHERE r.wave_id = ? AND r.audience = ?
        """, arguments: [waveID, audience.rawValue]
    ).compactMap { r -> (Int, String, String)? in
      guard let i = indexOfRow[r["respondent_id"]] else { return nil }
      return (i, r["attribute"], r["value"])
    }
    try SegmentCells.write(
      db, waveID: waveID, audience: audience, questions: questions, respondentCount: indexOfRow.count,
      codes: codes, segments: segments)
  }
}
