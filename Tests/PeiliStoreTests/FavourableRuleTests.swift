import Foundation
import GRDB
import PeiliCore
import Testing

@testable import PeiliStore

/// `favourable:` in the survey mapping (issue 14, item 13): the rule per question or for the
/// whole mapping, held to the scale, stored with the question and used by every score.
@Suite("Favourable rule")
struct FavourableRuleTests {
  /// q1 on 1–7 (no blanks), q2 on 0–100 (r9 blank); kind a = r1…r5, b = r6…r10.
  static let csv = """
    id,kind,q1,q2
    r1,a,7,95
    r2,a,6,70
    r3,a,5,69
    r4,a,4,100
    r5,a,3,50
    r6,b,5,71
    r7,b,6,10
    r8,b,2,80
    r9,b,4,
    r10,b,1,30

    """

  /// A mapping whose q1 and q2 entries end with `q1` and `q2` (nil: no q2), `top` above it all.
  static func mapping(q1: String = "", q2: String? = ", favourable: \">= 70\"", top: String = "") -> String {
    """
    respondent_id: id
    \(top)segments:
      - {column: kind}
    themes:
      - {id: t1, name: One}
      - {id: t2, name: Two}
    questions:
      - {column: q1, id: q1, theme: t1, scale: [1, 7]\(q1)}
    \(q2.map { "  - {column: q2, id: q2, theme: t2, scale: [0, 100]\($0)}\n" } ?? "")
    """
  }

  static func imported(_ mapping: String) throws -> SurveyFixture {
    let fx = try SurveyFixture()
    try fx.file("survey.csv", csv)
    try fx.file("map.yaml", mapping)
    try fx.importSurvey()
    return fx
  }

