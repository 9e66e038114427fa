import Foundation
import GRDB
import PeiliCore
import PeiliStore

/// The layout decision's alternative: the same import with one SQLite row per answer
/// (GRDB prepared statements), scores computed in memory the same way.
struct AnswerRowLayout {
  let path: String

  /// Imports every file; returns the number of answer rows written.
  func importAll(_ files: [SurveyGenerator.File]) throws -> Int {
    ImportBenchmark.removeDatabase(path)
    var config = Configuration()
    config.foreignKeysEnabled = true
    let pool = try DatabasePool(path: path, configuration: config)
    try pool.write { db in
      try db.execute(
        sql: """
          CREATE TABLE respondent (id INTEGER PRIMARY KEY, wave_id TEXT NOT NULL, audience TEXT NOT NULL,
            external_id TEXT NOT NULL, UNIQUE (wave_id, audience, external_id));
          CREATE TABLE answer (respondent_id INTEGER NOT NULL REFERENCES respondent(id) ON DELETE CASCADE,
            question_id TEXT NOT NULL, value INTEGER NOT NULL,
            PRIMARY KEY (respondent_id, question_id)) WITHOUT ROWID;
          CREATE INDEX answer_question ON answer(question_id);
          CREATE TABLE respondent_segment (respondent_id INTEGER NOT NULL REFERENCES respondent(id),
            attribute TEXT NOT NULL, value TEXT NOT NULL, PRIMARY KEY (respondent_id, attribute));
          CREATE TABLE comment (id INTEGER PRIMARY KEY, respondent_id INTEGER NOT NULL, theme_id TEXT NOT NULL,
            text TEXT NOT NULL);
          CREATE TABLE score_cache (wave_id TEXT, audience TEXT, theme_id TEXT, question_id TEXT, summary BLOB,
            PRIMARY KEY (wave_id, audience, theme_id, question_id));
          """)
    }
    let questions = SurveyGenerator.questions
    var total = 0
    for f in files {
      guard let data = FileManager.default.contents(atPath: f.path) else {
        throw BenchError("cannot read \(f.path)")
      }
      let reader = try CSVReader(data: data)
      _ = try reader.next()  // header: respondent, region, type, questions…, comment
      total += try pool.write { db -> Int in
        let respondent = try db.makeStatement(
          sql: "INSERT INTO respondent (wave_id, audience, external_id) VALUES (?, ?, ?)")
        let answer = try db.makeStatement(
          sql: "INSERT INTO answer (respondent_id, question_id, value) VALUES (?, ?, ?)")
        let segment = try db.makeStatement(
          sql: "INSERT INTO respondent_segment (respondent_id, attribute, value) VALUES (?, ?, ?)")
        let comment = try db.makeStatement(
          sql: "INSERT INTO comment (respondent_id, theme_id, text) VALUES (?, ?, ?)")
        var accumulator = ScoreAccumulator(questions: questions)
        var codes = [UInt8](repeating: 0, count: questions.count)
        var written = 0
        while try reader.next() {
          respondent.setUncheckedArguments([f.wave, f.audience.rawValue, reader.string(0)])
          try respondent.execute()
          let id = db.lastInsertedRowID
          for (k, q) in questions.enumerated() {
            guard let v = reader.integer(3 + k) else {
              codes[k] = 0
              continue
            }
            guard v >= q.scale.min && v <= q.scale.max else { throw BenchError("value out of scale") }
            codes[k] = UInt8(v - q.scale.min + 1)
            answer.setUncheckedArguments([id, q.id, v])
            try answer.execute()
            written += 1
          }
          codes.withUnsafeBufferPointer { accumulator.add(codes: $0) }
          for (c, name) in [(1, "region"), (2, "customer_type")] {
            segment.setUncheckedArguments([id, name, reader.string(c)])
            try segment.execute()
          }
          let last = 3 + questions.count
          if !reader.isBlank(last) {
            comment.setUncheckedArguments([id, SurveyGenerator.themeID(0), reader.string(last)])
            try comment.execute()
          }
        }
        let encoder = JSONEncoder()
        for (key, summary) in accumulator.summaries(audience: f.audience, waveID: f.wave) {
          try db.execute(
            sql: "INSERT INTO score_cache VALUES (?, ?, ?, ?, ?)",
            arguments: [
              key.waveID, key.audience.rawValue, key.themeID, key.questionID ?? "",
              try encoder.encode(summary),
            ])
        }
        return written
      }
    }
    return total
  }
}
