import ArgumentParser
import Foundation
import PeiliCore
import PeiliStore

extension Audience: ExpressibleByArgument {}
extension ActionStatus: ExpressibleByArgument {}

/// `peili import`: fills the workspace from files.
struct ImportCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "import",
    abstract: "Import OKRs (YAML) or a survey wave (CSV + mapping) into the workspace.",
    discussion: """
      Imports are all-or-nothing: a file with an error is named with its line and column, \
      and the workspace is left as it was.

      Examples:
        peili import okrs examples/okrs.yaml
        peili import survey examples/survey-customers.csv \\
              --mapping examples/survey-mapping.yaml \\
              --wave 2025-09 --date 2025-09-15 --audience customer
      """,
    subcommands: [ImportOKRsCommand.self, ImportSurveyCommand.self])
}

/// `peili import okrs FILE.yaml`.
struct ImportOKRsCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "okrs",
    abstract: "Import a cycle's objectives, key results and actions from a YAML file.",
    discussion: """
      The format (cycle, themes, objectives with key results and actions) is described in \
      the README; examples/ holds a complete file.

      Examples:
        peili import okrs okrs.yaml
        peili --workspace team.db import okrs 2026.yaml
      """)

  @OptionGroup var global: GlobalOptions

  @Argument(help: ArgumentHelp("The OKR file.", valueName: "file.yaml"))
  var file: String

  func run() throws {
    try reportingFailures {
      let workspace = try Workspace.open(path: global.workspacePath)
      try requireReadable(file)
      let s = try workspace.importOKRs(file: file, by: CurrentUser.name)
      print(
        "Imported \(file): cycle \(s.cycleID), \(s.objectives) objectives, \(s.keyResults) key results, "
          + "\(s.actions) actions.")
    }
  }
}

/// `peili import survey FILE.csv --mapping MAP.yaml --wave NAME …`.
struct ImportSurveyCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "survey",
    abstract: "Import one survey wave of one audience from a CSV file and its mapping.",
    discussion: """
      One row per respondent; the mapping (YAML) names the respondent id column, segment \
      columns, question columns (id, text, theme, scale, nps, outcome) and comment columns. \
      A new wave needs --date. Importing the same wave and audience again needs --replace. \
      Audiences: customer (customers about you), staff (staff about their work and the \
      company), mirror (staff answering the customer questions as they think customers would).

      Examples:
        peili import survey customers.csv --mapping customer-mapping.yaml \\
              --wave 2025-09 --date 2025-09-15 --audience customer
        peili import survey mirror.csv --mapping mirror-mapping.yaml \\
              --wave 2025-09 --audience mirror
        peili import survey customers-fixed.csv --mapping customer-mapping.yaml \\
              --wave 2025-09 --audience customer --replace
      """)

  @OptionGroup var global: GlobalOptions

  @Argument(help: ArgumentHelp("The survey export, one row per respondent.", valueName: "file.csv"))
  var file: String

  @Option(help: ArgumentHelp("The mapping from columns to questions and themes.", valueName: "map.yaml"))
  var mapping: String

  @Option(help: ArgumentHelp("The wave name, e.g. 2025-09.", valueName: "name"))
  var wave: String

  @Option(help: ArgumentHelp("The wave's date (needed when the wave is new).", valueName: "yyyy-mm-dd"))
  var date: String?

  @Option(help: "Who answered.")
  var audience: Audience

  @Flag(help: "Replace an earlier import of the same wave and audience.")
  var replace = false

  func validate() throws {
    if let date, Day(date) == nil {
      throw ValidationError("--date expects a date YYYY-MM-DD, got \"\(date)\"")
    }
    if wave.trimmingCharacters(in: .whitespaces).isEmpty {
      throw ValidationError("--wave expects a name, e.g. 2025-09")
    }
  }

  func run() throws {
    try reportingFailures {
      let workspace = try Workspace.open(path: global.workspacePath)
      try requireReadable(file)
      try requireReadable(mapping)
      let s = try workspace.importSurvey(
        csv: file, mapping: mapping, wave: wave, date: date.flatMap { Day($0) }, audience: audience,
        replace: replace, by: CurrentUser.name)
      var line =
        "Imported \(file): \(s.respondents) \(s.audience.rawValue) respondents, \(s.answers) answers"
        + " (\(s.missing) blank), \(s.comments) comments into wave \(s.waveID)"
      if s.createdWave { line += " (new wave)" }
      if s.replacedRespondents > 0 { line += "; replaced \(s.replacedRespondents) earlier respondents" }
      print(line + ".")
    }
  }
}

/// A missing or unreadable input file is named before the workspace is touched.
func requireReadable(_ path: String) throws {
  var isDirectory: ObjCBool = false
  guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
    throw CommandFailure("\(path): no such file")
  }
  if isDirectory.boolValue { throw CommandFailure("\(path): is a directory, expected a file") }
  guard FileManager.default.isReadableFile(atPath: path) else {
    throw CommandFailure("\(path): permission denied")
  }
}
