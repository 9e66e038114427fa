/// The first character of a text that `TerminalText.sanitize` would change, and where: ids
/// peili stores (waves, segments and their values, units, questions, themes, objectives, key
/// results, actions) are shown and matched as given, so one holding such a character is
/// refused at import and on the command line rather than stored raw or silently changed.
public struct UnsafeCharacter: Hashable, Sendable {
  /// What the character does to a terminal.
  public enum Kind: String, Sendable {
    /// C0/C1, ESC, DEL, tab and line breaks.
    case control
    /// U+202A–U+202E, U+2066–U+2069 and the marks U+200E, U+200F, U+061C.
    case bidi
    /// Zero-width and other invisible format characters.
    case invisible
  }

  public let scalar: Unicode.Scalar
  public let kind: Kind
  /// The 1-based position of the character in the text.
  public let position: Int

  /// The character written visibly (`\e`, `\0`, `\u{202E}`).
  public var shown: String { TerminalText.escape(scalar) }

  /// The first unsafe character of `text`, or nil when it is clean.
  public static func first(in text: String) -> UnsafeCharacter? {
    if TerminalText.isPrintableASCII(text) || !TerminalText.needsScalarPass(text) { return nil }
    for (i, ch) in text.enumerated() {
      guard let base = ch.unicodeScalars.first else { continue }
      for s in ch.unicodeScalars {
        let k = TerminalText.kind(of: s.value)
        if TerminalText.keeps(k, base: base) { continue }
        return UnsafeCharacter(scalar: s, kind: kind(k, s.value), position: i + 1)
      }
    }
    return nil
  }

  static func kind(_ k: TerminalText.Kind, _ v: UInt32) -> Kind {
    switch k {
    case .breaking, .control: return .control
    default:
      switch v {
      case 0x202A...0x202E, 0x2066...0x2069, 0x200E, 0x200F, 0x61C: return .bidi
      default: return .invisible
      }
    }
  }
}
