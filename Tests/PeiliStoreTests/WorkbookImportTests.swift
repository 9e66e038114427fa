import Foundation
import GRDB
import PeiliCore
import Testing

@testable import PeiliStore

/// Excel workbooks (Fixtures/xlsx, written by make_fixtures.py beside them): a workbook's sheet
/// imports and drafts exactly as the CSV of the same cells does, its cells read by type, and a
/// bad workbook is one sentence naming the file.
@Suite struct WorkbookImportTests {
  static let dir = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    .appendingPathComponent("Fixtures/xlsx")
  static func path(_ name: String) -> String { dir.appendingPathComponent(name).path }

  /// What an import stored, as text rows, in a stable order: respondents and their packed
  /// answers, segments, comments, questions and every cached score.
  static func stored(_ f: VendorFixture) throws -> [String] {
    try f.workspace.writer.read { db in
      let queries = [
        "SELECT external_id, hex(answers) FROM respondent ORDER BY external_id",
        """
        SELECT r.external_id, s.attribute, s.value FROM respondent_segment s
        JOIN respondent r ON r.id = s.respondent_id ORDER BY 1, 2
        """,
        "SELECT r.external_id, c.theme_id, c.text FROM comment c JOIN respondent r ON r.id = c.respondent_id ORDER BY 1, 2",
        "SELECT id, theme_id, text, scale_min, scale_max, nps FROM question ORDER BY id",
        "SELECT * FROM score_cache ORDER BY wave_id, audience, theme_id, question_id",
        "SELECT * FROM segment_cell_score ORDER BY 1, 2, 3, 4, 5",
      ]
      return try queries.flatMap { sql in
        try Row.fetchAll(db, sql: sql).map { row in
          row.databaseValues.map { $0.isNull ? "NULL" : String(describing: $0) }.joined(separator: "|")
        }
      }
    }
  }

  @Test(arguments: [
    ("qualtrics", "qualtrics-mapping.yaml", SurveyFormat.qualtrics),
    ("surveymonkey", "surveymonkey-mapping.yaml", .surveymonkey),
    ("googleforms", "googleforms-mapping.yaml", .googleforms),
  ])
  func vendorWorkbookImportsAsItsCSV(name: String, mapping: String, format: SurveyFormat) throws {
    let fromCSV = try VendorFixture()
    let csv = try fromCSV.importFixture("\(name).csv", mapping: mapping)
    let fromBook = try VendorFixture()
    let book = try fromBook.importFixture(Self.path("\(name).xlsx"), mapping: mapping)
    #expect(book.format == format && csv.format == format)
    #expect(book.workbook?.sheet != nil && csv.workbook == nil)
    #expect(book.respondents == csv.respondents && book.respondents > 0)
    #expect(book.answers == csv.answers && book.missing == csv.missing && book.comments == csv.comments)
    #expect(book.excluded == csv.excluded)
    #expect(try fromBook.scores() == fromCSV.scores())
    let stored = try Self.stored(fromBook)
    #expect(stored == (try Self.stored(fromCSV)))
    #expect(stored.count > 10)
  }

  /// The draft of a workbook is the CSV's, but for the two lines naming the file and how it was read.
  @Test(arguments: [
    ("vendor/qualtrics.csv", "qualtrics.xlsx"), ("vendor/surveymonkey.csv", "surveymonkey.xlsx"),
    ("vendor/googleforms.csv", "googleforms.xlsx"), ("xlsx/cells.csv", "cells.xlsx"),
  ])
  func workbookDraftsAsItsCSV(csv: String, book: String) throws {
    let fixtures = Self.dir.deletingLastPathComponent().path
    let fromCSV = try SurveyInspection.inspect(path: fixtures + "/" + csv)
    let fromBook = try SurveyInspection.inspect(path: Self.path(book))
    let a = fromCSV.draftMapping.split(separator: "\n", omittingEmptySubsequences: false)
    let b = fromBook.draftMapping.split(separator: "\n", omittingEmptySubsequences: false)
    #expect(a.dropFirst(2) == b.dropFirst(2))
    #expect(b[1].contains("Excel workbook, sheet"))
    #expect(fromBook.format == fromCSV.format && fromBook.respondents == fromCSV.respondents)
    #expect(fromBook.report.contains("sheet: \""))
    #expect(fromBook.report.contains("header rows: \(fromCSV.headerLines.count) (row"))
  }

