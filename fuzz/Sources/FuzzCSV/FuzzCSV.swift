import Foundation
@testable import PeiliStore

/// libFuzzer entry point for the CSV reader: any bytes must either be refused with a
/// `CSVError` or read into records whose fields decode, classify and round-trip through the
/// writer; a trap (crash, overflow, out-of-bounds) or a failed check below is a finding.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzCSV(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
  let bytes = data.map { Data(bytes: $0, count: size) } ?? Data()
  readAndCheck(bytes)
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
          let trimmed = text.trimmingCharacters(in: CharacterSet(charactersIn: " \t"))
          precondition(Int(trimmed) == value, "integer(\(i)) = \(value) but the field is \(trimmed.debugDescription)")
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
/// fields, except a record of one empty field, which is a blank line and skipped on reading.
private func checkRoundTrip(_ records: [[String]]) {
  let kept = records.filter { !($0.count == 1 && writable($0[0]).isEmpty) }
  var writer = CSVWriter()
  for record in kept { writer.record(record) }
  let again: CSVReader
  do {
    again = try CSVReader(string: writer.text)
  } catch {
    preconditionFailure("the writer's output is refused by the reader: \(error)")
  }
  var index = 0
  do {
    while try again.next() {
      precondition(index < kept.count, "the written text reads back more records than were written")
      let expected = kept[index].map(writable)
      let actual = (0..<again.count).map { again.string($0) }
      precondition(actual == expected, "record \(index) reads back as \(actual), expected \(expected)")
      index += 1
    }
  } catch {
    preconditionFailure("the writer's output does not read back: \(error)")
  }
  precondition(index == kept.count, "read back \(index) records, wrote \(kept.count)")
}
