/// A language peili speaks; English is the fallback.
public enum Language: String, Sendable, CaseIterable, Codable {
  case english = "en"
  case finnish = "fi"

  /// The language a tag names — "fi", "fi_FI.UTF-8", "fi-FI", "FI", "en_GB@euro" — or nil for
  /// one peili does not speak ("sv_SE") and for no language at all ("C", "POSIX", "").
  public init?(tag: String) {
    let code = tag.prefix { $0 != "_" && $0 != "-" && $0 != "." && $0 != "@" }.lowercased()
    guard let language = Language(rawValue: code) else { return nil }
    self = language
  }

  /// The language chosen at start: `option` (`--lang`), then `PEILI_LANG`, then the first
  /// language of `LANGUAGE` (a colon list, GNU style) that peili speaks, then the locale
  /// variables `LC_ALL`, `LC_MESSAGES`, `LANG` — the first of them that is set decides, as in
  /// POSIX, so `LC_ALL=C` means English. Parsed here because Foundation's `Locale.current`
  /// is `en_001` on Linux whatever they say, and a server may have no `fi_FI` locale
  /// generated: `LANG=C.UTF-8 LANGUAGE=fi` is Finnish. (gettext ignores `LANGUAGE` under the
  /// C locale; peili does not, or that server could not have Finnish at all.)
  public static func resolve(option: String?, environment: [String: String]) -> Language {
    if let option, let language = Language(tag: option) { return language }
    if let value = environment["PEILI_LANG"], let language = Language(tag: value) { return language }
    if let list = environment["LANGUAGE"] {
      for tag in list.split(separator: ":") {
        if let language = Language(tag: String(tag)) { return language }
      }
    }
    for name in ["LC_ALL", "LC_MESSAGES", "LANG"] {
      if let value = environment[name], !value.isEmpty { return Language(tag: value) ?? .english }
    }
    return .english
  }

  /// The value of `--lang` in a command line (`--lang fi` or `--lang=fi`), read before
  /// ArgumentParser parses it so that even its help is in the language; nothing after `--`.
  public static func option(in arguments: some Sequence<String>) -> String? {
    var found: String?
    var takeNext = false
    for argument in arguments {
      if takeNext {
        found = argument
        takeNext = false
      } else if argument == "--" {
        break
      } else if argument == "--lang" {
        takeNext = true
      } else if argument.hasPrefix("--lang=") {
        found = String(argument.dropFirst("--lang=".count))
      }
    }
    return found
  }
}
