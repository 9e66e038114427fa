import Foundation

/// The character encoding a survey export was saved in, as detected from its bytes or named
/// with `--encoding`.
public enum SurveyTextEncoding: String, Sendable, Hashable, CaseIterable {
  case utf8 = "UTF-8"
  case utf8BOM = "UTF-8 with BOM"
  case utf16LE = "UTF-16 LE with BOM"
  case utf16BE = "UTF-16 BE with BOM"
  case utf16LENoBOM = "UTF-16 LE"
  case utf16BENoBOM = "UTF-16 BE"
  case windows1252 = "Windows-1252"
  case iso8859_1 = "ISO-8859-1"
  case iso8859_15 = "ISO-8859-15"
  case cp850 = "CP850 (DOS Western Europe)"
  case cp437 = "CP437 (DOS)"
  case macRoman = "Mac Roman"

  /// The names `--encoding` takes, lower case.
  public static let byName: [String: SurveyTextEncoding] = [
    "utf-8": .utf8, "utf8": .utf8, "utf-16le": .utf16LENoBOM, "utf-16be": .utf16BENoBOM,
    "windows-1252": .windows1252, "cp1252": .windows1252, "iso-8859-1": .iso8859_1, "latin1": .iso8859_1,
    "iso-8859-15": .iso8859_15, "latin9": .iso8859_15, "cp850": .cp850, "ibm850": .cp850, "cp437": .cp437,
    "ibm437": .cp437, "mac-roman": .macRoman, "macroman": .macRoman,
  ]

  /// For a single-byte code page: the code points of bytes 0x80–0xFF (nil = undefined).
  var highHalf: [UInt32?]? {
    switch self {
    case .windows1252: SingleByteTables.windows1252
    case .iso8859_1: (0x80...0xFF).map { UInt32($0) }
    case .iso8859_15: SingleByteTables.iso8859_15.map { $0 }
    case .cp850: SingleByteTables.cp850.map { $0 }
    case .cp437: SingleByteTables.cp437.map { $0 }
    case .macRoman: SingleByteTables.macRoman.map { $0 }
    default: nil
    }
  }
}

/// A byte the chosen encoding does not define, replaced with U+FFFD: where it stood.
public struct ReplacedByte: Sendable, Hashable {
  public var line: Int
  public var column: Int
  public var byte: UInt8
}

/// A file's text as UTF-8 bytes (a UTF-8 BOM kept, the reader skips it) and the encoding it
/// came in. Line breaks are carried over one for one, so physical line numbers still match
/// what an editor shows in the original file.
public struct DecodedText: Sendable {
  public var utf8: Data
  public var encoding: SurveyTextEncoding
  /// Bytes the encoding leaves undefined (replaced, never dropped), first ones first.
  public var replaced: [ReplacedByte] = []

  /// With `forced`, that encoding. Else: UTF-16 with a BOM; UTF-8 when the bytes are valid
  /// UTF-8; else the single-byte code page whose reading of the non-ASCII bytes looks most
  /// like the letters of the languages peili's users write (Windows-1252, what Excel writes
  /// for "CSV" in Western Europe; CP850 from DOS tools and old Excel; Mac Roman), judged by
  /// `CodePageScore`.
  public init(_ data: Data, forced: SurveyTextEncoding? = nil) {
    let count = data.count
    let b0 = count > 0 ? data[data.startIndex] : 0
    let b1 = count > 1 ? data[data.startIndex + 1] : 0
    if let forced {
      self.init(data, as: forced)
    } else if count >= 2 && b0 == 0xFF && b1 == 0xFE {
      self.init(data, as: .utf16LE)
    } else if count >= 2 && b0 == 0xFE && b1 == 0xFF {
      self.init(data, as: .utf16BE)
    } else if data.withUnsafeBytes({ CSVReader.firstInvalidUTF8Line($0.bindMemory(to: UInt8.self)) }) == nil {
      self.init(
        data,
        as: count >= 3 && b0 == 0xEF && b1 == 0xBB && data[data.startIndex + 2] == 0xBF ? .utf8BOM : .utf8)
    } else {
      // Windows-1252 unless another code page reads clearly better: a short or plain file
      // (a name or two, a € sign) is what Excel wrote far more often than a DOS program.
      let usual = CodePageScore.of(data, .windows1252)
      let other = [SurveyTextEncoding.cp850, .macRoman].map { ($0, CodePageScore.of(data, $0)) }
        .max { $0.1 < $1.1 }
      self.init(
        data, as: other.map { $0.1 >= usual + CodePageScore.margin ? $0.0 : .windows1252 } ?? .windows1252)
    }
  }

