import Foundation
import PeiliCore
import PeiliStore
import PeiliUI
import Testing

@testable import PeiliApp

/// Defects measured on the dashboard (issue 11, item 6), on the real demo workspace.
@Suite("Dashboard defects", .serialized)
struct DashboardDefectTests {
  /// The other session set the very value this session asked for: no dialog, it is so.
  @Test func aStaleEditThatFindsItsValuesAlreadyStoredIsNoConflict() throws {
    let demo = try DemoDashboard()
    defer { demo.remove() }
    var m = try demo.model(width: 80, height: 24)
    let run = runner(demo.workspace)
    let other = try Workspace.open(path: demo.workspace.path)
    press(&m, .char("j"), .char("j"), .char("j"), .char("j"), .char("j"))
    let a4 = try #require(DashboardScreen.selectedAction(m))
    let done = try #require(
      { () throws -> Action? in
        guard
          case .applied(let a) = try other.apply(
            .status(.done), toAction: "A4", basedOn: a4.version, by: "aino")
        else { return nil }
        return a
      }())
    // This session still shows A4 active: `s` asks for done, based on the old version.
    run.dispatch(.key(.char("s")), &m)
    #expect(m.overlay == nil)
    #expect(m.shared.status?.text == "A4 is already done (changed in another session)")
    #expect(DashboardScreen.selectedAction(m)?.status == .done)
    #expect(
      try demo.workspace.snapshot().actions.first { $0.id == "A4" }?.version == done.version,
      "nothing written")

    // The same for progress: both raised A4 to 70%.
    _ = try other.apply(.progress(70), toAction: "A4", basedOn: done.version, by: "aino")
    run.dispatch(.key(.char("+")), &m)
    #expect(m.overlay == nil)
    #expect(m.shared.status?.text == "A4 is already at 70% (changed in another session)")

    // Values that differ still ask.
    let now = try #require(try other.snapshot().actions.first { $0.id == "A4" })
    _ = try other.apply(.progress(20), toAction: "A4", basedOn: now.version, by: "aino")
    run.dispatch(.key(.char("+")), &m)
    guard case .conflict? = m.overlay else {
      Issue.record("no conflict dialog for 80% against 20%")
      return
    }
  }

  /// At 60×20 only the request to enlarge is drawn: edit and move keys change nothing.
  @Test func keysWhileTooSmallDoNothingButQuitAndHelp() throws {
    let demo = try DemoDashboard()
    defer { demo.remove() }
    var m = try demo.model(width: 80, height: 24)
    let run = runner(demo.workspace)
    press(&m, .char("j"), .char("j"), .char("j"), .char("j"), .char("j"))
    run.dispatch(.resize(width: 60, height: 20), &m)
    #expect(TestWorkspace.render(m, width: 60, height: 20).joined().contains("Terminal too small"))
    for key in [Key.char("+"), .char("+"), .char("s"), .char("u"), .char("j"), .tab, .char("2"), .char("/")] {
      run.dispatch(.key(key), &m)
    }
    #expect(try demo.workspace.snapshot().actions.first { $0.id == "A4" }?.progress == 60)
    #expect(
      DashboardScreen.selectedID(m) == "A4" && m.screen == .dashboard
        && m[DashboardScreen.self].focus == .tree && !m[DashboardScreen.self].isEditingFilter)
    #expect(m.shared.status == nil)
    run.dispatch(.key(.char("?")), &m)
    #expect(m.overlay == .help(scroll: 0))
    run.dispatch(.key(.char("?")), &m)
    #expect(m.overlay == nil)
    run.dispatch(.key(.char("q")), &m)
    #expect(m.isQuitting)
  }
}
