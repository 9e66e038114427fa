import PeiliCore
import PeiliText

/// Writes values as YAML scalars that read back as exactly the same text: plain where YAML
/// cannot mistake them for something else, double-quoted with escapes otherwise.
enum YAMLScalar {
  /// `text` as a scalar, control characters removed (tabs and line breaks become spaces), and
  /// byte-order marks too (YAML readers drop them even when escaped).
  /// `inFlow`: the scalar sits inside `[…]` or `{…}`, where `,` `[` `]` `{` `}` end it.
  static func text(_ text: String, inFlow: Bool = false) -> String {
    let clean = readable(text)
    return needsQuotes(clean, inFlow: inFlow) ? quoted(clean) : clean
  }

  /// The text a scalar can carry: `text` without control characters and byte-order marks.
  static func readable(_ text: String) -> String {
    let clean = text.sanitizedForTerminal
    // Byte-order marks, and the noncharacters U+FFFE/U+FFFF, which YAML does not allow
    // anywhere, not even in a comment (a UTF-16 export full of 0xFFFF units; found by fuzzing).
    func unwanted(_ s: Unicode.Scalar) -> Bool { s == "\u{FEFF}" || s == "\u{FFFE}" || s == "\u{FFFF}" }
    guard clean.unicodeScalars.contains(where: unwanted) else { return clean }
    return String(String.UnicodeScalarView(clean.unicodeScalars.filter { !unwanted($0) }))
  }

  /// A number as it round-trips through `Double(_:)`: whole numbers without a fraction.
  static func number(_ value: Double) -> String {
    if value == value.rounded(), abs(value) < 1e15 { return String(Int(value)) }
    return String(value)
  }

  /// Characters YAML would read past or not at all in a plain scalar, or that reorder or hide
  /// text on screen (bidirectional overrides, byte-order marks): written as `\u` escapes.
  static func needsEscape(_ s: Unicode.Scalar) -> Bool {
    switch s.value {
    case 0x00...0x1F, 0x7F...0x9F, 0x200E, 0x200F, 0x2028, 0x2029, 0x202A...0x202E, 0x2066...0x2069,
      0xFEFF, 0xFFF9...0xFFFB, 0xFFFE, 0xFFFF:
      true
    default: false
    }
  }

  private static let indicators: Set<Unicode.Scalar> = [
    "-", "?", ":", ",", "[", "]", "{", "}", "#", "&", "*", "!", "|", ">", "'", "\"", "%", "@", "`",
  ]
  /// In flow (`{…}`, `[…]`) PyYAML also stops at a `?` anywhere in a plain scalar ("How likely
  /// are you to recommend us?"), so it is quoted too: drafts must read in analysts' scripts.
  private static let flowIndicators: Set<Unicode.Scalar> = [",", "[", "]", "{", "}", ":", "#", "?"]
  /// Plain words YAML 1.1 or 1.2 readers resolve to null or a boolean.
  private static let reserved: Set<String> = [
    "null", "~", "true", "false", "yes", "no", "on", "off", "y", "n", "=", "<<",
  ]

  static func needsQuotes(_ s: String, inFlow: Bool) -> Bool {
    // Judged by scalars, as YAML reads them, never by Characters: "!" or ": " followed by a
    // combining mark is a Character that is neither, yet YAML reads a tag or a mapping value
    // (both found by fuzzing).
    let scalars = s.unicodeScalars
    guard let first = scalars.first, let last = scalars.last else { return true }
    if first.properties.isWhitespace || last.properties.isWhitespace || indicators.contains(first) {
      return true
    }
    func has(_ pair: String) -> Bool { s.utf8.firstRange(of: pair.utf8) != nil }
    if s.utf8.starts(with: "...".utf8) || has(": ") || has(" #") || last == ":" { return true }
    if inFlow && scalars.contains(where: { flowIndicators.contains($0) }) { return true }
    if reserved.contains(s.lowercased()) || looksNumeric(s) { return true }
    return s.unicodeScalars.contains(where: needsEscape)
  }

  /// Numbers, dates, times and the like, which a YAML reader with a schema would not read as text.
  private static func looksNumeric(_ s: String) -> Bool {
    if Double(s.replacingOccurrences(of: "_", with: "")) != nil { return true }
    let lower = s.lowercased()
    if [".inf", "+.inf", "-.inf", ".nan"].contains(lower) { return true }
    let unsigned = lower.hasPrefix("+") || lower.hasPrefix("-") ? String(lower.dropFirst()) : lower
    if unsigned.hasPrefix("0x") || unsigned.hasPrefix("0o") || unsigned.hasPrefix("0b") { return true }
    guard let head = unsigned.first, head.isASCII, head.isNumber || head == "." else { return false }
    return unsigned.allSatisfy { "0123456789-+:._ tz".contains($0) }
  }

  /// A double-quoted scalar: `\` and `"` escaped, characters `needsEscape` names as `\u`/`\U`.
  static func quoted(_ s: String) -> String {
    var out = "\""
    for scalar in s.unicodeScalars {
      switch scalar {
      case "\\": out += "\\\\"
      case "\"": out += "\\\""
      default:
        if needsEscape(scalar) {
          let hex = String(scalar.value, radix: 16, uppercase: true)
          out +=
            scalar.value > 0xFFFF
            ? "\\U" + String(repeating: "0", count: 8 - hex.count) + hex
            : "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
        } else {
          out.unicodeScalars.append(scalar)
        }
      }
    }
    return out + "\""
  }
}
