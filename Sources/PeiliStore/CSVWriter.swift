/// Builds RFC 4180 CSV text: comma-separated fields, CRLF after every record, a field quoted
/// with `"` (doubled inside) when it holds a comma, a quote, a line break or edge spaces.
struct CSVWriter {
  private(set) var text = ""

  mutating func record(_ fields: [String]) {
    text += fields.map(Self.field).joined(separator: ",")
    text += "\r\n"
  }

  /// One field, quoted where needed. Control characters are dropped (line breaks and tabs are
  /// kept, a line break always as LF inside the quotes), so an export viewed in a terminal or
  /// opened elsewhere cannot carry escape sequences.
  static func field(_ value: String) -> String {
    var clean = String.UnicodeScalarView()
    var previousCR = false
    for s in value.unicodeScalars {
      defer { previousCR = s == "\r" }
      switch s.value {
      case 0x0D: clean.append("\n")
      case 0x0A: if !previousCR { clean.append(s) }
      case 0x09: clean.append(s)
      case 0x00...0x1F, 0x7F...0x9F: continue
      default: clean.append(s)
      }
    }
    let text = String(clean)
    let needsQuotes =
      text.unicodeScalars.contains { $0 == "," || $0 == "\"" || $0 == "\n" }
      || text.first?.isWhitespace == true || text.last?.isWhitespace == true
    guard needsQuotes else { return text }
    // Doubled per scalar: a quote followed by a combining mark is one Character, which a
    // Character-level replace would leave single, ending the field early (found by fuzzing).
    var quoted = String.UnicodeScalarView()
    quoted.append("\"")
    for s in clean {
      if s == "\"" { quoted.append(s) }
      quoted.append(s)
    }
    quoted.append("\"")
    return String(quoted)
  }
}
