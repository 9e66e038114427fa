import Foundation
import Testing

/// An owner's whole loop from the keyboard, in the real binary in tmux: the Actions screen
/// filtered by owner, a check-in through the dialog (progress, confidence, a note), the
/// History screen showing it, undo showing it reverted — and a second session that sees
/// the check-in arrive.
@Suite("The action loop end to end", .serialized)
struct ActionLoopTests {
  let peili: String
  let directory: URL

  init() throws {
    (peili, directory) = try EndToEndSetup.prepare("peili-loop")
  }

  var workspace: String { directory.appendingPathComponent("x.db").path }

  @Test func filterCheckInSeeItInHistoryUndoItAndAnotherSessionSeesIt() async throws {
    defer { try? FileManager.default.removeItem(at: directory) }
    let owner = try Tmux.start([peili, "demo", "--workspace", workspace], width: 120, height: 30)
    defer { owner.kill() }
    try await owner.waitFor("OKR tree", deadline: 60)
    let other = try Tmux.start([peili, "--workspace", workspace], width: 100, height: 30)
    defer { other.kill() }
    try await other.waitFor("OKR tree", deadline: 60)

    // Actions, then the owner filter stepped to Ville (the tenth owner in name order).
    try owner.send("4")
    try await owner.waitFor("22 actions")
    for _ in 0..<10 { try owner.send("o") }
    var screen = try await owner.waitFor("owner Ville")
    #expect(screen.contains("4 actions"))
    #expect(!screen.contains("A1 "), "Aino's action is filtered out")
    // Sorted by due: A15 (done in August) first, then A4.
    try owner.send("j")
    try owner.send("c")
    screen = try await owner.waitFor("Check in A4")
    #expect(screen.contains("Progress %"))
    // Entering a field selects its value: typing replaces it.
    try owner.type("70")
    try owner.send("Tab")
    try owner.type("8")
    try owner.send("Tab", "Tab", "Tab", "Tab")
    try owner.type("briefing done")
    try owner.send("Enter")
    screen = try await owner.waitFor("checked in A4")
    #expect(screen.contains("70%"))

    // The other session learns of it on its next poll and says who changed what.
    let seen = try await other.waitFor("A4 progress 60% → 70%")
    #expect(seen.contains("another session"))

    // History: newest first, the check-in's fields and its note.
    try owner.send("7")
    screen = try await owner.waitFor("briefing done")
    #expect(screen.contains("60% → 70%"))
    #expect(screen.contains("confidence"))

    // Undo reverts this session's check-in, and History shows it reverted.
    try owner.send("u")
    screen = try await owner.waitFor("undone: A4")
    screen = try await owner.waitFor("reverted")
    #expect(screen.contains("70% → 60%"))
    try owner.send("q")
    try await owner.waitFor("[peili exited 0]")
  }
}
