import Foundation
import Testing

/// The real `peili` binary driven as a subprocess (stdout is a file, never a terminal).
@Suite struct CLITests {
  @Test func anOKRFileWithTwoProblemsGetsOneLinePerProblem() throws {
    let cli = try CLIRunner()
    #expect(try cli.run(["init", "--workspace", "w.db"]).status == 0)
    _ = try cli.write(
      "bad.yaml",
      """
      cycle: {id: "2026", name: x, start: 2026-01-01, end: 2026-12-31}
      objectives:
        - id: O1
          title: t
          key_results:
            - {id: K1, title: k, kind: metric, start: 5, target: 5, current: 1}
        - id: O1
          title: dup

      """)
    let r = try cli.run(["--workspace", "w.db", "import", "okrs", "bad.yaml"])
    #expect(r.status == 1)
    #expect(r.errorLines.count == 2, "stderr: \(r.stderr)")
    #expect(r.errorLines.first?.hasPrefix("peili: bad.yaml:6:") == true, "stderr: \(r.stderr)")
    #expect(r.errorLines.last?.hasPrefix("peili: bad.yaml:7:") == true, "stderr: \(r.stderr)")
  }

  @Test func initCreatesAWorkspaceOnceAndHonoursTheWorkspaceVariable() throws {
    let cli = try CLIRunner()
    let r = try cli.run(["init", "--workspace", "team.db"])
    #expect(r.status == 0, "\(r.stderr)")
    #expect(FileManager.default.fileExists(atPath: cli.path("team.db")))
    #expect(r.stdout.contains("team.db"))
    expectOneLineError(try cli.run(["init", "--workspace", "team.db"]))
    #expect(try cli.run(["init", "--workspace", "team.db"]).stderr.contains("already exists"))

    // $PEILI_WORKSPACE is used when --workspace is absent; ./peili.db otherwise.
    #expect(try cli.run(["init"], environment: ["PEILI_WORKSPACE": "env.db"]).status == 0)
    #expect(FileManager.default.fileExists(atPath: cli.path("env.db")))
    #expect(try cli.run(["init"]).status == 0)
    #expect(FileManager.default.fileExists(atPath: cli.path("peili.db")))
  }

  @Test func demoWithoutATerminalPrintsWhereItIsAndTheReport() throws {
    let cli = try CLIRunner()
    let r = try cli.run(["demo", "--workspace", "demo.db"])
    #expect(r.status == 0, "\(r.stderr)")
    #expect(r.stdout.contains("Demo workspace: demo.db"))
    #expect(r.stdout.contains("Communication"))
    #expect(r.stdout.contains("Grow the network profitably"))
    // An earlier demo is rebuilt without --force.
    #expect(try cli.run(["demo", "--workspace", "demo.db"]).status == 0)
  }

  @Test func demoRefusesToOverwriteAnotherFileWithoutForce() throws {
    let cli = try CLIRunner()
    let notes = try cli.write("notes.db", "my notes, not a workspace")
    let refused = try cli.run(["demo", "--workspace", "notes.db"])
    expectOneLineError(refused)
    #expect(refused.stderr.contains("--force"))
    #expect(try String(contentsOfFile: notes, encoding: .utf8) == "my notes, not a workspace")
    #expect(try cli.run(["init", "--workspace", "real.db"]).status == 0)
    expectOneLineError(try cli.run(["demo", "--workspace", "real.db"]))
    let forced = try cli.run(["demo", "--workspace", "notes.db", "--force"])
    #expect(forced.status == 0, "\(forced.stderr)")
    #expect(forced.stdout.contains("Communication"))
  }

  @Test func theDashboardWithoutATerminalPointsToReport() throws {
    let cli = try CLIRunner()
    #expect(try cli.run(["init", "--workspace", "w.db"]).status == 0)
    let r = try cli.run(["--workspace", "w.db"])
    expectOneLineError(r, status: 2)
    #expect(r.stderr == "peili: the dashboard needs a terminal; for scripts use `peili report`\n")
    #expect(r.stdout.isEmpty)
  }

