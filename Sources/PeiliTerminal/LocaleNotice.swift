/// The one-line reason the screen is plain ASCII, shown once at start: under a locale that is
/// not UTF-8 the terminal layer draws the ASCII glyphs and reads keys byte-wise (DESIGN §5),
/// and a user who did not choose that should learn how to get Unicode back.
public enum LocaleNotice {
  /// The notice for a locale whose codeset is `codeset` (`nl_langinfo(CODESET)`), naming the
  /// variable that chose it as the C library does (LC_ALL, then LC_CTYPE, then LANG); nil
  /// under UTF-8.
  public static func text(codeset: String, environment: [String: String]) -> String? {
    let normalized = codeset.uppercased().replacingOccurrences(of: "-", with: "")
    guard normalized != "UTF8" else { return nil }
    let deciding = ["LC_ALL", "LC_CTYPE", "LANG"].first { !(environment[$0] ?? "").isEmpty }
    guard let deciding, let value = environment[deciding] else {
      return "ASCII only: no locale is set (LANG); start peili with LANG=C.UTF-8 for Unicode"
    }
    return "ASCII only: \(deciding)=\(value) is not UTF-8; start peili with \(deciding)=C.UTF-8 for Unicode"
  }
}
