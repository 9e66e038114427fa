import Foundation
import PeiliCore

/// The hand-written baseline: the sqlite3 command-line shell `.import`s the same CSVs,
/// unpivots them into one (respondent, question, value) table and groups per theme.
struct SQLitePipeline {
  let dir: URL
  let files: [SurveyGenerator.File]

  /// Runs the shell as a subprocess; returns wave/audience/theme → mean respondent index and
  /// the shell's peak resident memory in MiB (polled from /proc: getrusage's figure for children
  /// would include this process's own pages, inherited at the spawn).
  func run() throws -> (means: [String: Double], peakMiB: Double) {
    let db = dir.appendingPathComponent("sqlite3-pipeline.db").path
    ImportBenchmark.removeDatabase(db)
    let scriptURL = dir.appendingPathComponent("sqlite3-pipeline.sql")
    try script().write(to: scriptURL, atomically: true, encoding: .utf8)
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    process.arguments = ["sqlite3", db]
    process.standardInput = try FileHandle(forReadingFrom: scriptURL)
    let output = Pipe()
    process.standardOutput = output
    try process.run()
    var peakKiB = 0
    let status = "/proc/\(process.processIdentifier)/status"
    while process.isRunning {
      if let text = try? String(contentsOfFile: status, encoding: .utf8),
        let line = text.split(separator: "\n").first(where: { $0.hasPrefix("VmHWM:") }),
        let kib = Int(line.split(separator: " ").dropFirst().first ?? "")
      {
        peakKiB = max(peakKiB, kib)
      }
      usleep(20_000)
    }
    let data = output.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    guard process.terminationStatus == 0 else {
      throw BenchError(
        "sqlite3 failed with status \(process.terminationStatus) (is the sqlite3 CLI installed?)")
    }
    var means: [String: Double] = [:]
    for line in String(decoding: data, as: UTF8.self).split(separator: "\n") {
      let f = line.split(separator: ",")
      guard f.count == 5, let mean = Double(f[4]) else { continue }
      means["\(f[0])/\(f[1])/\(f[2])"] = mean
    }
    return (means, Double(peakKiB) / 1024)
  }

  func script() -> String {
    let questions = SurveyGenerator.questions
    var s = ".mode csv\n"
    for (i, f) in files.enumerated() { s += ".import '\(f.path)' raw\(i)\n" }
    s += "CREATE TABLE question (id TEXT PRIMARY KEY, theme TEXT, lo INTEGER, hi INTEGER);\n"
    s += "INSERT INTO question VALUES "
    s +=
      questions.map { "('\($0.id)', '\($0.themeID)', \($0.scale.min), \($0.scale.max))" }
      .joined(separator: ", ") + ";\n"
    s += "CREATE TABLE answer (wave TEXT, audience TEXT, respondent TEXT, question TEXT, value INTEGER);\n"
    for (i, f) in files.enumerated() {
      s += "INSERT INTO answer\n"
      s +=
        questions.map { q in
          "SELECT '\(f.wave)', '\(f.audience.rawValue)', respondent, '\(q.id)', CAST(\(q.id) AS INTEGER) "
            + "FROM raw\(i) WHERE \(q.id) <> ''"
        }.joined(separator: "\nUNION ALL ") + ";\n"
    }
    s += """
      SELECT wave, audience, theme, COUNT(*), AVG(score) FROM (
        SELECT a.wave, a.audience, a.respondent, q.theme,
               AVG((a.value - q.lo) * 100.0 / (q.hi - q.lo)) AS score
        FROM answer a JOIN question q ON q.id = a.question
        GROUP BY a.wave, a.audience, a.respondent, q.theme)
      GROUP BY wave, audience, theme ORDER BY wave, audience, theme;

      """
    return s
  }
}
