import Foundation
import GRDB
import PeiliCore
import PeiliStore

/// `peili-bench import`: peili's survey import of the six generated files (with score
/// computation) against the sqlite3 CLI pipeline and against a one-row-per-answer layout.
enum ImportBenchmark {
  static func run(_ args: BenchArguments) throws {
    let dir = try args.workingDirectory()
    print("peili-bench import: \(args.respondents) respondents per file, in \(dir.path)")
    let generator = SurveyGenerator(respondents: args.respondents, dir: dir)
    let (files, generateTime) = try Measurement.time { try generator.write() }
    let csvBytes = files.reduce(0) {
      $0 + ((try? FileManager.default.attributesOfItem(atPath: $1.path)[.size] as? Int) ?? 0)
    }
    print(
      "generated 6 CSVs (\(String(format: "%.1f", Double(csvBytes) / 1_048_576)) MiB) + mapping in "
        + Measurement.format(generateTime))
    let afterGenerate = Measurement.peakMemoryMiB()

    // (a) peili: all six files into a fresh workspace, scores computed and cached.
    let workspacePath = dir.appendingPathComponent("peili.db").path
    removeDatabase(workspacePath)
    let (summaries, peiliTime) = try Measurement.time {
      let workspace = try Workspace.open(path: workspacePath, create: true)
      return try files.map { f in
        try workspace.importSurvey(
          csv: f.path, mapping: generator.mappingPath, wave: f.wave, date: f.date, audience: f.audience,
          by: "bench")
      }
    }
    let peakPeili = Measurement.peakMemoryMiB()
    let answers = summaries.reduce(0) { $0 + $1.answers }
    let respondents = summaries.reduce(0) { $0 + $1.respondents }
    print(
      "(a) peili import survey ×6 + scores: \(Measurement.format(peiliTime))  "
        + "(\(respondents) respondents, \(answers) answers, \(summaries.reduce(0) { $0 + $1.cachedScores }) cached scores)"
    )

    // (b) the sqlite3 CLI: .import, unpivot into one answer table, GROUP BY per theme.
    let ((sqliteMeans, sqlitePeak), sqliteTime) = try Measurement.time {
      try SQLitePipeline(dir: dir, files: files).run()
    }
    print("(b) sqlite3 CLI .import + unpivot + GROUP BY: \(Measurement.format(sqliteTime))")

    // (c) the same import into a one-row-per-answer layout.
    let (answerRows, rowsTime) = try Measurement.time {
      try AnswerRowLayout(path: dir.appendingPathComponent("answer-rows.db").path).importAll(files)
    }
    print(
      "(c) peili-style import, one row per answer: \(Measurement.format(rowsTime))  (\(answerRows) answer rows)"
    )

    // The same per-theme means from (a) and (b), or the comparison means nothing.
    let peiliMeans = try cachedThemeMeans(workspacePath)
    var worst = 0.0
    for (key, mean) in sqliteMeans {
      guard let ours = peiliMeans[key] else { throw BenchError("peili has no score for \(key)") }
      worst = max(worst, abs(ours - mean))
    }
    guard peiliMeans.count == sqliteMeans.count, worst < 1e-6 else {
      throw BenchError("theme means differ between peili and sqlite3 (max |Δ| \(worst))")
    }
    print("per-theme index means of (a) and (b) agree on all \(sqliteMeans.count) cells (max |Δ| \(worst))")
    print(String(format: "ratio (a)/(b) = %.2f (target ≤ 1.5)", peiliTime / sqliteTime))
    try comparePeers(dir: dir, files: files, peiliMeans: peiliMeans, peiliTime: peiliTime)
    try compareWorkbooks(
      dir: dir, files: files, mapping: generator.mappingPath, peiliMeans: peiliMeans, peiliTime: peiliTime)
    print(String(format: "ratio (c)/(a) = %.2f (one row per answer vs packed answers)", rowsTime / peiliTime))
    print(
      String(
        format: "peak memory (ru_maxrss): %.0f MiB after generating, %.0f MiB after (a), "
          + "%.0f MiB after (c) and (f); sqlite3 shell (VmHWM) %.0f MiB",
        afterGenerate, peakPeili, Measurement.peakMemoryMiB(), sqlitePeak))
    let sizes = ["peili.db", "sqlite3-pipeline.db", "answer-rows.db"].map { name in
      let path = dir.appendingPathComponent(name).path
      let size = ["", "-wal"].reduce(0) {
        $0 + ((try? FileManager.default.attributesOfItem(atPath: path + $1)[.size] as? Int) ?? 0)
      }
      return "\(name) \(String(format: "%.1f", Double(size) / 1_048_576)) MiB"
    }
    print("database sizes: " + sizes.joined(separator: ", "))
    if !args.keep && args.dir == nil { try? FileManager.default.removeItem(at: dir) }
  }

