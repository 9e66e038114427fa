import Foundation
import Testing

@testable import PeiliStore

/// Encodings, delimiters, decimal commas and numbered labels, on real bytes.
@Suite struct SurveyFormatDecodingTests {
  @Test func encodings() {
    let text = "a;b\r\nä;€\n"
    #expect(DecodedText(Data(text.utf8)).encoding == .utf8)
    #expect(DecodedText(Data([0xEF, 0xBB, 0xBF]) + Data(text.utf8)).encoding == .utf8BOM)
    let cp1252 = Data([0x61, 0x3B, 0x62, 0x0D, 0x0A, 0xE4, 0x3B, 0x80, 0x0A])
    let decoded = DecodedText(cp1252)
    #expect(decoded.encoding == .windows1252)
    #expect(String(decoding: decoded.utf8, as: UTF8.self) == text)
    var le = Data([0xFF, 0xFE])
    var be = Data([0xFE, 0xFF])
    for unit in text.utf16 {
      le.append(contentsOf: [UInt8(unit & 0xFF), UInt8(unit >> 8)])
      be.append(contentsOf: [UInt8(unit >> 8), UInt8(unit & 0xFF)])
    }
    #expect(DecodedText(le).encoding == .utf16LE)
    #expect(String(decoding: DecodedText(le).utf8, as: UTF8.self) == text)
    #expect(String(decoding: DecodedText(be).utf8, as: UTF8.self) == text)
  }

  @Test func delimiterSniffing() {
    let semicolon = Data("id;q1;q2\r\n1;4,0;5\r\n2;\"a;b\";3,0\r\n".utf8)
    #expect(DelimiterSniffing.sniff(semicolon) == UInt8(ascii: ";"))
    let comma = Data("id,q1,comment\n1,4,\"x; y; z\"\n2,3,\"line\nbreak; here\"\n".utf8)
    #expect(DelimiterSniffing.sniff(comma) == UInt8(ascii: ","))
    let tab = Data("id\tq1\tq2\n1\t4\t5\n".utf8)
    #expect(DelimiterSniffing.sniff(tab) == UInt8(ascii: "\t"))
  }

  @Test func decimalCommaOnlyWithSemicolons() throws {
    let semi = try CSVReader(string: "a;b;c;d;e\n4,0;4,5;,0;4,00 ;-2,0\n", delimiter: UInt8(ascii: ";"))
    _ = try semi.next()
    _ = try semi.next()
    #expect(semi.integer(0) == 4)
    #expect(semi.integer(1) == nil)
    #expect(semi.integer(2) == nil)
    #expect(semi.integer(3) == 4)
    #expect(semi.integer(4) == -2)
    let comma = try CSVReader(string: "a,b\n4.0,\"4,0\"\n")
    _ = try comma.next()
    _ = try comma.next()
    #expect(comma.integer(0) == 4)
    #expect(comma.integer(1) == nil)
  }

  @Test func numberedLabelsAndNormalisedLabels() {
    #expect(AnswerLabels.leadingNumber("10 - Extremely likely") == 10)
    #expect(AnswerLabels.leadingNumber("0 = Not at all likely") == 0)
    #expect(AnswerLabels.leadingNumber(" 5 (Very good) ") == 5)
    #expect(AnswerLabels.leadingNumber("4.5") == nil)
    #expect(AnswerLabels.leadingNumber("4") == nil)
    #expect(AnswerLabels.leadingNumber("Agree") == nil)
    #expect(AnswerLabels.normalised("  Strongly   Agree\u{00A0}") == "strongly agree")
    #expect(AnswerLabels.normalised("Täysin samaa mieltä ") == "täysin samaa mieltä")
  }

  @Test func personalColumnNames() {
    #expect(PersonalColumns.kind(of: "Email Address") == "email address")
    #expect(PersonalColumns.kind(of: "RecipientLastName") == "name")
    #expect(PersonalColumns.kind(of: "RecipientEmail") == "email address")
    #expect(PersonalColumns.kind(of: "RecipientRole") == "recipient field")
    #expect(PersonalColumns.kind(of: "LocationLongitude") == "location")
    #expect(PersonalColumns.kind(of: "IP Address") == "IP address")
    #expect(PersonalColumns.kind(of: "Contact details [Phone]") == "phone number")
    #expect(PersonalColumns.kind(of: "Sähköposti") == "email address")
    #expect(PersonalColumns.kind(of: "Network ID") == "network id")
    #expect(PersonalColumns.kind(of: "region") == nil)
    #expect(PersonalColumns.kind(of: "How satisfied are you?") == nil)
  }
}
