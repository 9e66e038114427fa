import Foundation
import Testing

/// The dashboard of the real binary in Finnish, in tmux at 80×24 on a server with only
/// `C.UTF-8` (`LANGUAGE=fi`): the same keys, Finnish words and numbers.
@Suite("Dashboard in Finnish end to end", .serialized)
struct FinnishDashboardTests {
  let peili: String
  let directory: URL

  init() throws {
    (peili, directory) = try EndToEndSetup.prepare("peili-fi")
  }

  @Test func aFinnishTeamEditsAnActionWithTheSameKeys() async throws {
    defer { try? FileManager.default.removeItem(at: directory) }
    let workspace = directory.appendingPathComponent("x.db").path
    let tmux = try Tmux.start(
      [peili, "demo", "--workspace", workspace], width: 80, height: 24,
      environment: ["LANG": "C.UTF-8", "LC_ALL": "C.UTF-8", "LANGUAGE": "fi"], unset: ["PEILI_LANG"])
    defer { tmux.kill() }
    var screen = try await tmux.waitFor("OKR-puu", deadline: 60)
    #expect(screen.contains("kierrokset 2025-09 → 2026-09"))
    #expect(screen.contains("? ohje") && screen.contains("q lopeta"))
    try tmux.send("j", "j", "j", "j", "j")
    try await tmux.waitFor("Peili: A4")
    try tmux.send("+")
    _ = try await tmux.waitFor("A4 edistyminen 60 % → 70 %")
    // The row changes when the store answers.
    try await tmux.waitUntil("A4 at 70 %") { screen in
      screen.split(separator: "\n").contains { $0.contains(" A4 ") && $0.contains(" 70 % käynnissä") }
    }
    try tmux.send("c")
    screen = try await tmux.waitFor("Tilannepäivitys A4")
    #expect(screen.contains("Luottamus 1–10"))
    try tmux.send("Escape")
    try tmux.send("?")
    screen = try await tmux.waitFor("Näppäimet")
    #expect(screen.contains("edistyminen +10 / -10"))
    try tmux.send("Escape", "4")
    screen = try await tmux.waitFor("Toimenpiteet")
    #expect(screen.range(of: #"[0-9]{1,2}\.[0-9]{1,2}\.2026"#, options: .regularExpression) != nil)
    try tmux.send("q")
    try await tmux.waitFor("[peili exited 0]")
  }
}