  static func question(_ fx: SurveyFixture, _ id: String, theme: String) throws -> ScoreSummary {
    try #require(
      try fx.workspace.snapshot().scores[
        ScoreKey(themeID: theme, questionID: id, audience: .customer, waveID: "2025-09")])
  }

  static func theme(_ fx: SurveyFixture, _ theme: String) throws -> ScoreSummary {
    try #require(
      try fx.workspace.snapshot().scores[ScoreKey(themeID: theme, audience: .customer, waveID: "2025-09")])
  }

  // MARK: the rule changes the counts exactly as by hand

  @Test func withoutTheRuleTheTopTwoPointsAreFavourable() throws {
    let fx = try Self.imported(Self.mapping())
    // 1–7: 6 and 7 → r1, r2, r7.
    let q1 = try Self.question(fx, "q1", theme: "t1")
    #expect(q1.favourable == 3 && q1.favourableN == 10)
  }

  @Test func topThreeCountsTheTopThreePoints() throws {
    let fx = try Self.imported(Self.mapping(q1: ", favourable: {top: 3}"))
    // 5, 6 and 7 → r1, r2, r3, r6, r7.
    let q1 = try Self.question(fx, "q1", theme: "t1")
    #expect(q1.favourable == 5 && q1.favourableN == 10)
    let t1 = try Self.theme(fx, "t1")
    #expect(t1.favourable == 5)
    #expect(abs((t1.favourableShares?.mean ?? -1) - 0.5) < 1e-12)
    // The stored rule keeps its form.
    let stored = try fx.workspace.writer.read {
      try String.fetchOne($0, sql: "SELECT favourable FROM question WHERE id = 'q1'")
    }
    #expect(stored == "top 3")
    #expect(try fx.workspace.snapshot().questions.first { $0.id == "q1" }?.favourable == .top(3))
  }

  @Test func atLeastFourCountsFourAndAbove() throws {
    let fx = try Self.imported(Self.mapping(q1: ", favourable: \">= 4\""))
    // 4…7 → r1, r2, r3, r4, r6, r7, r9.
    let q1 = try Self.question(fx, "q1", theme: "t1")
    #expect(q1.favourable == 7 && q1.favourableN == 10)
    let estimate = try #require(ScoreEstimate(q1))
    #expect(abs((estimate.favourable ?? -1) - 0.7) < 1e-12)
  }

  @Test func theMappingWideRuleAppliesWhereAQuestionStatesNone() throws {
    // top: 3 for every question: q1 5–7; q2's own ">= 70" wins over it.
    let fx = try Self.imported(Self.mapping(top: "favourable: {top: 3}\n"))
    #expect(try Self.question(fx, "q1", theme: "t1").favourable == 5)
    #expect(try Self.question(fx, "q2", theme: "t2").favourable == 5)
  }

  @Test func aZeroToHundredItemWithTheRuleCountsTheShareAtOrAboveIt() throws {
    let fx = try Self.imported(Self.mapping())
    // ≥ 70 of nine answers: 95, 70, 100, 71, 80 (69 is not, r9 is blank).
    let q2 = try Self.question(fx, "q2", theme: "t2")
    #expect(q2.favourable == 5 && q2.favourableN == 9)
    #expect(abs((try #require(ScoreEstimate(q2)).favourable ?? -1) - 5.0 / 9) < 1e-12)
  }

  @Test func segmentCellsCountByTheRule() throws {
    let fx = try Self.imported(Self.mapping(q1: ", favourable: {top: 3}"))
    let f = try fx.workspace.scores(filter: SegmentFilter(["kind": "a"]), minimumGroup: 3)
    // kind a, q1 5–7: r1, r2, r3 of five; q2 ≥ 70: r1, r2, r4 of five.
    let t1 = try #require(f.scores[ScoreKey(themeID: "t1", audience: .customer, waveID: "2025-09")])
    #expect(t1.favourable == 3 && t1.favourableN == 5)
    let t2 = try #require(f.scores[ScoreKey(themeID: "t2", audience: .customer, waveID: "2025-09")])
    #expect(t2.favourable == 3 && t2.favourableN == 5)
  }

  @Test func aRebuiltCacheKeepsTheRule() throws {
    let fx = try Self.imported(Self.mapping(q1: ", favourable: {top: 3}"))
    let before = try fx.workspace.snapshot().scores
    let cells = try fx.workspace.scores(filter: SegmentFilter(["kind": "b"]), minimumGroup: 3).scores
    try fx.workspace.writer.write { try ScoreCacheRebuild.all($0) }
    #expect(try fx.workspace.snapshot().scores == before)
    #expect(try fx.workspace.scores(filter: SegmentFilter(["kind": "b"]), minimumGroup: 3).scores == cells)
  }

  @Test func aQuestionKeepsItsRuleAcrossWaves() throws {
    let fx = try Self.imported(Self.mapping(q1: ", favourable: {top: 3}"))
    // The same rule in another form is the same rule; another is refused.
    try fx.file("same.yaml", Self.mapping(q1: ", favourable: \">= 5\""))
    try fx.importSurvey(mapping: "same.yaml", wave: "2026-09", date: Day("2026-09-15"))
    try fx.file("other.yaml", Self.mapping())
    let error = try #require(
      try fx.failure(mapping: "other.yaml", wave: "2027-09", date: Day("2027-09-15")))
    #expect(error.line == 8)
    #expect(
      error.message
        == "question q1 already exists with favourable answers from 5 (favourable: {top: 3}); expected the "
        + "same favourable: rule (a question id always names the same question) or a new id")
  }

  // MARK: refusals, with file and line

  @Test func aZeroToHundredItemWithoutTheRuleIsRefused() throws {
    let fx = try SurveyFixture()
    try fx.file("survey.csv", Self.csv)
    try fx.file("map.yaml", Self.mapping(q2: ""))
    let error = try #require(try fx.failure())
    #expect(error.file == fx.path("map.yaml"))
    #expect(error.line == 9)
    #expect(
      error.message
        == "question q2 has a 101-point scale [0, 100], where the top two points are no measure of "
        + "favourable; expected favourable: \">= 70\" (answers at or above a value) or favourable: {top: N} "
        + "on the question, or favourable: at the top of the mapping")
    // Eleven points (0–10) keep the default.
    let zeroToTen = Self.mapping(q2: nil).replacingOccurrences(of: "[1, 7]", with: "[0, 10]")
    #expect(try SurveyMapping.parse(zeroToTen, file: "m.yaml").questions[0].question.favourable == nil)
  }

  @Test(arguments: [
    (
      ", favourable: {top: 0}", 8,
      "favourable: {top: 0} does not fit question q1 (scale [1, 7], 7 points); expected top: from 1 to 6"
    ),
    (
      ", favourable: {top: 7}", 8,
      "favourable: {top: 7} does not fit question q1 (scale [1, 7], 7 points); expected top: from 1 to 6"
    ),
    (
      ", favourable: \">= 200\"", 8,
      "favourable: \">= 200\" is outside the scale [1, 7] of question q1; expected a value from 2 to 7"
    ),
    (
      ", favourable: \">= 1\"", 8,
      "favourable: \">= 1\" is outside the scale [1, 7] of question q1; expected a value from 2 to 7"
    ),
    (
      ", favourable: \"about 4\"", 8,
      "favourable: \"about 4\" is not a rule; expected favourable: {top: N} (the top N points of the scale) "
        + "or \">= X\" (answers at or above X on the question's scale), e.g. favourable: {top: 2} or "
        + "favourable: \">= 4\""
    ),
    (
      ", favourable: {top: two}", 8,
      "favourable: top: needs a whole number of points; expected favourable: {top: N} (the top N points of "
        + "the scale) or \">= X\" (answers at or above X on the question's scale), e.g. favourable: {top: 2} "
        + "or favourable: \">= 4\""
    ),
    (
      ", favourable: {bottom: 2}", 8,
      "favourable: takes only top: in { }; expected favourable: {top: N} (the top N points of the scale) or "
        + "\">= X\" (answers at or above X on the question's scale), e.g. favourable: {top: 2} or "
        + "favourable: \">= 4\""
    ),
  ])
  func badRulesAreRefusedWithTheirLine(rule: String, line: Int, message: String) throws {
    let fx = try SurveyFixture()
    try fx.file("survey.csv", Self.csv)
    try fx.file("map.yaml", Self.mapping(q1: rule))
    let error = try #require(try fx.failure())
    #expect(error.file == fx.path("map.yaml"))
    #expect(error.line == line)
    #expect(error.column != nil)
    #expect(error.message == message)
  }

  @Test func aMappingWideRuleThatDoesNotFitAQuestionIsRefusedAtItsLine() throws {
    let fx = try SurveyFixture()
    try fx.file("survey.csv", Self.csv)
    try fx.file("map.yaml", Self.mapping(top: "favourable: \">= 200\"\n"))
    let error = try #require(try fx.failure())
    #expect(error.line == 2)
    #expect(
      error.message
        == "favourable: \">= 200\" is outside the scale [1, 7] of question q1; expected a value from 2 to 7")
  }

  // MARK: export, draft, migration

  @Test func anExportWritesTheRuleAndImportsBackWithTheSameScores() throws {
    let fx = try Self.imported(Self.mapping(q1: ", favourable: {top: 3}"))
    let export = try fx.workspace.exportSurvey(raw: true)
    #expect(export.mapping.contains("scale: [1, 7], favourable: {top: 3}}"))
    #expect(export.mapping.contains("scale: [0, 100], favourable: \">= 70\"}"))
    let fresh = try SurveyFixture()
    try fresh.file("survey.csv", export.csv)
    try fresh.file("map.yaml", export.mapping)
    try fresh.importSurvey()
    #expect(try fresh.workspace.snapshot().scores == fx.workspace.snapshot().scores)
    #expect(try fresh.workspace.snapshot().questions.map(\.favourable) == [.top(3), .atLeast(70)])
    #expect(try fresh.workspace.exportSurvey(raw: true) == export)
  }

  @Test func theDraftStatesARuleToCheckForAZeroToHundredColumn() throws {
    let fx = try SurveyFixture()
    let path = try fx.file(
      "export.csv",
      "id,q1,\"Trust, on a scale of 0 to 100\"\n"
        + (1...12).map { "r\($0),\($0 % 5 + 1),\([0, 15, 40, 55, 70, 85, 100][$0 % 7])" }
        .joined(separator: "\n") + "\n")
    let inspection = try SurveyInspection.inspect(path: path)
    let draft = inspection.draftMapping
    let line = try #require(
      draft.split(separator: "\n").first { $0.contains("{column: \"Trust, on a scale") })
    #expect(line.contains("scale: [0, 100], favourable: \">= 70\"}"))
    #expect(
      line.contains(
        "check: favourable from 70 assumed on a 101-point scale; write the threshold your organisation counts"
      ))
    let q1 = try #require(draft.split(separator: "\n").first { $0.contains("{column: q1") })
    #expect(!q1.contains("favourable"))
    #expect(inspection.columnsToCheck == 1)
    // The stated 0–100 scale makes the column a question (seen values alone would not).
    #expect(inspection.columns.first { $0.key.hasPrefix("Trust") }?.kind == .numericScale(min: 0, max: 100))
    // Themes assigned, the draft imports and counts by its rule.
    try fx.file("survey.csv", String(contentsOfFile: path, encoding: .utf8))
    try fx.file(
      "map.yaml",
      draft.replacingOccurrences(of: "theme: TODO", with: "theme: t")
        .replacingOccurrences(of: "\nthemes:", with: "\nthemes:\n  - {id: t, name: T}\n#"))
    try fx.importSurvey()
    let score = try #require(
      try fx.workspace.snapshot().scores.first { $0.key.questionID != "q1" && $0.key.questionID != nil }?
        .value)
    // 70, 85, 100 of 12: r4, r5, r6, r11, r12.
    #expect(score.favourable == 5 && score.favourableN == 12)
  }

  @Test func aSchemaFiveWorkspaceGainsTheColumnWithItsScoresUnchanged() throws {
    let fx = try Self.imported(Self.mapping(q2: nil))
    let before = try fx.workspace.snapshot().scores
    try fx.workspace.writer.write { db in
      try db.execute(sql: "ALTER TABLE question DROP COLUMN favourable")
      try db.execute(sql: "DELETE FROM grdb_migrations WHERE identifier = 'v6'")
      try db.execute(sql: "PRAGMA user_version = 5")
    }
    try fx.workspace.writer.close()
    let upgraded = try Workspace.open(path: fx.dir.appendingPathComponent("ws.db").path)
    #expect(try upgraded.writer.read { try Int.fetchOne($0, sql: "PRAGMA user_version") } == Schema.version)
    #expect(try upgraded.snapshot().scores == before)
    #expect(try upgraded.snapshot().questions.allSatisfy { $0.favourable == nil })
  }
}