  /// (d) pandas and (e) DuckDB on the same files: their theme means must equal peili's, and
  /// the ratio of peili's whole import to each is printed.
  static func comparePeers(
    dir: URL, files: [SurveyGenerator.File], peiliMeans: [String: Double], peiliTime: Double
  ) throws {
    let (python, reason) = PythonPeers.python()
    guard let python else {
      print("(d) pandas, (e) DuckDB: skipped (\(reason ?? "no Python"))")
      return
    }
    let peers = PythonPeers(dir: dir, files: files)
    for (label, engine) in [("(d) pandas", "pandas"), ("(e) DuckDB", "duckdb")] {
      let result = try peers.run(engine, python: python)
      var worst = 0.0
      for (key, cell) in result.cells {
        guard let ours = peiliMeans[key] else {
          throw BenchError("\(engine) has a cell peili has not: \(key)")
        }
        worst = max(worst, abs(ours - cell.mean))
      }
      guard result.cells.count == peiliMeans.count, worst < 1e-6 else {
        throw BenchError("theme means differ between peili and \(engine) (max |Δ| \(worst))")
      }
      print(
        "\(label) read_csv + per-theme n/mean/SD: \(Measurement.format(result.seconds))  "
          + String(format: "(means agree, max |Δ| %.1e); ", worst)
          + "ratio (a)/\(label.prefix(3)) = " + String(format: "%.1f", peiliTime / result.seconds))
    }
  }

  /// (f) the same six files as Excel workbooks (written from the CSVs by `WorkbookWriter`),
  /// imported into a fresh workspace: the same theme means, and the time beside (a)'s.
  static func compareWorkbooks(
    dir: URL, files: [SurveyGenerator.File], mapping: String, peiliMeans: [String: Double], peiliTime: Double
  ) throws {
    let books = files.map { f in (f, String(f.path.dropLast(4)) + ".xlsx") }
    let (_, writeTime) = try Measurement.time {
      for (f, book) in books { try WorkbookWriter.write(csv: f.path, to: book) }
    }
    let bookBytes = books.reduce(0) {
      $0 + ((try? FileManager.default.attributesOfItem(atPath: $1.1)[.size] as? Int) ?? 0)
    }
    let workspacePath = dir.appendingPathComponent("peili-xlsx.db").path
    removeDatabase(workspacePath)
    let (summaries, bookTime) = try Measurement.time {
      let workspace = try Workspace.open(path: workspacePath, create: true)
      return try books.map { f, book in
        try workspace.importSurvey(
          csv: book, mapping: mapping, wave: f.wave, date: f.date, audience: f.audience, by: "bench")
      }
    }
    let bookMeans = try cachedThemeMeans(workspacePath)
    var worst = 0.0
    for (key, mean) in peiliMeans {
      guard let theirs = bookMeans[key] else {
        throw BenchError("the workbooks' import has no score for \(key)")
      }
      worst = max(worst, abs(theirs - mean))
    }
    guard bookMeans.count == peiliMeans.count, worst == 0 else {
      throw BenchError("theme means differ between the CSV and the workbook imports (max |Δ| \(worst))")
    }
    print(
      "(f) peili import survey ×6 of the same files as .xlsx (\(String(format: "%.1f", Double(bookBytes) / 1_048_576)) "
        + "MiB, written in \(Measurement.format(writeTime))): \(Measurement.format(bookTime))  "
        + "(\(summaries.reduce(0) { $0 + $1.respondents }) respondents; theme means equal (a)'s); "
        + String(format: "ratio (f)/(a) = %.2f", bookTime / peiliTime))
  }

  static func removeDatabase(_ path: String) {
    for suffix in ["", "-wal", "-shm", "-journal"] {
      try? FileManager.default.removeItem(atPath: path + suffix)
    }
  }

  /// wave/audience/theme → index mean, read back from peili's score cache.
  static func cachedThemeMeans(_ path: String) throws -> [String: Double] {
    let queue = try DatabaseQueue(path: path)
    return try queue.read { db in
      var result: [String: Double] = [:]
      let rows = try Row.fetchAll(
        db, sql: "SELECT wave_id, audience, theme_id, summary FROM score_cache WHERE question_id = ''")
      for row in rows {
        let summary = try JSONDecoder().decode(ScoreSummary.self, from: row["summary"] as Data)
        let key = "\(row["wave_id"] as String)/\(row["audience"] as String)/\(row["theme_id"] as String)"
        result[key] = summary.index.mean
      }
      return result
    }
  }
}
