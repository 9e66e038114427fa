import Dispatch
import Foundation
import PeiliCore
import Testing

@testable import PeiliStore

/// The presenter's lease, following, votes and agenda edits of a review (DESIGN §9), in a
/// real SQLite file opened by several sessions as several processes would.
@Suite struct ReviewLeaseTests {
  static let today = Day("2026-12-04")!

  private func demo(_ fx: StoreFixture) throws -> Workspace {
    let ws = try DemoWorkspace.build(at: fx.path("demo.db"), by: "aino")
    ws.select(cycle: .id("2026"))
    return ws
  }

  private func session(_ user: String, _ n: Int = 1) -> WorkspaceSession {
    WorkspaceSession(id: "host-\(user)-\(n)", user: user, host: "host", pid: 1000 + n)
  }

  @Test func oneSessionPresentsAndAnotherIsToldWhoDoes() throws {
    let fx = try StoreFixture()
    let ws = try demo(fx)
    let other = try Workspace.open(path: fx.path("demo.db"))
    let aino = session("aino"), mikko = session("mikko")
    // No review open: nobody may present.
    #expect(throws: StoreError.self) { try ws.takePresenter(aino) }
    try ws.startReview(title: "Q4", today: Self.today, by: "aino")
    guard case .taken(let lease) = try ws.takePresenter(aino) else { Issue.record("not taken"); return }
    #expect(lease.holder == aino && lease.state == nil)
    guard case .heldBy(let held) = try other.takePresenter(mikko) else { Issue.record("taken twice"); return }
    #expect(held.holder.user == "aino")
    // Only the holder publishes; each publish moves the sequence on.
    #expect(try other.publish("{\"screen\":\"gaps\"}", by: mikko) == false)
    #expect(try ws.publish("{\"screen\":\"review\"}", by: aino))
    let seen = try #require(try other.presenter())
    #expect(seen.state == "{\"screen\":\"review\"}" && seen.sequence == lease.sequence + 1)
    // Taking it again as the holder changes nothing; a hand-over frees it at once.
    guard case .taken = try ws.takePresenter(aino) else { Issue.record("holder refused"); return }
    try ws.releasePresenter(aino)
    #expect(try other.presenter() == nil)
    guard case .taken(let now) = try other.takePresenter(mikko) else {
      Issue.record("not handed over"); return
    }
    #expect(now.holder == mikko)
    // No audit row: presenting is not content, and no other session reloads for it.
    #expect(try ws.auditTrail(AuditQuery(limit: 5)).allSatisfy { $0.entity != "presenter" })
  }

  @Test func aPresenterGoneThirtySecondsIsTakenOver() throws {
    let fx = try StoreFixture()
    let ws = try demo(fx)
    try ws.startReview(title: "Q4", today: Self.today, by: "aino")
    let aino = session("aino"), mikko = session("mikko")
    let t0 = Date().timeIntervalSince1970
    _ = try ws.heartbeat(aino, now: t0)
    guard case .taken = try ws.takePresenter(aino, now: t0) else { Issue.record("not taken"); return }
    // Its heartbeat keeps the lease fresh.
    _ = try ws.heartbeat(aino, now: t0 + 20)
    guard case .heldBy = try ws.takePresenter(mikko, now: t0 + 45) else {
      Issue.record("taken too soon"); return
    }
    let lease = try #require(try ws.presenter())
    #expect(!lease.isGone(now: t0 + 49) && lease.isGone(now: t0 + 51))
    guard case .taken(let taken) = try ws.takePresenter(mikko, now: t0 + 51) else {
      Issue.record("a gone presenter kept the lease")
      return
    }
    #expect(taken.holder == mikko)
  }

  @Test func ofSessionsPressingAtOnceExactlyOneGetsTheLease() throws {
    let fx = try StoreFixture()
    let ws = try demo(fx)
    try ws.startReview(title: "Q4", today: Self.today, by: "aino")
    let sessions = (0..<6).map { session("u\($0)", $0) }
    let stores = try sessions.map { _ in try Workspace.open(path: fx.path("demo.db")) }
    let outcomes = Outcomes()
    DispatchQueue.concurrentPerform(iterations: sessions.count) { i in
      outcomes.add(Result { try stores[i].takePresenter(sessions[i]) })
    }
    let taken = outcomes.all.compactMap { r -> PresenterLease? in
      if case .success(.taken(let l)) = r { return l }
      return nil
    }
    let held = outcomes.all.compactMap { r -> PresenterLease? in
      if case .success(.heldBy(let l)) = r { return l }
      return nil
    }
    #expect(taken.count == 1, "\(outcomes.all)")
    #expect(held.count == sessions.count - 1)
    #expect(held.allSatisfy { $0.holder == taken.first?.holder })
  }

  @Test func followersAreCountedAndQuittingOrClosingEndsTheLease() throws {
    let fx = try StoreFixture()
    let ws = try demo(fx)
    try ws.startReview(title: "Q4", today: Self.today, by: "aino")
    let aino = session("aino"), mikko = session("mikko"), siiri = session("siiri")
    _ = try ws.takePresenter(aino)
    try ws.setFollowing(mikko, true)
    try ws.setFollowing(siiri, true)
    #expect(try ws.presenter()?.followers == ["mikko", "siiri"])
    try ws.setFollowing(siiri, false)
    #expect(try ws.presenter()?.followers == ["mikko"])
    // The presenter quits: the lease goes with it.
    try ws.leave(aino)
    #expect(try ws.presenter() == nil)
    _ = try ws.takePresenter(mikko)
    try ws.closeReview(by: "mikko")
    #expect(try ws.presenter() == nil)
  }