  @Test func checkInChangesProgressAndWritesAnAuditRow() throws {
    let cli = try CLIRunner()
    #expect(try cli.run(["demo", "--workspace", "d.db"]).status == 0)
    let r = try cli.run(
      [
        "checkin", "A4", "--progress", "75", "--confidence", "6", "--note", "kick-off done", "--workspace",
        "d.db",
      ])
    #expect(r.status == 0, "\(r.stderr)")
    #expect(r.stdout.contains("progress 60 → 75"), "\(r.stdout)")

    // The global option may also come before the subcommand.
    let history = try cli.run(["--workspace", "d.db", "history", "--limit", "10"])
    #expect(history.status == 0, "\(history.stderr)")
    let row = history.stdout.split(separator: "\n").first { $0.contains("A4") && $0.contains("progress") }
    #expect(row != nil, "\(history.stdout)")
    if let row {
      #expect(row.contains("60") && row.contains("75"))
    }

    let report = try cli.run(["report", "--format", "json", "--workspace", "d.db"])
    #expect(report.status == 0)
    #expect(try ReportJSON(report.stdout).actionProgress("A4") == 75)

    // A status change, then an unknown action and an out-of-range value.
    let done = try cli.run(["checkin", "A4", "--status", "done", "--workspace", "d.db"])
    #expect(done.status == 0, "\(done.stderr)")
    #expect(done.stdout.contains("status active → done"))
    let unknown = try cli.run(["checkin", "A99", "--progress", "5", "--workspace", "d.db"])
    expectOneLineError(unknown)
    #expect(unknown.stderr.contains("A99"))
    #expect(try cli.run(["checkin", "A4", "--progress", "150", "--workspace", "d.db"]).status == 64)

    // A key result takes a value; a perception key result does not.
    let kr = try cli.run(["checkin", "KR4", "--value", "98.9", "--confidence", "6", "--workspace", "d.db"])
    #expect(kr.status == 0, "\(kr.stderr)")
    #expect(kr.stdout.contains("98.6 → 98.9"), "\(kr.stdout)")
    let krs = try ReportJSON(try cli.run(["report", "--format", "json", "--workspace", "d.db"]).stdout)
      .keyResults
    #expect(krs.first { $0["id"] as? String == "KR4" }?["current"] as? Double == 98.9)
    expectOneLineError(try cli.run(["checkin", "KR1", "--value", "50", "--workspace", "d.db"]))
    expectOneLineError(try cli.run(["checkin", "KR4", "--progress", "50", "--workspace", "d.db"]))
    #expect(try cli.run(["checkin", "A4", "--workspace", "d.db"]).status == 64)
  }

