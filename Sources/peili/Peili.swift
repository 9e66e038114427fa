import ArgumentParser
import Foundation
import PeiliCore
import PeiliStore

/// The `peili` command: with no subcommand it opens the dashboard on the workspace.
struct Peili: ParsableCommand {
  static let version = "0.1.0"

  static let configuration = CommandConfiguration(
    commandName: "peili",
    abstract: Help.text("Hold your OKRs up against the mirror of your customers and your staff."),
    discussion: Help.text(
      """
      With no subcommand, peili opens the dashboard on the workspace (it needs a terminal; \
      scripts use `peili report`). The workspace is --workspace, then $PEILI_WORKSPACE, \
      then ./peili.db.

      Examples:
        peili demo                        build the demo workspace and open it
        peili init                        create an empty ./peili.db
        peili import okrs okrs.yaml
        peili import survey customers.csv --mapping customers.yaml \\
              --wave 2025-09 --date 2025-09-15 --audience customer
        peili report --format json > report.json
        peili checkin A3 --progress 60 --confidence 7 --note "pilot running"
        peili cycle new 2027 --name "2027" --start 2027-01-01 --end 2027-12-31 \\
              --from 2026
        peili --workspace team.db --theme light
      """),
    version: "peili \(version)",
    subcommands: [
      InitCommand.self, DemoCommand.self, ImportCommand.self, ReportCommand.self, CheckInCommand.self,
      CycleCommand.self, ReviewCommand.self, HistoryCommand.self, ExportCommand.self,
      TerminalTestCommand.self,
    ])

  @OptionGroup var global: GlobalOptions

  func run() throws {
    try reportingFailures(global) {
      try DashboardLauncher.requireTerminal()
      let workspace = try Workspace.open(path: global.workspacePath)
      try global.selectCycle(in: workspace)
      try DashboardLauncher.open(workspace, options: global)
    }
  }
}
