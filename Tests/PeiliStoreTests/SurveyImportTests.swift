import Foundation
import GRDB
import PeiliCore
import Testing

@testable import PeiliStore

/// A temp folder with a fresh workspace and a place for CSV and mapping files.
final class SurveyFixture {
  let dir: URL
  let workspace: Workspace

  init() throws {
    dir = FileManager.default.temporaryDirectory.appendingPathComponent("peili-survey-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
    workspace = try Workspace.open(path: dir.appendingPathComponent("ws.db").path, create: true)
  }

  deinit { try? FileManager.default.removeItem(at: dir) }

  @discardableResult
  func file(_ name: String, _ text: String) throws -> String {
    try file(name, Data(text.utf8))
  }

  @discardableResult
  func file(_ name: String, _ data: Data) throws -> String {
    let url = dir.appendingPathComponent(name)
    try data.write(to: url)
    return url.path
  }

  @discardableResult
  func importSurvey(
    csv: String = "survey.csv", mapping: String = "map.yaml", wave: String = "2025-09",
    date: Day? = Day("2025-09-15"), audience: Audience = .customer, replace: Bool = false
  ) throws -> SurveyImportSummary {
    try workspace.importSurvey(
      csv: dir.appendingPathComponent(csv).path, mapping: dir.appendingPathComponent(mapping).path,
      wave: wave,
      date: date, audience: audience, replace: replace, by: "tester")
  }

  /// The full path of a file in the fixture's folder (errors name files as given).
  func path(_ name: String) -> String { dir.appendingPathComponent(name).path }

  /// Every row of every table, so "unchanged" means exactly that.
  func fingerprint() throws -> String {
    try workspace.writer.read { db in
      let tables = try String.fetchAll(
        db, sql: "SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")
      var text = ""
      for t in tables {
        let rows = try Row.fetchAll(db, sql: "SELECT * FROM \"\(t)\"")
        text += "\(t) \(rows.count)\n" + rows.map(\.description).joined(separator: "\n") + "\n"
      }
      return text
    }
  }

  func count(_ table: String) throws -> Int {
    try workspace.writer.read { try Int.fetchOne($0, sql: "SELECT COUNT(*) FROM \(table)") ?? 0 }
  }

  /// Runs an import that must fail, checks the workspace is untouched, returns the error.
  func failure(
    csv: String = "survey.csv", mapping: String = "map.yaml", wave: String = "2025-09",
    date: Day? = Day("2025-09-15"), audience: Audience = .customer, replace: Bool = false,
    sourceLocation: SourceLocation = #_sourceLocation
  ) throws -> SurveyImportError? {
    let before = try fingerprint()
    var caught: SurveyImportError?
    do {
      try importSurvey(
        csv: csv, mapping: mapping, wave: wave, date: date, audience: audience, replace: replace)
      Issue.record("the import should have failed", sourceLocation: sourceLocation)
    } catch let e as SurveyImportError {
      caught = e
    }
    #expect(
      try fingerprint() == before, "workspace changed by a refused import", sourceLocation: sourceLocation)
    return caught
  }
}

private let mapping = """
  respondent_id: respondent
  segments:
    - {column: region}
    - {column: type, name: customer_type}
  themes:
    - {id: communication, name: Communication}
    - {id: recommendation, name: Recommendation}
  questions:
    - {column: q1, id: comm_clear, text: "I understand what they offer", theme: communication, scale: [1, 5]}
    - {column: q2, id: comm_news, text: "They keep me informed", theme: communication, scale: [1, 5]}
    - {column: nps, id: nps, text: "How likely to recommend", theme: recommendation, scale: [0, 10], nps: true, outcome: true}
  comments:
    - {column: comment, theme: communication}

  """

private let survey = """
  respondent,region,type,q1,q2,nps,comment
  r1,North,business,5,4,10,"Clear, thanks"
  r2,South,private,3,,9,
  r3,North,private,1,2,6,"Great\u{1B}[31m
  service"
  r4,South,business,,,,
  r5,North,business,4,5,7,

  """

@Suite struct SurveyImportTests {
  func fixture(csv: String = survey, map: String = mapping) throws -> SurveyFixture {
    let f = try SurveyFixture()
    try f.file("survey.csv", csv)
    try f.file("map.yaml", map)
    return f
  }

