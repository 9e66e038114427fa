import Foundation
import GRDB
import PeiliCore
import PeiliText
import Testing
import Yams

@testable import PeiliStore

@Suite("OKR export and import --update")
struct OKRRoundTripTests {
  /// The example workspace exported: the golden text, so that a change of the format is seen.
  private static let exampleExport = """
    # OKRs exported by peili (format: docs/okr-format.md).
    # Edit, then apply with: peili import okrs FILE.yaml --update   (--prune also removes left-out items)
    cycle: {id: "2026", name: "2026", start: 2026-01-01, end: 2026-12-31}
    themes:
      - {id: communication, name: Communication}
      - {id: reliability, name: Reliability}
    objectives:
      - id: O1
        title: Customers understand what we offer
        kind: committed
        owner: Aino
        weight: 2
        themes: [communication]
        key_results:
          - id: KR1
            title: Reach 60 on Communication
            kind: perception
            owner: Aino
            theme: communication
            audience: customer
            baseline_wave: "2025-09"
            target: 60
          - id: KR2
            title: Newsletter open rate
            kind: metric
            owner: Siiri
            start: 18
            target: 35
            current: 24
            unit: "%"
        actions:
          - id: A1
            title: Monthly customer newsletter
            owner: Siiri
            key_result: KR2
            status: active
            progress: 40
            start: 2026-02-01
            due: 2026-06-30
            themes: [communication]
          - id: A2
            title: Plain-language charging guide
            owner: Eero
            key_result: KR1
            status: planned
            progress: 0
            start: 2026-03-01
            due: 2026-09-30
            themes: [communication]
      - id: O2
        title: Charging just works
        kind: aspirational
        owner: Mikko
        parent: O1
        themes: [reliability]
        key_results:
          - id: KR3
            title: Charger uptime
            kind: metric
            start: 97.1
            target: 99.5
            current: 98
            unit: "%"
          - id: KR4
            title: Launch a public status page
            kind: milestone
            owner: Mikko
            done: false
        actions:
          - id: A3
            title: Replace the oldest 40 chargers
            owner: Mikko
            key_result: KR3
            status: active
            progress: 25
            due: 2026-11-30
            themes: [reliability]
          - id: A4
            title: Status page on the website
            owner: Juho
            key_result: KR4
            status: blocked
            progress: 10

    """

