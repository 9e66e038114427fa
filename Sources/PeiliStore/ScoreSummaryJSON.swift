import Foundation
import PeiliCore

/// Reads the JSON that `JSONEncoder` writes for a `ScoreSummary` (the stored form of
/// `score_cache.summary`) without `JSONDecoder`, which cost about 40 µs a row: a third of
/// `snapshot()` on a workspace with 360 cached scores. Only the plain form is read: an object
/// of exactly the summary's keys, each once, numbers in JSON syntax. Anything else (an unknown
/// or repeated key, a string escape, a missing field) gives nil, and the caller decodes with
/// `JSONDecoder`, whose result or error then stands, so the outcome is JSONDecoder's either way.
enum ScoreSummaryJSON {
  /// The summary in `data`, or nil when it is not in the plain form (see above).
  static func decode(_ data: Data) -> ScoreSummary? {
    data.withUnsafeBytes(decode)
  }

  /// The summary in `bytes`, or nil when it is not in the plain form (see above).
  static func decode(_ bytes: UnsafeRawBufferPointer) -> ScoreSummary? {
    var scanner = JSONScanner(bytes: bytes)
    guard let summary = scanner.summary(), scanner.atEnd() else { return nil }
    return summary
  }
}

/// A forward-only reader over the bytes of one JSON value, for `ScoreSummaryJSON`.
private struct JSONScanner {
  let bytes: UnsafeRawBufferPointer
  var i = 0

  init(bytes: UnsafeRawBufferPointer) { self.bytes = bytes }

  mutating func summary() -> ScoreSummary? {
    var index: SampleSummary?
    var native: SampleSummary??
    var shares: SampleSummary??
    var scale: Scale??
    var counts: [Int?] = [nil, nil, nil, nil, nil]
    var distribution: [Int]?
    let countKeys = ["favourable", "favourableN", "promoters", "detractors", "npsN"]
    let complete = object { key, s in
      switch key {
      case "index":
        guard index == nil else { return false }
        index = s.sample()
        return index != nil
      case "native":
        guard native == nil else { return false }
        native = s.null() ? .some(nil) : s.sample().map { .some($0) }
        return native != nil
      case "favourableShares":
        guard shares == nil else { return false }
        shares = s.null() ? .some(nil) : s.sample().map { .some($0) }
        return shares != nil
      case "scale":
        guard scale == nil else { return false }
        scale = s.null() ? .some(nil) : s.scale().map { .some($0) }
        return scale != nil
      case "distribution":
        guard distribution == nil else { return false }
        distribution = s.integers()
        return distribution != nil
      default:
        guard let k = countKeys.firstIndex(of: key), counts[k] == nil else { return false }
        counts[k] = s.integer()
        return counts[k] != nil
      }
    }
    guard complete, let index, let distribution, let favourable = counts[0], let favourableN = counts[1],
      let promoters = counts[2], let detractors = counts[3], let npsN = counts[4]
    else { return nil }
    return ScoreSummary(
      index: index, native: native ?? nil, scale: scale ?? nil, favourable: favourable,
      favourableN: favourableN, favourableShares: shares ?? nil, promoters: promoters, detractors: detractors,
      npsN: npsN,
      distribution: distribution)
  }

  mutating func sample() -> SampleSummary? {
    var n: Int?
    var mean: Double?
    var m2: Double?
    let complete = object { key, s in
      switch key {
      case "n" where n == nil: n = s.integer(); return n != nil
      case "mean" where mean == nil: mean = s.double(); return mean != nil
      case "m2" where m2 == nil: m2 = s.double(); return m2 != nil
      default: return false
      }
    }
    guard complete, let n, let mean, let m2 else { return nil }
    return SampleSummary(n: n, mean: mean, m2: m2)
  }

  mutating func scale() -> Scale? {
    var min: Int?
    var max: Int?
    let complete = object { key, s in
      switch key {
      case "min" where min == nil: min = s.integer(); return min != nil
      case "max" where max == nil: max = s.integer(); return max != nil
      default: return false
      }
    }
    guard complete, let min, let max else { return nil }
    return Scale(min: min, max: max)
  }

