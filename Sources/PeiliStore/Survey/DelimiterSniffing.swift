import Foundation

/// Guesses a CSV file's field separator (comma, semicolon or tab) from its first records: the
/// right one splits every record, quotes respected, into the same number of fields (at least
/// two). Spreadsheets in Nordic locales save "CSV" with semicolons because the comma is their
/// decimal mark; Excel's "Unicode text" is tab-separated.
public enum DelimiterSniffing {
  /// The candidates, in order of preference when several fit equally well.
  public static let candidates: [UInt8] = [0x2C, 0x3B, 0x09]

  /// How a delimiter is named in messages and the inspect output.
  public static func name(_ delimiter: UInt8) -> String {
    switch delimiter {
    case 0x2C: "comma"
    case 0x3B: "semicolon"
    case 0x09: "tab"
    default: "byte \(delimiter)"
    }
  }

  /// The delimiter of `utf8` (a comma when nothing fits better), judged on up to `sample` records.
  public static func sniff(_ utf8: Data, sample: Int = 30) -> UInt8 {
    var best: (delimiter: UInt8, consistent: Bool, fields: Int) = (0x2C, false, 0)
    for candidate in candidates {
      let counts = fieldCounts(utf8, delimiter: candidate, records: sample)
      guard let first = counts.first, first >= 2 else { continue }
      let consistent = counts.allSatisfy { $0 == first }
      // A consistent split beats an inconsistent one; then more fields win.
      if (consistent && !best.consistent) || (consistent == best.consistent && first > best.fields) {
        best = (candidate, consistent, first)
      }
    }
    return best.delimiter
  }

  /// Fields per record of the first `records` complete records (blank lines skipped).
  static func fieldCounts(_ utf8: Data, delimiter: UInt8, records: Int) -> [Int] {
    utf8.withUnsafeBytes { raw in
      let p = raw.bindMemory(to: UInt8.self)
      var i = p.count >= 3 && p[0] == 0xEF && p[1] == 0xBB && p[2] == 0xBF ? 3 : 0
      var counts: [Int] = []
      var fields = 1
      var inQuotes = false
      var empty = true
      while i < p.count && counts.count < records {
        let c = p[i]
        i += 1
        if inQuotes {
          if c == 0x22 { inQuotes = false }  // a doubled "" reopens at once: same count
          continue
        }
        switch c {
        case 0x22:
          inQuotes = true
          empty = false
        case delimiter:
          fields += 1
          empty = false
        case 0x0A, 0x0D:
          if !empty { counts.append(fields) }
          fields = 1
          empty = true
        default:
          empty = false
        }
      }
      // The last record counts only when the file ends inside the sample (it is complete).
      if i >= p.count && !empty && !inQuotes && counts.count < records { counts.append(fields) }
      return counts
    }
  }
}
