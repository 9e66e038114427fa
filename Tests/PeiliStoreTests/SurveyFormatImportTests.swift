import Foundation
import PeiliCore
import Testing

@testable import PeiliStore

/// Each vendor layout imported from a fixture that follows the vendor's documented layout; the
/// expected scores are worked out by hand in the comments.
@Suite struct SurveyFormatImportTests {
  @Test func qualtricsThreeHeaderRowsLabelsAndExcludedRows() throws {
    let f = try VendorFixture()
    let s = try f.importFixture("qualtrics.csv", mapping: "qualtrics-mapping.yaml")
    #expect(s.format == .qualtrics)
    #expect(s.respondents == 4)
    #expect(s.excluded == [.preview: 1, .spam: 1, .unfinished: 1])
    #expect(s.comments == 2)
    // Labels: agree5 (trailing space in "Somewhat agree " ignored); "10 - Extremely likely" → 10.
    // Communication per respondent: R_1 (5, 4) → (100 + 75)/2 = 87.5; R_2 (3, –) → 50;
    // R_3 (1, 2) → (0 + 25)/2 = 12.5; R_4 (4, 5) → 87.5. Mean 237.5/4 = 59.375.
    let comm = try f.theme("communication")
    #expect(comm.n == 4)
    #expect(close(comm.index.mean, 59.375))
    #expect(comm.favourable == 4 && comm.favourableN == 7)
    // NPS 10, 9, 6, 0 → index 100, 90, 60, 0, mean 62.5; promoters 2, detractors 2.
    let rec = try f.theme("recommendation")
    #expect(rec.n == 4)
    #expect(close(rec.index.mean, 62.5))
    #expect(rec.promoters == 2 && rec.detractors == 2 && rec.npsN == 4)
    // The quoted newline and the doubled quote survive (the line break becomes a space).
    let comments = try f.workspace.comments(theme: "communication").map(\.text).sorted()
    #expect(comments == ["Clear, thanks", "They said \"soon\" then nothing"])
    let ids = try f.workspace.respondentScores(theme: "communication", audience: .customer, wave: "2025-09")
      .map(\.externalID)
    #expect(ids == ["R_1aB", "R_2cD", "R_3eF", "R_4gH"])
    try f.expectNotStored([
      "Virtanen", "aino.virtanen@example.com", "192.0.2.10", "CRM-0001", "60.1699", "24.9384", "Heikkinen",
      "R_preview1", "R_spam1", "R_unfinished",
    ])
  }

  @Test func qualtricsUnfinishedKeptWhenAsked() throws {
    let f = try VendorFixture()
    let s = try f.importFixture("qualtrics.csv", mapping: "qualtrics-mapping.yaml", keeping: [.unfinished])
    #expect(s.respondents == 5)
    #expect(s.excluded == [.preview: 1, .spam: 1])
    // The unfinished respondent answered Q1_1 = 1 (index 0): (237.5 + 0)/5 = 47.5.
    let comm = try f.theme("communication")
    #expect(comm.n == 5)
    #expect(close(comm.index.mean, 47.5))
  }

  @Test func qualtricsLegacyTwoRowExport() throws {
    let f = try VendorFixture()
    let s = try f.importFixture("qualtrics-legacy.csv", mapping: "qualtrics-legacy-mapping.yaml")
    #expect(s.format == .qualtrics)
    #expect(s.respondents == 2)
    #expect(s.excluded == [.preview: 1, .spam: 1])
    // Q1 4, 2 → 75, 25: mean 50. Q2 8, 10 → 80, 100: mean 90, one promoter, no detractor.
    #expect(close(try f.theme("communication").index.mean, 50))
    let rec = try f.theme("recommendation")
    #expect(close(rec.index.mean, 90))
    #expect(rec.promoters == 1 && rec.detractors == 0)
    try f.expectNotStored(["Virtanen", "aino@example.com", "198.51.100.1", "EXT-1"])
  }

  @Test func surveyMonkeyCarriedHeadersAndTrailingColumns() throws {
    let f = try VendorFixture()
    let s = try f.importFixture("surveymonkey.csv", mapping: "surveymonkey-mapping.yaml")
    #expect(s.format == .surveymonkey)
    #expect(s.respondents == 3)
    // Service: Very satisfied 5, Dissatisfied 2, Neither 3 → 100, 25, 50: mean 175/3.
    let service = try f.theme("service")
    #expect(service.n == 3)
    #expect(close(service.index.mean, 175.0 / 3))
    #expect(service.favourable == 1 && service.favourableN == 3)
    // Communication: (Agree 4, "Strongly agree " 5) → 87.5; (Disagree 2, –) → 25;
    // (Strongly disagree 1, Neither 3) → 25. Mean 137.5/3.
    let comm = try f.theme("communication")
    #expect(comm.n == 3)
    #expect(close(comm.index.mean, 137.5 / 3))
    // NPS 10, 3, 8 → mean 70; promoters 1, detractors 1.
    let rec = try f.theme("recommendation")
    #expect(close(rec.index.mean, 70))
    #expect(rec.promoters == 1 && rec.detractors == 1)
    let rows = try f.workspace.respondentScores(theme: "service", audience: .customer, wave: "2025-09")
    #expect(rows.map(\.externalID) == ["114000000001", "114000000002", "114000000003"])
    #expect(rows.map { $0.segments["region"] } == ["North", nil, "South"])
    let comments = try f.workspace.comments(theme: "service").map(\.text).sorted()
    #expect(comments == ["Fast, \"really\" fast", "Line one  line two"])
    try f.expectNotStored(["anna@example.com", "Lind", "198.51.100.21"])
  }

