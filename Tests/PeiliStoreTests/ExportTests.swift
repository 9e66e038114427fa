import Foundation
import GRDB
import PeiliCore
import Testing

@testable import PeiliStore

@Suite("Survey and audit export")
struct ExportTests {
  private static let mapping = """
    respondent_id: id
    segments:
      - {column: region}
      - {column: kind, name: respondent}
    themes:
      - {id: comms, name: "Communication, clarity"}
      - {id: rec, name: Recommendation}
    questions:
      - {column: q1, id: clear, text: "I understand: \\"what\\" they offer", theme: comms, scale: [1, 7]}
      - {column: q2, id: region, text: Informed, theme: comms, scale: [-2, 2]}
      - {column: q3, id: nps, text: Recommend, theme: rec, scale: [0, 10], nps: true, outcome: true}
    comments:
      - {column: c1, theme: comms}
      - {column: c2, theme: comms}
      - {column: c3, theme: rec}

    """

  /// Extremes of every scale, blanks, a missing segment, quotes, commas and two comments on one
  /// theme.
  private static let csv = #"""
    id,region,kind,q1,q2,q3,c1,c2,c3
    r1,North,business,7,2,10,"Clear, thanks","She said ""call me""",
    r2,,private,1,-2,0,,,Would not recommend
    r3,South,private,,,,,,
    r4,North,business,4,0,,"  padded  ",,

    """#

  private func workspace(_ fx: StoreFixture) throws -> Workspace {
    let ws = try Workspace.open(path: fx.path("ws.peili"), create: true)
    try ws.importSurvey(
      csv: try fx.file("in.csv", Self.csv), mapping: try fx.file("in.yaml", Self.mapping), wave: "2025-09",
      date: Day("2025-09-15"), audience: .customer, by: "u")
    return ws
  }

  @Test func answersAreUnpackedIntoTheCanonicalLayout() throws {
    let fx = try StoreFixture()
    let ws = try workspace(fx)
    let export = try ws.exportSurvey()
    #expect(export.waveID == "2025-09")
    #expect(export.audience == .customer)
    #expect(export.respondents == 4)
    // The segment named `respondent` keeps its name; the id column moves aside, and the
    // question `region` gets a column of its own next to the segment `region`.
    #expect(
      export.csv
        == [
          "respondent_2,region_2,respondent,clear,region,nps,comment_comms,comment_comms_2,comment_rec",
          "r1,North,business,7,2,10,\"Clear, thanks\",\"She said \"\"call me\"\"\",",
          "r2,,private,1,-2,0,,,Would not recommend",
          "r3,South,private,,,,,,",
          "r4,North,business,4,0,,padded,,",
        ].map { $0 + "\r\n" }.joined())
    #expect(
      export.mapping == """
        # Survey mapping for the CSV `peili export survey` wrote: wave 2025-09 (2025-09-15), audience customer.
        # Import with: peili import survey FILE.csv --mapping THIS.yaml --wave 2025-09 --date 2025-09-15 --audience customer
        respondent_id: respondent_2
        segments:
          - {column: region_2, name: region}
          - {column: respondent}
        themes:
          - {id: comms, name: "Communication, clarity"}
          - {id: rec, name: Recommendation}
        questions:
          - {column: clear, id: clear, text: "I understand: \\"what\\" they offer", theme: comms, scale: [1, 7]}
          - {column: region, id: region, text: Informed, theme: comms, scale: [-2, 2]}
          - {column: nps, id: nps, text: Recommend, theme: rec, scale: [0, 10], nps: true, outcome: true}
        comments:
          - {column: comment_comms, theme: comms}
          - {column: comment_comms_2, theme: comms}
          - {column: comment_rec, theme: rec}

