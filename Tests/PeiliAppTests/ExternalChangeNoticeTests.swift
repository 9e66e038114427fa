import Foundation
import PeiliCore
import PeiliStore
import Testing

@testable import PeiliApp

/// "updated: …" is for content another session wrote, says who changed what, and does not
/// replace an error or this session's own fresh message.
@Suite("Other sessions' changes on the status line", .serialized)
struct ExternalChangeNoticeTests {
  @Test func anotherSessionsEditIsNamedWithWhoAndWhatAndHowManyMore() throws {
    let demo = try DemoDashboard()
    defer { demo.remove() }
    var m = try demo.model(width: 80, height: 24)
    let run = runner(demo.workspace)
    let other = try Workspace.open(path: demo.workspace.path)
    let a4 = try #require(try other.snapshot().actions.first { $0.id == "A4" })
    _ = try other.apply(.progress(70), toAction: "A4", basedOn: a4.version, by: "aino")
    run.dispatch(.tick, &m)
    #expect(m.shared.status?.text == "aino: A4 progress 60% → 70%")

    let a8 = try #require(try other.snapshot().actions.first { $0.id == "A8" })
    _ = try other.apply(.status(.blocked), toAction: "A8", basedOn: a8.version, by: "mikko")
    _ = try other.apply(.progress(80), toAction: "A4", basedOn: a4.version + 1, by: "aino")
    run.dispatch(.tick, &m)
    #expect(m.shared.status?.text == "aino: A4 progress 70% → 80% (+1 more)")
  }

  /// Another session's heartbeat between this session's poll and its edit: the next ticks find
  /// no content change of anyone else's, so the edit's own message stays and nothing redraws.
  @Test func presenceBeatsNeverOverwriteTheSessionsOwnMessage() throws {
    let demo = try DemoDashboard()
    defer { demo.remove() }
    var m = try demo.model(width: 80, height: 24)
    let run = runner(demo.workspace)
    let other = try Workspace.open(path: demo.workspace.path)
    press(&m, .char("j"), .char("j"), .char("j"), .char("j"), .char("j"))
    run.dispatch(.tick, &m)
    _ = try other.heartbeat(WorkspaceSession(id: "other", user: "mikko", host: "server", pid: 2))
    run.dispatch(.key(.char("+")), &m)
    #expect(m.shared.status?.text == "A4 progress 60% → 70%")
    for _ in 0..<3 { #expect(!run.dispatch(.tick, &m), "no reload, no redraw") }
    #expect(m.shared.status?.text == "A4 progress 60% → 70%")
  }

  @Test func newsWaitsATickBeforeReplacingAFreshMessageAndNeverReplacesAnError() throws {
    let demo = try DemoDashboard()
    defer { demo.remove() }
    var m = try demo.model(width: 80, height: 24)
    let run = runner(demo.workspace)
    let other = try Workspace.open(path: demo.workspace.path)
    press(&m, .char("j"), .char("j"), .char("j"), .char("j"), .char("j"))
    run.dispatch(.key(.char("+")), &m)
    let a8 = try #require(try other.snapshot().actions.first { $0.id == "A8" })
    _ = try other.apply(.status(.blocked), toAction: "A8", basedOn: a8.version, by: "mikko")
    run.dispatch(.tick, &m)
    #expect(m.shared.status?.text == "A4 progress 60% → 70%", "own message of this tick kept")
    #expect(
      m.shared.snapshot.actions.first { $0.id == "A8" }?.status == .blocked,
      "the change is loaded all the same")

    m.shared.status = StatusMessage("could not write", isError: true)
    _ = try other.apply(.status(.active), toAction: "A8", basedOn: a8.version + 1, by: "mikko")
    run.dispatch(.tick, &m)
    run.dispatch(.tick, &m)
    #expect(m.shared.status?.text == "could not write")

    m.shared.status = StatusMessage("segment filter cleared: every respondent")
    run.dispatch(.tick, &m)
    _ = try other.apply(.status(.done), toAction: "A8", basedOn: a8.version + 2, by: "mikko")
    run.dispatch(.tick, &m)
    #expect(m.shared.status?.text == "mikko: A8 status active → done", "an older message gives way")
  }
}
