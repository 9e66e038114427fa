import Foundation
import PeiliCore
import PeiliUI
import Testing

@testable import PeiliApp
@testable import PeiliStore

/// One person at a terminal on the shared demo workspace: their own open store, presence and
/// model, driven through `update` and the real commands as the main loop drives them.
private final class Seat {
  let runner: CommandRunner
  let store: Workspace
  var model: Model

  init(_ demo: DemoDashboard, user: String, width: Int, height: Int) throws {
    store = try Workspace.open(path: demo.workspace.path)
    let session = WorkspaceSession(id: "seat-\(user)", user: user, host: "server", pid: user.count)
    runner = CommandRunner(store: store, user: user, presence: PresenceBeat(session: session, interval: 0))
    model = Model(
      snapshot: try store.snapshot(), today: DemoDashboard.today, user: user, width: width, height: height)
    model.shared.sessionID = session.id
  }

  func send(_ keys: [Key]) { for k in keys { runner.dispatch(.key(k), &model) } }
  func type(_ text: String) { send(text.map { .char($0) }) }
  /// A tick and a follower's tick: whatever the others did meanwhile arrives.
  func wait() {
    runner.dispatch(.tick, &model)
    runner.dispatch(.followTick, &model)
  }

  var screen: [String] {
    var b = Buffer(width: model.shared.width, height: model.shared.height)
    view(model, into: &b)
    return b.lines
  }
  var text: String { screen.joined(separator: "\n") }
}

@Suite("The review meeting on screen", .serialized)
struct ReviewScreenTests {
  /// A review started on the demo; aino (100×30) presents it, mikko (80×24) sees it.
  private func meeting(_ demo: DemoDashboard) throws -> (Seat, Seat) {
    let aino = try Seat(demo, user: "aino", width: 100, height: 30)
    let mikko = try Seat(demo, user: "mikko", width: 80, height: 24)
    try demo.workspace.startReview(title: "Q4", today: DemoDashboard.today, by: "aino")
    for seat in [aino, mikko] {
      seat.wait()
      seat.type("6")
    }
    aino.type("P")
    mikko.wait()
    return (aino, mikko)
  }

  @Test func onePresentsAndTheOthersFollowAtTheirOwnSizeLeaveAndRejoin() throws {
    let demo = try DemoDashboard()
    defer { demo.remove() }
    let aino = try Seat(demo, user: "aino", width: 100, height: 30)
    let mikko = try Seat(demo, user: "mikko", width: 80, height: 24)
    let siiri = try Seat(demo, user: "siiri", width: 160, height: 48)
    aino.type("6")
    #expect(aino.text.contains("No review yet. S starts one"))
    aino.type("S")
    aino.type("Q4 review")
    aino.send([.enter])
    #expect(aino.text.contains("Q4 review — started by aino"), "\(aino.text)")
    aino.type("P")
    #expect(aino.screen[0].contains("presenting: you · 0 following"), "\(aino.screen[0])")
    for seat in [mikko, siiri] {
      seat.wait()
      seat.wait()
      seat.type("6")
      #expect(seat.screen[0].contains("presenting: aino"), "\(seat.screen[0])")
      seat.type("f")
      #expect(seat.model.shared.follow.isOn)
    }
    aino.type("n")
    aino.type("n")
    let presented = aino.model[ReviewScreen.self].cursor
    #expect(presented == 2)
    for seat in [mikko, siiri] {
      seat.wait()
      #expect(seat.model.screen == .review && seat.model[ReviewScreen.self].cursor == presented)
      #expect(seat.text.contains("item 3/"), "\(seat.text)")
    }
    // Each at its own size: the same item, laid out side by side only where there is room.
    #expect(siiri.screen.contains { $0.contains("│ A") || $0.contains("│ KR") || $0.contains("│ O") })
    #expect(mikko.screen.contains { $0.hasPrefix("────") })
    // The presenter's header counts the followers, and fits at 80 columns for mikko.
    aino.wait()
    #expect(aino.screen[0].contains("presenting: you · 2 following"), "\(aino.screen[0])")
    #expect(mikko.screen[0].contains("presenting: aino · 2 following"), "\(mikko.screen[0])")
    #expect(mikko.screen[0].hasSuffix("7"), "\(mikko.screen[0])")
    // The presenter goes to the dashboard and moves: the followers go along.
    aino.type("1")
    aino.send([.down, .down])
    mikko.wait()
    #expect(mikko.model.screen == .dashboard)
    #expect(mikko.model[DashboardScreen.self].cursor == aino.model[DashboardScreen.self].cursor)
    // A move leaves follow, with the banner; f rejoins where the presenter is.
    mikko.send([.down])
    #expect(mikko.model.shared.follow == .left(presenter: "aino"))
    #expect(mikko.text.contains("following aino — f to rejoin"), "\(mikko.text)")
    aino.send([.down, .down, .down])
    mikko.wait()
    #expect(mikko.model[DashboardScreen.self].cursor != aino.model[DashboardScreen.self].cursor)
    mikko.type("6")
    mikko.type("f")
    #expect(mikko.model.shared.follow.isOn)
    #expect(mikko.model.screen == .dashboard)
    #expect(mikko.model[DashboardScreen.self].cursor == aino.model[DashboardScreen.self].cursor)
    // An edit of the presenter's is never replayed by a follower: only the view follows.
    aino.type("+")
    mikko.wait()
    let written = try aino.store.auditTrail(AuditQuery(limit: 50)).filter { $0.user == "mikko" }
    #expect(written.isEmpty, "\(written)")
  }

