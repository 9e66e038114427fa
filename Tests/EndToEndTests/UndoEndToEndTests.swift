import Foundation
import Testing

/// `u` in the real binary on a fresh demo: it undoes this session's edit and nothing of the
/// demo's history, though that was written under the same OS user.
@Suite("Undo end to end", .serialized)
struct UndoEndToEndTests {
  let peili: String
  let directory: URL

  init() throws {
    (peili, directory) = try EndToEndSetup.prepare("peili-undo")
  }

  var workspace: String { directory.appendingPathComponent("demo.db").path }

  func sqlite(_ sql: String) throws -> String {
    let sqlite3 = try #require(
      ExecutableSearch.find("sqlite3"), "sqlite3 CLI is needed to read the workspace")
    let result = try ProcessRunner.run(sqlite3, [workspace, sql])
    #expect(result.status == 0, "\(result.stderr)")
    return result.stdout.trimmingCharacters(in: .whitespacesAndNewlines)
  }

  /// The steps: `+` once on A4, then `u` four times.
  @Test func plusOnA4ThenFourUndosRevertA4AndNothingElse() async throws {
    defer { try? FileManager.default.removeItem(at: directory) }
    let tmux = try Tmux.start([peili, "demo", "--workspace", workspace], width: 100, height: 30)
    defer { tmux.kill() }
    try await tmux.waitFor("OKR tree", deadline: 60)
    let before = try sqlite("SELECT id || ' ' || progress || ' ' || confidence FROM action ORDER BY id")
    try tmux.send("j", "j", "j", "j", "j")
    try await tmux.waitFor("Mirror of A4 Brief staff")
    try tmux.send("+")
    try await tmux.waitFor("A4 progress 60% → 70%")
    try tmux.send("u")
    try await tmux.waitFor("undone: A4 progress 70% → 60%")
    try tmux.send("u", "u", "u")
    try await tmux.waitFor("nothing of yours to undo in this session")
    try tmux.send("q")
    try await tmux.waitFor("[peili exited 0]")

    // Every action as the demo left it (A17, A14 and A13 keep their check-ins' confidence).
    #expect(try sqlite("SELECT id || ' ' || progress || ' ' || confidence FROM action ORDER BY id") == before)
    #expect(
      try sqlite("SELECT confidence FROM action WHERE id IN ('A13', 'A14', 'A17') ORDER BY id") == "6\n6\n5")
    #expect(try sqlite("SELECT count(DISTINCT change_id) FROM audit WHERE kind = 'undo'") == "1")
  }

  /// Below the minimum size only the request to enlarge is drawn; keys (but quit) do nothing.
  @Test func keysWhileTheTerminalIsTooSmallChangeNothing() async throws {
    defer { try? FileManager.default.removeItem(at: directory) }
    let tmux = try Tmux.start([peili, "demo", "--workspace", workspace], width: 60, height: 20)
    defer { tmux.kill() }
    try await tmux.waitFor("Terminal too small", deadline: 60)
    try tmux.send("j", "j", "j", "j", "j", "+", "+", "s")
    // `q` is read after the keys before it: once peili has exited, they have all been handled.
    try tmux.send("q")
    try await tmux.waitFor("[peili exited 0]")
    #expect(try sqlite("SELECT progress || ' ' || status FROM action WHERE id = 'A4'") == "60 active")
    #expect(try sqlite("SELECT count(*) FROM audit WHERE kind = 'edit' AND entity_id = 'A4'") == "0")
  }
}
