import Foundation
import Testing

/// The same terminal behaviour through the real dashboard (`peili demo`): too small and
/// resized, an unknown TERM, a non-UTF-8 locale.
@Suite("Dashboard terminal end to end", .serialized)
struct DashboardTerminalTests {
  let peili: String
  let directory: URL

  init() throws {
    (peili, directory) = try EndToEndSetup.prepare("peili-e2e")
  }

  private func demo() -> [String] {
    [peili, "demo", "--workspace", directory.appendingPathComponent("demo.db").path]
  }

  @Test func tooSmallDashboardAsksToEnlargeAndRecovers() async throws {
    defer { try? FileManager.default.removeItem(at: directory) }
    let tmux = try Tmux.start(demo(), width: 40, height: 10)
    defer { tmux.kill() }
    let small = try await tmux.waitFor("enlarge to at least")
    #expect(small.contains("80×24"))
    #expect(!small.contains("OKR tree"))
    try tmux.resize(width: 100, height: 30)
    let big = try await tmux.waitFor("OKR tree")
    #expect(!big.contains("enlarge"))
    #expect(big.contains("q quit"))
    try tmux.resize(width: 60, height: 30)
    try await tmux.waitFor("enlarge to at least")
    try tmux.resize(width: 80, height: 24)
    try await tmux.waitUntil("the dashboard at 80×24") { $0.contains("OKR tree") && !$0.contains("enlarge") }
    try tmux.send("q")
    try await tmux.waitFor("[peili exited 0]")
  }

  @Test func aBrokenThemeFileIsNamedWithItsLineOnTheStatusLine() async throws {
    defer { try? FileManager.default.removeItem(at: directory) }
    let theme = directory.appendingPathComponent("bad.toml").path
    try "[roles]\ntext = { fg = 999 }\n".write(toFile: theme, atomically: true, encoding: .utf8)
    let tmux = try Tmux.start(demo() + ["--theme", theme], width: 120, height: 30)
    defer { tmux.kill() }
    let screen = try await tmux.waitFor("OKR tree")
    #expect(screen.contains("bad.toml:2:"), "\(screen)")
    #expect(screen.contains("must be an integer"), "\(screen)")
    try tmux.send("q")
    try await tmux.waitFor("[peili exited 0]")
  }

  @Test func dashboardUnderLangCUsesASCIIAndKeepsReadingKeys() async throws {
    defer { try? FileManager.default.removeItem(at: directory) }
    let tmux = try Tmux.start(demo(), environment: ["LANG": "C", "LC_ALL": "C"])
    defer { tmux.kill() }
    let first = try await tmux.waitUntil("row 1 selected") { treePosition($0) == 1 }
    for glyph in ["▾", "▸", "█", "─", "…"] { #expect(!first.contains(glyph), "\(glyph) under LANG=C") }
    #expect(first.contains("#"))
    // Once, at start: why the screen is plain ASCII and how to get Unicode.
    #expect(first.contains("ASCII only: LC_ALL=C is not UTF-8"), "\(first)")
    #expect(first.contains("LC_ALL=C.UTF-8 for Unicode"), "\(first)")
    try tmux.type("ä")
    try tmux.send("j")
    try await tmux.waitUntil("row 2 selected") { treePosition($0) == 2 }
    try tmux.send("Down")
    let later = try await tmux.waitUntil("row 3 selected") { treePosition($0) == 3 }
    #expect(!later.contains("ASCII only"), "said once, then the status line is free")
    try tmux.send("q")
    try await tmux.waitFor("[peili exited 0]")
  }

  /// Under TERM=xterm-256color inside tmux, Home and End arrive as sequences the xterm entry
  /// does not name (`\e[1~`/`\e[4~`, or `\e[H`/`\e[F`): they must still move the selection,
  /// and a focus report (`\e[I`) must do nothing at all — not close the help as an Esc.
  @Test func homeEndAndFocusReportsUnderXtermInsideTmux() async throws {
    defer { try? FileManager.default.removeItem(at: directory) }
    let tmux = try Tmux.start(demo(), width: 120, height: 40, environment: ["TERM": "xterm-256color"])
    defer { tmux.kill() }
    let first = try await tmux.waitUntil("row 1 selected") { treePosition($0) == 1 }
    let last = try #require(treeCount(first))
    func bytes(_ text: String) throws {
      try tmux.run(["send-keys", "-H"] + text.utf8.map { String($0, radix: 16) })
    }
    for (end, home) in [("\u{1B}[4~", "\u{1B}[1~"), ("\u{1B}[F", "\u{1B}[H")] {
      try tmux.send("j", "j")
      try await tmux.waitUntil("row 3 selected") { treePosition($0) == 3 }
      try bytes(end)
      try await tmux.waitUntil("the last row selected after \(end.debugDescription)") {
        treePosition($0) == last
      }
      try bytes(home)
      try await tmux.waitUntil("row 1 selected after \(home.debugDescription)") { treePosition($0) == 1 }
    }
    // tmux's own names for the keys, whatever it sends for them.
    try tmux.send("End")
    try await tmux.waitUntil("the last row selected after End") { treePosition($0) == last }
    try tmux.send("Home")
    try await tmux.waitUntil("row 1 selected after Home") { treePosition($0) == 1 }

    // Focus in and out while the help is open, then a key the help takes: it is still open
    // and scrolled, so neither report was read as Esc (nor as the letters after it).
    try tmux.send("?")
    let help = try await tmux.waitFor("Esc close")
    try bytes("\u{1B}[I")
    try bytes("\u{1B}[O")
    try tmux.send("j")
    let after = try await tmux.waitUntil("the help scrolled by one") {
      $0 != help && $0.contains("Esc close")
    }
    #expect(after.contains("Keys"))
    try tmux.send("Escape")
    try await tmux.waitUntil("the help closed") { !$0.contains("Esc close") && treePosition($0) == 1 }
    try tmux.send("q")
    try await tmux.waitFor("[peili exited 0]")
  }

  /// The number of rows from the tree title's "N/M" counter.
  private func treeCount(_ screen: String) -> Int? {
    guard let line = screen.split(separator: "\n").first(where: { $0.contains("OKR tree") }) else {
      return nil
    }
    for token in line.split(separator: " ") {
      let parts = token.split(separator: "/")
      if parts.count == 2, Int(parts[0]) != nil, let n = Int(parts[1]) { return n }
    }
    return nil
  }

  /// The selected row from the tree title's "N/M" counter.
  private func treePosition(_ screen: String) -> Int? {
    guard let line = screen.split(separator: "\n").first(where: { $0.contains("OKR tree") }) else {
      return nil
    }
    for token in line.split(separator: " ") {
      let parts = token.split(separator: "/")
      if parts.count == 2, let n = Int(parts[0]), Int(parts[1]) != nil { return n }
    }
    return nil
  }

  @Test func dashboardUnderUnknownTermShowsTheFallbackWarning() async throws {
    defer { try? FileManager.default.removeItem(at: directory) }
    let known = try ProcessRunner.run(ExecutableSearch.find("infocmp") ?? "/usr/bin/infocmp", ["xterm-kitty"])
    let term = known.status == 0 ? "peili-no-such-term" : "xterm-kitty"
    let tmux = try Tmux.start(demo(), width: 160, height: 40, environment: ["TERM": term])
    defer { tmux.kill() }
    let screen = try await tmux.waitFor("TERM=\(term) is unknown here; using xterm-256color")
    #expect(screen.contains("OKR tree"))
    #expect(!screen.contains("Error opening terminal"))
    try tmux.send("q")
    try await tmux.waitFor("[peili exited 0]")
  }
}
