import ArgumentParser
import Foundation
import PeiliCore
import PeiliStore
import PeiliText

/// Options every peili command accepts: which workspace, which colour theme.
struct GlobalOptions: ParsableArguments {
  @Option(
    name: .long,
    help: ArgumentHelp(
      Help.text("The workspace file (default: $PEILI_WORKSPACE, then ./peili.db)."), valueName: "path"))
  var workspace: String?

  @Option(
    name: .long,
    help: ArgumentHelp(
      Help.text("Colour theme for the dashboard: a built-in name or a .toml file."), valueName: "name|path"))
  var theme: String?

  @Option(
    name: .long,
    help: ArgumentHelp(
      Help.text("The OKR cycle to show (default: the current one by date)."), valueName: "id"))
  var cycle: String?

  @Flag(name: .long, help: Help.text("On a failure, also print the underlying library error."))
  var verbose = false

  // Read before parsing (`StartLanguage`); declared here so that it is documented and checked.
  @Option(
    name: .long,
    help: ArgumentHelp(
      Help.text(
        "The language: fi or en (default: $PEILI_LANG, then $LANGUAGE, $LC_ALL, $LC_MESSAGES, $LANG)."),
      valueName: "fi|en"))
  var lang: Language?

  /// Points `workspace` at `--cycle` (checked against the cycles it has, before any screen
  /// opens), else at the cycle running today.
  func selectCycle(in workspace: Workspace, today: Day = LocalDate.today()) throws {
    if let cycle {
      let known = try workspace.cycles().map(\.id)
      guard known.contains(cycle) else {
        throw StoreError.unknownCycle(
          id: cycle.sanitizedForTerminal, known: known.map(\.sanitizedForTerminal))
      }
      workspace.select(cycle: .id(cycle))
    } else {
      workspace.select(cycle: .current(on: today))
    }
  }

  /// The workspace path: `--workspace`, then `$PEILI_WORKSPACE`, then `./peili.db`.
  var workspacePath: String {
    WorkspaceLocation.resolve(option: workspace, environment: ProcessInfo.processInfo.environment)
  }
}

extension Language: ExpressibleByArgument {}

/// Where the workspace file is, by the documented precedence.
enum WorkspaceLocation {
  static let defaultPath = "peili.db"

  static func resolve(option: String?, environment: [String: String]) -> String {
    // An empty --workspace is a mistake to name (Workspace.open refuses it), not a default.
    if let option { return option }
    if let env = environment["PEILI_WORKSPACE"], !env.isEmpty { return env }
    return defaultPath
  }
}
