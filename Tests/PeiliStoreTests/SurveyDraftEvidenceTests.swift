import Foundation
import PeiliCore
import Testing
import Yams

@testable import PeiliStore

/// The draft `--inspect` writes for exports as analysts download them: scales from evidence
/// (never a silent guess), no-answer values as `missing:`, unique names, plain question text,
/// and YAML that PyYAML and Yams both read. Each fixture is made here, row by row.
@Suite struct SurveyDraftEvidenceTests {
  /// A CSV of `n` rows: `id` plus the given columns, each a function of the row number.
  func csv(_ fx: StoreFixture, _ columns: [(String, (Int) -> String)], rows n: Int = 250) throws -> String {
    var lines = [(["id"] + columns.map { "\"\($0.0)\"" }).joined(separator: ",")]
    for r in 0..<n { lines.append((["r\(r)"] + columns.map { $0.1(r) }).joined(separator: ",")) }
    return try fx.file("export.csv", lines.joined(separator: "\n") + "\n")
  }

  /// The draft's entry line for the question in column `key`.
  func entry(_ draft: String, _ key: String) -> String? {
    draft.split(separator: "\n").map(String.init).first {
      $0.contains("{column: \(key),") || $0.contains("{column: \"\(key)\",")
    }
  }

  @Test func oneToTenAnswersAreDraftedOneToTenWithACheckNotZeroToTen() throws {
    let fx = try StoreFixture()
    let path = try csv(fx, [("Overall satisfaction", { String(1 + ($0 * 7) % 10) })])
    let draft = try SurveyInspection.inspect(path: path).draftMapping
    let line = try #require(entry(draft, "Overall satisfaction"))
    #expect(line.contains("scale: [1, 10]"), "\(line)")
    #expect(line.contains("check: no 0 in 250 answers"), "\(line)")
    #expect(draft.contains("1 question marked `check:`"))
  }