  @Test func importsAndCachesHandComputedScores() throws {
    let f = try fixture()
    let summary = try f.importSurvey()
    #expect(summary.respondents == 5)
    #expect(summary.answers == 11)
    #expect(summary.missing == 4)
    #expect(summary.comments == 2)
    #expect(summary.createdWave)
    #expect(summary.newThemes == ["communication", "recommendation"])
    #expect(summary.newQuestions == ["comm_clear", "comm_news", "nps"])
    #expect(try f.count("respondent") == 5)
    #expect(try f.count("respondent_segment") == 10)
    #expect(try f.count("wave_question") == 3)
    #expect(try f.count("audit") == 1)

    let scores = try f.workspace.writer.read { try ScoreCache.load($0) }
    // Respondent communication scores (index): r1 (100+75)/2, r2 50, r3 (0+25)/2, r5 (75+100)/2; r4 none.
    let comm = try #require(
      scores[ScoreKey(themeID: "communication", audience: .customer, waveID: "2025-09")])
    #expect(comm.n == 4)
    #expect(abs(comm.index.mean - 59.375) < 1e-9)
    #expect(abs(comm.index.m2 - 3867.1875) < 1e-9)
    #expect(abs((comm.native?.mean ?? 0) - 3.375) < 1e-9)
    #expect(comm.scale == Scale(min: 1, max: 5))
    // Favourable answers (4 or 5): 5, 4 of q1 and 4, 5 of q2, out of 7 answers.
    #expect(comm.favourable == 4)
    #expect(comm.favourableN == 7)
    #expect(comm.npsN == 0)