  @Test func googleFormsRowNumbersGridColumnsAndLabels() throws {
    let f = try VendorFixture()
    let s = try f.importFixture("googleforms.csv", mapping: "googleforms-mapping.yaml")
    #expect(s.format == .googleforms)
    #expect(s.respondents == 4)
    // Findability 4, 2, 5, – → 75, 25, 100: mean 200/3.
    #expect(close(try f.theme("findability").index.mean, 200.0 / 3))
    // Service: (Excellent 5, Good 3) → 75; (Fair 2, Very good 4) → 50; (–, "Excellent " 5) → 100;
    // (Poor 1, Poor 1) → 0. Mean 225/4 = 56.25.
    let service = try f.theme("service")
    #expect(service.n == 4)
    #expect(close(service.index.mean, 56.25))
    // NPS 9, 6, 10, 4 → mean 72.5; promoters 2, detractors 2.
    let rec = try f.theme("recommendation")
    #expect(close(rec.index.mean, 72.5))
    #expect(rec.promoters == 2 && rec.detractors == 2)
    let ids = try f.workspace.respondentScores(theme: "service", audience: .customer, wave: "2025-09")
      .map(\.externalID)
    #expect(ids == ["1", "2", "3", "4"])
    try f.expectNotStored(["aino@example.com", "Aino Virtanen", "Ville Nieminen"])
  }

  @Test func typeformHashIDAndNetworkIDDropped() throws {
    let f = try VendorFixture()
    let s = try f.importFixture("typeform.csv", mapping: "typeform-mapping.yaml")
    #expect(s.format == .typeform)
    #expect(s.respondents == 4)
    // Rating 5, 3, 1, – → 100, 50, 0: mean 50, n 3.
    let rating = try f.theme("rating")
    #expect(rating.n == 3)
    #expect(close(rating.index.mean, 50))
    // NPS 10, 7, 2, 9 → mean 70; promoters 2, detractors 1.
    let rec = try f.theme("recommendation")
    #expect(close(rec.index.mean, 70))
    #expect(rec.promoters == 2 && rec.detractors == 1)
    try f.expectNotStored(["3f9a1c2e4b", "8d7e6f5a4b"])
  }

  @Test func excelNordicWindows1252AndUTF16GiveTheSameScores() throws {
    let f = try VendorFixture()
    let a = try f.importFixture("excel-nordic-cp1252.csv", mapping: "excel-nordic-mapping.yaml")
    let b = try f.importFixture(
      "excel-nordic-utf16.csv", mapping: "excel-nordic-mapping.yaml", audience: .staff)
    #expect(a.format == .excel && b.format == .excel)
    #expect(a.respondents == 3 && b.respondents == 3)
    // Palvelu: (4,0 → 4, Täysin samaa 5) → 87.5; (2, "Jokseenkin eri mieltä " 2) → 25; (5,0 → 5, Ei
    // samaa eikä eri 3) → 75. Mean 187.5/3 = 62.5; native mean (4.5 + 2 + 4)/3 = 3.5.
    for audience in [Audience.customer, .staff] {
      let palvelu = try f.theme("palvelu", audience: audience)
      #expect(palvelu.n == 3)
      #expect(close(palvelu.index.mean, 62.5))
      #expect(close(palvelu.native?.mean, 3.5))
      // Suositus 9, 5, 10 → 90, 50, 100: mean 80; promoters 2, detractors 1.
      let rec = try f.theme("suosittelu", audience: audience)
      #expect(close(rec.index.mean, 80))
      #expect(rec.promoters == 2 && rec.detractors == 1)
    }
    let comments = try f.workspace.comments(theme: "palvelu").filter { $0.audience == .customer }
    #expect(comments.map(\.text).sorted() == ["Hyvä palvelu; nopea", "Laskut \"selkeitä\""])
    let rows = try f.workspace.respondentScores(theme: "palvelu", audience: .staff, wave: "2025-09")
    #expect(rows.map { $0.segments["region"] } == ["Uusimaa", "Pirkanmaa", "Uusimaa"])
    try f.expectNotStored(["aino@example.com", "liisa@example.com"])
  }

  @Test func forcedFormatMustFit() throws {
    let f = try VendorFixture()
    // The canonical example read as Qualtrics: refused, saying why.
    do {
      try f.importFixture("typeform.csv", mapping: "typeform-mapping.yaml", format: .qualtrics)
      Issue.record("expected a refusal")
    } catch let e as SurveyImportError {
      #expect(e.file == VendorFixture.path("typeform.csv"))
      #expect(e.line == 1)
      #expect(e.message.contains("expected the Qualtrics layout (--format qualtrics): no ResponseId column"))
    }
    // Forcing the layout it is works as detection does.
    let s = try f.importFixture("typeform.csv", mapping: "typeform-mapping.yaml", format: .typeform)
    #expect(s.respondents == 4)
  }

  @Test func reimportAsksForReplace() throws {
    let f = try VendorFixture()
    try f.importFixture("qualtrics.csv", mapping: "qualtrics-mapping.yaml")
    do {
      try f.importFixture("qualtrics.csv", mapping: "qualtrics-mapping.yaml")
      Issue.record("expected a refusal")
    } catch let e as SurveyImportError {
      #expect(e.message.contains("--replace"))
    }
    let s = try f.importFixture("qualtrics.csv", mapping: "qualtrics-mapping.yaml", replace: true)
    #expect(s.replacedRespondents == 4)
    #expect(close(try f.theme("communication").index.mean, 59.375))
  }
}
