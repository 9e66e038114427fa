import Foundation
import PeiliCore
import PeiliUI
import Testing

@testable import PeiliApp
@testable import PeiliStore

@Suite("Presence in the main loop", .serialized)
struct PresenceLoopTests {
  @Test func aTickAnnouncesThisSessionAndShowsTheOthersOnlyWhenTheyChange() throws {
    let demo = try DemoDashboard()
    defer { demo.remove() }
    let me = WorkspaceSession(id: "me", user: "tester", host: "server", pid: 1)
    let mikko = WorkspaceSession(id: "other", user: "mikko", host: "server", pid: 2)
    let beat = PresenceBeat(session: me, interval: 0)
    let loop = CommandRunner(store: demo.workspace, user: "tester", presence: beat)
    var model = try demo.model(width: 120, height: 40)

    #expect(loop.dispatch(.tick, &model), "the first beat reports the (empty) list")
    #expect(model.shared.others.isEmpty)
    let second = try Workspace.open(path: demo.workspace.path)
    #expect(try second.heartbeat(mikko) == [me], "the tick wrote this session's row")

    #expect(loop.dispatch(.tick, &model))
    #expect(model.shared.others == [mikko])
    #expect(!loop.dispatch(.tick, &model), "nothing new: an idle dashboard repaints nothing")

    var buffer = Buffer(width: 120, height: 40)
    view(model, into: &buffer)
    #expect(buffer.line(0).contains("· also open by mikko"), "\(buffer.line(0))")

    try second.leave(mikko)
    #expect(loop.dispatch(.tick, &model))
    #expect(model.shared.others.isEmpty)
    view(model, into: &buffer)
    #expect(!buffer.line(0).contains("also open"))
  }

  /// A frozen client (SIGSTOP, a hung ssh session) leaves its row, no longer refreshed: by the
  /// store's clock, the header names it while its last beat is within the expiry, not after.
  @Test func aSessionThatStoppedBeatingLeavesTheHeaderAfterTheExpiry() throws {
    let demo = try DemoDashboard()
    defer { demo.remove() }
    let me = WorkspaceSession(id: "me", user: "tester", host: "server", pid: 1)
    let frozen = WorkspaceSession(id: "frozen", user: "mikko", host: "server", pid: 2)
    let loop = CommandRunner(
      store: demo.workspace, user: "tester", presence: PresenceBeat(session: me, interval: 0))
    var model = try demo.model(width: 120, height: 40)
    let second = try Workspace.open(path: demo.workspace.path)
    let now = Date().timeIntervalSince1970
    var buffer = Buffer(width: 120, height: 40)

    _ = try second.heartbeat(frozen, now: now - Workspace.presenceExpiry + 5)
    _ = loop.dispatch(.tick, &model)
    view(model, into: &buffer)
    #expect(buffer.line(0).contains("also open by mikko"), "\(buffer.line(0))")

    _ = try second.heartbeat(frozen, now: now - Workspace.presenceExpiry - 1)
    #expect(loop.dispatch(.tick, &model))
    #expect(model.shared.others.isEmpty)
    view(model, into: &buffer)
    #expect(!buffer.line(0).contains("also open"), "\(buffer.line(0))")
  }

  @Test func beatsWaitForTheInterval() throws {
    let demo = try DemoDashboard()
    defer { demo.remove() }
    let me = WorkspaceSession(id: "me", user: "tester", host: "server", pid: 1)
    let beat = PresenceBeat(session: me, interval: 10)
    let second = try Workspace.open(path: demo.workspace.path)
    let other = WorkspaceSession(id: "other", user: "mikko", host: "server", pid: 2)
    #expect(try beat.beat(demo.workspace, now: 100) == [])
    _ = try second.heartbeat(other)
    #expect(try beat.beat(demo.workspace, now: 105) == nil, "not due yet")
    #expect(try beat.beat(demo.workspace, now: 110) == [other])
  }

  @Test func aFrozenSessionLeavesAtItsExpiryNotAtTheNextBeat() throws {
    let demo = try DemoDashboard()
    defer { demo.remove() }
    let me = WorkspaceSession(id: "me", user: "tester", host: "server", pid: 1)
    let beat = PresenceBeat(session: me, interval: 10, expiry: 30)
    let second = try Workspace.open(path: demo.workspace.path)
    let frozen = WorkspaceSession(id: "frozen", user: "mikko", host: "server", pid: 2)
    let wall = Date().timeIntervalSince1970
    // Mikko's last beat was 25 s ago; he is still there at this session's beat.
    _ = try second.heartbeat(frozen, now: wall - 25)
    #expect(try beat.beat(demo.workspace, now: 100, wall: wall) == [frozen])
    // Four seconds on, no beat is due, nothing changed.
    #expect(try beat.beat(demo.workspace, now: 104, wall: wall + 4) == nil)
    // Six seconds on (31 s after his last beat) he leaves, four seconds before the next beat.
    #expect(try beat.beat(demo.workspace, now: 106, wall: wall + 6) == [])
    #expect(try beat.beat(demo.workspace, now: 107, wall: wall + 7) == nil)
  }
}

@Suite("Presence in the header")
struct PresenceTextTests {
  /// At 80 columns with seven tabs even the count of the others did not fit beside the waves
  /// ("+1 oth…"): the waves give way to it, as they do to who presents.
  @Test func whoElseIsHereStaysWholeAt80Columns() {
    var m = TestWorkspace.model(width: 80, height: 24)
    _ = update(&m, .presence([WorkspaceSession(id: "2", user: "mikko", host: "server", pid: 2)]))
    let header = TestWorkspace.render(m)[0]
    #expect(header.contains("+1 other ") || header.contains("also open by mikko"), "\(header)")
    #expect(!header.contains("…"), "\(header)")
    #expect(header.hasSuffix("6  7"), "\(header)")
  }

  @Test func namesEachUserOnceInOpeningOrderWithYouForYourOtherSessions() {
    func s(_ user: String, _ pid: Int) -> WorkspaceSession {
      WorkspaceSession(id: "\(pid)", user: user, host: "server", pid: pid)
    }
    let english = Catalogue.english.frame
    #expect(PresenceText.line(others: [], user: "aino", glyphs: .unicode, text: english, room: 80) == nil)
    let line = PresenceText.line(
      others: [s("mikko", 1), s("aino", 2), s("mikko", 3), s("siiri\u{1B}[31m", 4)], user: "aino",
      glyphs: .unicode, text: english, room: 80)
    // Short of room the names that fit stay whole and the rest are counted.
    let short = PresenceText.line(
      others: [s("mikko", 1), s("aino", 2), s("mikko", 3), s("siiri", 4)], user: "aino", glyphs: .unicode,
      text: english, room: 20)
    #expect(short == "mikko ×2 +2 others")
    #expect(
      PresenceText.line(
        others: [s("mikko", 1), s("siiri", 4)], user: "aino", glyphs: .unicode, text: english, room: 8)
        == "+2 others")
    // The user name is untrusted: the buffer the header is drawn into drops its ESC.
    var header = Buffer(width: 60, height: 1)
    header.put(line ?? "", x: 0, y: 0)
    #expect(header.line(0) == "also open by mikko ×2, you, siiri[31m")
  }
}
