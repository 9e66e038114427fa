import Foundation
import Testing

@testable import PeiliStore

/// Reads every record of `text` as (line, fields).
private func records(_ data: Data) throws -> [(Int, [String])] {
  let reader = try CSVReader(data: data)
  var out: [(Int, [String])] = []
  while try reader.next() {
    out.append((reader.recordLine, (0..<reader.count).map { reader.string($0) }))
  }
  return out
}

private func records(_ text: String) throws -> [(Int, [String])] { try records(Data(text.utf8)) }

@Suite struct CSVReaderTests {
  @Test func plainRecordsWithLF() throws {
    let r = try records("a,b,c\n1,2,3\n")
    #expect(r.map(\.1) == [["a", "b", "c"], ["1", "2", "3"]])
    #expect(r.map(\.0) == [1, 2])
  }

  @Test func quotesEscapesAndQuotedNewlinesKeepPhysicalLines() throws {
    let r = try records("id,text\n1,\"he said \"\"hi\"\"\"\n2,\"two\nlines, and a comma\"\n3,end\n")
    #expect(
      r.map(\.1) == [
        ["id", "text"], ["1", "he said \"hi\""], ["2", "two\nlines, and a comma"], ["3", "end"],
      ])
    // Record 3 starts on line 5 because record 2 spans lines 3–4.
    #expect(r.map(\.0) == [1, 2, 3, 5])
  }

  @Test func crlfAndBOM() throws {
    var data = Data([0xEF, 0xBB, 0xBF])
    data.append(Data("id,q1\r\n1,\"a\r\nb\"\r\n2,3\r\n".utf8))
    let r = try records(data)
    #expect(r.map(\.1) == [["id", "q1"], ["1", "a\r\nb"], ["2", "3"]])
    #expect(r.map(\.0) == [1, 2, 4])
  }

  @Test func emptyTrailingFieldsAndNoFinalNewline() throws {
    let r = try records("a,b,\n,,\n1,\"\",x")
    #expect(r.map(\.1) == [["a", "b", ""], ["", "", ""], ["1", "", "x"]])
  }

  @Test func blankLinesAreSkippedButCounted() throws {
    let r = try records("a\n\n1\n\n\n2\n")
    #expect(r.map(\.1) == [["a"], ["1"], ["2"]])
    #expect(r.map(\.0) == [1, 3, 6])
  }

  @Test func unterminatedQuoteNamesTheLineItStarted() throws {
    #expect(throws: CSVError(line: 2, message: "a quoted field is never closed (missing \")")) {
      _ = try records("a,b\n1,\"open\n2,3\n")
    }
  }

  @Test func quoteInsideUnquotedFieldIsRefused() throws {
    let error = #expect(throws: CSVError.self) { _ = try records("a,b\n1,ab\"c\n") }
    #expect(error?.line == 2)
  }

  @Test func textAfterClosingQuoteIsRefused() throws {
    let error = #expect(throws: CSVError.self) { _ = try records("a,b\n\n1,\"x\"y\n") }
    #expect(error?.line == 3)
    #expect(error?.message.contains("after a closing quote") == true)
  }

  @Test func invalidUTF8NamesTheLine() throws {
    var data = Data("id,name\n1,Åsa\n".utf8)
    data.append(Data([0x32, 0x2C, 0xC3, 0x28, 0x0A]))  // 0xC3 0x28: broken two-byte sequence
    let error = #expect(throws: CSVError.self) { _ = try records(data) }
    #expect(error?.line == 3)
    #expect(error?.message.contains("UTF-8") == true)
    // Overlong encodings and surrogates are refused too.
    let overlong: [UInt8] = [0xC0, 0xAF]
    #expect(overlong.withUnsafeBufferPointer { CSVReader.firstInvalidUTF8Line($0) } == 1)
    let surrogate: [UInt8] = [0x0A, 0xED, 0xA0, 0x80]
    #expect(surrogate.withUnsafeBufferPointer { CSVReader.firstInvalidUTF8Line($0) } == 2)
    let valid = Array("ok – 😀\n".utf8)
    #expect(valid.withUnsafeBufferPointer { CSVReader.firstInvalidUTF8Line($0) } == nil)
  }

  @Test func integersBlanksAndEmptiness() throws {
    let reader = try CSVReader(string: "a,b,c,d,e\n 4 ,,x,-2,3.5\n")
    _ = try reader.next()
    _ = try reader.next()
    #expect(reader.integer(0) == 4)
    #expect(reader.integer(1) == nil)
    #expect(reader.isBlank(1))
    #expect(reader.integer(2) == nil)
    #expect(reader.integer(3) == -2)
    #expect(reader.integer(4) == nil)
    #expect(try CSVReader(string: "\u{FEFF}\n  \n").isEmpty)
    #expect(try !CSVReader(string: "a").isEmpty)
  }
}
