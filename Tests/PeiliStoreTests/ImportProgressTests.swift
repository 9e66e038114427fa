import Foundation
import PeiliCore
import Testing

@testable import PeiliStore

/// What a long import tells its progress line: a workbook's unpacking (bytes), its sheet's rows
/// and then the respondent rows, each count growing and each share of its stage within 0…1.
@Suite struct ImportProgressTests {
  /// The mapping of large.xlsx (Google Forms layout, 60 questions answered 4).
  static let largeMapping =
    "respondent_id: (row number)\nthemes: [{id: t, name: T}]\nquestions:\n"
    + (1...60).map { "  - {column: \"Question \($0)\", id: q\($0), theme: t, scale: [1, 5]}\n" }.joined()

  /// Every report of one import, in order.
  final class Reports {
    var all: [(stage: ImportStage, count: Int, fraction: Double)] = []
    func of(_ stage: ImportStage) -> [(stage: ImportStage, count: Int, fraction: Double)] {
      all.filter { $0.stage == stage }
    }
  }

  @Test func aWorkbookImportReportsItsUnpackingSheetAndRows() throws {
    let f = try SurveyFixture()
    try f.file("map.yaml", Self.largeMapping)
    let reports = Reports()
    let summary = try f.workspace.importSurvey(
      csv: WorkbookImportTests.path("large.xlsx"), mapping: f.path("map.yaml"), wave: "w",
      date: Day("2025-09-15"), audience: .customer, progress: { reports.all.append(($0, $1, $2)) },
      by: "tester")
    #expect(summary.respondents == 12_000)
    // The stages come in order, each once.
    var order: [ImportStage] = []
    for report in reports.all where order.last != report.stage { order.append(report.stage) }
    #expect(order == [.unpacking, .sheet, .rows])
    #expect(reports.all.allSatisfy { (0...1).contains($0.fraction) && $0.count > 0 })
    // The sheet part inflates to more than 10 MB, reported to its end.
    let unpacked = reports.of(.unpacking).map(\.count)
    #expect((unpacked.max() ?? 0) > 10_000_000)
    #expect(reports.of(.unpacking).contains { $0.fraction == 1 })
    // Every 1,024 sheet rows (the header is a row), every 4,096 respondent rows.
    #expect(reports.of(.sheet).map(\.count) == stride(from: 1023, to: 12_001, by: 1024).map { $0 })
    #expect(reports.of(.rows).map(\.count) == [4096, 8192])
    let rowShares = reports.of(.rows).map(\.fraction)
    #expect(rowShares == rowShares.sorted() && rowShares.allSatisfy { $0 > 0.3 && $0 < 0.7 })
  }

  /// A sheet that names its extent (`<dimension ref="A1:B3000"/>`, as Excel and openpyxl write
  /// it) reports how far its rows have come; one without it reports rows only (large.xlsx).
  @Test func aSheetWithItsDimensionReportsTheShareRead() throws {
    let rows = (1...3000).map { "<row r=\"\($0)\"><c r=\"A\($0)\"><v>\($0)</v></c></row>" }.joined()
    let xml = "<worksheet><dimension ref=\"A1:B3000\"/><sheetData>\(rows)</sheetData></worksheet>"
    let reports = Reports()
    let sheet = SheetXML(
      strings: [], dateStyles: [], date1904: false, progress: { reports.all.append(($0, $1, $2)) })
    #expect(sheet.parse(Data(xml.utf8)) == nil)
    #expect(reports.all.map(\.stage) == [.sheet, .sheet])
    #expect(reports.all.map(\.count) == [1023, 2047])
    let shares: [Double] = [1023.0 / 3000, 2047.0 / 3000]
    #expect(reports.all.map(\.fraction) == shares)
  }

  /// A CSV reports its rows only: nothing to unpack, no sheet.
  @Test func aCSVImportReportsRowsOnly() throws {
    let f = try SurveyFixture()
    try f.file(
      "map.yaml",
      "respondent_id: r\nthemes: [{id: t, name: T}]\nquestions:\n  - {column: q, id: q, theme: t, scale: [1, 5]}\n"
    )
    try f.file("survey.csv", "r,q\n" + (1...5000).map { "r\($0),\($0 % 5 + 1)\n" }.joined())
    let reports = Reports()
    try f.workspace.importSurvey(
      csv: f.path("survey.csv"), mapping: f.path("map.yaml"), wave: "w", date: Day("2025-09-15"),
      audience: .customer, progress: { reports.all.append(($0, $1, $2)) }, by: "tester")
    #expect(reports.all.map(\.stage) == [.rows])
    #expect(reports.all.map(\.count) == [4096])
  }
}
