import ArgumentParser
import PeiliApp

/// The help texts of the commands in the run's language (`StartLanguage`): each is written in
/// English where it is declared and looked up in the language's `CommandHelp` table.
enum Help {
  static let table = CommandHelp.of(StartLanguage.current)

  /// `english`, or its translation when the run is in another language and has one.
  static func text(_ english: String) -> String { table[english] ?? english }

  /// The same, where ArgumentParser takes an `ArgumentHelp`.
  static func text(_ english: String) -> ArgumentHelp { ArgumentHelp(text(english) as String) }

  /// A help message with ArgumentParser's own headings in the run's language.
  static func localized(_ message: String) -> String {
    CommandHelp.headings(StartLanguage.current).reduce(message) {
      $0.replacingOccurrences(of: $1.0, with: $1.1)
    }
  }
}
