import PeiliCore

/// The demo company's words (titles, themes, questions, comments, notes) in one language.
/// The demo is written in English and looked up here by its English text, so a translation
/// changes only words: the ids, numbers and seeded answers are the same in every language.
struct DemoWords: Sendable {
  /// The language these words are in.
  let language: Language
  /// Each English text of the demo and its translation; empty for English.
  let table: [String: String]

  /// The words of `language`.
  static func of(_ language: Language) -> DemoWords {
    switch language {
    case .english: .english
    case .finnish: .finnish
    }
  }

  /// English: every text as written.
  static let english = DemoWords(language: .english, table: [:])

  /// `english` in this language; English itself where the table has no entry (the Finnish
  /// comments customers wrote, names), which a test checks is never an English sentence.
  func callAsFunction(_ english: String) -> String { table[english] ?? english }
}