  @Test func decisionsNotesAndVotesAreTakenWhereTheyAreMade() throws {
    let demo = try DemoDashboard()
    defer { demo.remove() }
    let (aino, mikko) = try meeting(demo)
    // A decision with an owner, a due date and an action.
    aino.type("d")
    aino.send([.enter])
    #expect(aino.text.contains("write something first"), "an empty decision is refused")
    aino.type("Move the newsletter to the product team")
    aino.send([.tab])
    aino.type("mikko")
    aino.send([.tab])
    aino.type("2027-13-01")
    #expect(aino.text.contains("a date as 2027-01-31"))
    aino.send(Array(repeating: .backspace, count: 10))
    aino.type("2027-01-31")
    aino.send([.tab, .char(" "), .enter])
    #expect(aino.model.overlay == nil)
    let review = try #require(aino.model.shared.review)
    let decision = try #require(review.entries.first)
    #expect(decision.owner == "mikko" && decision.due == Day("2027-01-31") && decision.actionID != nil)
    #expect(aino.text.contains("decision: Move the newsletter to the product team"), "\(aino.text)")
    // The action is under the item's node and shows on the Actions screen.
    let actionID = try #require(decision.actionID)
    #expect(aino.model.shared.snapshot.actions.contains { $0.id == actionID })
    // A note; everyone sees both live.
    aino.type("N")
    aino.type("Ask the staff panel too")
    aino.send([.enter])
    mikko.wait()
    #expect(mikko.model.shared.review?.entries.count == 2)
    #expect(mikko.text.contains("note: Ask the staff panel too"), "\(mikko.text)")
    // The vote: hidden until revealed.
    aino.type("v")
    mikko.wait()
    for (seat, vote) in [(mikko, "8"), (aino, "6")] {
      seat.type("v")
      seat.type(vote)
      seat.send([.enter])
    }
    aino.wait()
    #expect(aino.text.contains("vote open: 2 have voted · you voted"), "\(aino.text)")
    #expect(!aino.text.contains("median"))
    aino.type("V")
    #expect(aino.text.contains("vote: median 7, spread 6–8, n 2"), "\(aino.text)")
    mikko.wait()
    #expect(mikko.text.contains("vote: median 7, spread 6–8, n 2"), "\(mikko.text)")
    // Closing locks the entries.
    aino.type("X")
    aino.type("y")
    #expect(aino.model.shared.review?.isOpen == false)
    #expect(throws: StoreError.self) {
      try demo.workspace.addReviewEntry(.note, text: "late", item: 0, by: "aino")
    }
  }

  @Test func thePresenterReordersDropsAndAddsItemsAndSetsAConfidenceFromTheVote() throws {
    let demo = try DemoDashboard()
    defer { demo.remove() }
    let (aino, mikko) = try meeting(demo)
    // Only the presenter changes the agenda.
    mikko.type("J")
    #expect(mikko.text.contains("only the presenter changes the agenda"), "\(mikko.text)")
    let first = try #require(aino.model.shared.review?.agenda[0].item.id)
    aino.type("J")
    #expect(aino.model.shared.review?.agenda[1].item.id == first)
    #expect(aino.model[ReviewScreen.self].cursor == 1, "the selection moves with the item")
    aino.type("K")
    #expect(aino.model.shared.review?.agenda[0].item.id == first)
    aino.type("D")
    #expect(aino.model.shared.review?.agenda[0].item.skipped == true)
    aino.type("D")
    #expect(aino.model.shared.review?.agenda[0].item.skipped == false)
    // The dashboard's selection is added at the end.
    aino.type("1")
    aino.send([.down, .down, .down, .down, .down])
    let picked = try #require(DashboardScreen.selectedID(aino.model))
    aino.type("6")
    let count = aino.model.shared.review?.agenda.count ?? 0
    aino.type("a")
    #expect(aino.model.shared.review?.agenda.count == count + 1)
    #expect(aino.model.shared.review?.agenda.last?.item.id == picked)
    // A key result's vote sets its confidence.
    let kr = try #require(aino.model.shared.review?.agenda.first { $0.item.kind == .keyResult })
    aino.model[ReviewScreen.self].cursor = kr.position
    aino.type("v")
    aino.type("v")
    aino.type("3")
    aino.send([.enter])
    aino.type("V")
    aino.type("=")
    let stored = try demo.workspace.snapshot().keyResults.first { $0.id == kr.item.id }
    #expect(stored?.confidence == 3)
    mikko.wait()
    #expect(mikko.model.shared.review?.agenda.last?.item.id == picked, "the others see the agenda change")
  }

  @Test func aPresenterGoneIsShownAndAnyoneMayTakeOver() throws {
    let demo = try DemoDashboard()
    defer { demo.remove() }
    let (aino, mikko) = try meeting(demo)
    mikko.type("f")
    // Someone else pressing P is told who presents.
    mikko.type("P")
    #expect(mikko.text.contains("aino presents; ask them to hand over"), "\(mikko.text)")
    // aino's session dies: its last heartbeat ages past 30 s.
    let session = try #require(aino.model.shared.presenter?.holder)
    _ = try demo.workspace.heartbeat(session, now: Date().timeIntervalSince1970 - 31)
    mikko.wait()
    #expect(mikko.text.contains("presenter aino gone — P takes over"), "\(mikko.text)")
    mikko.type("P")
    #expect(Following.isPresenting(mikko.model))
    #expect(mikko.screen[0].contains("presenting: you"), "\(mikko.screen[0])")
  }
}
