import Foundation
import PeiliText
import Testing

/// Nothing raw reaches the user's terminal from the command line: arguments echoed back (by
/// peili or by ArgumentParser), file names, workspace content in reports and history.
@Suite struct UntrustedTextTests {
  static let escape = "\u{1B}]0;pwned\u{07}\u{1B}[31m"

  /// The output, line by line, holds no control (but the line breaks), bidi or invisible character.
  func expectClean(_ r: CLIRunner.Result, sourceLocation: SourceLocation = #_sourceLocation) {
    for (name, text) in [("stdout", r.stdout), ("stderr", r.stderr)] {
      let bad = text.split(separator: "\n", omittingEmptySubsequences: false).compactMap {
        UnsafeCharacter.first(in: String($0))
      }
      #expect(
        bad.isEmpty, "raw \(bad.map(\.shown)) on \(name): \(text.debugDescription)",
        sourceLocation: sourceLocation)
    }
  }

  @Test func argumentParserMessagesDoNotEchoEscapes() throws {
    let cli = try CLIRunner()
    #expect(try cli.run(["init", "--workspace", "w.db"]).status == 0)
    let limit = try cli.run(["--workspace", "w.db", "history", "--limit", Self.escape])
    #expect(limit.status == 64, "a usage error, as before: \(limit.stderr)")
    #expect(limit.stderr.contains("--limit"))
    expectClean(limit)
    let progress = try cli.run(["--workspace", "w.db", "checkin", "A1", "--progress", Self.escape])
    #expect(progress.status != 0)
    expectClean(progress)
    let unknown = try cli.run(["--workspace", "w.db", "report", "--\u{202E}x"])
    #expect(unknown.status == 64)
    expectClean(unknown)
    let help = try cli.run(["--help"])
    #expect(help.status == 0 && help.stdout.contains("USAGE:"), "help stays on stdout")
  }

  @Test func pathsEchoedBackAreClean() throws {
    let cli = try CLIRunner()
    let created = try cli.run(["init", "--workspace", "team\(Self.escape).db"])
    #expect(created.status == 0, "\(created.stderr)")
    #expect(created.stdout.contains("team]0;pwned[31m.db"))
    expectClean(created)
    let again = try cli.run(["init", "--workspace", "team\(Self.escape).db"])
    #expect(again.status == 1)
    expectClean(again)
  }

  @Test func aWaveNameWithControlsIsRefusedAndNothingStored() throws {
    let cli = try CLIRunner()
    #expect(try cli.run(["init", "--workspace", "w.db"]).status == 0)
    let examples = CLIRunner.examples
    let r = try cli.run([
      "--workspace", "w.db", "import", "survey", examples.appendingPathComponent("survey-customers.csv").path,
      "--mapping", examples.appendingPathComponent("survey-mapping.yaml").path, "--wave",
      "2026-09\(Self.escape)",
      "--date", "2026-09-15", "--audience", "customer",
    ])
    #expect(r.status == 64, "\(r.stderr)")
    #expect(
      r.stderr.contains(#"--wave: name `2026-09\e]0;pwned\u{7}\e[31m` holds a control character"#),
      "\(r.stderr)")
    expectClean(r)
    let report = try cli.run(["--workspace", "w.db", "report", "--format", "json"])
    #expect(!report.stdout.contains("2026-09"), "no wave was stored")
  }

  @Test func reportsAndHistoryOfHostileTitlesAreClean() throws {
    let cli = try CLIRunner()
    #expect(try cli.run(["init", "--workspace", "w.db"]).status == 0)
    let okrs = try cli.write(
      "okrs.yaml",
      """
      cycle: {id: "2026", name: "2026", start: 2026-01-01, end: 2026-12-31}
      objectives:
        - id: O1
          title: "Evil \\u202Eelif\\u202C \\e]0;x\\a zero\\u200Bwidth"
          actions:
            - {id: A1, title: "Act \\u2066now\\u2069", start: 2026-01-01, due: 2026-06-30}

      """)
    let imported = try cli.run(["--workspace", "w.db", "import", "okrs", okrs])
    #expect(imported.status == 0, "\(imported.stderr)")
    expectClean(imported)
    for format in ["markdown", "json"] {
      let r = try cli.run(["--workspace", "w.db", "report", "--format", format])
      #expect(r.status == 0, "\(r.stderr)")
      #expect(r.stdout.contains("Evil elif"), "\(r.stdout.prefix(600))")
      expectClean(r)
    }
    let history = try cli.run(["--workspace", "w.db", "history"])
    #expect(history.status == 0)
    expectClean(history)
  }
}
