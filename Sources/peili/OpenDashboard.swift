import ArgumentParser
import Foundation
import PeiliApp
import PeiliStore
import PeiliTerminal
import PeiliUI

/// Opens the dashboard on a workspace, or explains why it cannot (no terminal).
enum DashboardLauncher {
  static var notATerminal: String { DashboardCommandText.of(StartLanguage.current).notATerminal }

  static var stdoutIsTerminal: Bool { Terminal.stdoutIsTerminal }

  /// Exits 2 with one line on stderr when stdout is not a terminal.
  static func requireTerminal() throws {
    guard stdoutIsTerminal else {
      printError(notATerminal)
      throw ExitCode(2)
    }
  }

  static func open(_ workspace: Workspace, options: GlobalOptions) throws {
    let (theme, warning) = PeiliUI.Theme.loadOrDefault(nameOrPath: options.theme)
    if let warning { printError(warning) }
    let noColor = !(ProcessInfo.processInfo.environment["NO_COLOR"] ?? "").isEmpty
    try workspace.deferCheckpointsToIdle()
    let code = try runDashboard(
      store: workspace, theme: theme, noColor: noColor, user: CurrentUser.name,
      warnings: [warning].compactMap { $0 })
    if code != 0 { throw ExitCode(code) }
  }
}