  /// Exports, imports the text back with `update`, and expects nothing written and the second
  /// export byte for byte the first.
  private func expectNoOpRoundTrip(
    _ ws: Workspace, _ fx: StoreFixture, sourceLocation: SourceLocation = #_sourceLocation
  ) throws -> String {
    let first = try ws.exportOKRs()
    let path = try fx.file("export.yaml", first)
    let before = try StoreFixture.dump(ws)
    let summary = try ws.importOKRs(file: path, by: "editor", update: true)
    #expect(summary.auditRows == 0, sourceLocation: sourceLocation)
    #expect(
      [summary.added, summary.changed, summary.removed, summary.kept] == [Int](repeating: 0, count: 4),
      sourceLocation: sourceLocation)
    #expect(
      try StoreFixture.dump(ws) == before, "the import changed the workspace", sourceLocation: sourceLocation)
    #expect(try ws.exportOKRs() == first, sourceLocation: sourceLocation)
    return first
  }

  @Test func theExampleExportsAsGoldenTextAndRoundTripsUnchanged() throws {
    let fx = try StoreFixture()
    let ws = try fx.exampleWorkspace()
    let text = try expectNoOpRoundTrip(ws, fx)
    #expect(text == Self.exampleExport)
  }

  @Test func theDemoWorkspaceRoundTripsUnchanged() throws {
    let fx = try StoreFixture()
    let ws = try DemoWorkspace.build(at: fx.path("demo.peili"), by: "demo")
    let text = try expectNoOpRoundTrip(ws, fx)
    // The check-ins the demo leaves are in the export.
    #expect(text.contains("confidence: 6"))
    #expect(text.contains("status: blocked"))
  }

  @Test func anExportRebuildsTheSameOKRsInAFreshWorkspace() throws {
    let fx = try StoreFixture()
    let demo = try DemoWorkspace.build(at: fx.path("demo.peili"), by: "demo")
    let text = try demo.exportOKRs()
    let fresh = try Workspace.open(path: fx.path("fresh.peili"), create: true)
    try fresh.importOKRs(file: try fx.file("demo.yaml", text), by: "u")
    #expect(try fresh.exportOKRs() == text)
    let (a, b) = (try demo.snapshot(), try fresh.snapshot())
    #expect(a.objectives.map(\.title) == b.objectives.map(\.title))
    #expect(a.keyResults.map(\.measure) == b.keyResults.map(\.measure))
    #expect(a.keyResults.map(\.confidence) == b.keyResults.map(\.confidence))
    #expect(
      a.actions.map { [$0.id, $0.status.rawValue, "\($0.progress)", "\($0.confidence ?? 0)"] }
        == b.actions.map { [$0.id, $0.status.rawValue, "\($0.progress)", "\($0.confidence ?? 0)"] })
  }

  @Test func editsAreAppliedByIDWithAuditAndNewVersions() throws {
    let fx = try StoreFixture()
    let ws = try fx.exampleWorkspace()
    let before = try ws.snapshot()
    var text = try ws.exportOKRs()
    text = try replacing("title: Newsletter open rate", with: "title: Newsletter opens", in: text)
    text = try replacing("current: 24", with: "current: 30.5", in: text)
    text = try replacing("progress: 40", with: "progress: 55", in: text)
    let summary = try ws.importOKRs(file: try fx.file("edited.yaml", text), by: "editor", update: true)
    #expect(summary.changed == 2)
    #expect(summary.added == 0 && summary.removed == 0 && summary.kept == 0)
    #expect(summary.auditRows == 1 + 3)

    let trail = try ws.auditTrail(limit: 10).filter { $0.user == "editor" }
    #expect(trail.count == 4)
    #expect(Set(trail.map(\.changeID)).count == 1)
    #expect(trail.allSatisfy { $0.kind == .import })
    let fields = Set(
      trail.map { "\($0.entityID).\($0.field): \($0.oldValue ?? "nil") → \($0.newValue ?? "nil")" })
    #expect(
      fields == [
        "2026.import: nil → \(fx.path("edited.yaml"))",
        "KR2.title: Newsletter open rate → Newsletter opens",
        "KR2.current_value: 24 → 30.5",
        "A1.progress: 40 → 55",
      ])

    let after = try ws.snapshot()
    let kr2 = try #require(after.keyResults.first { $0.id == "KR2" })
    #expect(kr2.title == "Newsletter opens")
    #expect(kr2.measure == .metric(start: 18, target: 35, current: 30.5, unit: "%"))
    func version(_ id: String, _ s: Snapshot) -> Int? {
      s.objectives.first { $0.id == id }?.version ?? s.keyResults.first { $0.id == id }?.version
        ?? s.actions.first { $0.id == id }?.version
    }
    for id in ["O1", "O2", "KR1", "KR2", "KR3", "KR4", "A1", "A2", "A3", "A4"] {
      let bumped = ["KR2", "A1"].contains(id)
      #expect(version(id, after) == version(id, before).map { $0 + (bumped ? 1 : 0) }, "\(id)")
    }
    // A dashboard edit based on the version before the import is a conflict, not an overwrite.
    let a1 = try #require(before.actions.first { $0.id == "A1" })
    let outcome = try ws.apply(.progress(60), toAction: "A1", basedOn: a1.version, by: "siiri")
    guard case .conflict(let current) = outcome else {
      Issue.record("expected a conflict, got \(outcome)")
      return
    }
    #expect(current.progress == 55)
  }

  @Test func anItemLeftOutIsKeptUnlessPruned() throws {
    let fx = try StoreFixture()
    let ws = try fx.exampleWorkspace()
    let text = try removingItem("A4", from: try ws.exportOKRs())
    #expect(!text.contains("A4"))
    let path = try fx.file("without-a4.yaml", text)
    let dumpBefore = try StoreFixture.dump(ws)

    let kept = try ws.importOKRs(file: path, by: "editor", update: true)
    #expect(kept.kept == 1)
    #expect(kept.removed == 0)
    #expect(kept.auditRows == 0)
    #expect(try StoreFixture.dump(ws) == dumpBefore)
    #expect(try ws.snapshot().actions.contains { $0.id == "A4" })

    let pruned = try ws.importOKRs(file: path, by: "editor", update: true, prune: true)
    #expect(pruned.removed == 1)
    #expect(pruned.kept == 0)
    #expect(pruned.auditRows == 2)
    #expect(try !ws.snapshot().actions.contains { $0.id == "A4" })
    let trail = try ws.auditTrail(limit: 10).filter { $0.user == "editor" }
    #expect(
      trail.contains {
        $0.entity == "action" && $0.entityID == "A4" && $0.field == "deleted"
          && $0.oldValue == "Status page on the website" && $0.newValue == nil
      })
    #expect(try ws.exportOKRs() == text)
  }

  @Test func aPlainImportStillReplacesTheCycle() throws {
    let fx = try StoreFixture()
    let ws = try fx.exampleWorkspace()
    let text = try removingItem("O2", from: try ws.exportOKRs())
    let summary = try ws.importOKRs(file: try fx.file("o1.yaml", text), by: "u")
    #expect(summary.removed == 5, "O2 with KR3, KR4, A3 and A4")
    #expect(try ws.snapshot().objectives.map(\.id) == ["O1"])
    // Even a plain import of unchanged OKRs records that it ran.
    let again = try ws.importOKRs(file: try fx.file("o1-again.yaml", try ws.exportOKRs()), by: "u")
    #expect(again.auditRows == 1)
    #expect(again.changed == 0)
  }

  @Test func newItemsAndNewLinksAreAdded() throws {
    let fx = try StoreFixture()
    let ws = try fx.exampleWorkspace()
    var text = try ws.exportOKRs()
    text = try replacing(
      "    actions:\n      - id: A3\n",
      with: """
            actions:
              - id: A5
                title: "Winter kit: heaters & spare parts"
                key_result: KR3
                status: planned
                progress: 0
                themes: [reliability, communication]
              - id: A3

        """, in: text)
    let summary = try ws.importOKRs(file: try fx.file("a5.yaml", text), by: "editor", update: true)
    #expect(summary.added == 1)
    #expect(summary.changed == 0)
    let a5 = try #require(try ws.snapshot().actions.first { $0.id == "A5" })
    #expect(a5.title == "Winter kit: heaters & spare parts")
    #expect(a5.themeIDs == ["reliability", "communication"])
    #expect(a5.version == 1)
    #expect(try ws.auditTrail(limit: 5).contains { $0.entityID == "A5" && $0.field == "created" })
    // The order of the file is the order of the workspace.
    #expect(try ws.snapshot().actions.filter { $0.objectiveID == "O2" }.map(\.id) == ["A5", "A3", "A4"])
    #expect(try ws.exportOKRs() == text)
  }

  @Test func anUpdateMayAlignUnderAKeptObjectiveButNotReuseAKeptID() throws {
    let fx = try StoreFixture()
    let ws = try fx.exampleWorkspace()
    // O1 left out: kept by the update, so O2 may still name it as its parent.
    let withoutO1 = try removingItem("O1", from: try ws.exportOKRs())
    let path = try fx.file("o2.yaml", withoutO1)
    let summary = try ws.importOKRs(file: path, by: "editor", update: true)
    #expect(summary.kept == 5)
    // The file orders what it names; what it left out follows.
    #expect(try ws.snapshot().objectives.map(\.id) == ["O2", "O1"])
    // A plain import of the same file removes O1, so the parent is unknown.
    let error = #expect(throws: ImportError.self) { try ws.importOKRs(file: path, by: "u") }
    #expect(error?.message.contains("unknown parent `O1`") == true)

    // A kept objective's own parent counts when looking for loops.
    var loop = try removingItem("O2", from: try ws.exportOKRs())
    loop = try replacing("    weight: 2\n", with: "    parent: O2\n    weight: 2\n", in: loop)
    let loopError = #expect(throws: ImportError.self) {
      try ws.importOKRs(file: try fx.file("loop.yaml", loop), by: "u", update: true)
    }
    #expect(
      loopError?.message
        == "parent cycle: O1 → O2 → O1; expected objectives to align under each other without a loop")

    // An id kept as an action must not come back as a key result.
    var clash = try ws.exportOKRs()
    clash = try removingItem("A4", from: clash)
    clash = try replacing(
      "    key_results:\n      - id: KR3\n",
      with: "    key_results:\n      - {id: A4, title: Clash, kind: milestone}\n      - id: KR3\n", in: clash)
    let clashError = #expect(throws: ImportError.self) {
      try ws.importOKRs(file: try fx.file("clash.yaml", clash), by: "u", update: true)
    }
    #expect(clashError?.message.contains("id `A4` is already used by the action A4 of cycle 2026") == true)
    // With pruning the old action goes and the id is free again.
    try ws.importOKRs(file: try fx.file("clash2.yaml", clash), by: "u", update: true, prune: true)
    #expect(try ws.snapshot().keyResults.contains { $0.id == "A4" })
    #expect(try !ws.snapshot().actions.contains { $0.id == "A4" })
  }

  @Test func anActionMovesToAnotherObjective() throws {
    let fx = try StoreFixture()
    let ws = try fx.exampleWorkspace()
    let a4 = try #require(try ws.snapshot().actions.first { $0.id == "A4" })
    var text = try removingItem("A4", from: try ws.exportOKRs())
    text = try replacing(
      "        themes: [communication]\n  - id: O2\n",
      with: """
                themes: [communication]
              - id: A4
                title: Status page on the website
                owner: Juho
                status: blocked
                progress: 10
          - id: O2

        """, in: text)
    let summary = try ws.importOKRs(file: try fx.file("moved.yaml", text), by: "editor", update: true)
    #expect(summary.changed == 1)
    let moved = try #require(try ws.snapshot().actions.first { $0.id == "A4" })
    #expect(moved.objectiveID == "O1")
    #expect(moved.keyResultID == nil)
    #expect(moved.version == a4.version + 1)
    let rows = try ws.auditTrail(limit: 10, entity: "action", id: "A4").map {
      "\($0.field): \($0.oldValue ?? "nil") → \($0.newValue ?? "nil")"
    }
    #expect(Set(rows) == ["objective: O2 → O1", "key_result: KR4 → nil", "created: nil → nil"])
    #expect(try ws.exportOKRs() == text)
  }

  @Test func theCurrentCycleIsExportedUnlessOneIsNamed() throws {
    let fx = try StoreFixture()
    let ws = try fx.exampleWorkspace()
    let next = try fx.file(
      "2027.yaml",
      """
      cycle: {id: "2027", name: Next year, start: 2027-01-01, end: 2027-12-31}
      objectives:
        - {id: N1, title: Keep going, themes: [reliability]}
      """)
    try ws.importOKRs(file: next, by: "u", update: true)
    #expect(
      try ws.exportOKRs().hasSuffix(
        """
        cycle: {id: "2027", name: Next year, start: 2027-01-01, end: 2027-12-31}
        themes:
          - {id: reliability, name: Reliability}
        objectives:
          - id: N1
            title: Keep going
            kind: committed
            themes: [reliability]

        """))
    #expect(try ws.exportOKRs(cycle: "2026") == Self.exampleExport)
    let error = #expect(throws: StoreError.self) { try ws.exportOKRs(cycle: "2030") }
    #expect(error?.description == "no cycle `2030` in the workspace; expected one of 2026, 2027")
    let empty = try Workspace.open(path: fx.path("empty.peili"), create: true)
    let none = #expect(throws: StoreError.self) { try empty.exportOKRs() }
    #expect(none?.description.hasPrefix("the workspace has no OKR cycle yet") == true)
  }

  @Test func awkwardTextIsQuotedAndReadsBackTheSame() throws {
    let fx = try StoreFixture()
    let ws = try Workspace.open(path: fx.path("ws.peili"), create: true)
    let titles = [
      "null", "123", "1e3", "2026-05-01", "- starts with a dash", "a: colon", "hash # sign", "#hashtag",
      "ends with colon:", "\"quoted\"", "back\\slash", "'single'", "yes", "Off", "~", " padded ", "[list]",
      "{map}", "* star", "& anchor", "! tag", "% percent", "@ at", "` tick", "| pipe", "> fold", "? question",
      "Ääkköset ja emoji 🚗", "bidi \u{202E}txt", "zero\u{200B}width", "…", "0x1F", ".inf", "12:30",
    ]
    var yaml = "cycle: {id: \"2026\", start: 2026-01-01, end: 2026-12-31}\nobjectives:\n"
    for (i, title) in titles.enumerated() {
      yaml += "  - {id: O\(i), title: \(YAMLScalar.quoted(title)), owner: \(YAMLScalar.quoted(title))}\n"
    }
    try ws.importOKRs(file: try fx.file("awkward.yaml", yaml), by: "u")
    // Write control characters straight into the workspace, as an older or foreign writer might.
    try ws.writer.write { db in
      try db.execute(sql: "UPDATE objective SET title = 'esc\u{1B}[31mred\u{9B}0m' WHERE id = 'O0'")
    }
    let text = try ws.exportOKRs()
    #expect(
      !text.unicodeScalars.contains { ($0.value < 0x20 && $0 != "\n") || (0x7F...0x9F).contains($0.value) })
    #expect(text.contains("title: \"null\"\n") == false, "O0's title was replaced")
    #expect(text.contains("owner: \"null\"\n"))
    #expect(text.contains("title: \"- starts with a dash\"\n"))
    #expect(text.contains("title: Ääkköset ja emoji 🚗\n"))
    // Free text loses its bidi and invisible characters at import, as its controls.
    #expect(text.contains("title: bidi txt\n"))
    #expect(text.contains("title: zerowidth\n"))
    #expect(text.contains("title: hash # sign") == false)

    let fresh = try Workspace.open(path: fx.path("fresh.peili"), create: true)
    try fresh.importOKRs(file: try fx.file("export.yaml", text), by: "u")
    let objectives = try fresh.snapshot().objectives
    #expect(objectives.map(\.title) == ["esc[31mred0m"] + titles.dropFirst().map(\.sanitizedForTerminal))
    #expect(objectives.map(\.owner) == titles.map(\.sanitizedForTerminal))
    #expect(try fresh.exportOKRs() == text)
  }

  @Test func everyScalarReadsBackAsTheSameText() throws {
    let samples = [
      "plain words", "", " ", "true", "False", "NULL", "~", "-1", "+1", "0o17", "0b101", "1_000", ".5", "5.",
      "2026-01-01T10:00:00Z", "a,b", "a]b", "a}b", "a: b", "a:b", "a #b", "a#b", "'", "\"", "\\", "=", "<<",
      "...", "---", "- x", "tab\there", "line\nbreak", "\u{FEFF}bom", "\u{2028}sep", "\u{200F}rlm", "😀",
      "a\u{85}b",
    ]
    for sample in samples {
      let expected = YAMLScalar.readable(sample)
      for inFlow in [false, true] {
        let scalar = YAMLScalar.text(sample, inFlow: inFlow)
        let yaml = inFlow ? "k: [\(scalar), other]\n" : "k: \(scalar)\n"
        let node = try #require(try Yams.compose(yaml: yaml), "\(yaml)")
        let value = inFlow ? node.mapping?["k"]?.sequence?.first : node.mapping?["k"]
        #expect(value?.scalar?.string == expected, "\(yaml)")
        if value?.scalar?.style == .plain {
          #expect(!["", "~", "null", "true", "false"].contains(expected.lowercased()), "\(yaml)")
        }
      }
    }
    #expect(YAMLScalar.readable("\u{FEFF}b\u{1B}om") == "bom")
    #expect(YAMLScalar.text("plain words") == "plain words")
    #expect(YAMLScalar.text("2026") == "\"2026\"")
    #expect(YAMLScalar.text("a,b") == "a,b")
    #expect(YAMLScalar.text("a,b", inFlow: true) == "\"a,b\"")
    #expect(YAMLScalar.number(97.1) == "97.1")
    #expect(YAMLScalar.number(-3) == "-3")
    #expect(Double(YAMLScalar.number(0.1 + 0.2)) == 0.1 + 0.2)
  }

  // MARK: - Editing the exported text as a user would

  private func replacing(_ old: String, with new: String, in text: String) throws -> String {
    let count = text.components(separatedBy: old).count - 1
    try #require(count == 1, "expected `\(old)` once in the export, found \(count)")
    return text.replacingOccurrences(of: old, with: new)
  }

  /// The text without the list item `- id: ID` (its lines up to the next item or field at the
  /// same or a lower depth).
  private func removingItem(_ id: String, from text: String) throws -> String {
    var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
    let start = try #require(lines.firstIndex { $0.trimmingCharacters(in: .whitespaces) == "- id: \(id)" })
    let depth = lines[start].prefix { $0 == " " }.count
    var end = start + 1
    while end < lines.count, !lines[end].isEmpty, lines[end].prefix(while: { $0 == " " }).count > depth {
      end += 1
    }
    lines.removeSubrange(start..<end)
    return lines.joined(separator: "\n")
  }
}
