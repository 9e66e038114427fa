import Foundation
import PeiliCore
import Testing

@testable import PeiliStore

/// Review meetings in the store (DESIGN §9), on the demo workspace in a real SQLite file.
@Suite struct ReviewTests {
  static let today = Day("2026-12-04")!

  private func demo(_ fx: StoreFixture) throws -> Workspace {
    let ws = try DemoWorkspace.build(at: fx.path("demo.db"), by: "aino")
    ws.select(cycle: .id("2026"))
    return ws
  }

  @Test func theAgendaTakesEachReasonInTurnAndSkipsWhatIsOnTrack() throws {
    let fx = try StoreFixture()
    let ws = try demo(fx)
    let review = try ws.startReview(title: "Q4 review", today: Self.today, by: "aino")
    #expect(review.isOpen && review.cycleID == "2026" && review.current == 0)
    let reasons = review.agenda.map(\.item.reason)
    // In AgendaReason's order, each node once.
    let order = AgendaReason.allCases
    #expect(reasons.map { order.firstIndex(of: $0)! } == reasons.map { order.firstIndex(of: $0)! }.sorted())
    let nodes = review.agenda.map { "\($0.item.kind)/\($0.item.id)" }
    #expect(Set(nodes).count == nodes.count)
    #expect(review.agenda.map(\.position) == Array(review.agenda.indices))
    // The demo's story: A1 moved communication, KR4 is off track, A10 blocked, pricing a blind
    // spot, O4 without a mirror; on-track key results are listed and skipped.
    func reason(_ id: String) -> AgendaReason? { review.agenda.first { $0.item.id == id }?.item.reason }
    #expect(reason("A1") == .quickWin)
    #expect(reason("KR4") == .offTrack)
    #expect(reason("A10") == .blocked)
    #expect(reason("pricing") == .blindSpot)
    #expect(reason("O4") == .withoutMirror)
    #expect(review.agenda.filter(\.item.skipped).allSatisfy { $0.item.reason == .onTrack })
    #expect(review.agenda.contains { $0.item.skipped })
    // Each item keeps its state at the start.
    let kr4 = try #require(review.agenda.first { $0.item.id == "KR4" })
    #expect(
      kr4.state.status == "off track" && kr4.state.confidence == 6 && kr4.state.themeID == "reliability")
    let a1 = try #require(review.agenda.first { $0.item.id == "A1" })
    #expect(a1.state.verdict == "moved" && a1.state.progress == 1)
    #expect(review.participants == ["aino"])
    // `step` passes over the skipped.
    var r = review
    r.current = r.agenda.count - 1
    #expect(r.step(1) == nil)
    if let skipped = r.agenda.firstIndex(where: \.item.skipped), skipped > 0 {
      r.current = skipped - 1
      #expect(r.step(1) != skipped)
    }
  }

  @Test func oneReviewIsOpenAtATimeAndClosingLocksIt() throws {
    let fx = try StoreFixture()
    let ws = try demo(fx)
    try ws.startReview(title: "Q4", today: Self.today, by: "aino")
    let before = try StoreFixture.dump(ws)
    let twice = #expect(throws: StoreError.self) {
      try ws.startReview(title: "again", today: Self.today, by: "ville")
    }
    #expect("\(twice.map { $0 } as Any)".contains("still open"))
    #expect(try StoreFixture.dump(ws) == before, "a refused start writes nothing")
    #expect(throws: StoreError.self) { try ws.startReview(title: "  ", today: Self.today, by: "ville") }

    let note = try ws.addReviewEntry(.note, text: "Influence is low for everyone", item: 2, by: "ville")
    #expect(note.status == nil && note.itemPosition == 2)
    let edited = try ws.editReviewEntry(
      note.id, text: "Influence is low for staff and customers", basedOn: 1, by: "ville")
    #expect(edited.version == 2)
    #expect(throws: StoreError.self) {
      try ws.editReviewEntry(note.id, text: "stale", basedOn: 1, by: "aino")
    }

    let closed = try ws.closeReview(by: "aino")
    #expect(!closed.isOpen && closed.closedBy == "aino")
    #expect(closed.participants == ["aino", "ville"])
    let locked = try StoreFixture.dump(ws)
    #expect(throws: StoreError.self) { try ws.addReviewEntry(.note, text: "late", item: nil, by: "aino") }
    #expect(throws: StoreError.self) { try ws.editReviewEntry(note.id, text: "late", basedOn: 2, by: "aino") }
    #expect(throws: StoreError.self) { try ws.closeReview(by: "aino") }
    #expect(try StoreFixture.dump(ws) == locked)
    // The audit has the review's start, entries and close.
    let trail = try ws.auditTrail(limit: 50)
    #expect(trail.contains { $0.entity == "review" && $0.field == "started" && $0.newValue == "Q4" })
    #expect(trail.contains { $0.entity == "review_note" && $0.field == "text" && $0.user == "ville" })
    #expect(trail.contains { $0.entity == "review" && $0.field == "closed" })
  }

  @Test func aDecisionMayCreateAnActionUnderTheItemsNodeAndOpenOnesCarryIntoTheNextReview() throws {
    let fx = try StoreFixture()
    let ws = try demo(fx)
    let review = try ws.startReview(title: "Q4", today: Self.today, by: "aino")
    let kr4 = try #require(review.agenda.first { $0.item.id == "KR4" })
    let decision = try ws.addReviewEntry(
      .decision, text: "Winter spare parts to Rovaniemi", item: kr4.position, owner: "Mikko",
      due: Day("2027-01-31"), createAction: true, by: "aino")
    #expect(decision.status == .open)
    let id = try #require(decision.actionID)
    let action = try #require(try ws.snapshot().actions.first { $0.id == id })
    #expect(action.objectiveID == "O2" && action.keyResultID == "KR4")
    #expect(action.themeIDs == ["reliability"] && action.owner == "Mikko" && action.status == .planned)
    #expect(action.due == Day("2027-01-31"))
    let done = try ws.addReviewEntry(.decision, text: "Keep the newsletter", item: 0, by: "aino")
    _ = try ws.editReviewEntry(done.id, status: .done, basedOn: 1, by: "aino")
    try ws.closeReview(by: "aino")

    // The next review starts with the open decision on its agenda, not the done one.
    let next = try ws.startReview(title: "Q1", today: Self.today, by: "aino")
    let carried = next.agenda.filter { $0.item.kind == .decision }
    #expect(carried.map(\.item.title) == ["Winter spare parts to Rovaniemi"])
    #expect(carried.first?.item.reason == .openDecision)
  }

  @Test func theMinutesRecordTheMeetingAndNeverChangeOnceItIsClosed() throws {
    let fx = try StoreFixture()
    let ws = try demo(fx)
    try ws.startReview(title: "Q4 *review*", today: Self.today, by: "aino")
    try ws.addReviewEntry(.decision, text: "Ship the outage SMS", item: 1, owner: "Eero", by: "aino")
    let a4 = try #require(try ws.snapshot().actions.first { $0.id == "A4" })
    _ = try ws.apply(.progress(70), toAction: "A4", basedOn: a4.version, by: "ville")
    let closed = try ws.closeReview(by: "aino")
    let changes = try ws.reviewChanges(closed)
    #expect(changes.contains { $0.entity == "action" && $0.entityID == "A4" && $0.newValue == "70" })
    #expect(changes.first?.entity == "review" && changes.last?.field == "closed")
    // Nothing from before the start (the demo's own import and check-ins).
    #expect(!changes.contains { $0.kind == .import })
    let markdown = Minutes.markdown(closed, changes: changes)
    #expect(markdown.hasPrefix("# Minutes: Q4 \\*review\\*\n"))
    #expect(markdown.contains("Decision: Ship the outage SMS (owner Eero)"))
    #expect(markdown.contains("action A4 progress 60 → 70"))
    let json = Minutes.json(closed, changes: changes)
    // After the meeting: more edits, another review; the closed one's minutes are the same.
    let again = try #require(try ws.snapshot().actions.first { $0.id == "A4" })
    _ = try ws.apply(.progress(90), toAction: "A4", basedOn: again.version, by: "ville")
    try ws.startReview(title: "Q1", today: Self.today, by: "aino")
    let later = try #require(try ws.review(id: closed.id))
    #expect(Minutes.json(later, changes: try ws.reviewChanges(later)) == json)
  }

  @Test func theReviewMovesThroughItsAgendaAndADecisionMayBeDoneAfterItCloses() throws {
    let fx = try StoreFixture()
    let ws = try demo(fx)
    let review = try ws.startReview(title: "Q4", today: Self.today, by: "aino")
    let next = try #require(review.step(1))
    let moved = try ws.presentReviewItem(next, by: "aino")
    #expect(moved.current == next && moved.currentItem?.position == next)
    #expect(moved.version == review.version + 1)
    #expect(throws: StoreError.self) { try ws.presentReviewItem(review.agenda.count, by: "aino") }
    #expect(throws: StoreError.self) { try ws.presentReviewItem(-1, by: "aino") }
    let d = try ws.addReviewEntry(.decision, text: "Fix the night line", item: next, by: "aino")
    try ws.closeReview(by: "aino")
    // Locked for its text, but an open decision may still be marked done: it is then no
    // longer carried into the next review.
    #expect(throws: StoreError.self) { try ws.editReviewEntry(d.id, text: "changed", basedOn: 1, by: "aino") }
    let done = try ws.editReviewEntry(d.id, status: .done, basedOn: 1, by: "helmi")
    #expect(done.status == .done && done.version == 2)
    #expect(throws: StoreError.self) { try ws.presentReviewItem(0, by: "aino") }
    let again = try ws.startReview(title: "Q1", today: Self.today, by: "aino")
    #expect(!again.agenda.contains { $0.item.kind == .decision })
  }

  @Test func whoeverHasTheWorkspaceOpenDuringAReviewTakesPart() throws {
    let fx = try StoreFixture()
    let ws = try demo(fx)
    let outi = WorkspaceSession(id: "h-1-1", user: "outi", host: "h", pid: 1)
    _ = try ws.heartbeat(outi)
    try ws.startReview(title: "Q4", today: Self.today, by: "aino")
    let juho = WorkspaceSession(id: "h-2-2", user: "juho", host: "h", pid: 2)
    _ = try ws.heartbeat(juho)
    let review = try #require(try ws.review())
    #expect(Set(review.participants) == ["aino", "outi", "juho"])
  }
}
