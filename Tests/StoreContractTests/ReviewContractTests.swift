import Foundation
import PeiliCore
import Testing

/// What every store promises of reviews and the presenter's lease (DESIGN §9), held against
/// each store with the same tests.
@Suite("The review contract", .serialized)
struct ReviewContractTests {
  static let today = Day("2026-12-04")!

  private func reviews(_ store: any WorkspaceStore) throws -> any ReviewStore {
    try #require(store.reviews, "the store keeps reviews")
  }

  private func session(_ user: String) -> WorkspaceSession {
    WorkspaceSession(id: "contract-\(user)", user: user, host: "host", pid: user.count)
  }

  @Test(arguments: Backend.withReviews)
  func aReviewRunsFromItsAgendaToItsLock(_ backend: Backend) throws {
    let ws = try ContractWorkspace(backend)
    defer { ws.remove() }
    let store = try ws.session()
    let r = try reviews(store)
    let snapshot = try store.snapshot()
    let review = try r.startReview(title: "  Q4 review  ", today: Self.today, by: "aino")
    #expect(review.title == "Q4 review" && review.isOpen && review.participants.contains("aino"))
    let expected = ReviewAgenda.build(
      snapshot: snapshot, analysis: MirrorAnalysis(snapshot: snapshot, today: Self.today))
    #expect(review.agenda.map(\.item) == expected)
    #expect(throws: StoreError.self) { try r.startReview(title: "again", today: Self.today, by: "aino") }
    #expect(throws: StoreError.self) { try r.startReview(title: " ", today: Self.today, by: "aino") }
    // A decision that creates an action puts it under the item's node, its themes linked.
    let item = try #require(review.agenda.first { $0.item.kind == .action })
    let node = try store.action(item.item.id)
    let decision = try r.addReviewEntry(
      .decision, text: "Extend it", item: item.position, owner: "mikko", due: Day("2027-01-31"),
      createAction: true, by: "aino")
    let created = try store.action(try #require(decision.actionID))
    #expect(created.objectiveID == node.objectiveID && created.themeIDs == node.themeIDs)
    #expect(created.status == .planned && created.owner == "mikko" && created.due == Day("2027-01-31"))
    let note = try r.addReviewEntry(
      .note, text: "Ask staff", item: nil, owner: nil, due: nil, createAction: false, by: "mikko")
    #expect(throws: StoreError.self) {
      try r.editReviewEntry(note.id, text: "late", status: nil, basedOn: note.version + 1, by: "mikko")
    }
    let edited = try r.editReviewEntry(
      note.id, text: "Ask the staff", status: nil, basedOn: note.version, by: "mikko")
    #expect(edited.text == "Ask the staff" && edited.version == note.version + 1)
    let fields = try store.auditTrail(AuditQuery(limit: 20)).map { "\($0.entity).\($0.field)" }
    #expect(
      Set(fields).isSuperset(of: [
        "review.started", "review_decision.created", "review_note.created", "review_note.text",
        "action.created",
      ]))
    let closed = try r.closeReview(by: "aino")
    #expect(!closed.isOpen && closed.closedBy == "aino")
    #expect(try store.snapshot().review == closed)
    #expect(throws: StoreError.self) {
      try r.addReviewEntry(
        .note, text: "too late", item: nil, owner: nil, due: nil, createAction: false, by: "aino")
    }
    #expect(throws: StoreError.self) {
      try r.editReviewEntry(note.id, text: "changed", status: nil, basedOn: edited.version, by: "aino")
    }
    // An open decision of a closed review may still be marked done.
    let done = try r.editReviewEntry(
      decision.id, text: nil, status: .done, basedOn: decision.version, by: "aino")
    #expect(done.status == .done)
  }

  @Test(arguments: Backend.withReviews)
  func oneSessionHoldsTheLeaseUntilItHandsOverOrLeaves(_ backend: Backend) throws {
    let ws = try ContractWorkspace(backend)
    defer { ws.remove() }
    let a = try ws.session(), b = try ws.session()
    let aino = session("aino"), mikko = session("mikko")
    #expect(throws: StoreError.self) { try reviews(a).takePresenter(aino) }
    try reviews(a).startReview(title: "Q4", today: Self.today, by: "aino")
    guard case .taken(let lease) = try reviews(a).takePresenter(aino) else {
      Issue.record("not taken"); return
    }
    #expect(lease.holder == aino)
    guard case .heldBy(let held) = try reviews(b).takePresenter(mikko) else {
      Issue.record("taken twice"); return
    }
    #expect(held.holder == aino)
    #expect(try reviews(b).publish("view", by: mikko) == false)
    #expect(try reviews(a).publish("view", by: aino))
    let seen = try #require(try reviews(b).presenter())
    #expect(seen.state == "view" && seen.sequence == lease.sequence + 1)
    try reviews(b).setFollowing(mikko, true)
    #expect(try reviews(a).presenter()?.followers == ["mikko"])
    try reviews(b).setFollowing(mikko, false)
    #expect(try reviews(a).presenter()?.followers == [])
    try reviews(a).releasePresenter(aino)
    #expect(try reviews(b).presenter() == nil)
    guard case .taken = try reviews(b).takePresenter(mikko) else { Issue.record("not handed over"); return }
    try b.leave(mikko)
    #expect(try reviews(a).presenter() == nil, "quitting hands the lease over")
    _ = try reviews(a).takePresenter(aino)
    try reviews(a).closeReview(by: "aino")
    #expect(try reviews(b).presenter() == nil, "nobody presents a closed review")
  }

  @Test(arguments: Backend.withReviews)
  func aVoteIsHiddenUntilRevealedAndMovesWithItsItem(_ backend: Backend) throws {
    let ws = try ContractWorkspace(backend)
    defer { ws.remove() }
    let store = try ws.session()
    let r = try reviews(store)
    let review = try r.startReview(title: "Q4", today: Self.today, by: "aino")
    let first = review.agenda[0].item.id
    #expect(throws: StoreError.self) { try r.castVote(item: 0, value: 7, by: "aino") }
    try r.openVote(item: 0, by: "aino")
    try r.castVote(item: 0, value: 7, by: "aino")
    try r.castVote(item: 0, value: 9, by: "mikko")
    try r.castVote(item: 0, value: 4, by: "siiri")
    var now = try r.castVote(item: 0, value: 8, by: "mikko")
    #expect(throws: StoreError.self) { try r.castVote(item: 0, value: 0, by: "aino") }
    #expect(now.vote(on: 0)?.voters == ["aino", "mikko", "siiri"] && now.vote(on: 0)?.result == nil)
    #expect(
      try store.auditTrail(AuditQuery(limit: 20)).filter { $0.field == "voted" }.allSatisfy {
        $0.newValue == nil
      })
    try r.addReviewEntry(
      .decision, text: "Keep it", item: 0, owner: nil, due: nil, createAction: false, by: "aino")
    now = try r.moveReviewItem(0, to: 2, by: "aino")
    #expect(now.agenda[2].item.id == first && now.agenda.map(\.position) == Array(now.agenda.indices))
    #expect(
      now.entries.last?.itemPosition == 2 && now.vote(on: 2)?.voters.count == 3 && now.vote(on: 0) == nil)
    now = try r.revealVote(item: 2, by: "aino")
    #expect(now.vote(on: 2)?.result == VoteResult(n: 3, median: 7, lowest: 4, highest: 8))
    #expect(throws: StoreError.self) { try r.castVote(item: 2, value: 5, by: "aino") }
    now = try r.setReviewItemSkipped(2, true, by: "aino")
    #expect(now.agenda[2].item.skipped)
    now = try r.addReviewItem(.action, id: "A4", today: Self.today, by: "aino")
    #expect(now.agenda.last?.item.id == "A4" && now.agenda.last?.item.reason == .added)
    #expect(throws: StoreError.self) { try r.addReviewItem(.action, id: "A4", today: Self.today, by: "aino") }
    #expect(throws: StoreError.self) { try r.moveReviewItem(999, to: 0, by: "aino") }
  }
}
