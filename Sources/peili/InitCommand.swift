import ArgumentParser
import Foundation
import PeiliApp
import PeiliStore

/// `peili init`: creates an empty workspace file.
struct InitCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "init",
    abstract: Help.text("Create an empty workspace."),
    discussion: Help.text(
      """
      Creates the workspace file (--workspace, then $PEILI_WORKSPACE, then ./peili.db) with \
      mode 0666 minus your umask. An existing file is never changed, except by --group.

      --group shares the workspace with a team: the file and the -wal and -shm files SQLite \
      keeps beside it get that group and group read and write, whatever anyone's umask \
      (a command over ssh reads no shell profile). peili keeps it so from then on. Given for \
      an existing workspace you own, it shares that one.

      Examples:
        peili init
        peili init --workspace /srv/peili/leadership.db --group okr
        peili --workspace /srv/peili/leadership.db init --group okr   # share an existing one
      """))

  @OptionGroup var global: GlobalOptions

  @Option(
    help: ArgumentHelp(
      Help.text("Share the workspace with this group (group read and write)."), valueName: "group"))
  var group: String?

  func run() throws {
    try reportingFailures(global) {
      let text = InitCommandText.of(StartLanguage.current)
      let path = global.workspacePath
      let exists = FileManager.default.fileExists(atPath: path)
      if exists && group == nil {
        throw CommandFailure(text.exists(path))
      }
      _ = try Workspace.open(path: path, create: !exists, use: exists ? .reading : .command)
      if let group {
        try Workspace.share(path: path, group: group)
        print(exists ? text.shared(path, group) : text.createdShared(path, group))
      } else {
        print(text.created(path))
      }
      if !exists { print(text.next(path)) }
    }
  }
}
