import Foundation
import PeiliCore
import Testing

@testable import PeiliStore

/// Refusals of vendor exports: each names the file, the line and the column, and leaves the
/// workspace as it was.
@Suite struct SurveyFormatErrorTests {
  func refusal(
    _ f: VendorFixture, _ csv: String, mapping: String, format: SurveyFormat? = nil,
    sourceLocation: SourceLocation = #_sourceLocation
  ) throws -> SurveyImportError? {
    let before = try f.everyStoredText()
    defer {
      #expect((try? f.everyStoredText()) == before, "workspace changed", sourceLocation: sourceLocation)
    }
    do {
      try f.importFixture(csv, mapping: mapping, format: format)
      Issue.record("the import should have failed", sourceLocation: sourceLocation)
      return nil
    } catch let e as SurveyImportError {
      return e
    }
  }

  @Test func unknownLayoutListsEveryFormatTried() throws {
    let f = try VendorFixture()
    let e = try #require(try refusal(f, "unknown-layout.csv", mapping: "typeform-mapping.yaml"))
    #expect(e.file == VendorFixture.path("unknown-layout.csv"))
    #expect(e.line == 1)
    #expect(e.message.hasPrefix("unknown layout; tried "))
    for format in SurveyFormat.allCases { #expect(e.message.contains(format.title + ":"), "\(format)") }
    #expect(e.message.contains("no ResponseId column"))
    #expect(e.message.contains("no Respondent ID column"))
    #expect(e.message.contains("the first column is not Timestamp"))
    #expect(e.message.contains("no # or Response ID column"))
    #expect(e.message.contains("header cell #1 is blank"))
  }

  @Test func labelWithoutLabelsNamesLineAndColumn() throws {
    let f = try VendorFixture()
    // The mapping without labels: "Strongly agree" is not a number. R_1 sits on line 6 (after three
    // header rows, a preview row and a spam row, which are skipped before any answer is read).
    let map = try String(contentsOfFile: VendorFixture.path("qualtrics-mapping.yaml"), encoding: .utf8)
      .replacingOccurrences(of: ", labels: agree5}", with: "}")
    let path = try f.file("nolabels.yaml", map)
    let e = try #require(try refusal(f, "qualtrics.csv", mapping: path))
    #expect(e.file == VendorFixture.path("qualtrics.csv"))
    #expect(e.line == 6)
    #expect(e.column == "Q1_1 (#18)")
    #expect(e.message.contains("expected a whole number from 1 to 5 or a blank, got \"Strongly agree\""))
  }

  @Test func unknownLabelAfterAQuotedNewlineNamesThePhysicalLine() throws {
    let f = try VendorFixture()
    // Drop "Somewhat disagree" from the set: R_3's Q1_2 on physical line 9 (R_2 spans 7–8).
    let map = try String(contentsOfFile: VendorFixture.path("qualtrics-mapping.yaml"), encoding: .utf8)
      .replacingOccurrences(of: "\"Somewhat disagree\": 2, ", with: "")
    let path = try f.file("fewer.yaml", map)
    let e = try #require(try refusal(f, "qualtrics.csv", mapping: path))
    #expect(e.line == 9)
    #expect(e.column == "Q1_2 (#19)")
    #expect(e.message.contains("a label listed under its labels:"))
    #expect(e.message.contains("\"Somewhat disagree\""))
  }

  @Test func personalColumnInTheMappingIsRefused() throws {
    let f = try VendorFixture()
    let map = try String(contentsOfFile: VendorFixture.path("qualtrics-mapping.yaml"), encoding: .utf8)
      .replacingOccurrences(
        of: "  - {column: region}", with: "  - {column: region}\n  - {column: RecipientEmail}")
    let path = try f.file("email.yaml", map)
    let e = try #require(try refusal(f, "qualtrics.csv", mapping: path))
    #expect(e.file == path)
    #expect(e.line == 5)
    #expect(e.column == "5")
    #expect(e.message.contains("column RecipientEmail holds personal data (email address)"))
  }

  @Test func labelValueOutsideTheScale() throws {
    let f = try VendorFixture()
    let map = try String(contentsOfFile: VendorFixture.path("qualtrics-mapping.yaml"), encoding: .utf8)
      .replacingOccurrences(of: "\"Strongly agree\": 5}", with: "\"Strongly agree\": 7}")
    let path = try f.file("seven.yaml", map)
    let e = try #require(try refusal(f, "qualtrics.csv", mapping: path))
    #expect(e.file == path)
    #expect(e.line == 10)
    #expect(e.message.contains("label Strongly agree has the value 7, outside the scale 1–5"))
  }

  @Test func unknownLabelSetName() throws {
    let f = try VendorFixture()
    let map = try String(contentsOfFile: VendorFixture.path("qualtrics-mapping.yaml"), encoding: .utf8)
      .replacingOccurrences(
        of: "scale: [1, 5], labels: agree5}\n  - {column: Q1_2",
        with: "scale: [1, 5], labels: agree7}\n  - {column: Q1_2")
    let path = try f.file("set.yaml", map)
    let e = try #require(try refusal(f, "qualtrics.csv", mapping: path))
    #expect(e.line == 12)
    #expect(e.message.contains("unknown label set agree7; expected one listed under labels: (agree5)"))
  }

  @Test func brokenRowInAVendorLayout() throws {
    let f = try VendorFixture()
    let text = try String(contentsOfFile: VendorFixture.path("typeform.csv"), encoding: .utf8)
      .replacingOccurrences(of: "e5f6g7h8,3,Basic,7,,", with: "e5f6g7h8,3,Basic,7,")
    let csv = try f.file("short.csv", text)
    let e = try #require(try refusal(f, csv, mapping: "typeform-mapping.yaml"))
    #expect(e.file == csv)
    #expect(e.line == 3)
    #expect(e.message.contains("expected 8 fields as in the header, found 7"))
  }
}
