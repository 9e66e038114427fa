import Foundation
import Testing

/// `peili export` and `peili import okrs --update` through the real binary: the round trip an
/// owner makes with a text editor.
@Suite struct CLIExportTests {
  @Test func exportEditImportUpdateRoundTrips() throws {
    let cli = try CLIRunner()
    #expect(try cli.run(["demo", "--workspace", "d.db"]).status == 0)
    let first = try cli.run(["--workspace", "d.db", "export", "okrs"])
    #expect(first.status == 0, "\(first.stderr)")
    let file = try cli.write("okrs.yaml", first.stdout)

    // Unchanged text changes nothing, and a second export is byte for byte the first.
    let noop = try cli.run(["--workspace", "d.db", "import", "okrs", "okrs.yaml", "--update"])
    #expect(noop.status == 0, "\(noop.stderr)")
    #expect(noop.stdout.contains("nothing changed"))
    #expect(try cli.run(["--workspace", "d.db", "export", "okrs"]).stdout == first.stdout)

    // One edited progress value lands as one audited change.
    let edited = first.stdout.replacingOccurrences(of: "progress: 60", with: "progress: 65")
    #expect(edited != first.stdout, "the demo export should hold an action at 60%")
    try edited.write(toFile: file, atomically: true, encoding: .utf8)
    let update = try cli.run(["--workspace", "d.db", "import", "okrs", "okrs.yaml", "--update"])
    #expect(update.stdout.contains("1 changed"), "\(update.stdout)\(update.stderr)")
    let audit = try cli.run(["--workspace", "d.db", "export", "audit", "--format", "csv"])
    #expect(audit.stdout.contains(",import,action,A4,progress,60,65"), "\(audit.stdout.suffix(400))")

    // --prune without --update is a usage error.
    #expect(try cli.run(["--workspace", "d.db", "import", "okrs", "okrs.yaml", "--prune"]).status == 64)
  }

  @Test func surveyExportReimportsIntoAFreshWorkspace() throws {
    let cli = try CLIRunner()
    #expect(try cli.run(["demo", "--workspace", "d.db"]).status == 0)
    let csv = try cli.run([
      "--workspace", "d.db", "export", "survey", "--format", "csv", "--wave", "2026-09", "--audience",
      "customer", "--mapping-out", "map.yaml",
    ])
    #expect(csv.status == 0, "\(csv.stderr)")
    _ = try cli.write("customers.csv", csv.stdout)
    #expect(try cli.run(["init", "--workspace", "fresh.db"]).status == 0)
    let imported = try cli.run([
      "--workspace", "fresh.db", "import", "survey", "customers.csv", "--mapping", "map.yaml", "--wave",
      "2026-09", "--date", "2026-09-15", "--audience", "customer",
    ])
    #expect(imported.status == 0, "\(imported.stderr)")
    let before = try ReportJSON(try cli.run(["--workspace", "d.db", "report", "--format", "json"]).stdout)
    let after = try ReportJSON(try cli.run(["--workspace", "fresh.db", "report", "--format", "json"]).stdout)
    func customerIndex(_ report: ReportJSON, _ theme: String) -> Double? {
      let scores = report.theme(theme)?["scores"] as? [[String: Any]] ?? []
      let cell = scores.first {
        $0["audience"] as? String == "customer" && $0["wave"] as? String == "2026-09"
      }
      return (cell?["index"] as? [String: Any])?["value"] as? Double
    }
    let original = customerIndex(before, "communication")
    #expect(original != nil)
    #expect(customerIndex(after, "communication") == original)
  }
}

/// `--cycle` on every command that reads OKRs.
@Suite struct CLICycleTests {
  @Test func anUnknownCycleIsNamedWithTheKnownOnesAndNothingOpens() throws {
    let cli = try CLIRunner()
    #expect(try cli.run(["demo", "--workspace", "d.db"]).status == 0)
    for args in [["report"], ["export", "okrs"], ["checkin", "A1", "--progress", "50"]] {
      let r = try cli.run(["--workspace", "d.db", "--cycle", "19\u{1B}[31m99"] + args)
      #expect(r.status != 0, "\(args)")
      #expect(
        r.stderr.contains("no cycle `1999` in the workspace; expected one of 2025, 2026")
          || r.stderr.contains("expected one of 2025, 2026"), "\(args): \(r.stderr)")
      #expect(!r.stderr.contains("\u{1B}"), "\(args)")
    }
    let ok = try cli.run(["--workspace", "d.db", "--cycle", "2026", "report", "--format", "json"])
    #expect(ok.status == 0, "\(ok.stderr)")
  }
}
