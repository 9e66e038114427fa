import Foundation

/// The character encoding a survey export was saved in, as detected from its bytes.
public enum SurveyTextEncoding: String, Sendable, Hashable, CaseIterable {
  case utf8 = "UTF-8"
  case utf8BOM = "UTF-8 with BOM"
  case utf16LE = "UTF-16 LE with BOM"
  case utf16BE = "UTF-16 BE with BOM"
  case windows1252 = "Windows-1252"
}

/// A file's text as UTF-8 bytes (a UTF-8 BOM kept, the reader skips it) and the encoding it
/// came in. Line breaks are carried over one for one, so physical line numbers still match
/// what an editor shows in the original file.
public struct DecodedText: Sendable {
  public var utf8: Data
  public var encoding: SurveyTextEncoding

  /// UTF-16 with a BOM, else UTF-8 when the bytes are valid UTF-8, else Windows-1252 (what
  /// Excel writes for "CSV" in Western European locales); Windows-1252 decodes any byte.
  public init(_ data: Data) {
    let count = data.count
    let b0 = count > 0 ? data[data.startIndex] : 0
    let b1 = count > 1 ? data[data.startIndex + 1] : 0
    if count >= 2 && b0 == 0xFF && b1 == 0xFE {
      utf8 = Self.fromUTF16(data, bigEndian: false)
      encoding = .utf16LE
    } else if count >= 2 && b0 == 0xFE && b1 == 0xFF {
      utf8 = Self.fromUTF16(data, bigEndian: true)
      encoding = .utf16BE
    } else if data.withUnsafeBytes({ CSVReader.firstInvalidUTF8Line($0.bindMemory(to: UInt8.self)) }) == nil {
      utf8 = data
      encoding =
        count >= 3 && b0 == 0xEF && b1 == 0xBB && data[data.startIndex + 2] == 0xBF ? .utf8BOM : .utf8
    } else {
      utf8 = Self.fromWindows1252(data)
      encoding = .windows1252
    }
  }

  /// UTF-16 code units after the BOM, to UTF-8; an unpaired surrogate becomes U+FFFD.
  static func fromUTF16(_ data: Data, bigEndian: Bool) -> Data {
    let units = (data.count - 2) / 2
    var out = [UInt16](repeating: 0, count: units)
    data.withUnsafeBytes { raw in
      let p = raw.bindMemory(to: UInt8.self)
      for i in 0..<units {
        let a = UInt16(p[2 + 2 * i])
        let b = UInt16(p[3 + 2 * i])
        out[i] = bigEndian ? (a << 8 | b) : (b << 8 | a)
      }
    }
    return Data(String(decoding: out, as: UTF16.self).utf8)
  }

  /// Windows-1252 to UTF-8: 0x80–0x9F through the code page's table, 0xA0–0xFF as Latin-1.
  static func fromWindows1252(_ data: Data) -> Data {
    var out = [UInt8]()
    out.reserveCapacity(data.count + data.count / 8)
    data.withUnsafeBytes { raw in
      for byte in raw.bindMemory(to: UInt8.self) {
        if byte < 0x80 {
          out.append(byte)
          continue
        }
        let scalar = byte < 0xA0 ? windows1252High[Int(byte) - 0x80] : UInt32(byte)
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
    return Data(out)
  }

  /// Code points of Windows-1252 bytes 0x80–0x9F (the five unassigned bytes map to C1 controls,
  /// as the WHATWG encoding standard does; the importer strips control characters later).
  private static let windows1252High: [UInt32] = [
    0x20AC, 0x81, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160, 0x2039, 0x0152,
    0x8D, 0x017D, 0x8F, 0x90, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014, 0x02DC, 0x2122,
    0x0161, 0x203A, 0x0153, 0x9D, 0x017E, 0x0178,
  ]
}
