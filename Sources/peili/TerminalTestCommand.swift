import ArgumentParser
import Foundation
import PeiliTerminal
import PeiliUI

/// `peili terminal-test` (hidden): the terminal layer's own screen, for checking a terminal
/// (TERM, locale, colours, keys, resize) without a workspace; the end-to-end tests drive it.
struct TerminalTestCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "terminal-test",
    abstract: Help.text("Show a test screen that exercises the terminal (keys, glyphs, colours, resize)."),
    shouldDisplay: false)

  @OptionGroup var global: GlobalOptions

  func run() throws {
    try reportingFailures {
      try DashboardLauncher.requireTerminal()
      let (theme, warning) = PeiliUI.Theme.loadOrDefault(nameOrPath: global.theme)
      if let warning { printError(warning) }
      let code = try TerminalSelfTest.run(theme: theme, noColor: false)
      if code != 0 { throw ExitCode(code) }
    }
  }
}
