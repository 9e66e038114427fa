/// Terminal column widths of characters (East Asian wide = 2, combining = 0).
public enum DisplayWidth {
  public static func of(_ ch: Character) -> Int {
    // Every ASCII character (controls are drawn as "?") takes one column: the common case,
    // answered without the Unicode property lookup.
    // (The first byte decides: `Character.isASCII` would compare with CR LF first.)
    guard let scalar = ch.unicodeScalars.first else { return 0 }
    if scalar.value < 0x80 { return 1 }
    let v = scalar.value
    if isControl(ch) { return 1 }  // drawn as "?"
    // Latin-1, Latin Extended, IPA (below the combining marks at U+0300), punctuation,
    // arrows, box drawing, blocks and shapes (U+2000–U+2BFF but the combining marks for
    // symbols at U+20D0–U+20FF): one column, no property lookup needed.
    if v < 0x300 || (0x2000..<0x20D0).contains(v) || (0x2100..<0x2C00).contains(v) { return 1 }
    return fullWidth(ch)
  }

  /// The width by the character's Unicode properties, without the fast paths of `of(_:)`
  /// (which must agree with it: a test compares them for every scalar).
  static func fullWidth(_ ch: Character) -> Int {
    guard let scalar = ch.unicodeScalars.first else { return 0 }
    let v = scalar.value
    if isControl(ch) { return 1 }  // drawn as "?"
    if scalar.properties.generalCategory == .nonspacingMark { return 0 }
    if (0x1100...0x115F).contains(v) || (0x2E80...0xA4CF).contains(v) || (0xAC00...0xD7A3).contains(v)
      || (0xF900...0xFAFF).contains(v) || (0xFE30...0xFE4F).contains(v) || (0xFF00...0xFF60).contains(v)
      || (0xFFE0...0xFFE6).contains(v) || (0x1F300...0x1F64F).contains(v) || (0x1F900...0x1F9FF).contains(v)
      || (0x20000...0x3FFFD).contains(v)
    {
      return 2
    }
    return 1
  }

  public static func of(_ s: String) -> Int {
    // ASCII text (most of what the screens draw): one column per byte; CR is left out as
    // CR LF is one character.
    if allBytes(of: s, { $0 < 0x80 && $0 != 0x0D }) { return s.utf8.count }
    if s.unicodeScalars.allSatisfy({ isSimple($0.value) }) { return s.unicodeScalars.count }
    return s.reduce(0) { $0 + of($1) }
  }

  /// Whether every UTF-8 byte of `s` passes `test`, read from the string's own storage.
  @inline(__always)
  static func allBytes(of s: String, _ test: (UInt8) -> Bool) -> Bool {
    if let result = s.utf8.withContiguousStorageIfAvailable({ bytes in
      for byte in bytes where !test(byte) { return false }
      return true
    }) {
      return result
    }
    return s.utf8.allSatisfy(test)
  }

  /// Whether a scalar is always a character of its own, one column wide: printable ASCII,
  /// Latin-1 to IPA, punctuation (without the zero-width and format characters), arrows,
  /// symbols, box drawing, blocks and shapes. None of these joins a neighbour into one
  /// grapheme, so text made only of them can be drawn scalar by scalar.
  static func isSimple(_ v: UInt32) -> Bool {
    switch v {
    case 0x20..<0x7F, 0xA0..<0x300, 0x2010..<0x2028, 0x2030..<0x2060, 0x2070..<0x20D0, 0x2100..<0x2C00:
      return true
    default: return false
    }
  }

  /// C0, DEL and C1 controls (ESC among them): never sent to the terminal.
  public static func isControl(_ ch: Character) -> Bool {
    ch.unicodeScalars.contains { $0.value < 0x20 || (0x7F...0x9F).contains($0.value) }
  }
}
