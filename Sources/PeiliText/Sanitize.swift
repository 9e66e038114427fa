/// peili's one sanitiser for untrusted text on its way to a terminal (the screen, stdout,
/// stderr, a report): what it removes, keeps or shows is decided here and nowhere else.
///
/// - C0 and C1 controls, ESC and DEL never pass (line breaks and tabs become spaces on one
///   line, `\n` stays where lines are kept).
/// - Bidi controls (U+202A–U+202E, U+2066–U+2069, the marks U+200E, U+200F, U+061C) and the
///   invisible format characters (zero-width space and non-joiner, word joiner and invisible
///   operators U+2060–U+2064, U+FEFF, soft hyphen, every other `Cf`) are removed: they reorder
///   or hide text and terminals disagree on their width, so rows would shift.
/// - What emoji are made of stays where it makes an emoji: ZWJ (U+200D) in a grapheme that
///   starts with an emoji, VS15/VS16 (U+FE0E/U+FE0F) after a scalar with the Emoji
///   property, tag characters (U+E0020–U+E007F) after U+1F3F4 (the subdivision flags).
///   Elsewhere they go (a keycap's VS16 after an ASCII digit too: terminals disagree on its
///   width), and so do the other variation selectors (U+FE00–U+FE0D, U+E0100–U+E01EF):
///   invisible, and a known way to smuggle hidden text.
public enum TerminalText {
  /// What happens to a line break or tab in the text.
  public enum Breaks: Sendable {
    /// Line breaks and tabs become spaces: one line (screen cells, one-line messages).
    case spaces
    /// `\n` stays (a CR goes, a tab becomes a space): output whose lines are its structure.
    case lines
    /// `\n` and tabs stay (a CR goes): data such as a CSV cell, where both are content.
    case linesAndTabs
  }

  /// What happens to a character that may not reach the terminal.
  enum Unsafe {
    case remove
    /// Written as an escape (`\0`, `\e`, `\u{202E}`), for messages that quote bad input.
    case show
  }

  /// The text made safe to print; clean text comes back as it is.
  public static func sanitize(_ text: String, breaks: Breaks = .spaces) -> String {
    if isPrintableASCII(text) || !needsScalarPass(text) { return text }
    return rebuild(text, breaks: breaks, unsafe: .remove)
  }

  /// The text with every character `sanitize` would remove written visibly as an escape, so
  /// that a message about bad input shows what is there (a NUL, an override, a zero-width space).
  public static func shown(_ text: String) -> String {
    if isPrintableASCII(text) || !needsScalarPass(text) { return text }
    return rebuild(text, breaks: .spaces, unsafe: .show)
  }

  /// Whether `text` holds a character that `sanitize` would change (a tab or line break
  /// included): ids are refused for it instead of being stored.
  public static func hasUnsafeCharacters(_ text: String) -> Bool {
    if isPrintableASCII(text) { return false }
    return needsScalarPass(text) && rebuild(text, breaks: .spaces, unsafe: .remove) != text
  }

  /// Whether `sanitize` may change this scalar (remove it, turn it into a space, or judge it by
  /// the emoji it follows): what a fast path that skips sanitising must not meet.
  @inlinable
  public static func isSuspect(_ scalar: Unicode.Scalar) -> Bool { kind(of: scalar.value) != .plain }

  /// The one-byte-one-column case, most of what is printed: every byte printable ASCII.
  @inline(__always)
  static func isPrintableASCII(_ s: String) -> Bool {
    if let result = s.utf8.withContiguousStorageIfAvailable({ bytes in
      for byte in bytes where byte < 0x20 || byte >= 0x7F { return false }
      return true
    }) {
      return result
    }
    return s.utf8.allSatisfy { $0 >= 0x20 && $0 < 0x7F }
  }

  /// Whether some scalar may have to go: a scan without allocation before the rebuild.
  static func needsScalarPass(_ s: String) -> Bool {
    s.unicodeScalars.contains(where: isSuspect)
  }

