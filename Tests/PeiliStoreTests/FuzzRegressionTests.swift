import Foundation
import Testing
import Yams

@testable import PeiliStore

/// Inputs the libFuzzer targets in fuzz/ found crashing (minimized), fed to the same parsers
/// so that `swift test` keeps them fixed without running the fuzzer.
@Suite struct FuzzRegressionTests {
  /// Every record of `text`, read with the import's reader.
  private func records(_ text: String) throws -> [[String]] {
    let reader = try CSVReader(string: text)
    var out: [[String]] = []
    while try reader.next() { out.append((0..<reader.count).map { reader.string($0) }) }
    return out
  }

  /// FuzzCSV: a field holding `"` followed by a combining mark (U+064F) read fine, but the
  /// writer doubled quotes per Character, left this one single and wrote CSV that no longer
  /// reads back (a comment could end its field early and add columns to an export).
  /// FuzzYAML: a title "!" + a combining mark (U+0650) was written plain: one Character that
  /// is not "!", yet YAML reads the `!` as a tag and the export no longer parses.
  @Test func anIndicatorBeforeACombiningMarkIsQuotedInYAML() throws {
    // FuzzYAML again: "d: " + U+07ED (an NKo combining mark) holds no ": " Character, yet YAML
    // reads a mapping value there; likewise " #", and a "," in flow.
    for text in [
      "!\u{650}", "&\u{301}x", "*\u{301}", "-\u{301} x", "?\u{301}", "d: \u{7ED}ptanr", "a #\u{301}b",
      " \u{301}lead",
    ] {
      let written = YAMLScalar.text(text)
      let read = try Yams.load(yaml: "t: \(written)\n") as? [String: Any]
      #expect(read?["t"] as? String == text, "\(text.debugDescription) written as \(written)")
    }
    let flow = YAMLScalar.text("a,\u{301}b", inFlow: true)
    let read = try Yams.load(yaml: "{t: \(flow)}\n") as? [String: Any]
    #expect(read?["t"] as? String == "a,\u{301}b", "written as \(flow)")
  }

  /// FuzzCSV: a header holding U+FFFF (a UTF-16 export with 0xFFFF units) reached the
  /// draft mapping's comments, and YAML allows that character nowhere: the draft did not parse.
  @Test func aDraftOfAHeaderWithNoncharactersParses() throws {
    let fx = try StoreFixture()
    // An empty column: listed in the draft's "# Not mapped:" comment under its header.
    let path = try fx.file("s.csv", "id,Res\u{FFFF}\u{FFFE}pondent,q1\nr1,,1\nr2,,2\nr3,,3\n")
    let draft = try SurveyInspection.inspect(path: path).draftMapping
    #expect(throws: Never.self) { _ = try Yams.compose(yaml: draft) }
  }

  @Test func quoteBeforeCombiningMarkRoundTripsThroughTheWriter() throws {
    let crashing = "\"\"\"\u{64F}\"\n"  // minimized input: the bytes 22 22 22 D9 8F 22 0A
    let read = try records(crashing)
    #expect(read == [["\"\u{64F}"]])
    var writer = CSVWriter()
    for record in read { writer.record(record) }
    #expect(writer.text == "\"\"\"\u{64F}\"\r\n")
    #expect(try records(writer.text) == read)

    let comment = ["r1", "the \"\"Plus\"\u{64F}plan, \"\u{301}really\"\u{301}"]
    var again = CSVWriter()
    again.record(comment)
    #expect(try records(again.text) == [comment])
  }

