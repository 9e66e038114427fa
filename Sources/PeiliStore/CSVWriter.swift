import PeiliCore
import PeiliText

/// Builds RFC 4180 CSV text: comma-separated fields, CRLF after every record, a field quoted
/// with `"` (doubled inside) when it holds a comma, a quote, a line break or edge spaces.
struct CSVWriter {
  /// How cells are written: safe to open in a spreadsheet, or exactly as stored.
  enum Cells: Sendable {
    /// A text cell starting with `=`, `+`, `-`, `@`, a tab or a line break gets a leading `'`, so a
    /// spreadsheet shows it instead of running it as a formula (OWASP's advice on CSV
    /// injection); a cell that is a plain number (`-5`, `+0.25`, `1e-3`) stays a number.
    /// Bidi and invisible characters are removed, as for a terminal.
    case safe
    /// Cells as stored, for a byte-identical round trip through `peili import survey`.
    case raw
  }

  let cells: Cells
  private(set) var text = ""

  init(cells: Cells = .safe) { self.cells = cells }

  mutating func record(_ fields: [String]) {
    text += fields.map { Self.field($0, cells: cells) }.joined(separator: ",")
    text += "\r\n"
  }

  /// One field, quoted where needed. Control characters are dropped (line breaks and tabs are
  /// kept, a line break always as LF inside the quotes), so an export viewed in a terminal or
  /// opened elsewhere cannot carry escape sequences.
  static func field(_ value: String, cells: Cells = .safe) -> String {
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
    var text = String(clean)
    if cells == .safe {
      text = TerminalText.sanitize(text, breaks: .linesAndTabs)
      // Judged on the cleaned text, as a spreadsheet will see it: "\u{200B}=cmd" loses its
      // zero-width space above and must not then reach a spreadsheet as a formula. A CR that
      // opened the value is a line break by now, and a cell opening with a line break counts
      // as one opening with a CR, however it came (a control character before it is dropped
      // above; found by fuzzing).
      if let first = text.unicodeScalars.first, "=+-@\t\n".unicodeScalars.contains(first),
        !isPlainNumber(text)
      {
        text = "'" + text
      }
    }
    let needsQuotes =
      text.unicodeScalars.contains { $0 == "," || $0 == "\"" || $0 == "\n" }
      || text.first?.isWhitespace == true || text.last?.isWhitespace == true
    guard needsQuotes else { return text }
    // Doubled per scalar: a quote followed by a combining mark is one Character, which a
    // Character-level replace would leave single, ending the field early (found by fuzzing).
    var quoted = String.UnicodeScalarView()
    quoted.append("\"")
    for s in text.unicodeScalars {
      if s == "\"" { quoted.append(s) }
      quoted.append(s)
    }
    quoted.append("\"")
    return String(quoted)
  }

  /// A decimal number and nothing else (sign, digits, fraction, exponent): what a spreadsheet
  /// reads as a number, never as a formula.
  static func isPlainNumber(_ s: String) -> Bool {
    var bytes = s.utf8[...]
    if let sign = bytes.first, sign == UInt8(ascii: "-") || sign == UInt8(ascii: "+") {
      bytes = bytes.dropFirst()
    }
    func digits() -> Int {
      let n = bytes.prefix { $0 >= 0x30 && $0 <= 0x39 }.count
      bytes = bytes.dropFirst(n)
      return n
    }
    var count = digits()
    if bytes.first == UInt8(ascii: ".") {
      bytes = bytes.dropFirst()
      count += digits()
    }
    guard count > 0 else { return false }
    if let e = bytes.first, e == UInt8(ascii: "e") || e == UInt8(ascii: "E") {
      bytes = bytes.dropFirst()
      if let sign = bytes.first, sign == UInt8(ascii: "-") || sign == UInt8(ascii: "+") {
        bytes = bytes.dropFirst()
      }
      guard digits() > 0 else { return false }
    }
    return bytes.isEmpty
  }
}
