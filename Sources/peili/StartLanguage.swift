import Foundation
import PeiliCore

/// The language of this run, decided once at start from `--lang`, `PEILI_LANG` and the
/// locale variables (`Language.resolve`), before ArgumentParser parses: its help texts and
/// messages are read from it.
enum StartLanguage {
  static let current = Language.resolve(
    option: Language.option(in: CommandLine.arguments.dropFirst()),
    environment: ProcessInfo.processInfo.environment)
}
