import Foundation
import PeiliCore
import PeiliStore
import Testing

@testable import PeiliApp

/// `u` through the main loop's runner on the real demo workspace: this session's changes
/// only, newest first, each named.
@Suite("Undo stays in this session", .serialized)
struct OwnUndoTests {
  /// The steps: on a fresh demo, `+` once on A4, then `u` four times.
  @Test func undoRevertsA4AndThenSaysNothingOfYoursIsLeft() throws {
    let demo = try DemoDashboard()
    defer { demo.remove() }
    var m = try demo.model(width: 80, height: 24)
    let run = runner(demo.workspace)
    let before = try demo.workspace.snapshot().actions
    press(&m, .char("j"), .char("j"), .char("j"), .char("j"), .char("j"))
    #expect(DashboardScreen.selectedID(m) == "A4")
    run.dispatch(.key(.char("+")), &m)
    #expect(m.shared.status?.text == "A4 progress 60% → 70%")

    run.dispatch(.key(.char("u")), &m)
    #expect(m.shared.status?.text == "undone: A4 progress 70% → 60%")
    for _ in 0..<3 {
      run.dispatch(.key(.char("u")), &m)
      #expect(m.shared.status?.text == "nothing of yours to undo in this session")
    }
    let after = try demo.workspace.snapshot().actions
    for id in ["A4", "A13", "A14", "A17"] {
      let was = try #require(before.first { $0.id == id })
      let now = try #require(after.first { $0.id == id })
      #expect(
        (now.progress, now.status, now.confidence) == (was.progress, was.status, was.confidence),
        "\(id) as the demo left it")
    }
    #expect(after.first { $0.id == "A17" }?.confidence == 5, "the demo's check-in stays")
  }

  /// Two dashboards of the same user on one workspace: each `u` reverts its own edit only.
  @Test func twoSessionsOfTheSameUserEachUndoTheirOwn() throws {
    let demo = try DemoDashboard()
    defer { demo.remove() }
    let second = try Workspace.open(path: demo.workspace.path)
    var mine = try demo.model(width: 80, height: 24)
    var theirs = Model(
      snapshot: try second.snapshot(), today: DemoDashboard.today, user: "tester", width: 80, height: 24)
    let run = runner(demo.workspace)
    let runTheirs = runner(second)
    press(&mine, .char("j"), .char("j"), .char("j"), .char("j"), .char("j"))
    // The other session edits another action.
    repeat {
      press(&theirs, .char("j"))
    } while (DashboardScreen.selectedAction(theirs)?.progress ?? 100) >= 90
      || DashboardScreen.selectedID(theirs) == "A4"
    let theirID = try #require(DashboardScreen.selectedAction(theirs)?.id)
    let theirProgress = try #require(DashboardScreen.selectedAction(theirs)?.progress)
    run.dispatch(.key(.char("+")), &mine)
    runTheirs.dispatch(.key(.char("+")), &theirs)

    run.dispatch(.key(.char("u")), &mine)
    #expect(mine.shared.status?.text == "undone: A4 progress 70% → 60%")
    run.dispatch(.key(.char("u")), &mine)
    #expect(mine.shared.status?.text == "nothing of yours to undo in this session")
    let stored = try second.snapshot().actions
    #expect(stored.first { $0.id == theirID }?.progress == theirProgress + 10)

    runTheirs.dispatch(.key(.char("u")), &theirs)
    #expect(
      theirs.shared.status?.text
        == "undone: \(theirID) progress \(theirProgress + 10)% → \(theirProgress)%")
  }
}
