import Foundation

/// Why a CSV file could not be read: the physical line (1-based) and what was expected.
public struct CSVError: Error, Hashable, Sendable, CustomStringConvertible {
  public let line: Int
  public let message: String
  public init(line: Int, message: String) {
    self.line = line
    self.message = message
  }
  public var description: String { "line \(line): \(message)" }
}

/// A streaming RFC 4180 reader over the bytes of one UTF-8 file: `"` quoting with `""`
/// escapes, quoted newlines, CRLF or LF, a leading BOM, empty trailing fields. Records are
/// read in place (fields point into the file's bytes) so that a million answers cost no
/// allocation per field; every record and field remembers its physical line for errors.
public final class CSVReader {
  private let storage: UnsafeMutableBufferPointer<UInt8>
  private let bytes: UnsafeMutableBufferPointer<UInt8>
  private var pos: Int
  private var line = 1
  /// Unescaped copies of quoted fields that contained `""`.
  private var scratch: [UInt8] = []
  private var fields: [Field] = []
  /// Physical line on which the current record starts.
  public private(set) var recordLine = 0
  /// For text made from a workbook's sheet (`WorkbookSheet.csv`): the sheet row of each record,
  /// which `recordLine` and every field's line then report instead of the text's own lines.
  var recordRows: [Int]?
  private var recordIndex = 0
  /// How far through the text the reader is, 0…1 (for progress on long imports).
  public var fractionRead: Double { bytes.count == 0 ? 1 : Double(pos) / Double(bytes.count) }

  private struct Field {
    var start: Int
    var end: Int
    var inScratch: Bool
    var quoted: Bool
    var line: Int
  }

  /// The field separator: `,` by default; `;` or tab for files saved that way.
  public let delimiter: UInt8
  /// The decimal mark `integer(_:)` accepts before a fraction of zeros (`4,0`, `4.0`): a comma
  /// when the delimiter is a semicolon (as spreadsheets in Nordic locales write), else a point.
  public let decimalSeparator: UInt8
  private let start: Int

  /// Copies `data`, validates it as UTF-8 (naming the first bad line) and skips a BOM.
  public convenience init(data: Data, delimiter: UInt8 = 0x2C) throws(CSVError) {
    let bad = data.withUnsafeBytes { Self.firstInvalidUTF8Line($0.bindMemory(to: UInt8.self)) }
    if let bad { throw CSVError(line: bad, message: "the file is not valid UTF-8 (save it as UTF-8)") }
    self.init(validatedUTF8: data, delimiter: delimiter)
  }

  /// Copies `data`, already known to be valid UTF-8, and skips a BOM.
  init(validatedUTF8 data: Data, delimiter: UInt8 = 0x2C) {
    let buffer = UnsafeMutableBufferPointer<UInt8>.allocate(capacity: max(data.count, 1))
    _ = buffer.initialize(from: data)
    storage = buffer
    bytes = UnsafeMutableBufferPointer(rebasing: buffer[0..<data.count])
    self.delimiter = delimiter
    decimalSeparator = delimiter == 0x3B ? 0x2C : 0x2E
    var first = 0
    if bytes.count >= 3, bytes[0] == 0xEF, bytes[1] == 0xBB, bytes[2] == 0xBF { first = 3 }
    start = first
    pos = first
    fields.reserveCapacity(64)
  }

  /// Goes back to the first record, so that the header can be read again once the layout is known.
  public func rewind() {
    pos = start
    line = 1
    recordLine = 0
    recordIndex = 0
    fields.removeAll(keepingCapacity: true)
    scratch.removeAll(keepingCapacity: true)
  }

  public convenience init(string: String, delimiter: UInt8 = 0x2C) throws(CSVError) {
    self.init(validatedUTF8: Data(string.utf8), delimiter: delimiter)
  }

  deinit { storage.deallocate() }

  /// True when the file holds no bytes at all besides a BOM and whitespace.
  public var isEmpty: Bool {
    var i = pos
    while i < bytes.count {
      switch bytes[i] {
      case 0x20, 0x09, 0x0A, 0x0D: i += 1
      default: return false
      }
    }
    return true
  }

  /// Number of fields of the current record.
  public var count: Int { fields.count }

  /// Physical line of field `i` of the current record (a quoted newline moves it on).
  public func line(ofField i: Int) -> Int { fields[i].line }

  /// Advances to the next record; false at the end of the file. Blank lines are skipped.
  public func next() throws(CSVError) -> Bool {
    let p = bytes
    let n = p.count
    let delimiter = self.delimiter
    while true {
      guard pos < n else { return false }
      fields.removeAll(keepingCapacity: true)
      scratch.removeAll(keepingCapacity: true)
      if let rows = recordRows, recordIndex < rows.count { line = rows[recordIndex] }
      recordLine = line
      var atRecordEnd = false
      while !atRecordEnd {
        let fieldLine = line
        if pos < n && p[pos] == 0x22 {
          try readQuoted(fieldLine: fieldLine)
        } else {
          let start = pos
          while pos < n {
            let c = p[pos]
            if c == delimiter || c == 0x0A || c == 0x0D { break }
            if c == 0x22 {
              throw CSVError(
                line: line,
                message:
                  "a quote (\") inside an unquoted field: quote the whole field and double inner quotes")
            }
            pos += 1
          }
          fields.append(Field(start: start, end: pos, inScratch: false, quoted: false, line: fieldLine))
        }
        // After a field: comma, line end or end of file.
        if pos >= n {
          atRecordEnd = true
        } else {
          switch p[pos] {
          case delimiter:
            pos += 1
            if pos >= n {
              fields.append(Field(start: pos, end: pos, inScratch: false, quoted: false, line: line))
            }
          case 0x0D:
            pos += 1
            if pos < n && p[pos] == 0x0A { pos += 1 }
            line += 1
            atRecordEnd = true
          case 0x0A:
            pos += 1
            line += 1
            atRecordEnd = true
          default:
            throw CSVError(
              line: line,
              message:
                "expected \(delimiter == 0x2C ? "a comma" : delimiter == 0x3B ? "a semicolon" : "a tab") "
                + "or the end of the line after a closing quote")
          }
        }
      }
      // A blank line (not `""`) is skipped.
      if fields.count == 1 && fields[0].start == fields[0].end && !fields[0].quoted { continue }
      if recordRows != nil {
        // A cell's line breaks do not move the row on.
        recordIndex += 1
        for i in fields.indices { fields[i].line = recordLine }
      }
      return true
    }
  }

