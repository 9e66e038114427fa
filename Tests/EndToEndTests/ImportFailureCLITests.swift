import Foundation
import Testing

/// Excel workbooks and import failures through the real binary: a workbook inspects and
/// imports; every refusal is one line naming the file and what was expected, with no library's
/// words (ZIPFoundation's, XMLParser's, Foundation's, libyaml's, SQLite's) unless `--verbose`,
/// which adds them on a second line; the workspace is left byte for byte as it was.
@Suite struct ImportFailureCLITests {
  static let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    .deletingLastPathComponent()
    .appendingPathComponent("PeiliStoreTests/Fixtures")
  static func fixture(_ name: String) -> String { fixtures.appendingPathComponent(name).path }

  static let libraryWords = [
    "ZIPFoundation", "XMLParser", "Error Domain", "NSCocoaErrorDomain", "libyaml", "SQLite error",
    "missingEndOfCentralDirectoryRecord", "UNIQUE constraint",
  ]

  func expectOneLine(
    _ r: CLIRunner.Result, startingWith prefix: String, sourceLocation: SourceLocation = #_sourceLocation
  ) {
    #expect(r.status == 1, sourceLocation: sourceLocation)
    #expect(r.errorLines.count == 1, "\(r.stderr)", sourceLocation: sourceLocation)
    #expect(r.stderr.hasPrefix(prefix), "\(r.stderr)", sourceLocation: sourceLocation)
    #expect(r.stderr.contains("expected"), "\(r.stderr)", sourceLocation: sourceLocation)
    for word in Self.libraryWords {
      #expect(!r.stderr.contains(word), "\(word) in \(r.stderr)", sourceLocation: sourceLocation)
    }
  }

  func importArgs(_ file: String, mapping: String, _ more: [String] = []) -> [String] {
    [
      "--workspace", "w.db", "import", "survey", file, "--mapping", mapping, "--wave", "2025-09", "--date",
      "2025-09-15", "--audience", "customer",
    ] + more
  }

  @Test func workbookInspectsDraftsAndImports() throws {
    let cli = try CLIRunner()
    #expect(try cli.run(["init", "--workspace", "w.db"]).status == 0)
    let book = Self.fixture("xlsx/qualtrics.xlsx")
    let inspect = try cli.run(["import", "survey", book, "--inspect", "--mapping-out", "draft.yaml"])
    #expect(inspect.status == 0, "\(inspect.stderr)")
    #expect(inspect.stdout.contains("format: Qualtrics (detected)\nsheet: \"Sheet0\" (the only sheet)\n"))
    #expect(inspect.stdout.contains("header rows: 3 (rows 1–3)\nrespondents: 4 (left out:"))
    let draft = try String(contentsOfFile: cli.path("draft.yaml"), encoding: .utf8)
    #expect(draft.contains("# (Qualtrics, Excel workbook, sheet Sheet0, 3 header row(s), 4 respondents)."))
    let imported = try cli.run(importArgs(book, mapping: Self.fixture("vendor/qualtrics-mapping.yaml")))
    #expect(imported.status == 0, "\(imported.stderr)")
    #expect(imported.stdout.contains("4 customer respondents"))
    #expect(imported.stdout.contains("; read as Qualtrics from sheet \"Sheet0\"; left out"))
    let sheets = try cli.run([
      "import", "survey", Self.fixture("xlsx/two-sheets.xlsx"), "--inspect", "--sheet", "Responses",
    ])
    #expect(sheets.status == 0 && sheets.stdout.contains("respondents: 4\n"), "\(sheets.stderr)")
  }

  @Test(arguments: [
    ("not-a-zip.xlsx", "the file is text, not an Excel workbook"),
    ("encrypted.xlsx", "the workbook is encrypted (password-protected)"),
    ("legacy.xlsx", "the file is an old Excel .xls (binary) workbook"),
    ("no-sheets.xlsx", "the workbook has no sheets"),
    ("broken-xml.xlsx", "the workbook's part xl/worksheets/sheet1.xml is not well-formed XML"),
    ("truncated.xlsx", "the file is a damaged ZIP archive"),
    ("not-a-workbook.xlsx", "the file is a ZIP archive without xl/workbook.xml"),
  ])
  func badWorkbookIsOneLineAndWritesNothing(file: String, message: String) throws {
    let cli = try CLIRunner()
    #expect(try cli.run(["init", "--workspace", "w.db"]).status == 0)
    let before = try Data(contentsOf: URL(fileURLWithPath: cli.path("w.db")))
    let path = Self.fixture("xlsx/" + file)
    expectOneLine(
      try cli.run(["import", "survey", path, "--inspect"]), startingWith: "peili: \(path): \(message)")
    let mapping = CLIRunner.examples.appendingPathComponent("survey-mapping.yaml").path
    expectOneLine(try cli.run(importArgs(path, mapping: mapping)), startingWith: "peili: \(path): \(message)")
    #expect(try Data(contentsOf: URL(fileURLWithPath: cli.path("w.db"))) == before)
  }

