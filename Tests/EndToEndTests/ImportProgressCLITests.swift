import Foundation
import Testing

/// The progress line of a long import through the real binary: on a terminal (tmux, every
/// byte the pane receives logged) a workbook's import shows its sheet rows, rate and time and
/// clears the line before the result; with `--quiet`, or with stderr not a terminal, nothing.
@Suite struct ImportProgressCLITests {
  static let book = ImportFailureCLITests.fixture("xlsx/large.xlsx")
  /// The mapping of large.xlsx (Google Forms layout, 60 questions answered 4).
  static let mapping =
    "respondent_id: (row number)\nthemes: [{id: t, name: T}]\nquestions:\n"
    + (1...60).map { "  - {column: \"Question \($0)\", id: q\($0), theme: t, scale: [1, 5]}\n" }.joined()

  func arguments(_ workspace: String, _ mapping: String) -> [String] {
    [
      "--workspace", workspace, "import", "survey", Self.book, "--mapping", mapping, "--wave", "2025-09",
      "--date", "2025-09-15", "--audience", "customer",
    ]
  }

  /// Imports large.xlsx in a tmux pane; returns everything the pane received.
  func importOnATerminal(_ more: [String]) async throws -> String {
    let (peili, dir) = try EndToEndSetup.prepare("peili-progress")
    defer { try? FileManager.default.removeItem(at: dir) }
    let workspace = dir.appendingPathComponent("w.db").path
    let mapping = dir.appendingPathComponent("map.yaml").path
    try Self.mapping.write(toFile: mapping, atomically: true, encoding: .utf8)
    #expect(try ProcessRunner.run(peili, ["init", "--workspace", workspace]).status == 0)
    let log = dir.appendingPathComponent("pane.log").path
    let tmux = try Tmux.start([peili] + arguments(workspace, mapping) + more, width: 160, height: 10)
    defer { tmux.kill() }
    // The line appears only after a second: attaching the log now misses nothing of it.
    try tmux.run(["pipe-pane", "-o", "cat >> \(shellQuoted(log))"])
    try await tmux.waitFor("[peili exited", deadline: 180)
    try await Task.sleep(nanoseconds: 200_000_000)
    return (try? String(contentsOfFile: log, encoding: .utf8)) ?? ""
  }

  @Test func aLongWorkbookImportShowsItsProgressOnATerminal() async throws {
    let output = try await importOnATerminal([])
    #expect(output.contains("[peili exited 0]"), "\(output.suffix(400))")
    let line = try #require(output.range(of: "large.xlsx: "), "no progress line in \(output.suffix(400))")
    #expect(output[line.upperBound...].contains(" sheet rows, "), "\(output.suffix(400))")
    #expect(output.contains(" rows/s"))
    // Cleared (carriage return, erase line) before the result line stands alone.
    let result = try #require(output.range(of: "Imported "))
    #expect(
      output[..<result.lowerBound].hasSuffix("\r\u{1B}[K"), "\(output[..<result.lowerBound].suffix(80))")
  }

  @Test func quietShowsNoProgress() async throws {
    let output = try await importOnATerminal(["--quiet"])
    #expect(output.contains("[peili exited 0]") && output.contains("Imported "), "\(output.suffix(400))")
    #expect(!output.contains("rows/s") && !output.contains("unpacking"), "\(output.suffix(400))")
  }

  @Test func noProgressWhenStderrIsNotATerminal() throws {
    let cli = try CLIRunner()
    #expect(try cli.run(["init", "--workspace", "w.db"]).status == 0)
    try Self.mapping.write(toFile: cli.path("map.yaml"), atomically: true, encoding: .utf8)
    let r = try cli.run(arguments("w.db", cli.path("map.yaml")))
    #expect(r.status == 0, "\(r.stderr)")
    #expect(r.stdout.contains("Imported "))
    #expect(r.stderr.isEmpty, "\(r.stderr)")
  }
}