  private init(_ data: Data, as encoding: SurveyTextEncoding) {
    self.encoding = encoding
    switch encoding {
    case .utf8, .utf8BOM: utf8 = data
    case .utf16LE: utf8 = Self.fromUTF16(data.dropFirst(2), bigEndian: false)
    case .utf16BE: utf8 = Self.fromUTF16(data.dropFirst(2), bigEndian: true)
    case .utf16LENoBOM: utf8 = Self.fromUTF16(data, bigEndian: false)
    case .utf16BENoBOM: utf8 = Self.fromUTF16(data, bigEndian: true)
    default:
      (utf8, replaced) = Self.fromSingleByte(data, table: encoding.highHalf ?? [])
    }
  }

  /// UTF-16 code units to UTF-8; an unpaired surrogate becomes U+FFFD.
  static func fromUTF16(_ data: Data, bigEndian: Bool) -> Data {
    let units = data.count / 2
    var out = [UInt16](repeating: 0, count: units)
    data.withUnsafeBytes { raw in
      let p = raw.bindMemory(to: UInt8.self)
      for i in 0..<units {
        let a = UInt16(p[2 * i])
        let b = UInt16(p[2 * i + 1])
        out[i] = bigEndian ? (a << 8 | b) : (b << 8 | a)
      }
    }
    return Data(String(decoding: out, as: UTF16.self).utf8)
  }

  /// A single-byte code page to UTF-8: ASCII as it is, 0x80–0xFF through `table`; an
  /// undefined byte becomes U+FFFD and is reported with its line and column.
  static func fromSingleByte(_ data: Data, table: [UInt32?]) -> (Data, [ReplacedByte]) {
    var out = [UInt8]()
    out.reserveCapacity(data.count + data.count / 8)
    var replaced: [ReplacedByte] = []
    var line = 1
    var column = 1
    data.withUnsafeBytes { raw in
      for byte in raw.bindMemory(to: UInt8.self) {
        defer {
          if byte == 0x0A {
            line += 1
            column = 1
          } else {
            column += 1
          }
        }
        if byte < 0x80 {
          out.append(byte)
          continue
        }
        guard let scalar = table[Int(byte) - 0x80] else {
          if replaced.count < 100 { replaced.append(ReplacedByte(line: line, column: column, byte: byte)) }
          out += [0xEF, 0xBF, 0xBD]
          continue
        }
        if scalar < 0x800 {
          out.append(UInt8(0xC0 | (scalar >> 6)))
          out.append(UInt8(0x80 | (scalar & 0x3F)))
        } else {
          out.append(UInt8(0xE0 | (scalar >> 12)))
          out.append(UInt8(0x80 | ((scalar >> 6) & 0x3F)))
          out.append(UInt8(0x80 | (scalar & 0x3F)))
        }
      }
    }
    return (Data(out), replaced)
  }
}

/// How much a code page's reading of a file's non-ASCII bytes looks like text: letters of the
/// Western and Nordic alphabets score, most of all between ASCII letters ("Pers\u{94}nlich" is
/// "Persönlich" in CP850 but "Pers”nlich" in Windows-1252); box drawing, symbols and
/// punctuation inside words, and undefined bytes count against it.
enum CodePageScore {
  /// How much better than Windows-1252 another code page must read to be chosen.
  static let margin = 3
  static let commonLetters = Set("äöåüéèàçñßÄÖÅÜÉÈÀÇÑëïôûâêîùúóíáæøœÆØŒ".unicodeScalars.map(\.value))

  static func of(_ data: Data, _ encoding: SurveyTextEncoding) -> Int {
    guard let table = encoding.highHalf else { return Int.min }
    var score = 0
    data.withUnsafeBytes { raw in
      let bytes = raw.bindMemory(to: UInt8.self)
      for (i, byte) in bytes.enumerated() where byte >= 0x80 {
        func asciiLetter(_ j: Int) -> Bool {
          j >= 0 && j < bytes.count && ((bytes[j] | 0x20) >= 0x61 && (bytes[j] | 0x20) <= 0x7A)
        }
        let inWord = asciiLetter(i - 1) || asciiLetter(i + 1)
        let afterLower = i > 0 && bytes[i - 1] >= 0x61 && bytes[i - 1] <= 0x7A
        guard let scalar = table[Int(byte) - 0x80], let char = Unicode.Scalar(scalar) else {
          score -= 4
          continue
        }
        if char.properties.isAlphabetic {
          // A capital straight after a small letter ("cafÈ") is a misreading, not a word.
          if char.properties.isUppercase && afterLower {
            score -= 2
          } else if commonLetters.contains(scalar) {
            score += inWord ? 4 : 2
          } else {
            score += inWord ? 1 : 0
          }
        } else if scalar < 0xA0 {
          score -= 6  // a C1 control
        } else {
          score -= inWord ? 3 : 1
        }
      }
    }
    return score
  }
}

