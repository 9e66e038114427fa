import ArgumentParser
import Foundation
import PeiliApp
import PeiliCore
import PeiliStore

/// `peili export`: writes the OKRs, a survey wave or the audit trail to standard output.
struct ExportCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "export",
    abstract: Help.text(
      "Write the OKRs (YAML), a survey wave (CSV) or the audit trail (CSV) to standard output."),
    discussion: Help.text(
      """
      Exports read the workspace and change nothing. The OKR export is the import format: edit \
      it and apply the edits with `peili import okrs FILE.yaml --update`.

      Examples:
        peili export okrs > okrs.yaml
        peili import okrs okrs.yaml --update
        peili export survey --format csv --wave 2025-09 --audience customer \\
              --mapping-out customers-mapping.yaml > customers.csv
        peili export audit --format csv > audit.csv
      """),
    subcommands: [
      ExportOKRsCommand.self, ExportSurveyCommand.self, ExportAuditCommand.self, ExportMinutesCommand.self,
    ])
}

/// The text formats `peili export survey` and `peili export audit` write.
enum ExportFormat: String, ExpressibleByArgument, CaseIterable {
  case csv
}

/// `peili export okrs [--cycle ID]`.
struct ExportOKRsCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "okrs",
    abstract: Help.text("Write a cycle's OKRs as YAML in the import format."),
    discussion: Help.text(
      """
      Includes every objective, key result and action with current progress, status, confidence, \
      metric values and theme links. Exporting and importing the file back with --update \
      changes nothing; edit the file to change titles, values or structure. The format is \
      described in docs/okr-format.md.

      Examples:
        peili export okrs > okrs.yaml
        peili export okrs --cycle 2025 > okrs-2025.yaml
      """))

  @OptionGroup var global: GlobalOptions

  func run() throws {
    try reportingFailures(global) {
      let workspace = try Workspace.open(path: global.workspacePath, use: .reading)
      // --cycle ID, else the cycle running today.
      let cycle = try global.cycle ?? CycleChoice.current(on: LocalDate.today()).pick(workspace.cycles())?.id
      writeStandardOutput(try workspace.exportOKRs(cycle: cycle))
    }
  }
}

/// `peili export survey --format csv [--wave W] [--audience A] [--mapping-out FILE]`.
struct ExportSurveyCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "survey",
    abstract: Help.text("Write one wave's raw respondent data as CSV in the canonical survey layout."),
    discussion: Help.text(
      """
      This is raw respondent data: every answer, segment value and comment of every respondent \
      of the wave and audience, without the minimum group size that the dashboard and reports \
      apply. Anyone who can read the workspace file can read this data anyway; share the export \
      no more widely than the workspace itself.

      Columns: the respondent id, the segment columns, one column per question id (a blank is a \
      missing answer) and the comment columns. --mapping-out writes the mapping that imports the \
      CSV back (its first lines show the `peili import survey` command). --wave defaults to the \
      latest wave; --audience may be left out when the wave has only one.

      Spreadsheet safety: a text cell starting with =, +, -, @, a tab or a CR is written with a \
      leading ' so that Excel, LibreOffice or Google Sheets show it instead of running it as a \
      formula (e.g. =HYPERLINK(…) in a comment or a check-in note); a plain number such as -5 \
      stays a number. --raw writes the cells exactly as stored (use it to import the export back \
      byte for byte, never to open it in a spreadsheet).

      Examples:
        peili export survey --format csv --audience customer > customers.csv
        peili export survey --format csv --wave 2025-09 --audience staff \\
              --mapping-out staff-mapping.yaml > staff.csv
      """))

  @OptionGroup var global: GlobalOptions

  @Option(help: Help.text("Output format."))
  var format: ExportFormat = .csv

  @Option(
    help: ArgumentHelp(Help.text("The wave (default: the latest with respondents)."), valueName: "name"))
  var wave: String?

  @Option(help: Help.text("Whose answers (customer, staff or mirror; needed when the wave has several)."))
  var audience: Audience?

  @Flag(
    help: ArgumentHelp(
      Help.text(
        "Write cells exactly as stored, without the leading ' that keeps a spreadsheet from running "
          + "a cell starting with =, +, -, @, a tab or a CR as a formula.")))
  var raw = false

  @Option(
    name: .customLong("mapping-out"),
    help: ArgumentHelp(
      Help.text("Also write the mapping YAML that imports the CSV back."), valueName: "file.yaml"))
  var mappingOut: String?

  func run() throws {
    try reportingFailures(global) {
      let workspace = try Workspace.open(path: global.workspacePath, use: .reading)
      let export = try workspace.exportSurvey(wave: wave, audience: audience, raw: raw)
      if let mappingOut {
        do {
          try Data(export.mapping.utf8).write(to: URL(fileURLWithPath: mappingOut), options: .atomic)
        } catch {
          throw CommandFailure(ExportCommandText.of(StartLanguage.current).cannotWrite(mappingOut))
        }
      }
      writeStandardOutput(export.csv)
    }
  }
}

/// `peili export audit --format csv`.
struct ExportAuditCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "audit",
    abstract: Help.text("Write the whole audit trail, oldest first, as CSV."),
    discussion: Help.text(
      """
      Columns: at (UTC), user, kind (edit, undo, import), entity, entity_id, field, old_value, \
      new_value. Values are quoted as RFC 4180 describes; an empty field is a missing value.

      Spreadsheet safety: a text cell starting with =, +, -, @, a tab or a CR is written with a \
      leading ' so that Excel, LibreOffice or Google Sheets show it instead of running it as a \
      formula (e.g. =HYPERLINK(…) in a comment or a check-in note); a plain number such as -5 \
      stays a number. --raw writes the cells exactly as stored (use it to import the export back \
      byte for byte, never to open it in a spreadsheet).

      Examples:
        peili export audit --format csv > audit.csv
      """))

  @OptionGroup var global: GlobalOptions

  @Option(help: Help.text("Output format."))
  var format: ExportFormat = .csv

  @Flag(
    help: ArgumentHelp(
      Help.text(
        "Write cells exactly as stored, without the leading ' that keeps a spreadsheet from running "
          + "a cell starting with =, +, -, @, a tab or a CR as a formula.")))
  var raw = false

  func run() throws {
    try reportingFailures(global) {
      let workspace = try Workspace.open(path: global.workspacePath, use: .reading)
      writeStandardOutput(try workspace.exportAuditCSV(raw: raw))
    }
  }
}

/// Writes exported text to standard output exactly as given (no added newline).
private func writeStandardOutput(_ text: String) {
  FileHandle.standardOutput.write(Data(text.utf8))
}