  private func readQuoted(fieldLine: Int) throws(CSVError) {
    let p = bytes
    let n = p.count
    pos += 1
    let start = pos
    var copying = false
    var scratchStart = 0
    while true {
      guard pos < n else {
        throw CSVError(line: fieldLine, message: "a quoted field is never closed (missing \")")
      }
      let c = p[pos]
      if c == 0x22 {
        if pos + 1 < n && p[pos + 1] == 0x22 {
          if !copying {
            copying = true
            scratchStart = scratch.count
            scratch.append(contentsOf: p[start..<pos])
          }
          scratch.append(0x22)
          pos += 2
          continue
        }
        if copying {
          fields.append(
            Field(start: scratchStart, end: scratch.count, inScratch: true, quoted: true, line: fieldLine))
        } else {
          fields.append(Field(start: start, end: pos, inScratch: false, quoted: true, line: fieldLine))
        }
        pos += 1
        return
      }
      if c == 0x0A {
        line += 1
      } else if c == 0x0D && !(pos + 1 < n && p[pos + 1] == 0x0A) {
        line += 1
      }
      if copying { scratch.append(c) }
      pos += 1
    }
  }

  /// Calls `body` with the raw bytes of field `i` (valid only during the call).
  public func withField<R>(_ i: Int, _ body: (UnsafeBufferPointer<UInt8>) throws -> R) rethrows -> R {
    let f = fields[i]
    if f.inScratch {
      return try scratch.withUnsafeBufferPointer {
        try body(UnsafeBufferPointer(rebasing: $0[f.start..<f.end]))
      }
    }
    return try body(UnsafeBufferPointer(rebasing: bytes[f.start..<f.end]))
  }

  /// Field `i` as a string (already validated as UTF-8).
  public func string(_ i: Int) -> String {
    withField(i) { String(decoding: $0, as: UTF8.self) }
  }

  /// True when field `i` is empty or only spaces/tabs: a missing value.
  public func isBlank(_ i: Int) -> Bool {
    withField(i) { buf in buf.allSatisfy { $0 == 0x20 || $0 == 0x09 } }
  }

  /// Field `i` as a whole number (surrounding spaces allowed); nil when it is not one.
  public func integer(_ i: Int) -> Int? {
    withField(i) { buf in
      var j = 0
      var k = buf.count
      while j < k && (buf[j] == 0x20 || buf[j] == 0x09) { j += 1 }
      while k > j && (buf[k - 1] == 0x20 || buf[k - 1] == 0x09) { k -= 1 }
      guard j < k else { return nil }
      var negative = false
      if buf[j] == 0x2D || buf[j] == 0x2B {
        negative = buf[j] == 0x2D
        j += 1
      }
      guard j < k, k - j <= 18 else { return nil }
      let digitsStart = j
      var value = 0
      while j < k {
        let d = Int(buf[j]) &- 0x30
        guard d >= 0 && d <= 9 else {
          // A whole number written with a fraction of zeros: "4,0" (decimal comma) or "4.0".
          guard j > digitsStart, buf[j] == decimalSeparator, j + 1 < k,
            buf[(j + 1)..<k].allSatisfy({ $0 == 0x30 })
          else {
            return nil
          }
          break
        }
        value = value * 10 + d
        j += 1
      }
      return negative ? -value : value
    }
  }

  /// The 1-based line of the first invalid UTF-8 sequence, or nil when the text is valid.
  static func firstInvalidUTF8Line(_ p: UnsafeBufferPointer<UInt8>) -> Int? {
    // Fast path: plain ASCII needs no decoding.
    var i = 0
    let n = p.count
    while i < n && p[i] < 0x80 { i += 1 }
    if i == n { return nil }
    var line = 1
    i = 0
    while i < n {
      let b = p[i]
      if b < 0x80 {
        if b == 0x0A {
          line += 1
        }
        i += 1
        continue
      }
      let length: Int
      var lower: UInt8 = 0x80
      var upper: UInt8 = 0xBF
      switch b {
      case 0xC2...0xDF: length = 2
      case 0xE0:
        length = 3
        lower = 0xA0
      case 0xE1...0xEC, 0xEE...0xEF: length = 3
      case 0xED:
        length = 3
        upper = 0x9F
      case 0xF0:
        length = 4
        lower = 0x90
      case 0xF1...0xF3: length = 4
      case 0xF4:
        length = 4
        upper = 0x8F
      default: return line
      }
      guard i + length <= n else { return line }
      guard p[i + 1] >= lower && p[i + 1] <= upper else { return line }
      var k = 2
      while k < length {
        guard p[i + k] >= 0x80 && p[i + k] <= 0xBF else { return line }
        k += 1
      }
      i += length
    }
    return nil
  }
}