  /// `{ "key": value, … }`, handing each key to `field`, which reads the value; false when
  /// the syntax is off or `field` refuses.
  mutating func object(_ field: (String, inout JSONScanner) -> Bool) -> Bool {
    guard take(UInt8(ascii: "{")) else { return false }
    if take(UInt8(ascii: "}")) { return true }
    repeat {
      guard let key = plainString(), take(UInt8(ascii: ":")), field(key, &self) else { return false }
    } while take(UInt8(ascii: ","))
    return take(UInt8(ascii: "}"))
  }

  mutating func integers() -> [Int]? {
    guard take(UInt8(ascii: "[")) else { return nil }
    var values: [Int] = []
    if take(UInt8(ascii: "]")) { return values }
    repeat {
      guard let v = integer() else { return nil }
      values.append(v)
    } while take(UInt8(ascii: ","))
    return take(UInt8(ascii: "]")) ? values : nil
  }

  /// A string without escapes.
  mutating func plainString() -> String? {
    skipSpace()
    guard i < bytes.count, bytes[i] == UInt8(ascii: "\"") else { return nil }
    let start = i + 1
    var end = start
    while end < bytes.count, bytes[end] != UInt8(ascii: "\"") {
      if bytes[end] == UInt8(ascii: "\\") || bytes[end] < 0x20 { return nil }
      end += 1
    }
    guard end < bytes.count else { return nil }
    i = end + 1
    return String(decoding: UnsafeRawBufferPointer(rebasing: bytes[start..<end]), as: UTF8.self)
  }

  mutating func null() -> Bool {
    skipSpace()
    guard bytes.count - i >= 4, bytes[i] == UInt8(ascii: "n"), bytes[i + 1] == UInt8(ascii: "u"),
      bytes[i + 2] == UInt8(ascii: "l"), bytes[i + 3] == UInt8(ascii: "l")
    else { return false }
    i += 4
    return true
  }

  /// A JSON number without fraction or exponent that fits an Int.
  mutating func integer() -> Int? {
    guard let (token, isInteger) = number(), isInteger else { return nil }
    return Int(token)
  }

  /// A JSON number, parsed as `Double(String)` does (correctly rounded, as JSONDecoder).
  mutating func double() -> Double? {
    guard let (token, _) = number() else { return nil }
    return Double(token)
  }

  /// The next token if it has JSON number syntax: -?(0|[1-9][0-9]*)(.[0-9]+)?([eE][+-]?[0-9]+)?
  private mutating func number() -> (String, Bool)? {
    skipSpace()
    let start = i
    var j = i
    func digits() -> Int {
      let from = j
      while j < bytes.count, bytes[j] >= UInt8(ascii: "0"), bytes[j] <= UInt8(ascii: "9") { j += 1 }
      return j - from
    }
    if j < bytes.count, bytes[j] == UInt8(ascii: "-") { j += 1 }
    let leadingZero = j < bytes.count && bytes[j] == UInt8(ascii: "0")
    let whole = digits()
    guard whole > 0, !(leadingZero && whole > 1) else { return nil }
    var isInteger = true
    if j < bytes.count, bytes[j] == UInt8(ascii: ".") {
      j += 1
      guard digits() > 0 else { return nil }
      isInteger = false
    }
    if j < bytes.count, bytes[j] == UInt8(ascii: "e") || bytes[j] == UInt8(ascii: "E") {
      j += 1
      if j < bytes.count, bytes[j] == UInt8(ascii: "+") || bytes[j] == UInt8(ascii: "-") { j += 1 }
      guard digits() > 0 else { return nil }
      isInteger = false
    }
    i = j
    return (String(decoding: UnsafeRawBufferPointer(rebasing: bytes[start..<j]), as: UTF8.self), isInteger)
  }

  mutating func take(_ byte: UInt8) -> Bool {
    skipSpace()
    guard i < bytes.count, bytes[i] == byte else { return false }
    i += 1
    return true
  }

  mutating func atEnd() -> Bool {
    skipSpace()
    return i == bytes.count
  }

  private mutating func skipSpace() {
    while i < bytes.count {
      switch bytes[i] {
      case 0x20, 0x09, 0x0A, 0x0D: i += 1
      default: return
      }
    }
  }
}