        """)
    #expect(try ws.exportSurveyCSV(wave: "2025-09", audience: .customer) == export.csv)
    #expect(try ws.exportSurveyMapping() == export.mapping)
  }

  @Test func anExportImportsBackWithIdenticalScores() throws {
    let fx = try StoreFixture()
    let ws = try workspace(fx)
    // --raw: what is compared is byte identity, which the spreadsheet-safe cells would break.
    let export = try ws.exportSurvey(raw: true)
    let fresh = try Workspace.open(path: fx.path("fresh.peili"), create: true)
    let summary = try fresh.importSurvey(
      csv: try fx.file("out.csv", export.csv), mapping: try fx.file("out.yaml", export.mapping),
      wave: export.waveID, date: export.waveDate, audience: export.audience, by: "u")
    #expect(summary.respondents == 4)
    #expect(summary.comments == 4)
    let scores = try ws.snapshot().scores
    #expect(!scores.isEmpty)
    #expect(try fresh.snapshot().scores == scores)
    #expect(try fresh.comments(theme: "comms").map(\.text) == ws.comments(theme: "comms").map(\.text))
    #expect(
      try fresh.respondentScores(theme: "comms", audience: .customer, wave: "2025-09").map(\.segments)
        == ws.respondentScores(theme: "comms", audience: .customer, wave: "2025-09").map(\.segments))
    #expect(try fresh.exportSurvey(raw: true) == export)
  }

  @Test func everyDemoWaveAndAudienceRoundTripsItsScores() throws {
    let fx = try StoreFixture()
    let demo = try DemoWorkspace.build(at: fx.path("demo.peili"), by: "demo")
    let fresh = try Workspace.open(path: fx.path("fresh.peili"), create: true)
    let waves = try demo.snapshot().waves
    #expect(waves.count == 3)
    var exported = 0
    for wave in waves {
      for audience in Audience.allCases {
        let export = try demo.exportSurvey(wave: wave.id, audience: audience, raw: true)
        let name = "\(wave.id)-\(audience.rawValue)"
        try fresh.importSurvey(
          csv: try fx.file("\(name).csv", export.csv), mapping: try fx.file("\(name).yaml", export.mapping),
          wave: wave.id, date: wave.date, audience: audience, by: "u")
        #expect(try fresh.exportSurvey(wave: wave.id, audience: audience, raw: true) == export)
        exported += 1
      }
    }
    #expect(exported == 9)
    let scores = try demo.snapshot().scores
    #expect(scores.count > 50)
    #expect(try fresh.snapshot().scores == scores)
  }

  @Test func theWaveAndAudienceAreChosenOrAskedFor() throws {
    let fx = try StoreFixture()
    let ws = try workspace(fx)
    let staffCSV = "id,region,kind,q1,q2,q3,c1,c2,c3\ns1,North,x,3,1,8,,,\n"
    try ws.importSurvey(
      csv: try fx.file("staff.csv", staffCSV), mapping: fx.path("in.yaml"), wave: "2026-09",
      date: Day("2026-09-15"), audience: .staff, by: "u")
    try ws.importSurvey(
      csv: try fx.file("mirror.csv", staffCSV), mapping: fx.path("in.yaml"), wave: "2026-09", date: nil,
      audience: .mirror, by: "u")
    // The latest wave by default; the only audience of a wave needs no naming.
    #expect(try ws.exportSurvey(audience: .staff).waveID == "2026-09")
    #expect(try ws.exportSurvey(audience: .customer).waveID == "2025-09")
    #expect(try ws.exportSurvey(wave: "2025-09").audience == .customer)
    let several = #expect(throws: StoreError.self) { try ws.exportSurvey() }
    #expect(
      several?.description
        == "wave 2026-09 has staff, mirror respondents; expected an audience to choose one (--audience)")
    let unknown = #expect(throws: StoreError.self) { try ws.exportSurvey(wave: "2024") }
    #expect(unknown?.description == "no wave `2024` with respondents; expected one of 2025-09, 2026-09")
    let absent = #expect(throws: StoreError.self) { try ws.exportSurvey(wave: "2025-09", audience: .staff) }
    #expect(absent?.description == "wave 2025-09 has no staff respondents; expected one of customer")
    let empty = try Workspace.open(path: fx.path("empty.peili"), create: true)
    #expect(throws: StoreError.self) { try empty.exportSurvey() }
  }

  @Test func theAuditTrailExportsAsRFC4180() throws {
    let fx = try StoreFixture()
    let ws = try Workspace.open(path: fx.path("ws.peili"), create: true)
    try ws.writeTransaction { db in
      let log = try AuditLog.begin(db, kind: .edit, user: "Aino, \"the boss\"")
      try log.record(
        db, entity: "action", id: "A1", field: "title", old: "Two\nlines", new: "Say \"hi\", then go")
      try log.record(
        db, entity: "action", id: "A1", field: "note", old: nil, new: "esc\u{1B}[2Jcr\r\nlf\u{9B}")
      try log.record(db, entity: "action", id: "A1", field: "owner", old: " spaced ", new: "")
    }
    let csv = try ws.exportAuditCSV()
    let at = try #require(try ws.auditTrail(limit: 1).first?.at)
    #expect(
      csv
        == [
          "at,user,kind,entity,entity_id,field,old_value,new_value",
          "\(at),\"Aino, \"\"the boss\"\"\",edit,action,A1,title,\"Two\nlines\",\"Say \"\"hi\"\", then go\"",
          "\(at),\"Aino, \"\"the boss\"\"\",edit,action,A1,note,,\"esc[2Jcr\nlf\"",
          "\(at),\"Aino, \"\"the boss\"\"\",edit,action,A1,owner,\" spaced \",",
        ].map { $0 + "\r\n" }.joined())

    // A conforming reader gets the values back (control characters other than line breaks gone).
    let reader = try CSVReader(string: csv)
    var records: [[String]] = []
    while try reader.next() { records.append((0..<reader.count).map(reader.string)) }
    #expect(records.count == 4)
    #expect(records.allSatisfy { $0.count == 8 })
    #expect(records[1][1] == "Aino, \"the boss\"")
    #expect(records[1][6] == "Two\nlines")
    #expect(records[1][7] == "Say \"hi\", then go")
    #expect(records[2][7] == "esc[2Jcr\nlf")
    #expect(records[3][6] == " spaced ")
  }

  /// OWASP's CSV injection advice: a cell a spreadsheet would run as a formula starts with `'`
  /// by default; a plain number stays a number; `raw` writes the stored text.
  @Test func formulaCellsAreNeutralisedUnlessRaw() throws {
    let fx = try StoreFixture()
    let ws = try Workspace.open(path: fx.path("ws.peili"), create: true)
    let hostile = [
      "=HYPERLINK(\"http://evil.example\",\"click\")", "@SUM(A1)", "+cmd|' /C calc'!A0", "-2+3",
      "\tindented", "\rcr first",
    ]
    try ws.writeTransaction { db in
      let log = try AuditLog.begin(db, kind: .edit, user: "u")
      for (i, text) in hostile.enumerated() {
        try log.record(db, entity: "action", id: "A\(i)", field: "note", old: "-5", new: text)
      }
      try log.record(db, entity: "action", id: "B1", field: "progress", old: "-0.25", new: "1e-3")
    }
    func cells(_ csv: String) throws -> [[String]] {
      let reader = try CSVReader(string: csv)
      var records: [[String]] = []
      while try reader.next() { records.append((0..<reader.count).map(reader.string)) }
      return Array(records.dropFirst())
    }
    let safe = try cells(try ws.exportAuditCSV())
    #expect(
      safe.prefix(hostile.count).map { $0[7] }
        == hostile.map { "'" + $0.replacingOccurrences(of: "\r", with: "\n") })
    #expect(safe.allSatisfy { $0[6] == "-5" || $0[6] == "-0.25" }, "negative numbers stay numbers")
    // A formula behind a zero-width space: the space goes, and the formula is still caught.
    #expect(CSVWriter.field("\u{200B}=HYPERLINK(1)") == "'=HYPERLINK(1)")
    #expect(CSVWriter.field("\u{200B}-5") == "-5")
    #expect(safe.last?[7] == "1e-3")
    let raw = try cells(try ws.exportAuditCSV(raw: true))
    #expect(
      raw.prefix(hostile.count).map { $0[7] } == hostile.map { $0.replacingOccurrences(of: "\r", with: "\n") }
    )
  }

  @Test func plainNumbersAreToldFromFormulas() {
    for number in ["-5", "+5", "-0.25", ".5", "5.", "1e-3", "-2E+10", "42"] {
      #expect(CSVWriter.isPlainNumber(number), "\(number)")
    }
    for text in ["-", "+", "-2+3", "=1", "-1e", "1e5x", "- 5", "-.", "--5", "0x1F", ""] {
      #expect(!CSVWriter.isPlainNumber(text), "\(text)")
    }
  }

  @Test func anEmptyAuditTrailIsJustTheHeader() throws {
    let fx = try StoreFixture()
    let ws = try Workspace.open(path: fx.path("ws.peili"), create: true)
    #expect(try ws.exportAuditCSV() == "at,user,kind,entity,entity_id,field,old_value,new_value\r\n")
  }
}
