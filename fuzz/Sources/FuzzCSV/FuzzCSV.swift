import Foundation
import SurveyChecks

@testable import PeiliStore

/// libFuzzer entry point for the CSV reader and the survey format detector. Any bytes must
/// either be refused with an error or read into records whose fields decode, classify and
/// round-trip through the writer; and the same bytes opened as a survey export (encoding,
/// delimiter and layout detected, as `peili import survey` does) must be refused or stream
/// their rows. A trap (crash, overflow, out-of-bounds) or a failed check below is a finding.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzCSV(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
  let bytes = data.map { Data(bytes: $0, count: size) } ?? Data()
  readAndCheck(bytes)
  openSurvey(bytes, file: "fuzz.csv", format: nil, keeping: size % 2 == 0 ? [.unfinished] : [])
  // One forced layout per input too (`--format`), picked by the size so mutations reach each.
  openSurvey(
    bytes, file: "fuzz.csv", format: SurveyFormat.allCases[size % SurveyFormat.allCases.count], keeping: [])
  inspectAndDraft(bytes, file: "fuzz.csv")
  return 0
}

/// Reads every record, exercises each field accessor and checks what can be checked cheaply.
private func readAndCheck(_ bytes: Data) {
  let reader: CSVReader
  do {
    reader = try CSVReader(data: bytes)
  } catch {
    precondition(error.line >= 1, "CSVError line must be 1-based, got \(error.line)")
    return
  }
  _ = reader.isEmpty
  var records: [[String]] = []
  var lastLine = 0
  do {
    while try reader.next() {
      precondition(reader.count >= 1, "a record holds at least one field")
      precondition(reader.recordLine > lastLine, "records start on increasing lines")
      lastLine = reader.recordLine
      var fields: [String] = []
      for i in 0..<reader.count {
        let text = reader.string(i)
        precondition(reader.line(ofField: i) >= reader.recordLine, "a field cannot start before its record")
        let blank = reader.isBlank(i)
        precondition(blank == text.unicodeScalars.allSatisfy { $0 == " " || $0 == "\t" }, "isBlank disagrees")
        if let value = reader.integer(i) {
          precondition(
            wholeNumber(text, decimalSeparator: reader.decimalSeparator) == value,
            "integer(\(i)) = \(value) but the field is \(text.debugDescription)")
        }
        fields.append(text)
      }
      records.append(fields)
      if records.count > 10_000 { return }
    }
  } catch {
    precondition(error.line >= 1, "CSVError line must be 1-based, got \(error.line)")
    return
  }
  checkRoundTrip(records)
}

/// The whole number `integer(_:)` promises for `text`: digits with an optional sign, spaces or
/// tabs around, and optionally a fraction of zeros after the file's decimal separator ("4,0").
private func wholeNumber(_ text: String, decimalSeparator: UInt8) -> Int? {
  var t = Substring(text.trimmingCharacters(in: CharacterSet(charactersIn: " \t")))
  let separator = Character(Unicode.Scalar(decimalSeparator))
  if let dot = t.firstIndex(of: separator) {
    let fraction = t[t.index(after: dot)...]
    guard !fraction.isEmpty, fraction.allSatisfy({ $0 == "0" }) else { return nil }
    t = t[..<dot]
    guard let last = t.last, last.isASCII, last.isNumber else { return nil }
  }
  return Int(t)
}

/// What `CSVWriter.field` keeps of a value: CR and CRLF become LF, other controls are dropped.
private func writable(_ value: String) -> String {
  var out = String.UnicodeScalarView()
  var previousCR = false
  for s in value.unicodeScalars {
    defer { previousCR = s == "\r" }
    switch s.value {
    case 0x0D: out.append("\n")
    case 0x0A: if !previousCR { out.append(s) }
    case 0x09: out.append(s)
    case 0x00...0x1F, 0x7F...0x9F: continue
    default: out.append(s)
    }
  }
  return String(out)
}

/// Writing the records back (as the survey export does) and reading them again gives the same
/// fields, except a record of one empty field, which is a blank line and skipped on reading, and
/// a U+FEFF opening the text, which reads back as a byte-order mark (the export's first field is
/// always a header name, so neither happens there).
private func checkRoundTrip(_ records: [[String]]) {
  var expected = records.map { $0.map(writable) }.filter { !($0.count == 1 && $0[0].isEmpty) }
  // `.raw`: cells as stored, the export mode whose round trip is byte-exact (`--raw`).
  var writer = CSVWriter(cells: .raw)
  for record in expected { writer.record(record) }
  // The default (spreadsheet-safe) mode never writes a cell a spreadsheet would run.
  for field in records.joined() {
    let safe = CSVWriter.field(field, cells: .safe)
    let body = safe.hasPrefix("\"") ? String(safe.dropFirst()) : safe
    if let first = body.unicodeScalars.first, "=+-@\t\r\n".unicodeScalars.contains(first) {
      precondition(
        CSVWriter.isPlainNumber(body), "a formula-like cell is written as it is: \(safe.debugDescription)")
    }
  }
  if writer.text.unicodeScalars.first == "\u{FEFF}" {
    expected[0][0] = String(expected[0][0].unicodeScalars.dropFirst())
    if expected[0].count == 1 && expected[0][0].isEmpty { expected.removeFirst() }
  }
  let again: CSVReader
  do {
    again = try CSVReader(string: writer.text)
  } catch {
    preconditionFailure("the writer's output is refused by the reader: \(error)")
  }
  var index = 0
  do {
    while try again.next() {
      precondition(index < expected.count, "the written text reads back more records than were written")
      let actual = (0..<again.count).map { again.string($0) }
      precondition(
        actual == expected[index], "record \(index) reads back as \(actual), expected \(expected[index])")
      index += 1
    }
  } catch {
    preconditionFailure("the writer's output does not read back: \(error)")
  }
  precondition(index == expected.count, "read back \(index) records, wrote \(expected.count)")
}
