import Foundation
import Testing

/// `peili cycle new` and `peili cycle list`, run as the real binary on real workspace files.
@Suite struct CLICycleStartTests {
  /// Cycle 2026: O1 (holding only a done action) with O2 aligned under it (an active action
  /// under KR1, a dropped one under KR2, a blocked one directly), O3 all done, O4 one planned.
  static let okrs = """
    cycle: {id: "2026", name: "2026", start: 2026-01-01, end: 2026-12-31}
    themes:
      - {id: comm, name: Communication}
      - {id: rel, name: Reliability}
    objectives:
      - id: O1
        title: Customers understand us
        owner: Aino
        themes: [comm]
        actions:
          - {id: A1, title: Newsletter, status: done, progress: 100, themes: [comm]}
      - id: O2
        title: Charging just works
        parent: O1
        owner: Mikko
        weight: 2
        themes: [rel, comm]
        key_results:
          - {id: KR1, title: Uptime, kind: metric, start: 97, target: 99.5, current: 98, unit: "%", owner: Mikko}
          - {id: KR2, title: Status page, kind: milestone, done: false}
        actions:
          - {id: A2, title: Spare-part depots, key_result: KR1, status: active, progress: 40, themes: [rel],
             start: 2026-03-01, due: 2027-03-31, owner: Mikko}
          - {id: A3, title: Old idea, key_result: KR2, status: dropped, progress: 0}
          - {id: A4, title: Supplier contract, status: blocked, progress: 10, themes: [comm, rel]}
      - id: O3
        title: All finished
        actions:
          - {id: A5, title: Finished too, status: done, progress: 100}
      - id: O4
        title: Grow the network
        kind: aspirational
        actions:
          - {id: A6, title: Renegotiate electricity, status: planned, progress: 0}

    """

  /// A workspace holding `okrs`, and A2 checked in once (history to follow it).
  private func workspace() throws -> CLIRunner {
    let cli = try CLIRunner()
    #expect(try cli.run(["init", "--workspace", "w.db"]).status == 0)
    _ = try cli.write("okrs.yaml", Self.okrs)
    let imported = try cli.run(["--workspace", "w.db", "import", "okrs", "okrs.yaml"])
    #expect(imported.status == 0, "\(imported.stderr)")
    let checkIn = try cli.run([
      "--workspace", "w.db", "checkin", "A2", "--progress", "50", "--note", "depot one open",
    ])
    #expect(checkIn.status == 0, "\(checkIn.stderr)")
    return cli
  }

  private func report(_ cli: CLIRunner, cycle: String) throws -> ReportJSON {
    let r = try cli.run(["--workspace", "w.db", "--cycle", cycle, "report", "--format", "json"])
    #expect(r.status == 0, "\(r.stderr)")
    return try ReportJSON(r.stdout)
  }

  private func ids(_ items: [[String: Any]]) -> Set<String> { Set(items.compactMap { $0["id"] as? String }) }

  @Test func carryOverMovesExactlyTheUnfinishedActionsUnderCopiesOfTheirObjectives() throws {
    let cli = try workspace()
    let r = try cli.run([
      "--workspace", "w.db", "cycle", "new", "2027", "--name", "FY 2027", "--start", "2027-01-01", "--end",
      "2027-12-31", "--from", "2026",
    ])
    #expect(r.status == 0, "\(r.stderr)")
    #expect(
      r.stdout
        == "Started cycle 2027 (2027-01-01 – 2027-12-31); carried over 3 actions from 2026 under 3 objectives "
        + "(O1-2027, O2-2027, O4-2027).\n")

    // The new cycle: the planned, active and blocked actions, under copies that keep the tree.
    let new = try report(cli, cycle: "2027")
    #expect((new.root["cycle"] as? [String: Any])?["name"] as? String == "FY 2027")
    #expect(ids(new.actions) == ["A2", "A4", "A6"])
    #expect(ids(new.keyResults) == ["KR1-2027"])
    #expect(ids(new.objectives) == ["O1-2027", "O4-2027"])
    let o1 = new.objectives.first { $0["id"] as? String == "O1-2027" }
    #expect(ids(o1?["children"] as? [[String: Any]] ?? []) == ["O2-2027"])
    #expect(new.actionProgress("A2") == 50)
    #expect(new.actions.first { $0["id"] as? String == "A4" }?["themes"] as? [String] == ["comm", "rel"])

    // The copies' fields and theme links, as the export (the import format) gives them.
    let export = try cli.run(["--workspace", "w.db", "--cycle", "2027", "export", "okrs"])
    #expect(export.status == 0, "\(export.stderr)")
    for line in [
      "parent: O1-2027", "weight: 2", "themes: [rel, comm]", "kind: aspirational", "id: KR1-2027",
      "current: 98", "unit: \"%\"", "due: 2027-03-31",
    ] {
      #expect(export.stdout.contains(line), "\(line) in \(export.stdout)")
    }
    #expect(!export.stdout.contains("KR2"))
    #expect(!export.stdout.contains("O3"))

