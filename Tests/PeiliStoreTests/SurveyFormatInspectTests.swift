import Foundation
import PeiliCore
import Testing

@testable import PeiliStore

/// `--inspect`: what is detected, and a draft mapping that imports once themes are assigned.
@Suite struct SurveyFormatInspectTests {
  func kind(_ i: SurveyInspection, _ key: String) -> SurveyInspection.Kind? {
    i.columns.first { $0.key == key }?.kind
  }

  @Test func qualtricsInspection() throws {
    let i = try SurveyInspection.inspect(path: VendorFixture.path("qualtrics.csv"))
    #expect(i.format == .qualtrics)
    #expect(i.encoding == .utf8BOM)
    #expect(i.delimiter == UInt8(ascii: ","))
    #expect(i.headerLines == [1, 2, 3])
    #expect(i.respondents == 4)
    #expect(i.excluded == [.preview: 1, .spam: 1, .unfinished: 1])
    #expect(kind(i, "ResponseId") == .id)
    #expect(kind(i, "StartDate") == .date)
    #expect(kind(i, "RecipientEmail") == .personal("email address"))
    #expect(kind(i, "IPAddress") == .personal("IP address"))
    #expect(kind(i, "LocationLatitude") == .personal("location"))
    #expect(kind(i, "ExternalReference") == .personal("external reference"))
    #expect(kind(i, "RecipientFirstName") == .personal("name"))
    #expect(kind(i, "region") == .segment(values: ["North", "South"]))
    #expect(kind(i, "Q3") == .freeText)
    guard case .labelScale(let labels, let set, 1, 5) = kind(i, "Q1_1") else {
      Issue.record("Q1_1: \(String(describing: kind(i, "Q1_1")))")
      return
    }
    #expect(set == "agree5")
    #expect(labels.count == 4)
    guard case .labelScale(_, nil, 0, 10) = kind(i, "Q2") else {
      Issue.record("Q2: \(String(describing: kind(i, "Q2")))")
      return
    }
    let report = i.report
    #expect(report.contains("format: Qualtrics (detected)"))
    #expect(report.contains("encoding: UTF-8 with BOM"))
    #expect(report.contains("delimiter: comma"))
    #expect(report.contains("header rows: 3 (lines 1–3)"))
    #expect(
      report.contains("respondents: 4 (left out: 1 survey preview or test, 1 spam, 1 unfinished)"))
    let email = "#12 RecipientEmail \"Recipient Email\": personal (email address, by its header)"
    #expect(report.contains(email))
    #expect(report.contains("dropped (personal data, never stored): IPAddress, RecipientLastName"))
  }

  @Test func draftMappingNeedsOnlyThemes() throws {
    let f = try VendorFixture()
    let i = try SurveyInspection.inspect(path: VendorFixture.path("qualtrics.csv"))
    let draft = i.draftMapping
    #expect(draft.contains("respondent_id: ResponseId"))
    #expect(draft.contains("labels: agree5"))
    #expect(draft.contains("nps: true, outcome: true"))
    #expect(!draft.contains("RecipientEmail,") || draft.contains("# Personal columns"))
    // As written, the draft is refused at its first `theme: TODO`, naming the line.
    let draftPath = try f.file("draft.yaml", draft)
    let todoLine = draft.split(separator: "\n", omittingEmptySubsequences: false)
      .firstIndex { $0.hasPrefix("  - ") && $0.contains("theme: TODO") }.map { $0 + 1 }
    do {
      try f.importFixture("qualtrics.csv", mapping: draftPath)
      Issue.record("a draft with TODO themes must be refused")
    } catch let e as SurveyImportError {
      #expect(e.file == draftPath)
      #expect(e.line == todoLine)
      #expect(e.message.contains("is still TODO"))
    }
    // Assigning the themes is the only edit: one theme for everything here.
    let edited =
      draft
      .replacingOccurrences(of: "theme: TODO", with: "theme: communication")
      .replacingOccurrences(
        of: "themes:  #", with: "themes:\n  - {id: communication, name: Communication}\n#")
    let s = try f.importFixture("qualtrics.csv", mapping: try f.file("edited.yaml", edited))
    #expect(s.respondents == 4)
    #expect(s.comments == 2)
    // Per respondent over Q1_1, Q1_2, Q2 (index): R_1 (100, 75, 100) → 91.667; R_2 (50, –, 90) → 70;
    // R_3 (0, 25, 60) → 28.333; R_4 (75, 100, 0) → 58.333. Mean of the four: 62.0833.
    let comm = try f.theme("communication")
    #expect(comm.n == 4)
    let expected = ((100.0 + 75 + 100) / 3 + (50.0 + 90) / 2 + (0.0 + 25 + 60) / 3 + (75.0 + 100 + 0) / 3) / 4
    #expect(close(comm.index.mean, expected))
    #expect(comm.promoters == 2 && comm.detractors == 2)
    let segments = try f.workspace.respondentScores(
      theme: "communication", audience: .customer, wave: "2025-09"
    )
    .map { $0.segments["region"] }
    #expect(segments == ["North", "South", "North", "South"])
    try f.expectNotStored(["aino.virtanen@example.com", "192.0.2.10", "Virtanen"])
  }

  @Test func draftsForEveryVendorFixtureImportOnceThemed() throws {
    let files = [
      "qualtrics-legacy.csv", "surveymonkey.csv", "googleforms.csv", "typeform.csv",
      "excel-nordic-cp1252.csv",
      "excel-nordic-utf16.csv",
    ]
    for (n, name) in files.enumerated() {
      let f = try VendorFixture()
      let i = try SurveyInspection.inspect(path: VendorFixture.path(name))
      let edited = i.draftMapping
        .replacingOccurrences(of: "theme: TODO", with: "theme: t")
        .replacingOccurrences(of: "themes:  #", with: "themes:\n  - {id: t, name: T}\n#")
      let s = try f.importFixture(name, mapping: try f.file("m\(n).yaml", edited))
      #expect(s.respondents == i.respondents, "\(name)")
      #expect(s.answers > 0, "\(name)")
      #expect(!i.personalColumns.isEmpty, "\(name) has personal columns")
    }
  }

  @Test func surveyMonkeyInspection() throws {
    let i = try SurveyInspection.inspect(path: VendorFixture.path("surveymonkey.csv"))
    #expect(i.format == .surveymonkey)
    #expect(i.headerLines == [1, 2])
    #expect(i.columns.count == 16)  // the two empty trailing columns are not columns
    #expect(kind(i, "Respondent ID") == .id)
    #expect(kind(i, "Which region are you in?") == .segment(values: ["North", "South"]))
    #expect(kind(i, "What else should we know?") == .freeText)
    let draft = i.draftMapping
    #expect(draft.contains("id: how_much_they_explain_what,"))
    #expect(draft.contains("id: how_much_they_keep_me,"))
    // Quoted: PyYAML stops at a `?` in a plain scalar inside `{…}`.
    #expect(draft.contains("{column: \"Which region are you in?\", name: which_region_are_you}"))
    #expect(
      i.report.contains(
        "#12 How much do you agree with each statement? [They keep me informed]: label scale agree5"))
  }

  @Test func googleFormsAndExcelInspection() throws {
    let g = try SurveyInspection.inspect(path: VendorFixture.path("googleforms.csv"))
    #expect(g.format == .googleforms)
    #expect(g.rowNumbersAsIDs)
    #expect(g.report.contains("respondent id: the row number"))
    #expect(g.draftMapping.contains("respondent_id: (row number)"))
    #expect(kind(g, "Email Address") == .personal("email address"))
    #expect(kind(g, "Your name") == .personal("name"))
    #expect(kind(g, "How easy was it to find what you needed?") == .numericScale(min: 2, max: 5))
    guard case .labelScale(_, "quality5", 1, 5) = kind(g, "Rate our service [Speed]") else {
      Issue.record("\(String(describing: kind(g, "Rate our service [Speed]")))")
      return
    }
    let e = try SurveyInspection.inspect(path: VendorFixture.path("excel-nordic-cp1252.csv"))
    #expect(e.format == .excel)
    #expect(e.encoding == .windows1252)
    #expect(e.delimiter == UInt8(ascii: ";"))
    #expect(kind(e, "sähköposti") == .personal("email address"))
    #expect(kind(e, "k1") == .numericScale(min: 2, max: 5))
    let u = try SurveyInspection.inspect(path: VendorFixture.path("excel-nordic-utf16.csv"))
    #expect(u.encoding == .utf16LE)
    #expect(u.columns.map(\.kind) == e.columns.map(\.kind))
  }
}