  @Test func unknownSheetNamesTheSheets() throws {
    let cli = try CLIRunner()
    let path = Self.fixture("xlsx/two-sheets.xlsx")
    expectOneLine(
      try cli.run(["import", "survey", path, "--inspect", "--sheet", "Answers"]),
      startingWith:
        "peili: \(path): no sheet named \"Answers\" in the workbook; expected --sheet with one of \"Read me\", \"Responses\""
    )
  }

  /// `--verbose` adds the library's words on a second line: XMLParser's for a broken sheet.
  @Test func verboseAddsTheParsersWords() throws {
    let cli = try CLIRunner()
    let path = Self.fixture("xlsx/broken-xml.xlsx")
    let r = try cli.run(["import", "survey", path, "--inspect", "--verbose"])
    #expect(r.status == 1)
    #expect(r.errorLines.count == 2, "\(r.stderr)")
    #expect(r.errorLines.last?.hasPrefix("peili:   (XMLParser: ") == true, "\(r.stderr)")
  }

  /// A read that fails after the file opened (here EIO: /proc/self/mem is a regular file whose
  /// first page cannot be read) is the system's reason in words, Foundation's error only with --verbose.
  @Test func aReadErrorIsWordedForOKRsAndSurveys() throws {
    let cli = try CLIRunner()
    #expect(try cli.run(["init", "--workspace", "w.db"]).status == 0)
    let eio =
      "peili: /proc/self/mem: cannot read the file: the disk or device reported an input/output error while "
      + "reading it; expected a readable file"
    expectOneLine(
      try cli.run(["--workspace", "w.db", "import", "okrs", "/proc/self/mem"]), startingWith: eio)
    expectOneLine(try cli.run(["import", "survey", "/proc/self/mem", "--inspect"]), startingWith: eio)
    let verbose = try cli.run(["import", "survey", "/proc/self/mem", "--inspect", "--verbose"])
    #expect(
      verbose.errorLines.count == 2 && verbose.errorLines[1].contains("Input/output error"),
      "\(verbose.stderr)")
  }

  /// A mapping's YAML error: file:line:column and words; libyaml's own text only with --verbose.
  @Test func mappingYAMLErrorKeepsLibyamlForVerbose() throws {
    let cli = try CLIRunner()
    #expect(try cli.run(["init", "--workspace", "w.db"]).status == 0)
    let mapping = try cli.write("bad.yaml", "respondent_id: [\n")
    let csv = CLIRunner.examples.appendingPathComponent("survey-customers.csv").path
    expectOneLine(
      try cli.run(importArgs(csv, mapping: mapping)),
      startingWith: "peili: \(mapping):2:1: YAML syntax error: ")
    let verbose = try cli.run(importArgs(csv, mapping: mapping, ["--verbose"]))
    #expect(
      verbose.errorLines.count == 2 && verbose.errorLines[1].hasPrefix("peili:   (libyaml: "),
      "\(verbose.stderr)")
  }

  /// A constraint of the workspace's own (here an index added by hand) refusing an import's
  /// rows: a sentence naming the export and the workspace, SQLite's words only with --verbose,
  /// nothing written.
  @Test func aConstraintRefusalNamesTheExport() throws {
    let cli = try CLIRunner()
    #expect(try cli.run(["init", "--workspace", "w.db"]).status == 0)
    let sqlite = Process()
    sqlite.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    sqlite.arguments = [
      "sqlite3", cli.path("w.db"), "CREATE UNIQUE INDEX one_value ON respondent_segment(value)",
    ]
    try sqlite.run()
    sqlite.waitUntilExit()
    #expect(sqlite.terminationStatus == 0)
    let before = try Data(contentsOf: URL(fileURLWithPath: cli.path("w.db")))
    let csv = CLIRunner.examples.appendingPathComponent("survey-customers.csv").path
    let mapping = CLIRunner.examples.appendingPathComponent("survey-mapping.yaml").path
    expectOneLine(
      try cli.run(importArgs(csv, mapping: mapping)),
      startingWith:
        "peili: \(csv): the workspace w.db refused to store the import's respondents' segment values "
        + "(a value that must be unique is already there); nothing was written; expected a workspace with peili's own "
        + "tables")
    let verbose = try cli.run(importArgs(csv, mapping: mapping, ["--verbose"]))
    #expect(
      verbose.errorLines.last
        == "peili:   (SQLite error 2067: UNIQUE constraint failed: respondent_segment.value)",
      "\(verbose.stderr)")
    #expect(try Data(contentsOf: URL(fileURLWithPath: cli.path("w.db"))) == before)
  }
}