  /// A scalar's class, from ranges alone (no Unicode property lookup on the common path).
  @usableFromInline
  enum Kind: Equatable {
    case plain
    case breaking  // tab, LF, CR, U+2028, U+2029
    case control  // other C0, DEL, C1
    case removed  // bidi, zero-width, invisible format characters
    case joiner  // ZWJ: kept inside an emoji sequence
    case presentation  // VS15, VS16: kept after an emoji
    case tag  // U+E0020–U+E007F: kept in a subdivision flag
  }

  @inlinable
  static func kind(of v: UInt32) -> Kind {
    if v < 0xA0 {
      if v >= 0x20 && v < 0x7F { return .plain }
      return v == 0x09 || v == 0x0A || v == 0x0D ? .breaking : .control
    }
    if v < 0x600 { return v == 0xAD ? .removed : .plain }
    switch v {
    case 0x600...0x605, 0x61C, 0x6DD, 0x70F, 0x890...0x891, 0x8E2, 0x180E: return .removed
    case 0x200B, 0x200C, 0x200E, 0x200F, 0x202A...0x202E, 0x2060...0x206F: return .removed
    case 0x200D: return .joiner
    case 0x2028, 0x2029: return .breaking
    case 0xFE00...0xFE0D, 0xFEFF, 0xFFF9...0xFFFB: return .removed
    case 0xFE0E, 0xFE0F: return .presentation
    case 0x110BD, 0x110CD, 0x13430...0x1343F, 0x1BCA0...0x1BCA3, 0x1D173...0x1D17A: return .removed
    case 0xE0000...0xE001F, 0xE0080...0xE01EF: return .removed
    case 0xE0020...0xE007F: return .tag
    default: return .plain
    }
  }

  /// Whether a scalar of `kind` is part of what the grapheme starting with `base` draws.
  static func keeps(_ kind: Kind, base: Unicode.Scalar) -> Bool {
    switch kind {
    case .plain: return true
    case .joiner, .presentation: return base.value >= 0x80 && base.properties.isEmoji
    case .tag: return base.value == 0x1F3F4
    case .breaking, .control, .removed: return false
    }
  }

  static func rebuild(_ text: String, breaks: Breaks, unsafe: Unsafe) -> String {
    var out = String.UnicodeScalarView()
    for ch in text {
      let scalars = ch.unicodeScalars
      guard let base = scalars.first else { continue }
      for s in scalars {
        let k = kind(of: s.value)
        if keeps(k, base: base) {
          out.append(s)
        } else if unsafe == .show {
          out.append(contentsOf: escape(s).unicodeScalars)
        } else if k == .breaking {
          switch (breaks, s.value) {
          case (.lines, 0x0A), (.linesAndTabs, 0x0A), (.linesAndTabs, 0x09): out.append(s)
          case (.lines, 0x0D), (.linesAndTabs, 0x0D): break
          default: out.append(" ")
          }
        }
      }
    }
    return String(out)
  }

  /// `\0`, `\t`, `\n`, `\r`, `\e` for the usual controls, `\u{…}` for the rest.
  static func escape(_ s: Unicode.Scalar) -> String {
    switch s.value {
    case 0x00: return "\\0"
    case 0x09: return "\\t"
    case 0x0A: return "\\n"
    case 0x0D: return "\\r"
    case 0x1B: return "\\e"
    default: return "\\u{\(String(s.value, radix: 16, uppercase: true))}"
    }
  }
}

extension String {
  /// The text on one line with control, bidi and invisible characters removed (tabs and line
  /// breaks become spaces), so it cannot move the cursor, recolour, retitle the terminal or
  /// reorder and shift what is drawn (see `TerminalText`). Clean text comes back as it is.
  public var sanitizedForTerminal: String { TerminalText.sanitize(self) }

  /// As `sanitizedForTerminal`, but `\n` stays: for output printed line by line.
  public var sanitizedKeepingLines: String { TerminalText.sanitize(self, breaks: .lines) }

  /// The text with what `sanitizedForTerminal` removes written as visible escapes.
  public var shownForTerminal: String { TerminalText.shown(self) }
}
