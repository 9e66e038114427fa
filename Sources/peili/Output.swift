import ArgumentParser
import Foundation
import PeiliCore
import PeiliText

/// The one way the command line writes text: stdout and stderr, sanitised line by line
/// (`TerminalText`, line breaks kept), whatever the text quotes — workspace content, file
/// names, arguments echoed back, ArgumentParser's own messages.
enum Output {
  /// Writes `text` to stdout as it is but for what may not reach a terminal.
  static func standard(_ text: String) {
    FileHandle.standardOutput.write(Data(text.sanitizedKeepingLines.utf8))
  }

  /// Writes `text` to stderr, as `standard` does.
  static func error(_ text: String) {
    FileHandle.standardError.write(Data(text.sanitizedKeepingLines.utf8))
  }

  /// Parses the command line and runs the command, as `ParsableCommand.main()` does, but with
  /// ArgumentParser's messages (which quote the arguments) through this output: help and
  /// version on stdout, errors and usage on stderr; exits with ArgumentParser's code.
  static func main(_ command: any ParsableCommand.Type) -> Never {
    do {
      var parsed = try command.parseAsRoot()
      try parsed.run()
      exit(0)
    } catch {
      let code = command.exitCode(for: error)
      // Help (a clean exit) has ArgumentParser's own headings put in the run's language.
      let message =
        code.isSuccess ? Help.localized(command.fullMessage(for: error)) : command.fullMessage(for: error)
      if !message.isEmpty {
        if code.isSuccess { standard(message + "\n") } else { Output.error(message + "\n") }
      }
      exit(code.rawValue)
    }
  }
}

/// Shadows the standard library's `print` in this module: every `print` of a command goes
/// through `Output`, so none can forget to sanitise.
func print(_ items: Any..., separator: String = " ", terminator: String = "\n") {
  Output.standard(items.map { "\($0)" }.joined(separator: separator) + terminator)
}
