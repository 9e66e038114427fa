import ArgumentParser
import Foundation
import PeiliApp
import PeiliCore
import PeiliStore
import PeiliText

/// `peili cycle`: starts a new OKR cycle or lists the workspace's cycles.
struct CycleCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "cycle",
    abstract: Help.text("Start a new OKR cycle (carrying over unfinished actions) or list the cycles."),
    discussion: Help.text(
      """
      A cycle is an OKR period with start and end dates. The dashboard and every command show \
      the cycle running today unless --cycle names another.

      Examples:
        peili cycle list
        peili cycle new 2027 --name "2027" --start 2027-01-01 --end 2027-12-31 \\
              --from 2026
      """),
    subcommands: [CycleNewCommand.self, CycleListCommand.self])
}

/// `peili cycle new ID --name NAME --start DAY --end DAY [--from PREV]`.
struct CycleNewCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "new",
    abstract: Help.text("Start a cycle; with --from, carry over the previous cycle's unfinished actions."),
    discussion: Help.text(
      """
      With --from PREV, every action of PREV that is planned, active or blocked moves to the \
      new cycle with its id, check-ins, history and theme links. The objectives and key \
      results holding them (and the objectives they align under) are copied into the new \
      cycle as <id>-<new cycle id>, e.g. O1-2027. Done and dropped actions stay in PREV, \
      where the Impact screen judges them a year later.

      Everything is one change in the audit trail (`peili history`), attributed to your \
      operating-system user; a refusal leaves the workspace as it was.

      To add the new cycle's own OKRs, export it, edit and import with --update (a plain \
      import replaces the cycle's OKRs, carried-over ones included).

      Examples:
        peili cycle new 2027 --name "2027" --start 2027-01-01 --end 2027-12-31 \\
              --from 2026
        peili cycle new 2027-Q1 --name "Q1 2027" --start 2027-01-01 --end 2027-03-31
        peili export okrs --cycle 2027 > okrs-2027.yaml
        peili import okrs okrs-2027.yaml --update
      """))

  @OptionGroup var global: GlobalOptions

  @Argument(help: ArgumentHelp(Help.text("The new cycle's id, e.g. 2027 or 2027-Q1."), valueName: "id"))
  var id: String

  @Option(help: ArgumentHelp(Help.text("The cycle's name, shown in headers and reports."), valueName: "text"))
  var name: String

  @Option(help: ArgumentHelp(Help.text("The first day of the cycle."), valueName: "YYYY-MM-DD"))
  var start: String

  @Option(help: ArgumentHelp(Help.text("The last day of the cycle."), valueName: "YYYY-MM-DD"))
  var end: String

  @Option(
    help: ArgumentHelp(
      Help.text("A cycle whose unfinished actions (planned, active, blocked) move to the new one."),
      valueName: "id"))
  var from: String?

  func run() throws {
    try reportingFailures(global) {
      // Checked before the workspace is opened: a refusal touches nothing.
      if global.cycle != nil {
        throw CommandFailure(CycleCommandText.of(StartLanguage.current).cycleOptionNew)
      }
      let first = try Self.day(start, option: "--start")
      let last = try Self.day(end, option: "--end")
      if last < first {
        throw CommandFailure(CycleCommandText.of(StartLanguage.current).endBeforeStart(last, first))
      }
      let cycle = Cycle(id: id, name: name, start: first, end: last)
      let workspace = try Workspace.open(path: global.workspacePath, use: .command)
      let summary = try workspace.startCycle(cycle, carryingOverFrom: from, by: CurrentUser.name)
      print(Self.describe(summary))
    }
  }

  /// `text` as a day, or a refusal naming the option and what it expects.
  static func day(_ text: String, option: String) throws -> Day {
    guard let day = Day(text) else {
      throw CommandFailure(CycleCommandText.of(StartLanguage.current).badDate(option, text.shownForTerminal))
    }
    return day
  }

  /// "Started cycle 2027 (2027-01-01 – 2027-12-31); carried over 3 actions from 2026 under 2
  /// objectives (O1-2027, O2-2027)."
  static func describe(
    _ s: CycleStartSummary, text: CycleCommandText = .of(StartLanguage.current)
  ) -> String {
    let started = text.started(s.cycle.id, s.cycle.start, s.cycle.end)
    guard let from = s.from else { return started + "." }
    if s.carriedActions.isEmpty { return text.nothingToCarry(started, from) }
    return text.carried(started, s.carriedActions.count, from, s.objectives)
  }
}

/// `peili cycle list [--format text|json]`.
struct CycleListCommand: ParsableCommand {
  /// Output formats of the list.
  enum Format: String, ExpressibleByArgument, CaseIterable {
    case text, json
  }

  static let configuration = CommandConfiguration(
    commandName: "list",
    abstract: Help.text("List every cycle with its dates and how many objectives and actions it holds."),
    discussion: Help.text(
      """
      Oldest first; `*` marks the cycle running today, the one the dashboard and the other \
      commands show unless --cycle names another. The JSON is an array of \
      {"id", "name", "start", "end"}.

      Examples:
        peili cycle list
        peili cycle list --format json | jq -r '.[].id'
      """))

  @OptionGroup var global: GlobalOptions

  @Option(help: Help.text("Output format."))
  var format: Format = .text

  func run() throws {
    try reportingFailures(global) {
      if global.cycle != nil {
        throw CommandFailure(CycleCommandText.of(StartLanguage.current).cycleOptionList)
      }
      let workspace = try Workspace.open(path: global.workspacePath, use: .reading)
      let cycles = try workspace.cycleOverview()
      switch format {
      case .json: print(Self.json(cycles))
      case .text: print(Self.table(cycles, today: LocalDate.today()), terminator: "")
      }
    }
  }

  static func json(_ cycles: [CycleOverview]) -> String {
    JSONValue.array(
      cycles.map {
        .object([
          "id": .string($0.cycle.id), "name": .string($0.cycle.name),
          "start": .string($0.cycle.start.description), "end": .string($0.cycle.end.description),
        ])
      }
    ).text
  }

  /// Aligned columns, the cycle running today marked with `*` (the one `--cycle` defaults to,
  /// when it is running: a gap between cycles marks none).
  static func table(
    _ cycles: [CycleOverview], today: Day, text: CycleCommandText = .of(StartLanguage.current)
  ) -> String {
    guard !cycles.isEmpty else { return text.noCycles + "\n" }
    let current = CycleChoice.current(on: today).pick(cycles.map(\.cycle))
    let running = current.flatMap { $0.start <= today && today <= $0.end ? $0.id : nil }
    let header = text.columns
    let rows = cycles.map { c in
      [
        c.cycle.id == running ? "*" : "", c.cycle.id.sanitizedForTerminal, c.cycle.name.sanitizedForTerminal,
        text.day(c.cycle.start), text.day(c.cycle.end), String(c.objectives), String(c.actions),
      ]
    }
    var widths = header.map(DisplayWidth.of)
    for row in rows {
      for (i, cell) in row.enumerated() { widths[i] = max(widths[i], DisplayWidth.of(cell)) }
    }
    let numeric: Set<Int> = [5, 6]
    func line(_ cells: [String]) -> String {
      let padded = cells.enumerated().map { i, cell in
        let pad = String(repeating: " ", count: widths[i] - DisplayWidth.of(cell))
        return numeric.contains(i) ? pad + cell : (i == cells.count - 1 ? cell : cell + pad)
      }
      return padded.joined(separator: "  ") + "\n"
    }
    var table = ([line(header)] + rows.map(line)).joined()
    if running != nil { table += text.runningToday + "\n" }
    return table
  }
}
