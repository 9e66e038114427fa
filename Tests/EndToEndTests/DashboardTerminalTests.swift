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
    try tmux.type("ä")
    try tmux.send("j")
    try await tmux.waitUntil("row 2 selected") { treePosition($0) == 2 }
    try tmux.send("Down")
    try await tmux.waitUntil("row 3 selected") { treePosition($0) == 3 }
    try tmux.send("q")
    try await tmux.waitFor("[peili exited 0]")
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
