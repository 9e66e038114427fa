import ArgumentParser
import Foundation
import PeiliApp
import PeiliCore
import PeiliStore

/// `peili demo`: builds the fictional demo workspace and opens it.
struct DemoCommand: ParsableCommand {
  static let defaultPath = "peili-demo.db"

  static let configuration = CommandConfiguration(
    commandName: "demo",
    abstract: Help.text("Build the demo workspace (Latausverkko Oy, an EV charging operator) and open it."),
    discussion: Help.text(
      """
      Writes a fictional but realistic workspace: the OKRs of 2025 and of 2026 (started \
      from 2025, its unfinished actions carried over) and three survey waves a year apart \
      (2024-09, 2025-09, 2026-09) of customers, staff and the staff mirror, so that last \
      year's actions are judged a year later. The default file is ./peili-demo.db (not \
      $PEILI_WORKSPACE, so a real workspace is never replaced by accident). An earlier demo \
      at the path is rebuilt; any other existing file needs --force. In a terminal the \
      dashboard opens; otherwise the path and the report are printed.

      Examples:
        peili demo
        peili demo --workspace /tmp/demo.db --force
        peili demo | less
      """))

  @OptionGroup var global: GlobalOptions

  @Flag(help: Help.text("Overwrite an existing file that is not a peili demo."))
  var force = false

  @Option(help: ArgumentHelp(Help.text("Seed of the demo's random generator."), visibility: .hidden))
  var seed: UInt64 = 2026

  func run() throws {
    try reportingFailures(global) {
      let path = global.workspace.flatMap { $0.isEmpty ? nil : $0 } ?? Self.defaultPath
      try Self.clear(path, force: force)
      let workspace: Workspace
      do {
        workspace = try DemoWorkspace.build(
          at: path, seed: seed, language: StartLanguage.current, by: CurrentUser.name)
      } catch let error as DemoWorkspace.BuildError {
        throw CommandFailure(Self.words(error))
      }
      if DashboardLauncher.stdoutIsTerminal {
        try global.selectCycle(in: workspace)
        try DashboardLauncher.open(workspace, options: global)
      } else {
        print(Self.text.built(path))
        print(Self.text.openHint(path))
        print("")
        print(
          try ReportCommand.render(workspace, format: .markdown, wave: nil, baseline: nil), terminator: "")
      }
    }
  }

  /// Removes an earlier demo at `path`; refuses any other existing file unless `force`.
  static func clear(_ path: String, force: Bool) throws {
    let fm = FileManager.default
    guard fm.fileExists(atPath: path) else { return }
    if !force && !isDemo(path) {
      throw CommandFailure(text.notADemo(path))
    }
    for suffix in ["", "-wal", "-shm"] where fm.fileExists(atPath: path + suffix) {
      try fm.removeItem(atPath: path + suffix)
    }
  }

  static var text: DemoCommandText { .of(StartLanguage.current) }

  /// Why the demo could not be built, in the run's language.
  static func words(_ error: DemoWorkspace.BuildError) -> String {
    switch error {
    case .exists(let path): text.exists(path)
    case .badCycleDates: text.badCycleDates
    }
  }

  /// True only for a peili workspace (checked from the SQLite header first, so a foreign
  /// file is never opened for writing) whose cycle is the demo's.
  static func isDemo(_ path: String) -> Bool {
    guard let handle = FileHandle(forReadingAtPath: path) else { return false }
    let header = (try? handle.read(upToCount: 72)) ?? Data()
    try? handle.close()
    guard header.count == 72, header.starts(with: Data("SQLite format 3\0".utf8)) else { return false }
    let id = header[68..<72].reduce(UInt32(0)) { $0 << 8 | UInt32($1) }
    guard id == 0x7065_696C else { return false }
    guard let workspace = try? Workspace.open(path: path), let snapshot = try? workspace.snapshot() else {
      return false
    }
    return DemoWorkspace.isDemo(snapshot)
  }
}
