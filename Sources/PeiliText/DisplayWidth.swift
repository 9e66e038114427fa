/// Terminal column widths of what `Buffer.put` draws, matching `wcwidth(3)` (a test compares).
///
/// A grapheme is measured after `TerminalText.sanitize` (what it removes takes no column;
/// a tab or line break becomes a space), and its width is that of its first scalar per
/// wcwidth — combining and enclosing marks 0, East Asian Wide/Fullwidth and emoji presentation
/// 2, the rest 1 — except that an emoji followed by VS16 (U+FE0F) is 2, as terminals draw it.
/// So a ZWJ sequence, a skin tone or a flag counts as its first emoji: 2.
public enum DisplayWidth {
  /// The columns one grapheme takes.
  public static func of(_ ch: Character) -> Int {
    // Every printable ASCII base takes one column: the common case, answered without a
    // Unicode property lookup (what can extend an ASCII base is zero-width or removed).
    // (The first byte decides: `Character.isASCII` would compare with CR LF first.)
    guard let scalar = ch.unicodeScalars.first else { return 0 }
    let v = scalar.value
    if v >= 0x20 && v < 0x7F { return 1 }
    if isSimple(v) && ch.unicodeScalars.count == 1 { return 1 }
    if ch.unicodeScalars.contains(where: TerminalText.isSuspect) {
      return TerminalText.sanitize(String(ch)).reduce(0) { $0 + cleanWidth($1) }
    }
    return cleanWidth(ch)
  }

  /// The width of a grapheme that `TerminalText.sanitize` leaves as it is.
  public static func cleanWidth(_ ch: Character) -> Int {
    let scalars = ch.unicodeScalars
    guard let scalar = scalars.first else { return 0 }
    let v = scalar.value
    if v < 0x80 { return 1 }
    if scalars.count == 1 { return isSimple(v) ? 1 : scalarWidth(scalar) }
    // VS16 is kept only after an emoji, which it asks to draw as one; a pair of regional
    // indicators is a flag (one column each by wcwidth, and two for terminals that join them).
    if scalars.contains(where: { $0.value == 0xFE0F }) { return 2 }
    if (0x1F1E6...0x1F1FF).contains(v),
      scalars.dropFirst().first.map({ (0x1F1E6...0x1F1FF).contains($0.value) }) == true
    {
      return 2
    }
    return isSimple(v) ? 1 : scalarWidth(scalar)
  }

  /// The width wcwidth gives a clean scalar on its own: 0, 1 or 2.
  static func scalarWidth(_ scalar: Unicode.Scalar) -> Int {
    let v = scalar.value
    // Ranges first (CJK text is answered without a property lookup), then the properties.
    switch v {
    // Hangul medial vowels and final consonants join the syllable before them; the marks
    // inside the wide blocks below.
    case 0x1160...0x11FF, 0xD7B0...0xD7FF, 0x302A...0x302D, 0x3099...0x309A, 0x16FE4: return 0
    case 0x1100...0x115F, 0x2329...0x232A, 0x2E80...0x303E, 0x3041...0x33FF, 0x3400...0x4DFF, 0x4E00...0x9FFF,
      0xA000...0xA4CF, 0xA960...0xA97F, 0xAC00...0xD7A3, 0xF900...0xFAFF, 0xFE10...0xFE19, 0xFE30...0xFE6F,
      0xFF00...0xFF60, 0xFFE0...0xFFE6, 0x16FE0...0x16FE3, 0x16FF0...0x16FF1, 0x17000...0x18CFF,
      0x18D00...0x18D08, 0x1AFF0...0x1B2FF, 0x1F200...0x1F265, 0x20000...0x2FFFD, 0x30000...0x3FFFD:
      return 2
    // A regional indicator alone is one column (see `cleanWidth` for a flag).
    case 0x1F1E6...0x1F1FF: return 1
    default: break
    }
    let p = scalar.properties
    switch p.generalCategory {
    case .nonspacingMark, .enclosingMark, .format: return 0
    default: break
    }
    // Emoji drawn as emoji by default (U+231A, U+2705, U+1F600 …) are wide.
    return p.isEmojiPresentation ? 2 : 1
  }

  /// The columns `Buffer.put` takes for `s`.
  public static func of(_ s: String) -> Int {
    // Printable ASCII (most of what the screens draw): one column per byte.
    if allBytes(of: s, { $0 >= 0x20 && $0 < 0x7F }) { return s.utf8.count }
    if s.unicodeScalars.allSatisfy({ isSimple($0.value) }) { return s.unicodeScalars.count }
    // As `Buffer.put` draws it: sanitised as a whole, then grapheme by grapheme.
    return TerminalText.sanitize(s).reduce(0) { $0 + cleanWidth($1) }
  }

  /// Whether every UTF-8 byte of `s` passes `test`, read from the string's own storage.
  // Inlinable: `Buffer.put` (another module) asks this for every span it draws.
  @inlinable
  public static func allBytes(of s: String, _ test: (UInt8) -> Bool) -> Bool {
    if let result = s.utf8.withContiguousStorageIfAvailable({ bytes in
      for byte in bytes where !test(byte) { return false }
      return true
    }) {
      return result
    }
    return s.utf8.allSatisfy(test)
  }

  /// Whether a scalar is always a character of its own, one column wide, and safe to draw:
  /// printable ASCII, Latin-1 to IPA (without the soft hyphen), punctuation (without the
  /// zero-width, bidi and format characters), arrows, symbols, box drawing, blocks and shapes
  /// (without the few drawn as wide emoji). None of these joins a neighbour into one grapheme,
  /// so text made only of them can be drawn scalar by scalar.
  @inlinable
  public static func isSimple(_ v: UInt32) -> Bool {
    switch v {
    case 0x20..<0x7F, 0xA0..<0xAD, 0xAE..<0x300, 0x2010..<0x2028, 0x2030..<0x2060, 0x2070..<0x20D0:
      return true
    // Letterlike symbols to math operators, and box drawing, blocks and shapes hold no wide
    // emoji: no table lookup for the bars and frames of every screen.
    case 0x2100..<0x231A, 0x2400..<0x25FD: return true
    case 0x2100..<0x2C00: return !wideSymbols[Int(v - 0x2100)]
    default: return false
    }
  }

  /// Which of U+2100–U+2BFF are two columns wide (⌚, ✅, ⭐ …), looked up once.
  @usableFromInline
  static let wideSymbols: [Bool] = (UInt32(0x2100)..<0x2C00).map { v in
    Unicode.Scalar(v).map { scalarWidth($0) == 2 } ?? false
  }
}