  @Test func zeroOneFlagsAreNotScales() throws {
    let fx = try StoreFixture()
    let path = try csv(fx, [("Uses the app", { String($0 % 2) }), ("Rating", { String(1 + $0 % 5) })])
    let i = try SurveyInspection.inspect(path: path)
    #expect(
      i.columns.first { $0.key == "Uses the app" }?.kind
        == .other("0/1 flags (a yes/no or a multi-select choice), not a scale"))
    #expect(entry(i.draftMapping, "Uses the app") == nil)
  }

  @Test func aStrayZeroOnAOneToFiveItemIsMissingNotAZeroToTenScale() throws {
    let fx = try StoreFixture()
    let path = try csv(fx, [("Service", { $0 == 7 ? "0" : String(1 + $0 % 5) })])
    let i = try SurveyInspection.inspect(path: path)
    let line = try #require(entry(i.draftMapping, "Service"))
    #expect(line.contains("scale: [1, 5], missing: [0]"), "\(line)")
    #expect(line.contains("1 answer of 0 outside 1–5"), "\(line)")
    // Imported as drafted (a theme assigned), the 0 is a blank and the index is that of 1–5.
    let mapping = try fx.file(
      "m.yaml",
      i.draftMapping.replacingOccurrences(of: "theme: TODO", with: "theme: service")
        .replacingOccurrences(of: "themes:  #", with: "themes:\n  - {id: service, name: Service}\n#"))
    let ws = try Workspace.open(path: fx.path("ws.peili"), create: true)
    let s = try ws.importSurvey(
      csv: path, mapping: mapping, wave: "w1", date: Day(year: 2026, month: 9, day: 1), audience: .customer,
      by: "t")
    #expect(s.missingCodes == 1)
    var sum = 0.0
    for r in 0..<250 where r != 7 { sum += Double(r % 5) / 4 * 100 }
    let index = try #require(try ws.snapshot().score("service", .customer, wave: "w1"))
    #expect(abs(index.index.mean - sum / 249) < 1e-9, "\(index.index.mean)")
  }

  @Test func aThreePointItemStaysThreePointsWithACheck() throws {
    let fx = try StoreFixture()
    let path = try csv(fx, [("Useful", { String(1 + $0 % 3) })])
    let line = try #require(entry(try SurveyInspection.inspect(path: path).draftMapping, "Useful"))
    #expect(line.contains("scale: [1, 3]"), "\(line)")
    #expect(line.contains("check: only 1–3 seen"), "\(line)")
  }

  @Test func aScaleTheQuestionStatesWins() throws {
    let fx = try StoreFixture()
    let path = try csv(
      fx,
      [
        ("Rate us on a scale of 1 to 7", { String(2 + $0 % 5) }),
        ("0 = not at all … 10 = extremely: how clear are our prices", { String(2 + $0 % 7) }),
      ])
    let draft = try SurveyInspection.inspect(path: path).draftMapping
    let seven = try #require(entry(draft, "Rate us on a scale of 1 to 7"))
    #expect(seven.contains("scale: [1, 7]") && !seven.contains("check:"), "\(seven)")
    let ten = try #require(entry(draft, "0 = not at all … 10 = extremely: how clear are our prices"))
    #expect(ten.contains("scale: [0, 10]") && !ten.contains("check:"), "\(ten)")
  }

  @Test func noAnswerCodesAndLabelsAreProposedAsMissing() throws {
    let fx = try StoreFixture()
    let labels = ["Agree", "Disagree", "Strongly agree", "I don't know", "Strongly disagree", "Neutral"]
    let path = try csv(
      fx,
      [
        ("Clarity", { $0 % 6 == 0 ? "-9" : String(1 + $0 % 5) }),
        ("Trust", { labels[$0 % 6] }),
        ("Luottamus", { $0 % 4 == 0 ? "En osaa sanoa" : String(1 + $0 % 5) }),
      ])
    let i = try SurveyInspection.inspect(path: path)
    let draft = i.draftMapping
    #expect(try #require(entry(draft, "Clarity")).contains("scale: [1, 5], missing: [-9]"))
    #expect(try #require(entry(draft, "Trust")).contains("labels: agree5, missing: [I don't know]"))
    #expect(try #require(entry(draft, "Luottamus")).contains("missing: [En osaa sanoa]"))
    #expect(i.report.contains("no-answer values (become blanks through missing: in the draft): "))
  }

  @Test func aMappingMissingListTurnsCodesIntoBlanks() throws {
    let fx = try StoreFixture()
    let path = try fx.file("s.csv", "id,q1,q2\nr1,-9,3\nr2,4,Don't know\nr3,5,n/a\nr4,2,1\nr5,3,2\n")
    let mapping = try fx.file(
      "m.yaml",
      """
      respondent_id: id
      themes: [{id: t, name: T}]
      missing: [-9]
      questions:
        - {column: q1, id: q1, theme: t, scale: [1, 5]}
        - {column: q2, id: q2, theme: t, scale: [1, 5], missing: ["Don't know", N/A]}

      """)
    let ws = try Workspace.open(path: fx.path("ws.peili"), create: true)
    let s = try ws.importSurvey(
      csv: path, mapping: mapping, wave: "w1", date: Day(year: 2026, month: 9, day: 1), audience: .staff,
      by: "t")
    #expect(s.missingCodes == 3)
    #expect(s.answers == 7)
  }

  @Test func namesAreUniqueAndADuplicateInAMappingIsRefusedWithItsPlace() throws {
    let fx = try StoreFixture()
    let path = try csv(
      fx,
      [
        (
          "Looking ahead, how do you expect your use of charging to change?",
          { ["more", "same", "less"][$0 % 3] }
        ),
        (
          "Looking ahead, how do you expect your use of the app to change?",
          { ["more", "same", "less"][$0 % 2] }
        ),
      ])
    let draft = try SurveyInspection.inspect(path: path).draftMapping
    #expect(draft.contains("name: looking_ahead_how_do}"))
    #expect(draft.contains("name: looking_ahead_how_do_2}"))
    let mapping = """
      respondent_id: id
      segments:
        - {column: a, name: use}
        - {column: b, name: use}
      themes: [{id: t, name: T}]
      questions: [{column: q, id: q, theme: t, scale: [1, 5]}]

      """
    let error = #expect(throws: SurveyImportError.self) { try SurveyMapping.parse(mapping, file: "m.yaml") }
    #expect(error?.line == 4)
    #expect(error?.message.contains("duplicate segment name use") == true, "\(String(describing: error))")
  }

  @Test func questionTextLosesItsHTMLAndNonEnglishNPSIsFlagged() throws {
    let fx = try StoreFixture()
    let path = try csv(
      fx,
      [
        ("<strong>Ease</strong> of use &amp; speed", { String(1 + $0 % 5) }),
        ("¿Qué probabilidad hay de que nos recomiende?", { String($0 % 11) }),
      ])
    let draft = try SurveyInspection.inspect(path: path).draftMapping
    #expect(draft.contains("text: Ease of use & speed,"))
    #expect(draft.contains("id: ease_of_use_speed,"))
    #expect(try #require(entry(draft, "¿Qué probabilidad hay de que nos recomiende?")).contains("nps: true"))
  }

  /// Character references as survey tools write them (named, decimal, hex) become the characters;
  /// a reference to a control is a space, an unknown one stays as written.
  @Test func questionTextDecodesCharacterReferences() {
    #expect(
      QuestionText.plain("We&#8217;re &quot;clear&quot;&nbsp;&amp;&#x2014;fast") == "We’re \"clear\" &—fast")
    #expect(QuestionText.plain("Kuinka &auml;&ouml;kk&ouml;si&hellip;<br/>?") == "Kuinka äökkösi… ?")
    #expect(QuestionText.plain("a&#27;b &#0; &bogus; & c") == "a b &bogus; & c")
    #expect(QuestionText.plain("&amp;lt;") == "&lt;")
    #expect(QuestionText.plain("no markup") == "no markup")
  }

  /// A segment column's header loses its HTML before it becomes the segment's name.
  @Test func segmentNamesDraftedFromHeadersLoseTheirHTML() throws {
    let fx = try StoreFixture()
    let path = try csv(
      fx,
      [
        ("<b>Customer&nbsp;type</b>", { ["Retail", "Business"][$0 % 2] }),
        ("Region &amp; area", { ["North", "South", "East"][$0 % 3] }),
        ("Overall", { String(1 + $0 % 5) }),
      ])
    let draft = try SurveyInspection.inspect(path: path).draftMapping
    #expect(draft.contains("name: customer_type}"), "\(draft)")
    #expect(draft.contains("name: region_area}"), "\(draft)")
    #expect(!draft.contains("name: b_customer"))
  }

  @Test func anExportWithoutAnIDColumnUsesTheRowNumber() throws {
    let fx = try StoreFixture()
    let path = try fx.file("s.csv", "region,q1\nNorth,1\nNorth,2\nSouth,3\nSouth,4\n")
    let draft = try SurveyInspection.inspect(path: path).draftMapping
    #expect(draft.contains("respondent_id: (row number)\n"), "\(draft)")
  }

  @Test func draftsReadTheSameInPyYAMLAndYams() throws {
    let fx = try StoreFixture()
    let path = try csv(
      fx,
      [
        ("How likely are you to recommend us?", { String($0 % 11) }),
        ("Region: which one?", { ["North", "South"][$0 % 2] }),
        ("What is 50% of it? #1", { String(1 + $0 % 5) }),
      ])
    let draft = try SurveyInspection.inspect(path: path).draftMapping
    let yams = try #require(try Yams.load(yaml: draft) as? [String: Any])
    let file = try fx.file("draft.yaml", draft)
    let python = try #require(
      ["/usr/bin/python3", "/usr/local/bin/python3"].first {
        FileManager.default.isExecutableFile(atPath: $0)
      }
        ?? ProcessInfo.processInfo.environment["PATH"]?.split(separator: ":").map { "\($0)/python3" }
        .first { FileManager.default.isExecutableFile(atPath: $0) },
      "python3 is needed to read the draft with PyYAML")
    let process = Process()
    process.executableURL = URL(fileURLWithPath: python)
    process.arguments = [
      "-c",
      "import json, sys, yaml; print(json.dumps(yaml.safe_load(open(sys.argv[1])), sort_keys=True))", file,
    ]
    let out = Pipe()
    process.standardOutput = out
    process.standardError = FileHandle.nullDevice
    try process.run()
    let data = out.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    try #require(process.terminationStatus == 0, "PyYAML could not read the draft:\n\(draft)")
    let py = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
    let pyQuestions = try #require(py["questions"] as? [[String: Any]])
    let yamsQuestions = try #require(yams["questions"] as? [[String: Any]])
    #expect(pyQuestions.map { $0["column"] as? String } == yamsQuestions.map { $0["column"] as? String })
    #expect(pyQuestions.map { $0["text"] as? String } == yamsQuestions.map { $0["text"] as? String })
    #expect(pyQuestions.count == 2)
  }
}