  /// FuzzYAML: a scale whose span does not fit in Int trapped on `hi - lo` instead of being
  /// refused with the file, line and column.
  @Test(arguments: [
    "[-9223372036854775808, 9223372036854775807]",
    "[-9223372036854775808, 1]",
    "[-2, 9223372036854775807]",
  ])
  func scaleSpanBeyondIntIsRefused(scale: String) throws {
    let text = """
      respondent_id: respondent
      themes: [{id: t, name: T}]
      questions:
        - {column: q1, id: a, theme: t, scale: \(scale)}
      """
    let error = #expect(throws: SurveyImportError.self) {
      try SurveyMapping.parse(text, file: "mapping.yaml")
    }
    #expect(error?.line == 4)
    #expect(error?.message.contains("spans at most 100 points") == true)
  }

  /// FuzzXLSX: a workbook whose central directory puts a part's local header past the end of
  /// the file trapped inside ZIPFoundation's in-memory reader (a range with its lower bound
  /// above its upper) instead of being refused. Fixture: Fixtures/xlsx/offset-past-end.xlsx
  /// (cells.xlsx with that one offset changed, by make_fixtures.py).
  @Test func aWorkbookPartPastTheEndOfTheFileIsRefused() throws {
    let path = WorkbookImportTests.path("offset-past-end.xlsx")
    let bytes = try Data(contentsOf: URL(fileURLWithPath: path))
    let error = #expect(throws: SurveyImportError.self) {
      try SurveyTable(data: bytes, file: "offset-past-end.xlsx")
    }
    #expect(error?.file == "offset-past-end.xlsx")
    // The part whose header is out of reach is not in the archive as ZIPFoundation lists it.
    #expect(
      error?.message
        == "the file is a ZIP archive without xl/workbook.xml, not an Excel workbook; expected an Excel "
        + "workbook (.xlsx) or a CSV export")
    // The workbook it was made from still reads.
    #expect(try SurveyTable(path: WorkbookImportTests.path("cells.xlsx")).width > 0)
  }

  /// FuzzXLSX: a sheet part whose element name holds a byte that is not UTF-8 (`<c\u{C2}>`)
  /// trapped inside Foundation's XML parser on Linux, which turns each element name into a
  /// String by force. Fixture: Fixtures/xlsx/not-utf8-part.xlsx (by make_fixtures.py).
  @Test func aWorkbookPartThatIsNotUTF8IsRefused() throws {
    let error = #expect(throws: SurveyImportError.self) {
      try SurveyTable(path: WorkbookImportTests.path("not-utf8-part.xlsx"))
    }
    #expect(
      error?.message.hasPrefix(
        "the workbook's part xl/worksheets/sheet1.xml is not well-formed XML (line 3); expected a workbook")
        == true, "\(String(describing: error))")
    #expect(error?.detail == "the part is not UTF-8 text (line 3)")
  }

  /// FuzzCSV: a cell whose text opens with a line break once a control character before it is
  /// dropped (`\u{2}\n…`) was written without the `'` that guards a cell opening with a CR,
  /// though both reach a spreadsheet as the same cell.
  @Test func aCellOpeningWithALineBreakIsGuardedHoweverItCame() {
    let minimized = "\u{2}\n[a\"b"  // from the bytes 22 02 0A 5B 61 22 22 62 22
    #expect(CSVWriter.field(minimized) == "\"'\n[a\"\"b\"")
    #expect(CSVWriter.field("\nlf first") == "\"'\nlf first\"")
    #expect(CSVWriter.field("\rcr first") == "\"'\ncr first\"")
    // As stored, for the round trip, it stays as it was.
    #expect(CSVWriter.field(minimized, cells: .raw) == "\"\n[a\"\"b\"")
  }

  /// FuzzCSV: a column whose header is empty once cleaned (here NUL and CR, in an Excel-saved
  /// Windows-1252 file) was drafted as a segment `{column: ""}`, which no mapping can name: the
  /// draft did not parse.
  @Test func aColumnWithoutAHeaderIsLeftOutOfTheDraft() throws {
    let fx = try StoreFixture()
    // Minimized input: FC 2C 00 0D 6E 65 2C 44 44 44.
    let path = try fx.file("s.csv", Data([0xFC, 0x2C, 0x00, 0x0D, 0x6E, 0x65, 0x2C, 0x44, 0x44, 0x44]))
    let draft = try SurveyInspection.inspect(path: path).draftMapping
    #expect(draft.contains("column 2 (no header)"), "\(draft)")
    #expect(!draft.contains("column: \"\""), "\(draft)")
    let error = #expect(throws: SurveyImportError.self) { try SurveyMapping.parse(draft, file: "draft.yaml") }
    #expect(error?.message == "expected at least one entry under questions", "\(String(describing: error))")
  }

  /// FuzzXLSX: a sheet whose first row is `r="0"` (or `r=""`) was refused naming line 0, before
  /// any row of the sheet: now it names no row.
  @Test func aBadFirstRowNumberNamesNoRow() {
    for r in ["0", ""] {
      let sheet = SheetXML(strings: [], dateStyles: [], date1904: false)
      let xml = "<worksheet><sheetData><row r=\"\(r)\"><c><v>1</v></c></row></sheetData></worksheet>"
      #expect(sheet.parse(Data(xml.utf8)) == nil)
      #expect(sheet.problem?.row == nil)
      #expect(sheet.problem?.message == "row number \"\(r)\" is not a row of a sheet; expected 1 to 1048576")
    }
  }

  /// FuzzCSV: a legacy Qualtrics export whose question row is blank over a column drafted
  /// `text: ""`, which the mapping refused: a blank text is now no text (the id is shown).
  @Test func aBlankQuestionTextReadsAsTheID() throws {
    let fx = try StoreFixture()
    let path = try fx.file("s.csv", "V1,,3\nResponseID\n,1,\n")  // minimized input, 20 bytes
    let draft = try SurveyInspection.inspect(path: path).draftMapping
    let error = #expect(throws: SurveyImportError.self) { try SurveyMapping.parse(draft, file: "draft.yaml") }
    #expect(error?.message.contains("is still TODO") == true, "\(String(describing: error))\n\(draft)")
    let mapping = try SurveyMapping.parse(
      draft.replacingOccurrences(of: "theme: TODO", with: "theme: t"), file: "m")
    #expect(mapping.questions.allSatisfy { $0.question.text == $0.question.id })
  }
}
