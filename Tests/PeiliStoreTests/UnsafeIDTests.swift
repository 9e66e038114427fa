import Foundation
import PeiliCore
import PeiliText
import Testing

@testable import PeiliStore

/// Ids peili stores (waves, segment names and values, units, question, theme and OKR ids) are
/// refused with the place and the character shown when they hold a control, bidi or invisible
/// character; the workspace stays as it was.
@Suite("Unsafe characters in ids")
struct UnsafeIDTests {
  static let mapping = """
    respondent_id: respondent
    segments:
      - {column: region}
    themes:
      - {id: communication, name: Communication}
    questions:
      - {column: q1, id: comm_clear, text: "I understand", theme: communication, scale: [1, 5]}

    """

  static let survey = """
    respondent,region,q1
    r1,North,5
    r2,South,3

    """

  func surveyFixture(csv: String = survey, map: String = mapping) throws -> SurveyFixture {
    let f = try SurveyFixture()
    try f.file("survey.csv", csv)
    try f.file("map.yaml", map)
    return f
  }

  @Test func aWaveNameWithAnEscapeSequenceIsRefused() throws {
    let f = try surveyFixture()
    let e = try #require(try f.failure(wave: "2026-09\u{1B}]0;x\u{07}"))
    #expect(
      e.message.contains(#"wave name `2026-09\e]0;x\u{7}` holds a control character (\e at character 8)"#),
      "\(e)")
    #expect(e.message.contains("expected printable text without control, bidi or invisible characters"))
  }

  @Test func aSegmentValueWithABidiOverrideIsRefusedAtItsLineAndColumn() throws {
    let f = try surveyFixture(csv: "respondent,region,q1\nr1,North,5\nr2,So\u{202E}uth,3\n")
    let e = try #require(try f.failure())
    #expect(e.line == 3 && e.column == "region (#2)", "\(e)")
    #expect(
      e.message.contains(#"segment value `So\u{202E}uth` holds a bidi control (\u{202E} at character 3)"#),
      "\(e)")
  }

  @Test func mappingIdsWithInvisibleCharactersAreRefused() throws {
    let zwsp = try surveyFixture(
      map: Self.mapping.replacingOccurrences(of: "id: comm_clear", with: "id: \"comm\u{200B}clear\""))
    let e = try #require(try zwsp.failure())
    #expect(e.file == zwsp.path("map.yaml") && e.line == 7, "\(e)")
    #expect(e.message.contains(#"question id `comm\u{200B}clear` holds an invisible character"#), "\(e)")

    let segment = try surveyFixture(
      map: Self.mapping.replacingOccurrences(
        of: "{column: region}", with: "{column: region, name: \"reg\\e[1mion\"}"))
    let s = try #require(try segment.failure())
    #expect(s.line == 3 && s.message.contains(#"segment name `reg\e[1mion`"#), "\(s)")
  }

  /// A NUL in an answer is invisible when printed: the message shows it.
  @Test func aNulInAnAnswerIsShownInTheMessage() throws {
    let f = try surveyFixture(csv: "respondent,region,q1\nr1,North,4\u{0}2\n")
    let e = try #require(try f.failure())
    #expect(e.message.contains(#"got "4\02""#), "\(e.message)")
  }

  @Test func okrIdsAndUnitsWithUnsafeCharactersAreRefused() throws {
    let fx = try StoreFixture()
    let ws = try fx.exampleWorkspace()
    let before = try StoreFixture.dump(ws)
    let yaml = """
      cycle: {id: "2026", name: "2026", start: 2026-01-01, end: 2026-12-31}
      objectives:
        - id: "O\\u202E9"
          title: t
        - id: O8
          title: t
          key_results:
            - {id: K1, title: k, kind: metric, start: 1, target: 5, unit: "km\\u2060"}

      """
    let path = try fx.file("bad.yaml", yaml)
    let error = #expect(throws: ImportError.self) { try ws.importOKRs(file: path, by: "tester") }
    let all = error?.all ?? []
    #expect(all.count == 2, "\(all)")
    #expect(
      all.first?.line == 3 && all.first?.message.contains(#"`id` `O\u{202E}9` holds a bidi control"#) == true,
      "\(all)")
    #expect(
      all.last?.line == 8
        && all.last?.message.contains(#"`unit` `km\u{2060}` holds an invisible character"#) == true, "\(all)")
    #expect(try StoreFixture.dump(ws) == before)
  }

  @Test func theFirstUnsafeCharacterIsFoundWithItsKindAndPosition() {
    #expect(UnsafeCharacter.first(in: "plain-id_2026") == nil)
    #expect(UnsafeCharacter.first(in: "Ääkköset 🚗 👨\u{200D}👩") == nil)
    let bad = UnsafeCharacter.first(in: "日本\u{FEFF}x")
    #expect(bad?.kind == .invisible && bad?.position == 3 && bad?.shown == "\\u{FEFF}")
    #expect(UnsafeCharacter.first(in: "a\tb")?.kind == .control)
  }
}