/// Personal data by column role and content, not by words inside a question; previews.
@Suite struct SurveyPersonalAndPreviewTests {
  @Test func aQuestionAboutEmailIsAQuestionAndAddressesAreFoundByTheirValues() throws {
    let fx = try StoreFixture()
    var lines = ["id,How would you describe your access to emails from us?,Contact e-mail,Notes,Where"]
    for r in 0..<20 {
      lines.append(
        "r\(r),\(1 + r % 5),user\(r)@example.com,10.0.\(r).7,\"60.\(1000 + r)5, 24.\(9300 + r)1\"")
    }
    let path = try fx.file("s.csv", lines.joined(separator: "\n") + "\n")
    let i = try SurveyInspection.inspect(path: path)
    func kind(_ key: String) -> SurveyInspection.Kind? { i.columns.first { $0.key == key }?.kind }
    #expect(kind("How would you describe your access to emails from us?") == .numericScale(min: 1, max: 5))
    #expect(kind("Contact e-mail") == .personal("email address"))
    #expect(kind("Notes") == .personal("IP addresses in the values"))
    #expect(kind("Where") == .personal("coordinates in the values"))
    #expect(i.report.contains("personal (email address, by its header): dropped, never stored"))
    #expect(i.report.contains("personal (IP addresses in the values)"))
  }