  /// Every cell type, gaps, a missing row, rich text and phonetic runs, dates by style and
  /// numbers as written: the sheet holds exactly what its CSV (cells.csv) holds.
  @Test func cellsReadByTypeAsTheirCSV() throws {
    let data = try Data(contentsOf: Self.dir.appendingPathComponent("cells.xlsx"))
    let sheet = try Workbook.read(data, file: "cells.xlsx", sheet: nil)
    #expect(sheet.name == "Responses" && sheet.sheetNames == ["Responses"] && !sheet.chosen)
    #expect(sheet.rows.map(\.row) == [1, 2, 3, 4, 7])
    let reader = try CSVReader(data: Data(contentsOf: Self.dir.appendingPathComponent("cells.csv")))
    var expected: [[String]] = []
    while try reader.next() { expected.append((0..<reader.count).map { reader.string($0) }) }
    #expect(sheet.rows.map(\.cells) == expected)
    // The ones a float round trip or a missed style would change.
    #expect(sheet.rows[1].cells[4] == "2025-09-15")
    #expect(sheet.rows[2].cells[4] == "2025-09-15 12:00:00")
    #expect(sheet.rows[3].cells[4] == "2025-09-16")
    #expect(sheet.rows[1].cells[7] == "1.10" && sheet.rows[2].cells[7] == "0.30000000000000004")
    #expect(sheet.rows[3].cells[7] == "114000000001")
    #expect(sheet.rows[0].cells[2] == "q1" && sheet.rows[0].cells[6] == "comment")
    #expect(sheet.rows[3].cells[6] == "Two lines:\r\nfine, \"mostly\"")
  }

  static let cellsMapping = """
    respondent_id: respondent
    segments:
      - {column: region}
    themes:
      - {id: service, name: Service}
    questions:
      - {column: q1, id: q1, theme: service, scale: [1, 5]}
      - {column: q2, id: q2, theme: service, scale: [1, 5]}
    comments:
      - {column: comment, theme: service}
    """

  @Test func cellsWorkbookImportsAsItsCSV() throws {
    let a = try VendorFixture()
    let mapping = try a.file("m.yaml", Self.cellsMapping)
    try a.importFixture(Self.path("cells.csv"), mapping: mapping)
    let b = try VendorFixture()
    let s = try b.importFixture(Self.path("cells.xlsx"), mapping: mapping)
    #expect(s.respondents == 4 && s.format == .canonical && s.workbook?.sheet == "Responses")
    #expect(try Self.stored(a) == Self.stored(b))
    // q1 4, 2, 5, – and q2 5, 3, –, 1 per respondent: (87.5, 37.5, 100, 0) → mean 56.25.
    #expect(close(try b.theme("service").index.mean, 56.25))
  }

