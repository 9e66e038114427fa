import ArgumentParser
import Foundation
import PeiliCore
import PeiliStore
import PeiliText

extension Audience: ExpressibleByArgument {}
extension ActionStatus: ExpressibleByArgument {}
extension SurveyFormat: ExpressibleByArgument {}

/// `peili import`: fills the workspace from files.
struct ImportCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "import",
    abstract: Help.text("Import OKRs (YAML) or a survey wave (CSV + mapping) into the workspace."),
    discussion: Help.text(
      """
      Imports are all-or-nothing: a file with an error is named with its line and column, \
      and the workspace is left as it was.

      Examples:
        peili import okrs examples/okrs.yaml
        peili import survey examples/survey-customers.csv \\
              --mapping examples/survey-mapping.yaml \\
              --wave 2025-09 --date 2025-09-15 --audience customer
      """),
    subcommands: [ImportOKRsCommand.self, ImportSurveyCommand.self])
}

/// `peili import okrs FILE.yaml`.
struct ImportOKRsCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "okrs",
    abstract: Help.text("Import a cycle's objectives, key results and actions from a YAML file."),
    discussion: Help.text(
      """
      The format (cycle, themes, objectives with key results and actions) is described in \
      the README; examples/ holds a complete file.

      Without --update, the file replaces the cycle's OKRs (items it leaves out are removed); \
      with --update, it is applied as edits by id and left-out items are kept unless --prune. \
      Fields the file leaves out (progress, status, current, done, confidence) keep their values.

      Examples:
        peili import okrs okrs.yaml
        peili --workspace team.db import okrs 2026.yaml
        peili export okrs > okrs.yaml && $EDITOR okrs.yaml && peili import okrs okrs.yaml --update
      """))

  @OptionGroup var global: GlobalOptions

  @Argument(help: ArgumentHelp(Help.text("The OKR file."), valueName: "file.yaml"))
  var file: String

  @Flag(
    help: Help.text(
      """
      Apply the file as edits by id (e.g. an edited `peili export okrs`): add new items, update \
      changed ones, keep items the file leaves out.
      """))
  var update = false

  @Flag(help: Help.text("With --update, also remove the cycle's items that the file leaves out."))
  var prune = false

  func validate() throws {
    if prune && !update {
      throw ValidationError(
        "--prune needs --update (a plain import already removes what the file leaves out)")
    }
  }

  func run() throws {
    try reportingFailures(global) {
      let workspace = try Workspace.open(path: global.workspacePath, use: .command)
      try requireReadable(file)
      let s = try workspace.importOKRs(file: file, by: CurrentUser.name, update: update, prune: prune)
      guard update else {
        print(
          "Imported \(file): cycle \(s.cycleID), \(s.objectives) objectives, \(s.keyResults) key results, "
            + "\(s.actions) actions.")
        return
      }
      var line = "Updated cycle \(s.cycleID) from \(file): \(s.added) added, \(s.changed) changed"
      line += prune ? ", \(s.removed) removed" : ""
      if s.kept > 0 { line += "; kept \(s.kept) items the file leaves out (--prune removes them)" }
      if s.auditRows == 0 { line += "; nothing changed" }
      print(line + ".")
    }
  }
}

