import Foundation

/// Question texts as survey tools export them hold HTML (`<strong>`, `<br>`, `&amp;`,
/// `&#8217;`): the draft and the import keep the words only.
enum QuestionText {
  /// `text` without tags, with character references decoded and white space folded.
  static func plain(_ text: String) -> String {
    guard text.contains("<") || text.contains("&") else { return text }
    let untagged = text.replacingOccurrences(of: #"<[^<>]{0,200}>"#, with: " ", options: .regularExpression)
    return decoded(untagged).split(whereSeparator: \.isWhitespace).joined(separator: " ")
  }

  /// The named entities survey tools write (HTML's, for the punctuation and the letters of the
  /// languages peili drafts for); numeric references (`&#8217;`, `&#x2019;`) are decoded whatever
  /// they name, except controls, which become spaces.
  static let named: [String: String] = [
    "amp": "&", "lt": "<", "gt": ">", "quot": "\"", "apos": "'", "nbsp": " ", "ensp": " ", "emsp": " ",
    "thinsp": " ", "shy": "", "zwj": "", "zwnj": "", "lsquo": "\u{2018}", "rsquo": "\u{2019}",
    "sbquo": "\u{201A}", "ldquo": "\u{201C}", "rdquo": "\u{201D}", "bdquo": "\u{201E}", "laquo": "«",
    "raquo": "»", "lsaquo": "‹", "rsaquo": "›", "ndash": "–", "mdash": "—", "hellip": "…", "bull": "•",
    "middot": "·", "copy": "©", "reg": "®", "trade": "™", "deg": "°", "euro": "€", "pound": "£",
    "cent": "¢", "yen": "¥", "sect": "§", "para": "¶", "times": "×", "divide": "÷", "plusmn": "±",
    "frac12": "½", "frac14": "¼", "frac34": "¾", "iquest": "¿", "iexcl": "¡", "auml": "ä", "Auml": "Ä",
    "ouml": "ö", "Ouml": "Ö", "uuml": "ü", "Uuml": "Ü", "aring": "å", "Aring": "Å", "szlig": "ß",
    "eacute": "é", "Eacute": "É", "egrave": "è", "Egrave": "È", "ecirc": "ê", "aacute": "á",
    "Aacute": "Á", "agrave": "à", "acirc": "â", "iacute": "í", "Iacute": "Í", "oacute": "ó",
    "Oacute": "Ó", "uacute": "ú", "Uacute": "Ú", "ntilde": "ñ", "Ntilde": "Ñ", "ccedil": "ç",
    "Ccedil": "Ç", "oslash": "ø", "Oslash": "Ø", "aelig": "æ", "AElig": "Æ", "euml": "ë", "iuml": "ï",
    "ocirc": "ô", "ucirc": "û", "yuml": "ÿ", "scaron": "š", "Scaron": "Š", "zcaron": "ž", "Zcaron": "Ž",
  ]

  /// `text` with `&name;`, `&#NNN;` and `&#xHHHH;` decoded; anything else after `&` stays.
  static func decoded(_ text: String) -> String {
    guard text.contains("&") else { return text }
    var out = ""
    var rest = Substring(text)
    while let amp = rest.firstIndex(of: "&") {
      out += rest[..<amp]
      let after = rest[rest.index(after: amp)...]
      if let semi = after.prefix(12).firstIndex(of: ";"), let value = reference(after[..<semi]) {
        out += value
        rest = after[after.index(after: semi)...]
      } else {
        out += "&"
        rest = after
      }
    }
    return out + rest
  }

  private static func reference(_ name: Substring) -> String? {
    guard name.first == "#" else { return named[String(name)] }
    let digits = name.dropFirst()
    let code: UInt32? =
      digits.first == "x" || digits.first == "X"
      ? UInt32(digits.dropFirst(), radix: 16) : UInt32(digits, radix: 10)
    guard let code, let scalar = Unicode.Scalar(code) else { return nil }
    // A reference to a control or an invisible format character is not a word.
    if scalar.properties.generalCategory == .control || scalar.properties.generalCategory == .format {
      return " "
    }
    return String(Character(scalar))
  }
}