/// The high halves of the single-byte code pages (bytes 0x80–0xFF), from the code pages'
/// published tables (generated with Python's codecs).
enum SingleByteTables {
  /// Windows-1252: the five unassigned bytes (0x81, 0x8D, 0x8F, 0x90, 0x9D) are undefined.
  static let windows1252: [UInt32?] =
    [
      0x20AC, nil, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160, 0x2039, 0x0152,
      nil, 0x017D, nil, nil, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014, 0x02DC, 0x2122,
      0x0161, 0x203A, 0x0153, nil, 0x017E, 0x0178,
    ] + (0xA0...0xFF).map { UInt32($0) }
  static let cp850: [UInt32] = [
    0x00C7, 0x00FC, 0x00E9, 0x00E2, 0x00E4, 0x00E0, 0x00E5, 0x00E7, 0x00EA, 0x00EB, 0x00E8, 0x00EF,
    0x00EE, 0x00EC, 0x00C4, 0x00C5, 0x00C9, 0x00E6, 0x00C6, 0x00F4, 0x00F6, 0x00F2, 0x00FB, 0x00F9,
    0x00FF, 0x00D6, 0x00DC, 0x00F8, 0x00A3, 0x00D8, 0x00D7, 0x0192, 0x00E1, 0x00ED, 0x00F3, 0x00FA,
    0x00F1, 0x00D1, 0x00AA, 0x00BA, 0x00BF, 0x00AE, 0x00AC, 0x00BD, 0x00BC, 0x00A1, 0x00AB, 0x00BB,
    0x2591, 0x2592, 0x2593, 0x2502, 0x2524, 0x00C1, 0x00C2, 0x00C0, 0x00A9, 0x2563, 0x2551, 0x2557,
    0x255D, 0x00A2, 0x00A5, 0x2510, 0x2514, 0x2534, 0x252C, 0x251C, 0x2500, 0x253C, 0x00E3, 0x00C3,
    0x255A, 0x2554, 0x2569, 0x2566, 0x2560, 0x2550, 0x256C, 0x00A4, 0x00F0, 0x00D0, 0x00CA, 0x00CB,
    0x00C8, 0x0131, 0x00CD, 0x00CE, 0x00CF, 0x2518, 0x250C, 0x2588, 0x2584, 0x00A6, 0x00CC, 0x2580,
    0x00D3, 0x00DF, 0x00D4, 0x00D2, 0x00F5, 0x00D5, 0x00B5, 0x00FE, 0x00DE, 0x00DA, 0x00DB, 0x00D9,
    0x00FD, 0x00DD, 0x00AF, 0x00B4, 0x00AD, 0x00B1, 0x2017, 0x00BE, 0x00B6, 0x00A7, 0x00F7, 0x00B8,
    0x00B0, 0x00A8, 0x00B7, 0x00B9, 0x00B3, 0x00B2, 0x25A0, 0x00A0,
  ]
  static let cp437: [UInt32] = [
    0x00C7, 0x00FC, 0x00E9, 0x00E2, 0x00E4, 0x00E0, 0x00E5, 0x00E7, 0x00EA, 0x00EB, 0x00E8, 0x00EF,
    0x00EE, 0x00EC, 0x00C4, 0x00C5, 0x00C9, 0x00E6, 0x00C6, 0x00F4, 0x00F6, 0x00F2, 0x00FB, 0x00F9,
    0x00FF, 0x00D6, 0x00DC, 0x00A2, 0x00A3, 0x00A5, 0x20A7, 0x0192, 0x00E1, 0x00ED, 0x00F3, 0x00FA,
    0x00F1, 0x00D1, 0x00AA, 0x00BA, 0x00BF, 0x2310, 0x00AC, 0x00BD, 0x00BC, 0x00A1, 0x00AB, 0x00BB,
    0x2591, 0x2592, 0x2593, 0x2502, 0x2524, 0x2561, 0x2562, 0x2556, 0x2555, 0x2563, 0x2551, 0x2557,
    0x255D, 0x255C, 0x255B, 0x2510, 0x2514, 0x2534, 0x252C, 0x251C, 0x2500, 0x253C, 0x255E, 0x255F,
    0x255A, 0x2554, 0x2569, 0x2566, 0x2560, 0x2550, 0x256C, 0x2567, 0x2568, 0x2564, 0x2565, 0x2559,
    0x2558, 0x2552, 0x2553, 0x256B, 0x256A, 0x2518, 0x250C, 0x2588, 0x2584, 0x258C, 0x2590, 0x2580,
    0x03B1, 0x00DF, 0x0393, 0x03C0, 0x03A3, 0x03C3, 0x00B5, 0x03C4, 0x03A6, 0x0398, 0x03A9, 0x03B4,
    0x221E, 0x03C6, 0x03B5, 0x2229, 0x2261, 0x00B1, 0x2265, 0x2264, 0x2320, 0x2321, 0x00F7, 0x2248,
    0x00B0, 0x2219, 0x00B7, 0x221A, 0x207F, 0x00B2, 0x25A0, 0x00A0,
  ]
  static let macRoman: [UInt32] = [
    0x00C4, 0x00C5, 0x00C7, 0x00C9, 0x00D1, 0x00D6, 0x00DC, 0x00E1, 0x00E0, 0x00E2, 0x00E4, 0x00E3,
    0x00E5, 0x00E7, 0x00E9, 0x00E8, 0x00EA, 0x00EB, 0x00ED, 0x00EC, 0x00EE, 0x00EF, 0x00F1, 0x00F3,
    0x00F2, 0x00F4, 0x00F6, 0x00F5, 0x00FA, 0x00F9, 0x00FB, 0x00FC, 0x2020, 0x00B0, 0x00A2, 0x00A3,
    0x00A7, 0x2022, 0x00B6, 0x00DF, 0x00AE, 0x00A9, 0x2122, 0x00B4, 0x00A8, 0x2260, 0x00C6, 0x00D8,
    0x221E, 0x00B1, 0x2264, 0x2265, 0x00A5, 0x00B5, 0x2202, 0x2211, 0x220F, 0x03C0, 0x222B, 0x00AA,
    0x00BA, 0x03A9, 0x00E6, 0x00F8, 0x00BF, 0x00A1, 0x00AC, 0x221A, 0x0192, 0x2248, 0x2206, 0x00AB,
    0x00BB, 0x2026, 0x00A0, 0x00C0, 0x00C3, 0x00D5, 0x0152, 0x0153, 0x2013, 0x2014, 0x201C, 0x201D,
    0x2018, 0x2019, 0x00F7, 0x25CA, 0x00FF, 0x0178, 0x2044, 0x20AC, 0x2039, 0x203A, 0xFB01, 0xFB02,
    0x2021, 0x00B7, 0x201A, 0x201E, 0x2030, 0x00C2, 0x00CA, 0x00C1, 0x00CB, 0x00C8, 0x00CD, 0x00CE,
    0x00CF, 0x00CC, 0x00D3, 0x00D4, 0xF8FF, 0x00D2, 0x00DA, 0x00DB, 0x00D9, 0x0131, 0x02C6, 0x02DC,
    0x00AF, 0x02D8, 0x02D9, 0x02DA, 0x00B8, 0x02DD, 0x02DB, 0x02C7,
  ]
  static let iso8859_15: [UInt32] = [
    0x0080, 0x0081, 0x0082, 0x0083, 0x0084, 0x0085, 0x0086, 0x0087, 0x0088, 0x0089, 0x008A, 0x008B,
    0x008C, 0x008D, 0x008E, 0x008F, 0x0090, 0x0091, 0x0092, 0x0093, 0x0094, 0x0095, 0x0096, 0x0097,
    0x0098, 0x0099, 0x009A, 0x009B, 0x009C, 0x009D, 0x009E, 0x009F, 0x00A0, 0x00A1, 0x00A2, 0x00A3,
    0x20AC, 0x00A5, 0x0160, 0x00A7, 0x0161, 0x00A9, 0x00AA, 0x00AB, 0x00AC, 0x00AD, 0x00AE, 0x00AF,
    0x00B0, 0x00B1, 0x00B2, 0x00B3, 0x017D, 0x00B5, 0x00B6, 0x00B7, 0x017E, 0x00B9, 0x00BA, 0x00BB,
    0x0152, 0x0153, 0x0178, 0x00BF, 0x00C0, 0x00C1, 0x00C2, 0x00C3, 0x00C4, 0x00C5, 0x00C6, 0x00C7,
    0x00C8, 0x00C9, 0x00CA, 0x00CB, 0x00CC, 0x00CD, 0x00CE, 0x00CF, 0x00D0, 0x00D1, 0x00D2, 0x00D3,
    0x00D4, 0x00D5, 0x00D6, 0x00D7, 0x00D8, 0x00D9, 0x00DA, 0x00DB, 0x00DC, 0x00DD, 0x00DE, 0x00DF,
    0x00E0, 0x00E1, 0x00E2, 0x00E3, 0x00E4, 0x00E5, 0x00E6, 0x00E7, 0x00E8, 0x00E9, 0x00EA, 0x00EB,
    0x00EC, 0x00ED, 0x00EE, 0x00EF, 0x00F0, 0x00F1, 0x00F2, 0x00F3, 0x00F4, 0x00F5, 0x00F6, 0x00F7,
    0x00F8, 0x00F9, 0x00FA, 0x00FB, 0x00FC, 0x00FD, 0x00FE, 0x00FF,
  ]
}