  @Test func checkInRecordsWhenAndHowAnActionWasCommunicated() throws {
    let cli = try CLIRunner()
    #expect(try cli.run(["demo", "--workspace", "d.db"]).status == 0)
    func communicated(_ id: String) throws -> Any? {
      let report = try ReportJSON(try cli.run(["report", "--format", "json", "--workspace", "d.db"]).stdout)
      return report.actions.first { $0["id"] as? String == id }?["communicated"] ?? nil
    }
    #expect(try communicated("A4") is NSNull)
    let told = try cli.run([
      "checkin", "A4", "--communicated", "2026-10-01", "--channel", "staff briefing", "--workspace", "d.db",
    ])
    #expect(told.status == 0, "\(told.stderr)")
    #expect(told.stdout.contains("communicated 2026-10-01 by staff briefing"), "\(told.stdout)")
    let c = try #require(try communicated("A4") as? [String: Any])
    #expect(c["on"] as? String == "2026-10-01" && c["channel"] as? String == "staff briefing")
    let history = try cli.run(["history", "--limit", "5", "--workspace", "d.db"])
    #expect(history.stdout.contains("communicated"), "\(history.stdout)")
    // The YAML export carries it and reads back.
    let yaml = try cli.run(["export", "okrs", "--workspace", "d.db"])
    #expect(yaml.stdout.contains("communicated: {on: 2026-10-01, channel: staff briefing}"), "\(yaml.stdout)")

    // Half a communication, a bad date, an unsafe channel: one line each, nothing written.
    let before = try Data(contentsOf: cli.directory.appendingPathComponent("d.db"))
    for bad in [
      ["--communicated", "2026-10-02"], ["--channel", "letter"],
      ["--communicated", "1.10.2026", "--channel", "x"],
      ["--communicated", "2026-10-02", "--channel", "news\u{202E}letter"],
      ["--communicated", "2026-10-02", "--channel", "  "],
      ["--not-communicated", "--channel", "x"],
    ] {
      let r = try cli.run(["checkin", "A4"] + bad + ["--workspace", "d.db"])
      #expect(r.status == 64, "\(bad): \(r.stderr)")
      #expect(r.stderr.contains("--c") || r.stderr.contains("--not"), "\(bad): \(r.stderr)")
      #expect(!r.stderr.contains("\u{202E}"))
    }
    expectOneLineError(
      try cli.run(["checkin", "KR4", "--communicated", "2026-10-02", "--channel", "x", "--workspace", "d.db"])
    )
    #expect(try Data(contentsOf: cli.directory.appendingPathComponent("d.db")) == before)

    // Cleared again.
    let cleared = try cli.run(["checkin", "A4", "--not-communicated", "--workspace", "d.db"])
    #expect(cleared.status == 0 && cleared.stdout.contains("communication cleared"), "\(cleared.stdout)")
    #expect(try communicated("A4") is NSNull)
  }

  @Test func reportJSONCarriesTheScoresGapsAndOKRs() throws {
    let cli = try CLIRunner()
    #expect(try cli.run(["demo", "--workspace", "d.db"]).status == 0)
    let r = try cli.run(["report", "--format", "json", "--workspace", "d.db"])
    #expect(r.status == 0, "\(r.stderr)")
    let json = try ReportJSON(r.stdout)
    try json.expectDemoShape()

    let older = try cli.run(["report", "--format", "json", "--wave", "2025-09", "--workspace", "d.db"])
    #expect(older.status == 0, "\(older.stderr)")
    let unknownWave = try cli.run(["report", "--wave", "1999-01", "--workspace", "d.db"])
    expectOneLineError(unknownWave)
    #expect(unknownWave.stderr.contains("1999-01") && unknownWave.stderr.contains("2026-09"))
    #expect(try cli.run(["report", "--format", "xml", "--workspace", "d.db"]).status == 64)
  }

  @Test func theExamplesImportAndReplaceNeedsTheFlag() throws {
    let cli = try CLIRunner()
    let examples = CLIRunner.examples
    #expect(try cli.run(["init", "--workspace", "ex.db"]).status == 0)
    let survey = [
      "import", "survey", examples.appendingPathComponent("survey-customers.csv").path,
      "--mapping", examples.appendingPathComponent("survey-mapping.yaml").path,
      "--wave", "2025-09", "--date", "2025-09-15", "--audience", "customer", "--workspace", "ex.db",
    ]
    let s = try cli.run(survey)
    #expect(s.status == 0, "\(s.stderr)")
    #expect(s.stdout.contains("customer respondents"), "\(s.stdout)")
    let o = try cli.run([
      "import", "okrs", examples.appendingPathComponent("okrs.yaml").path, "--workspace", "ex.db",
    ])
    #expect(o.status == 0, "\(o.stderr)")
    #expect(o.stdout.contains("objectives"), "\(o.stdout)")

    let again = try cli.run(survey)
    expectOneLineError(again)
    #expect(again.stderr.contains("--replace"), "\(again.stderr)")
    #expect(try cli.run(survey + ["--replace"]).status == 0)

    let report = try cli.run(["report", "--format", "json", "--workspace", "ex.db"])
    #expect(report.status == 0, "\(report.stderr)")
    let json = try ReportJSON(report.stdout)
    #expect(json.objectives.contains { $0["id"] as? String == "O1" })
    let scores = json.theme("communication")?["scores"] as? [[String: Any]] ?? []
    #expect(scores.contains { $0["audience"] as? String == "customer" && ($0["n"] as? Int ?? 0) >= 5 })
  }