  @Test func personalFalseKeepsAColumnTheHeaderMisjudged() throws {
    let fx = try StoreFixture()
    let path = try fx.file("s.csv", "id,Email\nr1,4\nr2,5\nr3,3\nr4,4\nr5,2\n")
    let ws = try Workspace.open(path: fx.path("ws.peili"), create: true)
    func mapping(_ extra: String) throws -> String {
      try fx.file(
        "m.yaml",
        "respondent_id: id\nthemes: [{id: t, name: T}]\n"
          + "questions:\n  - {column: Email, id: email_rating, theme: t, scale: [1, 5]\(extra)}\n")
    }
    let refused = #expect(throws: SurveyImportError.self) {
      try ws.importSurvey(
        csv: path, mapping: try mapping(""), wave: "w1", date: Day(year: 2026, month: 9, day: 1),
        audience: .staff,
        by: "t")
    }
    #expect(
      refused?.message.contains("`personal: false` on its entry") == true, "\(String(describing: refused))")
    let s = try ws.importSurvey(
      csv: path, mapping: try mapping(", personal: false"), wave: "w1",
      date: Day(year: 2026, month: 9, day: 1),
      audience: .staff, by: "t")
    #expect(s.answers == 5)
  }

  @Test func anExportOfPreviewsOnlySaysSoAndIncludeTestBringsThemIn() throws {
    let fx = try StoreFixture()
    let fixture = try String(contentsOfFile: VendorFixture.path("qualtrics.csv"), encoding: .utf8)
    // The three header rows (the first answer row starts with its date), then the preview alone.
    // By scalars: the fixture's CRLF is one Character, which splitting at "\n" would not see.
    let rows = fixture.unicodeScalars.split(separator: "\n", omittingEmptySubsequences: false).map {
      String($0)
    }
    let header = rows.prefix { !$0.hasPrefix("2025-") }
    let preview = try #require(rows.first { $0.contains("Survey Preview") })
    let previews = (header + [preview]).joined(separator: "\n") + "\n"
    let path = try fx.file("previews.csv", previews)
    let ws = try Workspace.open(path: fx.path("ws.peili"), create: true)
    let mapping = VendorFixture.path("qualtrics-mapping.yaml")
    let error = #expect(throws: SurveyImportError.self) {
      try ws.importSurvey(
        csv: path, mapping: mapping, wave: "w1", date: Day(year: 2025, month: 9, day: 15),
        audience: .customer,
        by: "t")
    }
    #expect(error?.message.contains("every row is a survey preview or test (1); add --include-test") == true)
    #expect(try SurveyInspection.inspect(path: path).report.contains("add --include-test"))
    let s = try ws.importSurvey(
      csv: path, mapping: mapping, wave: "w1", date: Day(year: 2025, month: 9, day: 15), audience: .customer,
      keeping: [.preview], by: "t")
    #expect(s.respondents == 1)
  }
}

/// Encodings by the bytes: DOS and Mac code pages told from Windows-1252, undefined bytes
/// replaced and reported (never dropped), `--encoding` to name one, samples that show mojibake.
@Suite struct SurveyEncodingTests {
  func inspect(_ bytes: [UInt8], encoding: SurveyTextEncoding? = nil) throws -> SurveyInspection {
    let fx = try StoreFixture()
    let path = try fx.file("s.csv", Data(Array("id,segment,q1,comment\n".utf8) + bytes))
    return try SurveyInspection.inspect(path: path, encoding: encoding)
  }

  /// "Persönlich", "Erklärungsbedürftige", "groß" as a DOS program (CP850) writes them.
  static let cp850Rows: [UInt8] =
    Array("r1,Pers".utf8) + [0x94] + Array("nlich,3,Erkl".utf8) + [0x84] + Array("rungsbed".utf8) + [0x81]
    + Array("rftige\nr2,Gesch".utf8) + [0x84] + Array("ftlich,4,gro".utf8) + [0xE1] + Array("\n".utf8)

