import Foundation
import Testing

/// Every command's own lines and refusals under `--lang fi`: what it prints on success and on
/// each failure path is Finnish, with none of the English catalogue's words (the help's
/// completeness test, for messages).
@Suite("Messages in Finnish", .serialized)
struct FinnishMessagesCLITests {
  /// Words of the English messages that Finnish never uses.
  static let englishWords = [
    " the ", " of ", " and ", " with ", " a ", " is ", " no ", " not ", " use ", " expected ", " must ",
    " cannot ", " already ", "Created", "Started", "Demo", "Next", "running today", "exists",
  ]

  /// Runs `args` in Finnish and checks its output: the status, a Finnish phrase, no English.
  func check(
    _ cli: CLIRunner, _ args: [String], status: Int32? = nil, says phrase: String,
    sourceLocation: SourceLocation = #_sourceLocation
  ) throws {
    let r = try cli.run(args + ["--lang", "fi"], environment: LanguageCLITests.english)
    if let status { #expect(r.status == status, "\(args): \(r.stderr)", sourceLocation: sourceLocation) }
    let text = r.stdout + r.stderr
    #expect(text.contains(phrase), "\(args): \(text)", sourceLocation: sourceLocation)
    for word in Self.englishWords {
      #expect(
        !(" " + text + " ").contains(word), "\(args): \(word) in \(text)", sourceLocation: sourceLocation)
    }
  }

  @Test func initHistoryAndDemo() throws {
    let cli = try CLIRunner()
    try check(cli, ["init", "--workspace", "w.db"], status: 0, says: "Työtila w.db luotu.")
    try check(cli, ["init", "--workspace", "w.db"], status: 1, says: "on jo olemassa; peili init luo vain")
    try check(cli, ["history", "--workspace", "w.db"], status: 0, says: "Muutoksia ei ole vielä kirjattu.")
    _ = try cli.write("other.txt", "keep me")
    try check(cli, ["demo", "--workspace", "other.txt"], status: 1, says: "eikä ole peilin esittelytyötila")
    try check(cli, ["demo", "--workspace", "d.db"], status: 0, says: "Esittelytyötila: d.db")
    try check(cli, ["--workspace", "d.db"], status: 2, says: "näkymät tarvitsevat päätteen")
  }

  @Test func cycleCommands() throws {
    let cli = try CLIRunner()
    #expect(try cli.run(["init", "--workspace", "w.db"]).status == 0)
    let ws = ["--workspace", "w.db"]
    try check(cli, ["cycle", "list"] + ws, status: 0, says: "Kausia ei vielä ole")
    try check(cli, ["cycle", "list", "--cycle", "x"] + ws, status: 1, says: "--cycle ei kuulu")
    let new = ["cycle", "new", "2027", "--name", "Vuosi"] + ws
    try check(
      cli, new + ["--start", "1.1.2027", "--end", "2027-12-31"], status: 1, says: "muodossa VVVV-KK-PP")
    try check(
      cli, new + ["--start", "2027-06-01", "--end", "2027-01-01"], status: 1,
      says: "on ennen päivää --start 1.6.2027")
    try check(
      cli, new + ["--start", "2000-01-01", "--end", "2999-12-31"], status: 0,
      says: "Kausi 2027 aloitettu (1.1.2000 – 31.12.2999).")
    try check(cli, ["cycle", "list"] + ws, status: 0, says: "käynnissä tänään")
  }

  @Test func reportAndExportRefusals() throws {
    let cli = try CLIRunner()
    let ws = ["--workspace", "d.db"]
    #expect(try cli.run(["demo"] + ws).status == 0)
    try check(
      cli, ["report", "--wave", "1999-01"] + ws, status: 1, says: "kyselykierrosta \"1999-01\" ei ole")
    try check(
      cli, ["report", "--wave", "2025-09", "--baseline", "2026-09"] + ws, status: 1, says: "on myöhempi kuin")
    try check(cli, ["report", "--segment", "planet"] + ws, status: 1, says: "ominaisuutta \"planet\" ei ole")
    try check(cli, ["report", "--filter", "region"] + ws, status: 1, says: "odotettiin muotoa")
    try check(
      cli, ["report", "--filter", "region=Uusimaa", "--filter", "region=Lappi"] + ws, status: 1,
      says: "kahdesti")
    try check(
      cli, ["export", "survey", "--audience", "staff", "--mapping-out", "/nonexistent/m.yaml"] + ws,
      status: 1,
      says: "tiedostoa /nonexistent/m.yaml ei voi kirjoittaa")
  }
}