  @Test func badInputFilesAreNamedWithTheirLine() throws {
    let cli = try CLIRunner()
    #expect(try cli.run(["init", "--workspace", "w.db"]).status == 0)
    let mapping = try cli.write(
      "map.yaml",
      """
      respondent_id: respondent
      themes:
        - {id: communication, name: Communication}
      questions:
        - {column: q1, id: comm_clear, text: "Clear", theme: communication, scale: [1, 5]}
        - {column: q2, id: comm_find, text: "Findable", theme: communication, scale: [1, 5]}

      """)
    _ = try cli.write("survey.csv", "respondent,q1,q2\nr1,3,4\nr2,4,5\nr3,7,2\n")
    let r = try cli.run([
      "import", "survey", "survey.csv", "--mapping", mapping, "--wave", "2025-09", "--date", "2025-09-15",
      "--audience", "customer", "--workspace", "w.db",
    ])
    expectOneLineError(r)
    // Line 4, second column (q1) holds the 7.
    #expect(r.stderr.hasPrefix("peili: survey.csv:4:2 (q1): "), "\(r.stderr)")
    #expect(r.stderr.contains("7") && r.stderr.contains("1–5"), "\(r.stderr)")
    let after = try cli.run(["report", "--format", "json", "--workspace", "w.db"])
    #expect(try ReportJSON(after.stdout).themes.isEmpty, "the failed import wrote nothing")

    _ = try cli.write(
      "okrs.yaml",
      "cycle: {id: \"2026\", name: \"2026\", start: 2026-01-01, end: 2026-12-31}\nobjectives:\n  - id: O1\n    title: [unclosed\n"
    )
    let y = try cli.run(["import", "okrs", "okrs.yaml", "--workspace", "w.db"])
    expectOneLineError(y)
    #expect(y.stderr.hasPrefix("peili: okrs.yaml:"), "\(y.stderr)")
    #expect(
      y.stderr.contains("line 4") || y.stderr.contains("okrs.yaml:4") || y.stderr.contains("okrs.yaml:5"))

    let missing = try cli.run(["import", "okrs", "nope.yaml", "--workspace", "w.db"])
    expectOneLineError(missing)
    #expect(missing.stderr.contains("nope.yaml"))

    let noWorkspace = try cli.run(["report", "--workspace", "absent.db"])
    expectOneLineError(noWorkspace)
    #expect(noWorkspace.stderr.contains("absent.db"))
    #expect(!FileManager.default.fileExists(atPath: cli.path("absent.db")))

    let badDate = try cli.run([
      "import", "survey", "survey.csv", "--mapping", mapping, "--wave", "x", "--date", "2025-13-01",
      "--audience", "customer", "--workspace", "w.db",
    ])
    #expect(badDate.status == 64)
  }

  @Test func everyCommandHasHelpWithExamplesAndTheVersionIsPrinted() throws {
    let cli = try CLIRunner()
    for command in [
      [], ["init"], ["demo"], ["import"], ["import", "okrs"], ["import", "survey"], ["report"],
      ["checkin"], ["history"], ["cycle"], ["cycle", "new"], ["cycle", "list"],
    ] {
      let r = try cli.run(command + ["--help"])
      #expect(r.status == 0, "\(command)")
      #expect(r.stdout.contains("Examples:"), "\(command): \(r.stdout)")
    }
    let v = try cli.run(["--version"])
    #expect(v.status == 0)
    #expect(v.stdout.hasPrefix("peili "))
  }
}
