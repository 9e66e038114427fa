import Foundation
import Testing

/// The dashboard of the real binary in tmux on the demo workspace: navigate, edit, quit and
/// reopen; two sessions on one workspace; the too-small message and its recovery.
@Suite("Dashboard end to end", .serialized)
struct DashboardTests {
  let peili: String
  let directory: URL

  init() throws {
    (peili, directory) = try EndToEndSetup.prepare("peili-dash")
  }

  var workspace: String { directory.appendingPathComponent("x.db").path }

  /// The screen line that shows `id` in the tree.
  func row(_ id: String, in screen: String) -> String? {
    screen.split(separator: "\n").map(String.init).first { $0.contains(" \(id) ") && $0.contains("%") }
  }

  func sqlite(_ sql: String) throws -> String {
    let sqlite3 = try #require(
      ExecutableSearch.find("sqlite3"), "sqlite3 CLI is needed to read the audit table")
    let result = try ProcessRunner.run(sqlite3, [workspace, sql])
    #expect(result.status == 0, "\(result.stderr)")
    return result.stdout.trimmingCharacters(in: .whitespacesAndNewlines)
  }

  /// Six rows down from O1 is A4 (60%, directly under O1) in the demo.
  func selectA4(_ tmux: Tmux) async throws {
    try tmux.send("j", "j", "j", "j", "j")
    try await tmux.waitFor("Mirror of A4 Brief staff")
  }

  @Test func raiseAnActionsProgressQuitReopenAndFindItWithAnAuditRow() async throws {
    defer { try? FileManager.default.removeItem(at: directory) }
    let tmux = try Tmux.start([peili, "demo", "--workspace", workspace], width: 100, height: 30)
    defer { tmux.kill() }
    var screen = try await tmux.waitFor("OKR tree", deadline: 60)
    #expect(screen.contains("waves 2025-09 → 2026-09"))
    #expect(row("O1", in: screen)?.contains("Customers understand what we offer") == true)
    try await selectA4(tmux)
    #expect(row("A4", in: try tmux.screen())?.contains(" 60% active") == true)
    try tmux.send("+")
    // "saving A4 progress 60% → 70%…" shows at once; the row changes when the store answers.
    screen = try await tmux.waitUntil("A4 at 70%") { self.row("A4", in: $0)?.contains(" 70% active") == true }
    #expect(screen.contains("A4 progress 60% → 70%"))
    try tmux.send("q")
    try await tmux.waitFor("[peili exited 0]")

    let user = try ProcessRunner.run("/usr/bin/id", ["-un"]).stdout.trimmingCharacters(
      in: .whitespacesAndNewlines)
    #expect(
      try sqlite(
        "SELECT user || '|' || old_value || '|' || new_value FROM audit WHERE kind = 'edit' AND entity = 'action' "
          + "AND entity_id = 'A4' AND field = 'progress'") == "\(user)|60|70")

    let again = try Tmux.start([peili, "--workspace", workspace], width: 100, height: 30)
    defer { again.kill() }
    try await again.waitFor("OKR tree", deadline: 30)
    try await selectA4(again)
    #expect(row("A4", in: try again.screen())?.contains(" 70% active") == true)
    try again.send("q")
    try await again.waitFor("[peili exited 0]")
  }

  @Test func anEditInOneSessionAppearsInTheOtherWithoutAKeyPress() async throws {
    defer { try? FileManager.default.removeItem(at: directory) }
    let first = try Tmux.start([peili, "demo", "--workspace", workspace], width: 100, height: 30)
    defer { first.kill() }
    try await first.waitFor("OKR tree", deadline: 60)
    let second = try Tmux.start([peili, "--workspace", workspace], width: 100, height: 30)
    defer { second.kill() }
    try await second.waitFor("OKR tree", deadline: 30)
    // The first session has announced itself by now: the second's header names it.
    try await second.waitFor("also open by you", deadline: 10)
    try await selectA4(first)
    try await selectA4(second)

    try first.send("+")
    try await first.waitFor("A4 progress 60% → 70%")
    // No key goes to the second session: its tick notices the write and reloads.
    let screen = try await second.waitUntil("A4 at 70% in the second session") { s in
      self.row("A4", in: s)?.contains(" 70% active") == true
    }
    #expect(screen.contains("Mirror of A4 Brief staff"), "selection kept on A4")
    // Named as who changed what (the same OS user here, in another session).
    #expect(screen.contains("you, in another session: A4 progress 60% → 70%"))

    // And back the other way, based on the version the second session now holds.
    try second.send("s")
    try await second.waitFor("A4 status active → done")
    try await first.waitUntil("A4 done in the first session") { s in
      self.row("A4", in: s)?.contains(" 70% done") == true
    }
    try first.send("q")
    try second.send("q")
    try await first.waitFor("[peili exited 0]")
    try await second.waitFor("[peili exited 0]")
  }

  @Test func tooSmallAsksToEnlargeAndRecoversOnResize() async throws {
    defer { try? FileManager.default.removeItem(at: directory) }
    let tmux = try Tmux.start([peili, "demo", "--workspace", workspace], width: 60, height: 20)
    defer { tmux.kill() }
    try await tmux.waitFor("Terminal too small: enlarge to at least 80×24 (now 60×20)", deadline: 60)
    try tmux.resize(width: 100, height: 30)
    var screen = try await tmux.waitFor("OKR tree")
    #expect(!screen.contains("too small"))
    try tmux.resize(width: 79, height: 24)
    try await tmux.waitFor("(now 79×24)")
    try tmux.resize(width: 80, height: 24)
    screen = try await tmux.waitFor("OKR tree")
    #expect(screen.contains("Mirror of O1"))
    try tmux.send("q")
    try await tmux.waitFor("[peili exited 0]")
  }

  @Test func helpFilterAndThemeDetailThenQuitRestoresTheShell() async throws {
    defer { try? FileManager.default.removeItem(at: directory) }
    let tmux = try Tmux.start([peili, "demo", "--workspace", workspace], width: 100, height: 30)
    defer { tmux.kill() }
    try await tmux.waitFor("OKR tree", deadline: 60)
    try tmux.send("?")
    var screen = try await tmux.waitFor("Dashboard: move")
    #expect(screen.contains("previous / next row"))
    // The last page has the keys of every screen's neighbours too: quit is on it.
    try tmux.send("End")
    screen = try await tmux.waitFor("? F1")
    try tmux.send("Escape")
    try await tmux.waitUntil("help closed") { !$0.contains("Dashboard: move") && !$0.contains("? F1") }
    try tmux.send("/")
    try tmux.type("grow")
    try tmux.send("Enter")
    screen = try await tmux.waitFor("Filter: grow")
    #expect(screen.contains("No theme linked: this objective has no mirror."))
    try tmux.send("Escape", "g", "Tab", "j", "Enter")
    screen = try await tmux.waitFor("Theme: Reliability")
    #expect(screen.contains("2025-09"))
    #expect(screen.contains("Mirror gap (mirror − customer)"))
    try tmux.send("Escape", "q")
    try await tmux.waitFor("[peili exited 0]")
  }
}