  @Test func votesStayHiddenUntilTheRevealAndAreRecordedWithTheItem() throws {
    let fx = try StoreFixture()
    let ws = try demo(fx)
    let review = try ws.startReview(title: "Q4", today: Self.today, by: "aino")
    let kr = try #require(review.agenda.first { $0.item.kind == .keyResult }).position
    #expect(throws: StoreError.self) { try ws.castVote(item: kr, value: 7, by: "aino") }
    try ws.openVote(item: kr, by: "aino")
    try ws.castVote(item: kr, value: 7, by: "aino")
    try ws.castVote(item: kr, value: 9, by: "mikko")
    try ws.castVote(item: kr, value: 4, by: "siiri")
    // A second vote replaces the first.
    var now = try ws.castVote(item: kr, value: 8, by: "mikko")
    #expect(throws: StoreError.self) { try ws.castVote(item: kr, value: 11, by: "aino") }
    let hidden = try #require(now.vote(on: kr))
    #expect(hidden.voters == ["aino", "mikko", "siiri"] && hidden.result == nil)
    // Nothing a participant can read says what was voted before the reveal.
    let audit = try ws.auditTrail(AuditQuery(limit: 20)).filter { $0.field == "voted" }
    #expect(audit.count == 4 && audit.allSatisfy { $0.newValue == nil && $0.oldValue == nil })
    #expect(!Minutes.json(now, changes: []).contains("\"median\": 7"))
    #expect(Minutes.json(now, changes: []).contains("\"median\": null"))
    now = try ws.revealVote(item: kr, by: "aino")
    let result = try #require(now.vote(on: kr)?.result)
    #expect(result == VoteResult(n: 3, median: 7, lowest: 4, highest: 8))
    #expect(result.spread == 4 && result.confidence == 7)
    #expect(throws: StoreError.self) { try ws.castVote(item: kr, value: 5, by: "aino") }
    #expect(throws: StoreError.self) { try ws.revealVote(item: kr, by: "aino") }
    let json = try #require(
      try JSONSerialization.jsonObject(with: Data(Minutes.json(now, changes: []).utf8)) as? [String: Any])
    let item = try #require((json["agenda"] as? [[String: Any]])?[kr]["vote"] as? [String: Any])
    #expect(item["median"] as? Double == 7 && item["n"] as? Int == 3 && item["revealed"] as? Bool == true)
    #expect(Minutes.markdown(now, changes: []).contains("Confidence vote: median 7, spread 4–8, n 3"))
    // An even count takes the middle two's mean.
    #expect(VoteResult(values: [6, 9, 3, 8])?.median == 7)
    #expect(VoteResult(values: []) == nil)
  }

  @Test func movingAnItemCarriesItsDecisionsAndVotesAndDroppingKeepsIt() throws {
    let fx = try StoreFixture()
    let ws = try demo(fx)
    let review = try ws.startReview(title: "Q4", today: Self.today, by: "aino")
    let first = review.agenda[0].item.id
    let second = review.agenda[1].item.id
    try ws.addReviewEntry(.decision, text: "Keep the newsletter", item: 0, by: "aino")
    try ws.openVote(item: 0, by: "aino")
    try ws.castVote(item: 0, value: 6, by: "aino")
    var now = try ws.moveReviewItem(0, to: 3, by: "aino")
    #expect(now.agenda[3].item.id == first && now.agenda[0].item.id == second)
    #expect(now.agenda.map(\.position) == Array(now.agenda.indices))
    #expect(now.entries.first?.itemPosition == 3 && now.vote(on: 3)?.voters == ["aino"])
    #expect(now.vote(on: 0) == nil)
    now = try ws.setReviewItemSkipped(3, true, by: "aino")
    #expect(now.agenda[3].item.skipped && now.entries.count == 1)
    now = try ws.setReviewItemSkipped(3, false, by: "aino")
    #expect(!now.agenda[3].item.skipped)
    // A node added during the meeting goes to the end with its state now; twice is refused.
    let before = now.agenda.count
    now = try ws.addReviewItem(.action, id: "A4", today: Self.today, by: "aino")
    #expect(now.agenda.count == before + 1 && now.agenda.last?.item.reason == .added)
    #expect(now.agenda.last?.state.progress != nil)
    #expect(throws: StoreError.self) {
      try ws.addReviewItem(.action, id: "A4", today: Self.today, by: "aino")
    }
    #expect(throws: StoreError.self) {
      try ws.addReviewItem(.action, id: "NOPE", today: Self.today, by: "aino")
    }
    #expect(throws: StoreError.self) { try ws.moveReviewItem(99, to: 0, by: "aino") }
    let fields = try ws.auditTrail(AuditQuery(limit: 50)).filter { $0.entity == "review_item" }.map(\.field)
    #expect(fields.sorted() == ["added", "position", "skipped", "skipped"])
    // The snapshot carries the review as it stands.
    #expect(try ws.snapshot().review == now)
  }
}

/// Results gathered from concurrent threads.
private final class Outcomes: @unchecked Sendable {
  private let lock = NSLock()
  private var results: [Result<LeaseOutcome, any Error>] = []
  func add(_ r: Result<LeaseOutcome, any Error>) { lock.withLock { results.append(r) } }
  var all: [Result<LeaseOutcome, any Error>] { lock.withLock { results } }
}