/// `peili import survey FILE.csv --mapping MAP.yaml --wave NAME …`.
struct ImportSurveyCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "survey",
    abstract: Help.text("Import one survey wave of one audience from a CSV file and its mapping."),
    discussion: Help.text(
      """
      One row per respondent; the mapping (YAML) names the respondent id column, segment \
      columns, question columns (id, text, theme, scale, nps, outcome) and comment columns. \
      A new wave needs --date. Importing the same wave and audience again needs --replace. \
      Audiences: customer (customers about you), staff (staff about their work and the \
      company), mirror (staff answering the customer questions as they think customers would).

      The file may be peili's CSV or an export as Qualtrics, SurveyMonkey, Google Forms or \
      Typeform give it, or a CSV saved by Excel (semicolons, decimal commas, Windows-1252 or \
      UTF-16), or any of these as an Excel workbook (.xlsx: the first sheet, or --sheet NAME); \
      the layout, encoding and delimiter are detected (--format forces a layout). \
      --inspect prints what was detected and, with --mapping-out, writes a draft mapping in \
      which only the themes are left to fill in. Personal columns (email, names, IP address, \
      location, recipient fields) are never stored.

      Examples:
        peili import survey qualtrics-export.csv --inspect --mapping-out customer-mapping.yaml
        peili import survey responses.xlsx --sheet "Form Responses 1" --inspect
        peili import survey customers.csv --mapping customer-mapping.yaml \\
              --wave 2025-09 --date 2025-09-15 --audience customer
        peili import survey mirror.csv --mapping mirror-mapping.yaml \\
              --wave 2025-09 --audience mirror
        peili import survey customers-fixed.csv --mapping customer-mapping.yaml \\
              --wave 2025-09 --audience customer --replace
      """))

  @OptionGroup var global: GlobalOptions

  @Argument(
    help: ArgumentHelp(
      Help.text("The survey export, one row per respondent: a CSV file or an Excel workbook (.xlsx)."),
      valueName: "file.csv|file.xlsx"))
  var file: String

  @Option(
    help: ArgumentHelp(
      Help.text("The sheet of an Excel workbook to read (default: the first)."), valueName: "name"))
  var sheet: String?

  @Option(
    help: ArgumentHelp(
      Help.text("The mapping from columns to questions and themes (needed unless --inspect)."),
      valueName: "map.yaml"))
  var mapping: String?

  @Option(
    help: ArgumentHelp(Help.text("The wave name, e.g. 2025-09 (needed unless --inspect)."), valueName: "name")
  )
  var wave: String?

  @Option(
    help: ArgumentHelp(Help.text("The wave's date (needed when the wave is new)."), valueName: "yyyy-mm-dd"))
  var date: String?

  @Option(help: Help.text("Who answered (needed unless --inspect)."))
  var audience: Audience?

  @Flag(help: Help.text("Replace an earlier import of the same wave and audience."))
  var replace = false

  @Option(
    help: ArgumentHelp(
      Help.text(
        "The export's layout, instead of detecting it: canonical, qualtrics, surveymonkey, googleforms, "
          + "typeform or excel."), valueName: "layout"))
  var format: SurveyFormat?

  @Option(
    help: ArgumentHelp(
      Help.text(
        "The file's character encoding, instead of detecting it: utf-8, windows-1252, iso-8859-1, iso-8859-15, "
          + "cp850, cp437, mac-roman, utf-16le or utf-16be."), valueName: "name"))
  var encoding: String?

  /// `--encoding` as peili knows it (validated in `validate`).
  var textEncoding: SurveyTextEncoding? { encoding.flatMap { SurveyTextEncoding.byName[$0.lowercased()] } }

  @Flag(
    help: Help.text("Keep unfinished responses (Qualtrics Finished = False), which are left out by default."))
  var includeUnfinished = false

  @Flag(
    help: Help.text("Keep survey previews and test responses (Qualtrics), which are left out by default."))
  var includeTest = false

  @Flag(help: Help.text("No progress line on the terminal while a long import reads its rows."))
  var quiet = false

  /// The rows the layout would leave out that the flags keep.
  var keeping: Set<SurveyRowExclusion> {
    Set([includeUnfinished ? .unfinished : nil, includeTest ? .preview : nil].compactMap { $0 })
  }

  @Flag(
    help: Help.text(
      "Print the detected layout, encoding, delimiter, respondents and column kinds; import nothing."))
  var inspect = false

  @Option(
    help: ArgumentHelp(
      Help.text("With --inspect: write a draft mapping to this file."), valueName: "draft.yaml"))
  var mappingOut: String?

  func validate() throws {
    if let date, Day(date) == nil {
      throw ValidationError("--date expects a date YYYY-MM-DD, got \"\(date)\"")
    }
    if let encoding, textEncoding == nil {
      throw ValidationError(
        "--encoding: unknown encoding \"\(encoding)\"; expected one of "
          + SurveyTextEncoding.byName.keys.sorted().joined(separator: ", "))
    }
    if inspect { return }
    if mappingOut != nil { throw ValidationError("--mapping-out goes with --inspect") }
    guard mapping != nil else { throw ValidationError("expected --mapping MAP.yaml (or --inspect)") }
    guard let wave, !wave.trimmingCharacters(in: .whitespaces).isEmpty else {
      throw ValidationError("--wave expects a name, e.g. 2025-09")
    }
    if let bad = UnsafeCharacter.first(in: wave) {
      throw ValidationError("--wave: " + bad.refusal(of: "name", wave))
    }
    guard audience != nil else { throw ValidationError("expected --audience customer|staff|mirror") }
  }

  /// `--inspect`: what the file holds, and a draft mapping when asked.
  func runInspect() throws {
    try reportingFailures(global) {
      try requireReadable(file)
      let inspection = try SurveyInspection.inspect(
        path: file, format: format, encoding: textEncoding, keeping: keeping, sheet: sheet)
      print(inspection.report, terminator: "")
      if let mappingOut {
        guard FileManager.default.createFile(atPath: mappingOut, contents: Data(inspection.draftMapping.utf8))
        else { throw CommandFailure("\(mappingOut): cannot write the draft mapping") }
        print(
          "Wrote the draft mapping \(mappingOut): replace each `theme: TODO` with a theme id, then import.")
      }
    }
  }

  func run() throws {
    if inspect { return try runInspect() }
    guard let mapping, let wave, let audience else {
      throw ValidationError("expected --mapping, --wave and --audience")
    }
    try reportingFailures(global) {
      let workspace = try Workspace.open(path: global.workspacePath, use: .command)
      try requireReadable(file)
      try requireReadable(mapping)
      let progress = ProgressLine("reading \(file)", quiet: quiet)
      defer { progress.finish() }
      let s = try workspace.importSurvey(
        csv: file, mapping: mapping, wave: wave, date: date.flatMap { Day($0) }, audience: audience,
        replace: replace, format: format, encoding: textEncoding, keeping: keeping, sheet: sheet,
        progress: { progress.update($0, count: $1, fraction: $2) }, by: CurrentUser.name)
      progress.finish()
      if let first = s.replacedBytes.first {
        printError(
          "warning: \(file):\(first.line):\(first.column): byte 0x\(String(first.byte, radix: 16, uppercase: true)) "
            + "is not defined in \(s.encoding.rawValue) (\(s.replacedBytes.count) such bytes, replaced with U+FFFD); "
            + "name the file's encoding with --encoding")
      }
      var line =
        "Imported \(file): \(s.respondents) \(s.audience.rawValue) respondents, \(s.answers) answers"
        + " (\(s.missing) blank\(s.missingCodes > 0 ? ", \(s.missingCodes) of them missing codes" : "")), "
        + "\(s.comments) comments into wave \(s.waveID)"
      if s.createdWave { line += " (new wave)" }
      if s.replacedRespondents > 0 { line += "; replaced \(s.replacedRespondents) earlier respondents" }
      if s.format != .canonical || s.workbook != nil {
        line += "; read" + (s.format != .canonical ? " as \(s.format.title)" : "")
        if let book = s.workbook { line += " from sheet \"\(book.sheet)\"" }
      }
      let left = SurveyRowExclusion.allCases.compactMap { r in s.excluded[r].map { "\($0) \(r.rawValue)" } }
      if !left.isEmpty { line += "; left out \(left.joined(separator: ", ")) rows" }
      print(line + ".")
    }
  }
}

/// A missing or unreadable input file is named before the workspace is touched.
func requireReadable(_ path: String) throws {
  // A device, FIFO or directory is named at once (a FIFO would block the read).
  if let problem = InputFile.notRegular(path) { throw CommandFailure("\(path): \(problem)") }
  guard FileManager.default.isReadableFile(atPath: path) else {
    throw CommandFailure("\(path): permission denied")
  }
}
