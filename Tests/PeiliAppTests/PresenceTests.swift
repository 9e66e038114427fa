import Foundation
import PeiliCore
import PeiliStore
import PeiliUI
import Testing

@testable import PeiliApp

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
    #expect(model.others.isEmpty)
    let second = try Workspace.open(path: demo.workspace.path)
    #expect(try second.heartbeat(mikko) == [me], "the tick wrote this session's row")

    #expect(loop.dispatch(.tick, &model))
    #expect(model.others == [mikko])
    #expect(!loop.dispatch(.tick, &model), "nothing new: an idle dashboard repaints nothing")

    var buffer = Buffer(width: 120, height: 40)
    view(model, into: &buffer)
    #expect(buffer.line(0).contains("· also open by mikko"), "\(buffer.line(0))")

    try second.leave(mikko)
    #expect(loop.dispatch(.tick, &model))
    #expect(model.others.isEmpty)
    view(model, into: &buffer)
    #expect(!buffer.line(0).contains("also open"))
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
}

@Suite("Presence in the header")
struct PresenceTextTests {
  @Test func namesEachUserOnceInOpeningOrderWithYouForYourOtherSessions() {
    func s(_ user: String, _ pid: Int) -> WorkspaceSession {
      WorkspaceSession(id: "\(pid)", user: user, host: "server", pid: pid)
    }
    #expect(PresenceText.line(others: [], user: "aino") == nil)
    let line = PresenceText.line(
      others: [s("mikko", 1), s("aino", 2), s("mikko", 3), s("siiri\u{1B}[31m", 4)], user: "aino")
    // The user name is untrusted: the buffer the header is drawn into drops its ESC.
    var header = Buffer(width: 60, height: 1)
    header.put(line ?? "", x: 0, y: 0)
    #expect(header.line(0) == "also open by mikko ×2, you, siiri[31m")
  }
}