    // Done and dropped actions stay in 2026 with every original, for its re-evaluation.
    let old = try report(cli, cycle: "2026")
    #expect(ids(old.actions) == ["A1", "A3", "A5"])
    #expect(ids(old.keyResults) == ["KR1", "KR2"])
    #expect(ids(old.objectives) == ["O1", "O3", "O4"])

    // The moved action keeps its id: its history is still its own, and it is edited in 2027.
    let history = try cli.run(["--workspace", "w.db", "history", "--limit", "200"])
    let lines = history.stdout.split(separator: "\n").map(String.init)
    func has(_ parts: String...) -> Bool { lines.contains { line in parts.allSatisfy(line.contains) } }
    #expect(has("edit", "action A2", "progress", "40", "50"), "\(history.stdout)")
    #expect(has("edit", "action A2", "check_in", "depot one open"))
    #expect(has("cycle", "action A2", "objective", "O2", "O2-2027"))
    #expect(has("cycle", "action A2", "key_result", "KR1", "KR1-2027"))
    #expect(has("cycle", "action A4", "objective", "O2", "O2-2027"))
    #expect(has("cycle", "action A6", "objective", "O4", "O4-2027"))
    #expect(has("cycle", "cycle 2027", "carried_over_from", "2026"))
    #expect(has("cycle", "objective O1-2027", "copied_from", "O1"))
    #expect(!has("action A1", "objective") && !has("action A3", "objective"))
    let checkIn = try cli.run(["--workspace", "w.db", "--cycle", "2027", "checkin", "A2", "--progress", "60"])
    #expect(checkIn.status == 0, "\(checkIn.stderr)")
    #expect(
      try cli.run(["--workspace", "w.db", "--cycle", "2026", "checkin", "A2", "--progress", "70"]).status == 1
    )

    // Exporting the new cycle and importing it back with --update changes nothing.
    let now = try cli.run(["--workspace", "w.db", "--cycle", "2027", "export", "okrs"])
    _ = try cli.write("2027.yaml", now.stdout)
    let again = try cli.run(["--workspace", "w.db", "import", "okrs", "2027.yaml", "--update"])
    #expect(again.stdout.contains("nothing changed"), "\(again.stdout) \(again.stderr)")
  }

  @Test func eachRefusalIsOneLineAndLeavesTheWorkspaceByteIdentical() throws {
    let cli = try workspace()
    // Another cycle already uses the id a copy would get.
    _ = try cli.write(
      "other.yaml",
      """
      cycle: {id: other, start: 2025-01-01, end: 2025-12-31}
      objectives:
        - {id: O4-2027, title: Taken id}

      """)
    #expect(try cli.run(["--workspace", "w.db", "import", "okrs", "other.yaml"]).status == 0)
    func state() throws -> [Data] {
      let export = try cli.run(["--workspace", "w.db", "--cycle", "2026", "export", "okrs"]).stdout
      let history = try cli.run(["--workspace", "w.db", "history", "--limit", "500"]).stdout
      return [
        try Data(contentsOf: URL(fileURLWithPath: cli.path("w.db"))), Data(export.utf8), Data(history.utf8),
      ]
    }
    let before = try state()
    let dates = ["--start", "2027-01-01", "--end", "2027-12-31"]
    let cases: [(args: [String], says: String)] = [
      (["2026", "--name", "x"] + dates, "a cycle `2026` already exists"),
      (
        ["2027", "--name", "x", "--from", "1999"] + dates,
        "no cycle `1999` in the workspace; expected one of other, 2026"
      ),
      (
        ["2027", "--name", "x", "--start", "2027-02-30", "--end", "2027-12-31"],
        "--start must be a date YYYY-MM-DD, got 2027-02-30"
      ),
      (
        ["2027", "--name", "x", "--start", "2027-01-01", "--end", "31.12.2027"],
        "--end must be a date YYYY-MM-DD, got 31.12.2027"
      ),
      (
        ["2027", "--name", "x", "--start", "2027-01-01", "--end", "2026-12-31"],
        "--end 2026-12-31 is before --start 2027-01-01"
      ),
      (["2027", "--name", ""] + dates, "the cycle name is empty"),
      (["2027", "--name", "  "] + dates, "the cycle name is empty"),
      (["20 27", "--name", "x"] + dates, "cycle id `20 27` must not contain spaces"),
      (["20\u{202E}27", "--name", "x"] + dates, "holds a bidi control"),
      (["20\u{200B}27", "--name", "x"] + dates, "holds an invisible character"),
      (["20\u{1B}[2J27", "--name", "x"] + dates, "holds a control character"),
      (["2027", "--name", "FY\u{7}2027"] + dates, "cycle name `FY\\u{7}2027` holds a control character"),
      (
        ["2027", "--name", "x", "--from", "2026"] + dates,
        "the id `O4-2027` is already used in this workspace"
      ),
      (["2027", "--name", "x", "--from", "2026", "--cycle", "2026"] + dates, "--cycle does not apply"),
    ]
    for c in cases {
      let r = try cli.run(["--workspace", "w.db", "cycle", "new"] + c.args)
      #expect(r.status == 1, "\(c.args): exit \(r.status) \(r.stderr)")
      #expect(r.errorLines.count == 1 && r.stderr.hasPrefix("peili: "), "\(c.args): \(r.stderr)")
      #expect(r.stderr.contains(c.says), "\(c.args): \(r.stderr)")
      #expect(!r.stderr.contains("SQLite") && !r.stderr.contains("\u{1B}"), "\(c.args): \(r.stderr)")
      #expect(r.stdout.isEmpty, "\(c.args): \(r.stdout)")
      #expect(try state() == before, "\(c.args) changed the workspace")
    }
  }

  @Test func listShowsEveryCycleWithItsCountsAndMarksTheOneRunningToday() throws {
    let cli = try CLIRunner()
    #expect(try cli.run(["init", "--workspace", "w.db"]).status == 0)
    let empty = try cli.run(["--workspace", "w.db", "cycle", "list"])
    #expect(empty.status == 0)
    #expect(empty.stdout.hasPrefix("No cycles yet"), "\(empty.stdout)")
    #expect(try cli.run(["--workspace", "w.db", "cycle", "list", "--format", "json"]).stdout == "[]\n")

    for args in [
      ["old", "--name", "Old times", "--start", "1990-01-01", "--end", "1990-12-31"],
      ["now", "--name", "Näin nyt", "--start", "2000-01-01", "--end", "2999-12-31", "--from", "old"],
    ] {
      let r = try cli.run(["--workspace", "w.db", "cycle", "new"] + args)
      #expect(r.status == 0, "\(r.stderr)")
    }

    let text = try cli.run(["--workspace", "w.db", "cycle", "list"])
    #expect(text.status == 0, "\(text.stderr)")
    let lines = text.stdout.split(separator: "\n").map(String.init)
    #expect(lines.count == 4, "\(text.stdout)")
    #expect(lines.first?.contains("id") == true && lines.first?.contains("objectives") == true)
    #expect(lines[1].hasPrefix(" ") && lines[1].contains("old") && lines[1].contains("Old times"))
    #expect(lines[1].contains("1990-01-01") && lines[1].contains("1990-12-31"))
    #expect(lines[2].hasPrefix("*") && lines[2].contains("now") && lines[2].contains("Näin nyt"))
    #expect(lines[3] == "* running today")
    // Columns line up: each row's start date under the header's "start".
    func column(_ line: String, _ text: String) -> Int? {
      line.range(of: text).map { line.distance(from: line.startIndex, to: $0.lowerBound) }
    }
    #expect(column(lines[1], "1990-01-01") == column(lines[0], "start"))
    #expect(column(lines[2], "2000-01-01") == column(lines[0], "start"))

    let json = try cli.run(["--workspace", "w.db", "cycle", "list", "--format", "json"])
    #expect(json.status == 0, "\(json.stderr)")
    let cycles = try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [[String: String]]
    #expect(
      cycles == [
        ["id": "old", "name": "Old times", "start": "1990-01-01", "end": "1990-12-31"],
        ["id": "now", "name": "Näin nyt", "start": "2000-01-01", "end": "2999-12-31"],
      ])
  }

  @Test func listCountsTheObjectivesAndActionsOfEachCycleAfterACarryOver() throws {
    let cli = try workspace()
    let r = try cli.run([
      "--workspace", "w.db", "cycle", "new", "2027", "--name", "2027", "--start", "2027-01-01", "--end",
      "2027-12-31", "--from", "2026",
    ])
    #expect(r.status == 0, "\(r.stderr)")
    let nothing = try cli.run([
      "--workspace", "w.db", "cycle", "new", "2028", "--name", "2028", "--start", "2028-01-01", "--end",
      "2028-12-31", "--from", "2026",
    ])
    #expect(nothing.status == 0, "\(nothing.stderr)")
    #expect(nothing.stdout.contains("nothing to carry over from 2026"), "\(nothing.stdout)")
    let list = try cli.run(["--workspace", "w.db", "cycle", "list"]).stdout
    let rows = list.split(separator: "\n").map { $0.split(separator: " ").map(String.init) }
    func row(_ id: String) -> [String]? { rows.first { $0.contains(id) } }
    #expect(row("2026")?.suffix(2) == ["4", "3"], "\(list)")
    #expect(row("2027")?.suffix(2) == ["3", "3"], "\(list)")
    #expect(row("2028")?.suffix(2) == ["0", "0"], "\(list)")
  }
}
