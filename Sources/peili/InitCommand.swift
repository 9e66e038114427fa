import ArgumentParser
import Foundation
import PeiliStore

/// `peili init`: creates an empty workspace file.
struct InitCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "init",
    abstract: "Create an empty workspace.",
    discussion: """
      Creates the workspace file (--workspace, then $PEILI_WORKSPACE, then ./peili.db). \
      An existing file is never touched.

      Examples:
        peili init
        peili init --workspace /srv/peili/leadership.db
      """)

  @OptionGroup var global: GlobalOptions

  func run() throws {
    try reportingFailures {
      let path = global.workspacePath
      if FileManager.default.fileExists(atPath: path) {
        throw CommandFailure("\(path) already exists; peili init only creates new workspaces")
      }
      _ = try Workspace.open(path: path, create: true)
      print("Created the workspace \(path).")
      print("Next: peili --workspace \(path) import okrs FILE.yaml")
    }
  }
}
