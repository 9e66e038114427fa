import Foundation

/// Numbers and dates as people read them in a language, on screen, in Markdown and in
/// messages: English "7.5", "-12", "73%", "2026-03-05"; Finnish "7,5", "−12", "73 %",
/// "5.3.2026". JSON, CSV and YAML never use it: they stay locale-neutral.
public struct Numerals: Sendable, Hashable {
  public let language: Language
  /// Whether the text may hold the minus sign U+2212 (not under an ASCII terminal).
  public let unicode: Bool

  public init(_ language: Language, unicode: Bool = true) {
    self.language = language
    self.unicode = unicode
  }

  /// The sign of a negative number: Finnish writes U+2212, English the hyphen-minus peili
  /// has always printed.
  public var minus: String { language == .finnish && unicode ? "\u{2212}" : "-" }

  /// Between a number and its per cent sign (Finnish writes "73 %"; a plain space, so that
  /// every output and the ASCII fallback treat it alike).
  public var percentSpace: String { language == .finnish ? " " : "" }

  /// The decimal separator.
  public var decimalSeparator: String { language == .finnish ? "," : "." }

  /// A whole number: "−12".
  public func integer(_ n: Int) -> String { n < 0 ? minus + String(n.magnitude) : String(n) }

  /// A rounded number as a whole number.
  public func integer(_ x: Double) -> String { integer(Int(x.rounded())) }

  /// A signed whole number: "+9", "−12", "0".
  public func signed(_ n: Int) -> String { n > 0 ? "+\(n)" : integer(n) }

  /// A rounded number, signed.
  public func signed(_ x: Double) -> String { signed(Int(x.rounded())) }

  /// A number with `digits` decimals, "0.00" (never "-0.00") when it rounds to zero.
  public func decimal(_ x: Double, _ digits: Int) -> String {
    let scale = (0..<max(0, digits)).reduce(1.0) { r, _ in r * 10 }
    let text = String(format: "%.\(max(0, digits))f", (x * scale).rounded() == 0 ? 0 : x)
    return localized(text)
  }

  /// A number with `digits` decimals and a sign: "+0.21", "−0,05".
  public func signedDecimal(_ x: Double, _ digits: Int) -> String {
    let text = decimal(x, digits)
    return x > 0 && text != decimal(0, digits) ? "+" + text : text
  }

  /// A whole per cent: "73%", "73 %".
  public func percent(_ n: Int) -> String { integer(n) + percentSpace + "%" }

  /// A fraction 0…1 as a whole per cent.
  public func percent(fraction: Double) -> String { percent(Int((fraction * 100).rounded())) }

  /// A day: "2026-03-05" in English (as stored), "5.3.2026" in Finnish.
  public func date(_ day: Day) -> String {
    language == .finnish ? "\(day.day).\(day.month).\(day.year)" : day.description
  }

  /// A day and a time of day: "2026-03-05 09:30", "5.3.2026 9.30".
  public func dateTime(_ day: Day, hour: Int, minute: Int) -> String {
    let mm = minute < 10 ? "0\(minute)" : "\(minute)"
    if language == .finnish { return "\(date(day)) \(hour).\(mm)" }
    return "\(day) \(hour < 10 ? "0\(hour)" : "\(hour)"):\(mm)"
  }

  /// A day typed in either form, "2026-03-05" or "5.3.2026" (a dialog takes both, whatever
  /// the language); nil for anything else, impossible dates too.
  public static func day(_ text: String) -> Day? {
    if let day = Day(text) { return day }
    let parts = text.split(separator: ".", omittingEmptySubsequences: false)
    guard parts.count == 3, parts[2].count == 4, parts[0].count <= 2, parts[1].count <= 2,
      parts.allSatisfy({ !$0.isEmpty && $0.allSatisfy { $0.isASCII && $0.isWholeNumber } }),
      let d = Int(parts[0]), let m = Int(parts[1]), let y = Int(parts[2])
    else { return nil }
    return Day(year: y, month: m, day: d)
  }

  /// Numbers written in C's notation ("-7.5", "p 0.031, [-1.2, 3.0]") in this language's: in
  /// Finnish each decimal point between digits is a comma and each minus before a digit U+2212.
  public func localized(_ text: String) -> String {
    guard language == .finnish else { return text }
    let chars = Array(text)
    var out = ""
    for (i, c) in chars.enumerated() {
      let next = i + 1 < chars.count ? chars[i + 1] : " "
      let previous = i > 0 ? chars[i - 1] : " "
      if c == ".", previous.isASCII, previous.isWholeNumber, next.isASCII, next.isWholeNumber {
        out += decimalSeparator
      } else if c == "-", next.isASCII, next.isWholeNumber, !(previous.isLetter || previous.isWholeNumber) {
        out += minus
      } else {
        out.append(c)
      }
    }
    return out
  }

  /// An interval "[-1.2, 3.0]"; Finnish "[−1,2; 3,0]", since its comma is the decimal one.
  public func interval(_ low: String, _ high: String) -> String {
    language == .finnish ? "[\(low); \(high)]" : "[\(low), \(high)]"
  }
}
