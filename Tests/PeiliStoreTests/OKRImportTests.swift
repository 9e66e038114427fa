import Foundation
import GRDB
import PeiliCore
import Testing

@testable import PeiliStore

@Suite("OKR import")
struct OKRImportTests {
  /// Imports `yaml` into a workspace that already holds the example, expects it refused with
  /// the first problem at `line`:`column` whose message contains every fragment, and checks the
  /// workspace is unchanged.
  @discardableResult
  private func refused(
    _ yaml: String, line: Int, at marker: String, _ fragments: [String],
    sourceLocation: SourceLocation = #_sourceLocation
  ) throws -> ImportError? {
    let text = yaml.split(separator: "\n", omittingEmptySubsequences: false)[line - 1]
    let column = try #require(
      text.range(of: marker), "no \(marker) on line \(line)", sourceLocation: sourceLocation)
    return try refused(
      yaml, line: line, column: text.distance(from: text.startIndex, to: column.lowerBound) + 1, fragments,
      sourceLocation: sourceLocation)
  }

  @discardableResult
  private func refused(
    _ yaml: String, line: Int, column: Int?, _ fragments: [String], data: Data? = nil,
    sourceLocation: SourceLocation = #_sourceLocation
  ) throws -> ImportError? {
    let fx = try StoreFixture()
    let ws = try fx.exampleWorkspace()
    let before = try StoreFixture.dump(ws)
    let path = try fx.file("bad.yaml", data ?? Data(yaml.utf8))
    let error = #expect(throws: ImportError.self, sourceLocation: sourceLocation) {
      try ws.importOKRs(file: path, by: "tester")
    }
    guard let error else { return nil }
    #expect(error.file == path, sourceLocation: sourceLocation)
    #expect(error.line == line, "\(error)", sourceLocation: sourceLocation)
    #expect(error.column == column, "\(error)", sourceLocation: sourceLocation)
    for fragment in fragments {
      #expect(error.message.contains(fragment), "\(error.message)", sourceLocation: sourceLocation)
    }
    let place = column.map { "\(path):\(line):\($0): " } ?? "\(path):\(line): "
    #expect(error.description.hasPrefix(place), sourceLocation: sourceLocation)
    #expect(try StoreFixture.dump(ws) == before, "the workspace changed", sourceLocation: sourceLocation)
    return error
  }

  private let header = """
    cycle: {id: "2026", name: "2026", start: 2026-01-01, end: 2026-12-31}
    themes:
      - {id: communication, name: Communication}

    """

  @Test func theExampleImportsCleanly() throws {
    let fx = try StoreFixture()
    let ws = try Workspace.open(path: fx.path("ws.peili"), create: true)
    let summary = try ws.importOKRs(file: StoreFixture.examplePath, by: "importer")
    #expect(
      summary
        == OKRImportSummary(
          cycleID: "2026", replacedCycle: false, objectives: 2, keyResults: 4, actions: 4,
          newThemes: ["communication", "reliability"], auditRows: 1 + 2 + 2 + 4 + 4, added: 2 + 4 + 4))
    let trail = try ws.auditTrail(limit: 100)
    #expect(trail.allSatisfy { $0.kind == .import && $0.user == "importer" })
    #expect(Set(trail.map(\.changeID)).count == 1)
    #expect(
      trail.contains {
        $0.entity == "cycle" && $0.field == "import" && $0.newValue == StoreFixture.examplePath
      })
  }

  @Test func reimportReplacesTheCycleAndKeepsDashboardProgress() throws {
    let fx = try StoreFixture()
    let ws = try fx.exampleWorkspace()
    let a1 = try #require(try ws.snapshot().actions.first { $0.id == "A1" })
    _ = try ws.apply(.progress(75), toAction: "A1", basedOn: a1.version, by: "siiri")
    let revised = try fx.file(
      "revised.yaml",
      """
      cycle: {id: "2026", name: "2026 revised", start: 2026-01-01, end: 2026-12-31}
      objectives:
        - id: O1
          title: Customers understand what we offer and why
          owner: Aino
          weight: 2
          themes: [communication]
          key_results:
            - {id: KR2, title: Newsletter open rate, kind: metric, start: 18, target: 40, unit: "%", owner: Siiri}
          actions:
            - {id: A1, title: Monthly customer newsletter, owner: Siiri, key_result: KR2,
               start: 2026-02-01, due: 2026-06-30, themes: [communication]}
      """)
    let summary = try ws.importOKRs(file: revised, by: "importer")
    #expect(summary.replacedCycle)
    #expect(summary.newThemes.isEmpty)
    let s = try ws.snapshot()
    #expect(s.cycle?.name == "2026 revised")
    #expect(s.objectives.map(\.id) == ["O1"])
    #expect(s.keyResults.map(\.id) == ["KR2"])
    #expect(s.actions.map(\.id) == ["A1"])
    // Left out of the file: progress and status entered in the dashboard, and KR2's current.
    #expect(s.actions[0].progress == 75)
    #expect(s.actions[0].status == .active)
    #expect(s.keyResults[0].measure == .metric(start: 18, target: 40, current: 24, unit: "%"))
    #expect(s.objectives[0].version == 2)
    #expect(s.actions[0].version == a1.version + 1, "unchanged items keep their version")
    #expect(s.themes.count == 2, "themes stay in the workspace")

    let trail = try ws.auditTrail(limit: 100).filter { $0.kind == .import && $0.user == "importer" }
    #expect(trail.contains { $0.entity == "objective" && $0.id > 0 && $0.field == "title" })
    #expect(
      trail.contains {
        $0.entity == "key_result" && $0.entityID == "KR2" && $0.field == "target" && $0.oldValue == "35"
          && $0.newValue == "40"
      })
    #expect(trail.contains { $0.entity == "objective" && $0.entityID == "O2" && $0.field == "deleted" })
    #expect(trail.contains { $0.entity == "action" && $0.entityID == "A3" && $0.field == "deleted" })
    // A stale edit of a changed item is a conflict.
    let o1Actions = try ws.apply(.progress(10), toAction: "A1", basedOn: a1.version, by: "x")
    guard case .conflict = o1Actions else { throw StoreError.invalid("expected a conflict") }
  }

  @Test func aFailedImportLeavesTheFileByteForByte() throws {
    let fx = try StoreFixture()
    let ws = try fx.exampleWorkspace()
    try StoreFixture.checkpoint(ws)
    let path = fx.path("ws.peili")
    let before = try StoreFixture.bytes(path)
    let bad = try fx.file("bad.yaml", header + "objectives:\n  - {id: O1, title: T, themes: [nowhere]}\n")
    #expect(throws: ImportError.self) { try ws.importOKRs(file: bad, by: "u") }
    try StoreFixture.checkpoint(ws)
    #expect(try StoreFixture.bytes(path) == before)
  }

  @Test func allProblemsAreListedInFileOrder() throws {
    let error = try refused(
      header + """
        objectives:
          - {id: O1, title: A, kind: stretch}
          - {id: O2, title: B, themes: [nowhere]}
          - {id: O1, title: C}
        """, line: 5, at: "stretch", ["unknown kind `stretch`", "expected one of committed, aspirational"])
    #expect(error?.all.map(\.line) == [5, 6, 7])
    #expect(error?.description.split(separator: "\n").count == 3)
  }

  @Test func yamlSyntaxError() throws {
    try refused(
      header + "objectives:\n  - {id: O1, title: [unclosed\n", line: 6, column: 1, ["YAML syntax error"])
  }

  @Test func yamlSyntaxErrorsSayWhatWasExpectedNotLibyamlsWords() throws {
    // Each of libyaml's common problems, as a user writes it by mistake, in peili's words.
    let cases: [(String, String, String)] = [
      (
        "  - id: O1\n    title: Goal: more\n", "mapping values are not allowed",
        "quote a value that contains `: `"
      ),
      ("  - id: O1\n   title: A\n", "did not find expected", "expected a `- ` list item at this indentation"),
      ("  - {id: O1, title: [A, B\n", "did not find expected", "is not closed"),
      ("  - id: O1\n\ttitle: A\n", "found character that cannot start any token", "indent with spaces"),
    ]
    let fx = try StoreFixture()
    for (yaml, libyaml, ours) in cases {
      let path = try fx.file("bad.yaml", Data((header + "objectives:\n" + yaml).utf8))
      let error = #expect(throws: ImportError.self) { try OKRFileParser.parse(path: path) }
      let message = error?.description ?? ""
      #expect(message.contains(ours), "\(yaml.debugDescription): \(message)")
      #expect(!message.contains(libyaml), "\(yaml.debugDescription): \(message)")
    }
  }

  @Test func yamlDuplicateKey() throws {
    try refused(
      header + "objectives:\n  - {id: O1, title: A, title: B}\n", line: 5, at: "title",
      ["`title` appears twice"])
  }

  @Test func missingRequiredFields() throws {
    try refused(
      header + "objectives:\n  - {id: O1, owner: Aino}\n", line: 5, at: "{id",
      ["objective O1: missing required field `title`"])
    try refused(
      "themes: []\nobjectives: []\n", line: 1, column: 1, ["the file: missing required field `cycle`"])
    try refused(
      header
        + "objectives:\n  - {id: O1, title: A, key_results: [{id: KR1, title: B, kind: metric, start: 1}]}\n",
      line: 5, at: "{id: KR1", ["key result KR1: missing required field `target`"])
    try refused(
      header
        + "objectives:\n  - {id: O1, title: A, key_results: [{id: KR1, title: B, kind: perception, target: 50, audience: staff}]}\n",
      line: 5, at: "{id: KR1", ["key result KR1: missing required field `theme`"])
  }

  @Test func unknownKindStatusAudienceAndField() throws {
    try refused(
      header + "objectives:\n  - {id: O1, title: A, key_results: [{id: KR1, title: B, kind: okr}]}\n",
      line: 5, at: "okr", ["key result KR1: unknown kind `okr`", "metric, milestone, perception"])
    try refused(
      header + "objectives:\n  - {id: O1, title: A, actions: [{id: A1, title: B, status: doing}]}\n",
      line: 5, at: "doing", ["action A1: unknown status `doing`", "planned, active, done, blocked, dropped"])
    try refused(
      header
        + "objectives:\n  - {id: O1, title: A, key_results: [{id: KR1, title: B, kind: perception, theme: communication, audience: board, target: 50}]}\n",
      line: 5, at: "board", ["unknown audience `board`", "customer, staff, mirror"])
    try refused(
      header + "objectives:\n  - {id: O1, title: A, tittle: B}\n", line: 5, at: "tittle",
      ["unknown field `tittle`", "`title`"])
    try refused(
      header
        + "objectives:\n  - {id: O1, title: A, key_results: [{id: KR1, title: B, kind: milestone, target: 3}]}\n",
      line: 5, at: "target", ["field `target` does not apply to a milestone key result"])
  }

  @Test func duplicateIDs() throws {
    try refused(
      header + """
        objectives:
          - id: O1
            title: A
            key_results:
              - {id: O1, title: B, kind: milestone}
        """, line: 8, at: "{id: O1",
      ["duplicate id `O1`", "objective at line 5", "unique across objectives, key results and actions"])
  }

  @Test func anIDOfAnotherCycle() throws {
    try refused(
      """
      cycle: {id: "2027", start: 2027-01-01, end: 2027-12-31}
      objectives:
        - {id: O1, title: A}
      """, line: 3, at: "{id", ["id `O1` is already used in cycle 2026"])
  }

  @Test func unknownTheme() throws {
    try refused(
      header
        + "objectives:\n  - {id: O1, title: A, actions: [{id: A1, title: B, themes: [communication, pricing]}]}\n",
      line: 5, at: "pricing",
      [
        "action A1: unknown theme `pricing`",
        "expected a theme listed under `themes:` or already in the workspace",
      ])
  }

  @Test func themesAlreadyInTheWorkspaceAreKnown() throws {
    let fx = try StoreFixture()
    let ws = try fx.exampleWorkspace()
    let path = try fx.file(
      "more.yaml",
      """
      cycle: {id: "2026", name: "2026", start: 2026-01-01, end: 2026-12-31}
      objectives:
        - {id: O1, title: A, themes: [reliability]}
      """)
    let summary = try ws.importOKRs(file: path, by: "u")
    #expect(summary.newThemes.isEmpty)
    #expect(try ws.snapshot().objectives.first?.themeIDs == ["reliability"])
  }

  @Test func unknownParent() throws {
    try refused(
      header + "objectives:\n  - {id: O1, title: A, parent: O9}\n", line: 5, at: "O9",
      ["objective O1: unknown parent `O9`", "expected the id of an objective in this file"])
  }

  @Test func parentCycle() throws {
    try refused(
      header + """
        objectives:
          - {id: O1, title: A, parent: O3}
          - {id: O2, title: B, parent: O1}
          - {id: O3, title: C, parent: O2}
        """, line: 5, at: "O3", ["parent cycle: O1 → O3 → O2 → O1"])
    try refused(
      header + "objectives:\n  - {id: O1, title: A, parent: O1}\n", line: 5, at: "O1}",
      ["parent cycle: objective O1 names itself"])
  }

  @Test func metricWithTargetEqualToStart() throws {
    try refused(
      header
        + "objectives:\n  - id: O1\n    title: A\n    key_results:\n      - {id: KR1, title: B, kind: metric, start: 5, target: 5.0}\n",
      line: 8, at: "5.0",
      ["key result KR1: target equals start (5)", "expected a target different from the start"])
  }

  @Test func progressOutsideRange() throws {
    try refused(
      header + "objectives:\n  - {id: O1, title: A, actions: [{id: A1, title: B, progress: 120}]}\n",
      line: 5, at: "120", ["action A1: progress 120 is outside 0–100"])
    try refused(
      header + "objectives:\n  - {id: O1, title: A, actions: [{id: A1, title: B, progress: half}]}\n",
      line: 5, at: "half", ["`progress` must be a whole number 0–100, got `half`"])
  }

  @Test func badDates() throws {
    try refused(
      "cycle: {id: \"2026\", start: 2026-02-30, end: 2026-12-31}\nobjectives: []\n", line: 1,
      at: "2026-02-30", ["cycle: bad date `2026-02-30` for `start`; expected YYYY-MM-DD"])
    try refused(
      header + "objectives:\n  - {id: O1, title: A, actions: [{id: A1, title: B, due: 30.6.2026}]}\n",
      line: 5, at: "30.6.2026", ["action A1: bad date `30.6.2026` for `due`"])
    try refused(
      "cycle: {id: \"2026\", start: 2026-12-31, end: 2026-01-01}\nobjectives: []\n", line: 1,
      at: "2026-01-01}", ["cycle end 2026-01-01 is before its start 2026-12-31"])
  }

  @Test func actionKeyResultOfAnotherObjective() throws {
    try refused(
      header + """
        objectives:
          - {id: O1, title: A, key_results: [{id: KR1, title: K, kind: milestone}]}
          - {id: O2, title: B, actions: [{id: A1, title: C, key_result: KR1}]}
        """, line: 6, at: "KR1}", ["key result KR1 belongs to objective O1; expected a key result of O2"])
  }

  @Test func emptyFiles() throws {
    try refused("", line: 1, column: nil, ["the file is empty"])
    try refused("\n  \n# only a comment\n", line: 1, column: nil, ["the file is empty"])
  }

  @Test func notUTF8() throws {
    var bytes = Data("cycle: {id: \"2026\", name: \"".utf8)
    bytes.append(contentsOf: [0x4A, 0xE4, 0x72, 0x76, 0x69])  // "Järvi" in Latin-1
    bytes.append(contentsOf: Data("\", start: 2026-01-01, end: 2026-12-31}\n".utf8))
    try refused("", line: 1, column: 29, ["not valid UTF-8", "0xE4"], data: bytes)
  }

  @Test func aMissingFileIsNamed() throws {
    let fx = try StoreFixture()
    let ws = try Workspace.open(path: fx.path("ws.peili"), create: true)
    let error = #expect(throws: ImportError.self) { try ws.importOKRs(file: fx.path("nope.yaml"), by: "u") }
    #expect(error?.file == fx.path("nope.yaml"))
    #expect(error?.description.hasPrefix(fx.path("nope.yaml") + ": cannot read the file") == true)
  }

  @Test func controlCharactersAreStrippedFromText() throws {
    let fx = try StoreFixture()
    let ws = try Workspace.open(path: fx.path("ws.peili"), create: true)
    let path = try fx.file(
      "esc.yaml",
      """
      cycle: {id: "2026", start: 2026-01-01, end: 2026-12-31}
      objectives:
        - {id: O1, title: "Bold\\e[1m move\\u0007", owner: "Ai\\x9bno"}
      """)
    try ws.importOKRs(file: path, by: "u")
    let o1 = try #require(try ws.snapshot().objectives.first)
    #expect(o1.title == "Bold[1m move")
    #expect(o1.owner == "Aino")
  }
}