  /// An error in a sheet names the row the spreadsheet shows (row 7 follows a missing row and
  /// an empty one), where the CSV of the same cells names its own line (6).
  @Test func errorsNameTheSheetRow() throws {
    let f = try VendorFixture()
    let mapping = try f.file(
      "m.yaml",
      Self.cellsMapping.replacingOccurrences(
        of: "q2, theme: service, scale: [1, 5]", with: "q2, theme: service, scale: [2, 5]"))
    for (file, line) in [("cells.xlsx", 7), ("cells.csv", 6)] {
      let error = #expect(throws: SurveyImportError.self) {
        try f.importFixture(Self.path(file), mapping: mapping)
      }
      #expect(error?.line == line)
      #expect(error?.message.contains("outside the scale 2–5") == true, "\(String(describing: error))")
    }
  }

  @Test func sheetChosenByName() throws {
    let first = #expect(throws: SurveyImportError.self) {
      try SurveyInspection.inspect(path: Self.path("two-sheets.xlsx"))
    }
    #expect(first?.message.contains("unknown layout") == true)
    #expect(
      first?.message.hasSuffix("(read sheet \"Read me\"; --sheet chooses another of \"Responses\")") == true)
    #expect(first?.message.contains("Excel-saved CSV") == false)
    for name in ["Responses", "responses"] {
      let i = try SurveyInspection.inspect(path: Self.path("two-sheets.xlsx"), sheet: name)
      #expect(
        i.workbook == SurveyWorkbook(sheet: "Responses", sheets: ["Read me", "Responses"], chosen: true))
      #expect(i.respondents == 4)
      #expect(
        i.report.contains(
          "sheet: \"Responses\" (chosen with --sheet; the workbook has \"Read me\", \"Responses\")"))
    }
    let unknown = #expect(throws: SurveyImportError.self) {
      try SurveyInspection.inspect(path: Self.path("two-sheets.xlsx"), sheet: "Answers")
    }
    #expect(
      unknown?.message
        == "no sheet named \"Answers\" in the workbook; expected --sheet with one of \"Read me\", \"Responses\""
    )
    let csv = #expect(throws: SurveyImportError.self) {
      try SurveyInspection.inspect(path: Self.path("cells.csv"), sheet: "Responses")
    }
    #expect(csv?.message.hasPrefix("--sheet goes with an Excel workbook") == true)
  }

  /// Each bad workbook: one sentence naming what the file is and what was expected; the
  /// library's words (ZIPFoundation's, XMLParser's) only in `detail`.
  @Test(arguments: [
    ("not-a-zip.xlsx", "the file is text, not an Excel workbook", false),
    ("encrypted.xlsx", "the workbook is encrypted (password-protected)", false),
    ("legacy.xlsx", "the file is an old Excel .xls (binary) workbook", false),
    ("no-sheets.xlsx", "the workbook has no sheets; expected a sheet", false),
    ("broken-xml.xlsx", "the workbook's part xl/worksheets/sheet1.xml is not well-formed XML (line", true),
    ("truncated.xlsx", "the file is a damaged ZIP archive", true),
    ("not-a-workbook.xlsx", "the file is a ZIP archive without xl/workbook.xml", false),
  ])
  func badWorkbookIsOneSentence(file: String, message: String, hasDetail: Bool) throws {
    let error = #expect(throws: SurveyImportError.self) {
      try SurveyInspection.inspect(path: Self.path(file))
    }
    #expect(error?.file == Self.path(file))
    #expect(error?.message.hasPrefix(message) == true, "\(String(describing: error?.message))")
    #expect(error?.message.contains("expected") == true)
    #expect(error?.message.contains("\n") == false)
    for word in ["ZIPFoundation", "XMLParser", "Error Domain", "NSXML", "ArchiveError"] {
      #expect(error?.message.contains(word) == false)
    }
    #expect((error?.detail != nil) == hasDetail)
  }

  /// A sheet of more than 10 MB of XML (Excel writes it on one line) reads to its last row.
  @Test func aLargeSheetReadsToItsEnd() throws {
    let i = try SurveyInspection.inspect(path: Self.path("large.xlsx"))
    #expect(i.format == .googleforms && i.respondents == 12_000 && i.columns.count == 61)
    #expect(i.columns.last?.kind == .numericScale(min: 4, max: 4))
  }

  @Test func encodingDoesNotApplyToAWorkbook() throws {
    let error = #expect(throws: SurveyImportError.self) {
      try SurveyInspection.inspect(path: Self.path("cells.xlsx"), encoding: .cp850)
    }
    #expect(error?.message.hasPrefix("--encoding applies to CSV files") == true)
  }

  @Test func serialNumbersAsISODates() {
    #expect(WorkbookDate.iso("1", kind: .date, date1904: false) == "1900-01-01")
    #expect(WorkbookDate.iso("59", kind: .date, date1904: false) == "1900-02-28")
    #expect(WorkbookDate.iso("61", kind: .date, date1904: false) == "1900-03-01")
    #expect(WorkbookDate.iso("45915", kind: .date, date1904: false) == "2025-09-15")
    #expect(WorkbookDate.iso("45915.75", kind: .dateTime, date1904: false) == "2025-09-15 18:00:00")
    #expect(WorkbookDate.iso("45915.99999999", kind: .dateTime, date1904: false) == "2025-09-16 00:00:00")
    #expect(WorkbookDate.iso("0.5", kind: .time, date1904: false) == "12:00:00")
    #expect(WorkbookDate.iso("0", kind: .date, date1904: true) == "1904-01-01")
    #expect(WorkbookDate.iso("44453", kind: .date, date1904: true) == "2025-09-15")
    #expect(WorkbookDate.iso("x", kind: .date, date1904: false) == nil)
    #expect(WorkbookDate.iso("-1", kind: .date, date1904: false) == nil)
  }

  @Test func numberFormatsThatShowDates() {
    #expect(WorkbookDate.kind(ofFormat: "yyyy-mm-dd") == .date)
    #expect(WorkbookDate.kind(ofFormat: "dd\".\"mm\".\"yyyy") == .date)
    #expect(WorkbookDate.kind(ofFormat: "m/d/yyyy h:mm:ss") == .dateTime)
    #expect(WorkbookDate.kind(ofFormat: "h:mm AM/PM") == .time)
    #expect(WorkbookDate.kind(ofFormat: "mm:ss") == .time)
    #expect(WorkbookDate.kind(ofFormat: "[h]:mm") == .time)
    #expect(WorkbookDate.kind(ofFormat: "[$-409]mmmm d, yyyy") == .date)
    #expect(WorkbookDate.kind(ofFormat: "0.0\" days\"") == nil)
    #expect(WorkbookDate.kind(ofFormat: "[Red]#,##0.00;[Blue]-#,##0.00") == nil)
    #expect(WorkbookDate.kind(ofFormat: "General") == nil)
    #expect(WorkbookDate.kind(ofFormat: "0.00E+00") == nil)
    #expect(WorkbookDate.builtIn(14) == .date && WorkbookDate.builtIn(22) == .dateTime)
    #expect(
      WorkbookDate.builtIn(20) == .time && WorkbookDate.builtIn(0) == nil && WorkbookDate.builtIn(4) == nil)
  }

  @Test func cellReferences() {
    #expect(CellReference("A1") == CellReference(column: 0, row: 1))
    #expect(CellReference("AB12") == CellReference(column: 27, row: 12))
    #expect(CellReference("$C$3") == CellReference(column: 2, row: 3))
    #expect(CellReference("XFD1048576") == CellReference(column: 16_383, row: 1_048_576))
    #expect(CellReference("XFE1") == nil && CellReference("A1048577") == nil && CellReference("A0") == nil)
    #expect(CellReference("1A") == nil && CellReference("") == nil && CellReference("A-1") == nil)
    #expect(
      CellReference.letters(0) == "A" && CellReference.letters(27) == "AB"
        && CellReference.letters(16_383) == "XFD")
  }
}
