import PeiliCore

/// The command line's help texts (ArgumentParser's `abstract`, `discussion` and `help`) in
/// another language than English, by their English text: the executable writes each in
/// English and reads it through its `Help.text` when the run's language is not English.
public enum CommandHelp {
  /// A language's help texts by English; English itself has none.
  public static func of(_ language: Language) -> [String: String] {
    switch language {
    case .english: [:]
    case .finnish: finnish
    }
  }

  /// ArgumentParser's own headings and lines in a help message, in the language: they are
  /// whole lines or line starts, so they are replaced where ArgumentParser wrote them.
  public static func headings(_ language: Language) -> [(String, String)] {
    switch language {
    case .english: []
    case .finnish:
      [
        ("OVERVIEW:", "YLEISKUVAUS:"), ("USAGE:", "KÄYTTÖ:"), ("ARGUMENTS:", "ARGUMENTIT:"),
        ("OPTIONS:", "VALITSIMET:"), ("SUBCOMMANDS:", "ALIKOMENNOT:"),
        ("Show help information.", "Näytä ohje."), ("Show the version.", "Näytä versio."),
        ("default:", "oletus:"), ("(values:", "(arvot:"),
        (
          "  See 'peili help <subcommand>' for detailed help.",
          "  Komennon tarkempi ohje: 'peili help <alikomento>'."
        ),
      ]
    }
  }
}