  @Test func aDOSCodePageIsToldFromWindows1252ByItsLetters() throws {
    let i = try inspect(Self.cp850Rows)
    #expect(i.encoding == .cp850)
    #expect(i.replacedBytes.isEmpty)
    #expect(i.nonASCIISamples.contains("Persönlich"))
    #expect(i.report.contains("reads as: Persönlich Erklärungsbedürftige"), "\(i.report)")
  }

  @Test func anUndefinedByteIsReplacedAndReportedWithItsPlace() throws {
    let rows =
      Array("r1,a,3,caf".utf8) + [0xE9, 0x20, 0x81] + Array("\nr2,b,4,na".utf8) + [0xEF] + Array("ve\n".utf8)
    let i = try inspect(rows)
    #expect(i.encoding == .windows1252)
    #expect(i.replacedBytes == [ReplacedByte(line: 2, column: 13, byte: 0x81)])
    #expect(
      i.report.contains(
        "warning: 1 byte(s) not defined in Windows-1252 were replaced with U+FFFD, first at line 2, column 13 (0x81)"
      ))
    #expect(i.nonASCIISamples.contains("café"))
  }

  @Test func anEncodingCanBeNamed() throws {
    let i = try inspect(Self.cp850Rows, encoding: .windows1252)
    #expect(i.encoding == .windows1252)
    #expect(i.replacedBytes.count == 1, "0x81 is undefined in Windows-1252")
    #expect(SurveyTextEncoding.byName["mac-roman"] == .macRoman)
    #expect(SurveyTextEncoding.byName["cp850"] == .cp850)
  }

  @Test func theSegmentValuesImportAsTheLettersTheyWere() throws {
    let fx = try StoreFixture()
    let path = try fx.file("s.csv", Data(Array("id,segment,q1,comment\n".utf8) + Self.cp850Rows))
    let mapping = try fx.file(
      "m.yaml",
      "respondent_id: id\nsegments: [{column: segment}]\nthemes: [{id: t, name: T}]\n"
        + "questions: [{column: q1, id: q1, theme: t, scale: [1, 5]}]\ncomments: [{column: comment, theme: t}]\n"
    )
    let ws = try Workspace.open(path: fx.path("ws.peili"), create: true)
    try ws.importSurvey(
      csv: path, mapping: mapping, wave: "w1", date: Day(year: 2026, month: 9, day: 1), audience: .customer,
      by: "t")
    let values = try #require(try ws.survey.segmentAttributes().first { $0.name == "segment" }).values
    #expect(Set(values) == ["Persönlich", "Geschäftlich"])
  }
}

/// The vendors' common label scales, in several languages and lengths, become scales.
@Suite struct SurveyLabelScaleTests {
  func draftLine(_ labels: [String], header: String = "Item") throws -> String {
    let fx = try StoreFixture()
    var lines = ["id,\"\(header)\""]
    for r in 0..<40 { lines.append("r\(r),\"\(labels[r % labels.count])\"") }
    let path = try fx.file("s.csv", lines.joined(separator: "\n") + "\n")
    let draft = try SurveyInspection.inspect(path: path).draftMapping
    return try #require(
      draft.split(separator: "\n").map(String.init).first {
        $0.contains("{column:") && $0.contains("scale:")
      }, "\(draft)")
  }

  @Test(arguments: [
    (
      [
        "Not at all important", "Slightly important", "Moderately important", "Very important",
        "Extremely important",
      ], "important5", "[1, 5]"
    ),
    (["Not relevant for me", "Somewhat useful", "Critical to me"], "useful3", "[1, 3]"),
    (["Disagree", "Neutral", "Agree"], "agree3", "[1, 3]"),
    (
      [
        "Strongly disagree", "Disagree", "Somewhat disagree", "Neither agree nor disagree", "Somewhat agree",
        "Agree", "Strongly agree",
      ], "agree7", "[1, 7]"
    ),
    (
      ["Mycket missnöjd", "Missnöjd", "Varken nöjd eller missnöjd", "Nöjd", "Mycket nöjd"], "satisfied5_sv",
      "[1, 5]"
    ),
    (["Nie", "Selten", "Manchmal", "Oft", "Immer"], "frequency5_de", "[1, 5]"),
    (["Muy en desacuerdo", "En desacuerdo", "De acuerdo", "Muy de acuerdo"], "agree5_es", "[1, 5]"),
    (["Ei koskaan", "Harvoin", "Joskus", "Usein", "Aina"], "frequency5_fi", "[1, 5]"),
    (["Low", "Medium", "High"], "level3", "[1, 3]"),
  ])
  func aVendorLabelScaleIsDraftedAsItsScale(labels: [String], set: String, scale: String) throws {
    let line = try draftLine(labels)
    #expect(line.contains("scale: \(scale), labels: \(set)"), "\(line)")
  }
}