    let rec = try #require(
      scores[ScoreKey(themeID: "recommendation", audience: .customer, waveID: "2025-09")])
    #expect(rec.n == 4)
    #expect(abs(rec.index.mean - 80) < 1e-9)  // 100, 90, 60, 70
    #expect(rec.promoters == 2)
    #expect(rec.detractors == 1)
    #expect(rec.npsN == 4)
    #expect(rec.favourable == 2)

    let q1 = try #require(
      scores[
        ScoreKey(themeID: "communication", questionID: "comm_clear", audience: .customer, waveID: "2025-09")])
    #expect(q1.distribution == [1, 0, 1, 1, 1])
    #expect(abs((q1.native?.mean ?? 0) - 3.25) < 1e-9)  // (5+3+1+4)/4
    // Sample variance of 5,3,1,4 is 2.9167 → m2 = 8.75 on the native scale, ×25² on the index.
    #expect(abs((q1.native?.m2 ?? 0) - 8.75) < 1e-9)
    #expect(abs(q1.index.m2 - 8.75 * 625) < 1e-6)
    let nps = try #require(
      scores[ScoreKey(themeID: "recommendation", questionID: "nps", audience: .customer, waveID: "2025-09")])
    #expect(nps.distribution == [0, 0, 0, 0, 0, 0, 1, 1, 0, 1, 1])
    #expect(scores.count == 5)
  }

  @Test func respondentScoresAndCommentsForDrillDown() throws {
    let f = try fixture()
    try f.importSurvey()
    let rows = try f.workspace.respondentScores(theme: "communication", audience: .customer, wave: "2025-09")
    #expect(rows.map(\.externalID) == ["r1", "r2", "r3", "r5"])
    #expect(rows.map(\.score) == [87.5, 50, 12.5, 87.5])
    #expect(rows[0].segments == ["region": "North", "customer_type": "business"])
    let comments = try f.workspace.comments(theme: "communication")
    #expect(comments.map(\.text) == ["Clear, thanks", "Great[31m service"])
    #expect(comments.allSatisfy { $0.audience == .customer && $0.waveID == "2025-09" })
    #expect(comments[1].segments["region"] == "North")
    #expect(try f.workspace.comments(theme: "recommendation").isEmpty)
  }

  @Test func bomAndCRLFGiveTheSameResultAsLF() throws {
    let f = try fixture()
    var data = Data([0xEF, 0xBB, 0xBF])
    data.append(Data(survey.replacingOccurrences(of: "\n", with: "\r\n").utf8))
    try f.file("crlf.csv", data)
    try f.importSurvey()
    try f.importSurvey(csv: "crlf.csv", audience: .staff)
    let scores = try f.workspace.writer.read { try ScoreCache.load($0) }
    for (key, value) in scores where key.audience == .customer {
      var staffKey = key
      staffKey.audience = .staff
      #expect(scores[staffKey] == value)
    }
    let comments = try f.workspace.comments(theme: "communication").filter { $0.audience == .staff }
    #expect(comments.map(\.text) == ["Clear, thanks", "Great[31m  service"])
  }

  @Test func mirrorSharesCustomerQuestions() throws {
    let f = try fixture()
    try f.importSurvey()
    try f.file("mirror.csv", "respondent,region,type,q1,q2,nps,comment\ns1,,,2,2,5,\ns2,,,3,,8,\n")
    let summary = try f.importSurvey(csv: "mirror.csv", audience: .mirror)
    #expect(summary.newQuestions.isEmpty)
    #expect(summary.newThemes.isEmpty)
    #expect(!summary.createdWave)
    #expect(try f.count("question") == 3)
    let scores = try f.workspace.writer.read { try ScoreCache.load($0) }
    let mirror = try #require(
      scores[ScoreKey(themeID: "communication", audience: .mirror, waveID: "2025-09")])
    #expect(mirror.n == 2)
    #expect(abs(mirror.index.mean - (25 + 50) / 2) < 1e-9)
    #expect(scores[ScoreKey(themeID: "communication", audience: .customer, waveID: "2025-09")]?.n == 4)
  }

  @Test func replaceSwapsRespondentsAndRecomputesScores() throws {
    let f = try fixture()
    try f.importSurvey()
    try f.file("second.csv", "respondent,region,type,q1,q2,nps,comment\nx1,East,private,5,5,10,Better\n")
    let error = try f.failure(csv: "second.csv")
    #expect(error?.message.contains("--replace") == true)
    let summary = try f.importSurvey(csv: "second.csv", date: nil, replace: true)
    #expect(summary.replacedRespondents == 5)
    #expect(try f.count("respondent") == 1)
    #expect(try f.count("respondent_segment") == 2)
    #expect(try f.count("comment") == 1)
    #expect(try f.count("audit") == 2)
    let scores = try f.workspace.writer.read { try ScoreCache.load($0) }
    let comm = try #require(
      scores[ScoreKey(themeID: "communication", audience: .customer, waveID: "2025-09")])
    #expect(comm.n == 1)
    #expect(comm.index.mean == 100)
  }

  // MARK: Every refused input names file, line, column and what was expected.

  @Test func missingColumn() throws {
    let f = try fixture(csv: survey.replacingOccurrences(of: ",q2,", with: ",qx,"))
    let e = try #require(try f.failure())
    #expect(e.file == f.path("survey.csv"))
    #expect(e.line == 1)
    #expect(e.column == "q2")
    #expect(e.message.contains("missing column q2") && e.message.contains("map.yaml (line 10)"))
  }

  @Test func duplicatedColumn() throws {
    let f = try fixture(csv: "respondent,q1,region,type,q1,q2,nps,comment\nr1,1,N,b,2,3,4,\n")
    let e = try #require(try f.failure())
    #expect(e.file == f.path("survey.csv"))
    #expect(e.line == 1)
    #expect(e.column == "q1 (#2 and #5)")
    #expect(e.message.contains("duplicated column q1"))
  }

  @Test func valueOutsideScale() throws {
    let f = try fixture(
      csv: survey.replacingOccurrences(of: "r5,North,business,4,5,7", with: "r5,North,business,4,6,7"))
    let e = try #require(try f.failure())
    #expect(e.file == f.path("survey.csv"))
    #expect(e.line == 7)
    #expect(e.column == "q2 (#5)")
    #expect(e.message.contains("value 6 is outside the scale 1–5"))
  }

  @Test func nonNumericAnswer() throws {
    let f = try fixture(
      csv: survey.replacingOccurrences(of: "r2,South,private,3,,9", with: "r2,South,private,3,,nine"))
    let e = try #require(try f.failure())
    #expect(e.line == 3)
    #expect(e.column == "nps (#6)")
    #expect(e.message.contains("expected a whole number from 0 to 10 or a blank, got \"nine\""))
  }

  @Test func duplicateRespondentID() throws {
    let f = try fixture(csv: survey.replacingOccurrences(of: "r5,", with: "r2,"))
    let e = try #require(try f.failure())
    #expect(e.line == 7)
    #expect(e.column == "respondent (#1)")
    #expect(e.message.contains("duplicate respondent id r2 (first on line 3)"))
  }

  @Test func missingRespondentID() throws {
    let f = try fixture(csv: survey.replacingOccurrences(of: "r4,", with: ","))
    let e = try #require(try f.failure())
    #expect(e.line == 6)
    #expect(e.message.contains("missing respondent id"))
  }

  @Test func wrongFieldCount() throws {
    let f = try fixture(
      csv: survey.replacingOccurrences(of: "r4,South,business,,,,", with: "r4,South,business,,,"))
    let e = try #require(try f.failure())
    #expect(e.line == 6)
    #expect(e.message.contains("expected 7 fields as in the header, found 6"))
  }

  @Test func unknownTheme() throws {
    let f = try fixture(
      map: mapping.replacingOccurrences(of: "theme: recommendation, scale", with: "theme: loyalty, scale"))
    let e = try #require(try f.failure())
    #expect(e.file == f.path("map.yaml"))
    #expect(e.line == 11)
    let line11 = mapping.split(separator: "\n", omittingEmptySubsequences: false)[10]
    let offset = line11.distance(
      from: line11.startIndex, to: line11.range(of: "theme: recommendation")!.lowerBound)
    #expect(e.column == "\(offset + 1 + 7)")
    #expect(e.message.contains("unknown theme loyalty"))
  }

  @Test func themeFromWorkspaceIsAccepted() throws {
    let f = try fixture()
    try f.importSurvey()
    // A second mapping that reuses the workspace's theme without listing it.
    try f.file(
      "staff.yaml",
      "respondent_id: respondent\nquestions:\n  - {column: q1, id: staff_q1, theme: communication, scale: [1, 5]}\n"
    )
    try f.file("staff.csv", "respondent,q1\ns1,4\n")
    let summary = try f.importSurvey(csv: "staff.csv", mapping: "staff.yaml", audience: .staff)
    #expect(summary.respondents == 1)
  }

  @Test func questionReusedWithAnotherScale() throws {
    let f = try fixture()
    try f.importSurvey()
    try f.file(
      "other.yaml",
      mapping.replacingOccurrences(
        of: "theme: communication, scale: [1, 5]}\n  - {column: q2",
        with: "theme: communication, scale: [1, 7]}\n  - {column: q2"))
    let e = try #require(try f.failure(mapping: "other.yaml", wave: "2026-09", date: Day("2026-09-15")))
    #expect(e.file == f.path("other.yaml"))
    #expect(e.line == 9)
    #expect(
      e.message.contains("question comm_clear already exists with theme communication and scale [1, 5]"))
  }

  @Test func newWaveNeedsADate() throws {
    let f = try fixture()
    let e = try #require(try f.failure(date: nil))
    #expect(e.file == f.path("survey.csv"))
    #expect(e.message.contains("expected its date with --date YYYY-MM-DD"))
  }

  @Test func existingWaveWithAnotherDate() throws {
    let f = try fixture()
    try f.importSurvey()
    let e = try #require(try f.failure(date: Day("2025-10-01"), audience: .staff))
    #expect(e.file == f.path("survey.csv"))
    #expect(e.message.contains("wave 2025-09 already exists with date 2025-09-15"))
  }

  @Test func emptyCSV() throws {
    let f = try fixture(csv: "")
    let e = try #require(try f.failure())
    #expect(e.file == f.path("survey.csv"))
    #expect(e.line == 1)
    #expect(e.message.contains("the file is empty"))
    try f.file("header.csv", "respondent,region,type,q1,q2,nps,comment\n")
    let e2 = try #require(try f.failure(csv: "header.csv"))
    #expect(e2.line == 2)
    #expect(e2.message.contains("no respondent rows"))
  }

  @Test func csvNotUTF8IsReadAsWindows1252() throws {
    // A file that is not valid UTF-8 is what Excel saves in Western European locales.
    let f = try fixture()
    var data = Data("respondent,region,type,q1,q2,nps,comment\nr1,N,b,1,2,3,ok\nr2,N,b,1,2,3,".utf8)
    data.append(contentsOf: [0xE4, 0x0A])  // Windows-1252 "ä"
    try f.file("latin1.csv", data)
    let summary = try f.importSurvey(csv: "latin1.csv")
    #expect(summary.respondents == 2)
    #expect(try f.workspace.comments(theme: "communication").map(\.text) == ["ok", "ä"])
  }

  @Test func unclosedQuote() throws {
    let f = try fixture(
      csv: survey.replacingOccurrences(
        of: "r5,North,business,4,5,7,", with: "r5,North,business,4,5,7,\"never closed"))
    let e = try #require(try f.failure())
    #expect(e.line == 7)
    #expect(e.message.contains("never closed"))
  }

  @Test func yamlSyntaxError() throws {
    let f = try fixture(
      map: "respondent_id: respondent\nquestions:\n  - {column: q1, id: a, theme: t, scale: [1, 5]\n")
    let e = try #require(try f.failure())
    #expect(e.file == f.path("map.yaml"))
    #expect(e.line == 4)
    #expect(e.column != nil)
    #expect(e.message.contains("YAML syntax error"))
  }

  @Test func mappingFieldErrors() throws {
    let f = try fixture(map: "respondent_id: respondent\nquestions:\n  - {column: q1, id: a, theme: t}\n")
    let e = try #require(try f.failure())
    #expect(e.line == 3)
    #expect(e.column == "5")
    #expect(e.message.contains("question a: missing required field `scale`; expected scale: [min, max]"))

    try f.file(
      "bad.yaml",
      "respondent_id: respondent\nquestions:\n  - {column: q1, id: a, theme: t, scale: [1, 5], colour: red}\n"
    )
    let e2 = try #require(try f.failure(mapping: "bad.yaml"))
    #expect(e2.line == 3)
    #expect(e2.message.contains("question #1: unknown field `colour`; expected one of `column`, `id`"))

    try f.file(
      "nps.yaml",
      "respondent_id: respondent\nquestions:\n  - {column: q1, id: a, theme: t, scale: [1, 5], nps: true}\n")
    let e3 = try #require(try f.failure(mapping: "nps.yaml"))
    #expect(e3.message.contains("nps: true needs a 0–10 scale"))

    try f.file("noid.yaml", "questions:\n  - {column: q1, id: a, theme: t, scale: [1, 5]}\n")
    let e4 = try #require(try f.failure(mapping: "noid.yaml"))
    #expect(e4.message.contains("the mapping: missing required field `respondent_id`"))
  }

  @Test func emptyOrNonUTF8Mapping() throws {
    let f = try fixture(map: "\n")
    let e = try #require(try f.failure())
    #expect(e.file == f.path("map.yaml"))
    #expect(e.line == 1)
    #expect(e.message.contains("empty"))
    try f.file("latin1.yaml", Data("respondent_id: respondent\n# caf".utf8) + Data([0xE9, 0x0A]))
    let e2 = try #require(try f.failure(mapping: "latin1.yaml"))
    #expect(e2.line == 2)
    #expect(e2.message.contains("not valid UTF-8"))
  }

  @Test func shippedExampleImportsCleanly() throws {
    let examples = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
      .deletingLastPathComponent().appendingPathComponent("examples")
    let f = try SurveyFixture()
    let summary = try f.workspace.importSurvey(
      csv: examples.appendingPathComponent("survey-customers.csv").path,
      mapping: examples.appendingPathComponent("survey-mapping.yaml").path, wave: "2025-09",
      date: Day("2025-09-15"), audience: .customer, by: "tester")
    #expect(summary.respondents == 12)
    #expect(summary.missing == 2)
    #expect(summary.comments == 5)
    #expect(Set(summary.newThemes) == ["communication", "customer-service"])
    let scores = try f.workspace.writer.read { try ScoreCache.load($0) }
    let service = try #require(
      scores[ScoreKey(themeID: "customer-service", audience: .customer, waveID: "2025-09")])
    #expect(service.native == nil)  // 1–5 and 0–10 items mixed: index only
    #expect(service.npsN == 12)
    #expect(service.promoters == 5)
    #expect(service.detractors == 3)
  }

  @Test func shippedExampleJoinsTheExampleOKRThemes() throws {
    let examples = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
      .deletingLastPathComponent().appendingPathComponent("examples")
    let f = try SurveyFixture()
    try f.workspace.importOKRs(file: examples.appendingPathComponent("okrs.yaml").path, by: "tester")
    let summary = try f.workspace.importSurvey(
      csv: examples.appendingPathComponent("survey-customers.csv").path,
      mapping: examples.appendingPathComponent("survey-mapping.yaml").path, wave: "2025-09",
      date: Day("2025-09-15"), audience: .customer, by: "tester")
    // communication comes from the OKR file; the mapping adds customer-service.
    #expect(summary.newThemes == ["customer-service"])
    #expect(summary.respondents == 12)
  }
}
