import Foundation
import PeiliCore

/// What a memory workspace keeps of reviews: the reviews (oldest first), the hidden ballots,
/// the presenter's lease and who follows it.
struct MemoryReviews {
  var all: [Review] = []
  /// Ballots by review id and agenda place: user → vote.
  var ballots: [Int64: [Int: [(user: String, value: Int)]]] = [:]
  var lease: PresenterLease?
  var following: Set<String> = []

  var openIndex: Int? { all.lastIndex { $0.isOpen } }
}

/// Reviews on a memory workspace, by the rules the SQLite store keeps (DESIGN §9): the same
/// agenda (`ReviewAgenda`), the same refusals, audited alike.
extension MemoryStore: ReviewStore {
  public func review(id: Int64?) throws -> Review? {
    workspace.content.withLock { c in
      let r = c.reviews
      if let id { return r.all.first { $0.id == id } }
      return r.openIndex.map { r.all[$0] } ?? r.all.last
    }
  }

  public func startReview(title: String, today: Day, by user: String) throws -> Review {
    let title = try ReviewRules.title(title)
    return try write { c, at in
      if let open = c.reviews.openIndex {
        throw StoreError.invalid(
          "the review “\(c.reviews.all[open].title)” is still open; close it first (`peili review close`)")
      }
      guard let cycle = c.snapshot.cycle else {
        throw StoreError.invalid(
          "the workspace has no OKR cycle to review yet (`peili import okrs FILE.yaml`)")
      }
      let analysis = MirrorAnalysis(snapshot: c.snapshot, today: today)
      let carried = c.reviews.all.flatMap { r in
        r.entries.filter { $0.kind == .decision && $0.status == .open }.map {
          OpenDecision(id: $0.id, text: $0.text)
        }
      }
      let agenda = ReviewAgenda.build(snapshot: c.snapshot, analysis: analysis, openDecisions: carried)
      let id = Int64(c.reviews.all.count + 1)
      let now = workspace.clock().timeIntervalSince1970
      let present = c.sessions.values.filter {
        ($0.session.seenAt ?? 0) >= now - WorkspaceSession.presenceExpiry
      }
      .map(\.session.user)
      var participants: [String] = []
      for name in [user] + present where !participants.contains(name) { participants.append(name) }
      c.reviews.all.append(
        Review(
          id: id, cycleID: cycle.id, title: title, startedAt: at, startedBy: user,
          agenda: agenda.enumerated().map { i, item in
            ReviewItem(
              position: i, item: item,
              state: ReviewItemState.of(item, snapshot: c.snapshot, analysis: analysis))
          }, participants: participants))
      let change = c.begin()
      c.record(
        change: change, kind: .edit, at: at, user: user, entity: "review", id: String(id), field: "started",
        old: nil, new: title)
      return c.reviews.all.last!
    }
  }

  public func closeReview(by user: String) throws -> Review {
    try writeOpen(by: user) { c, i, at in
      c.reviews.all[i].closedAt = at
      c.reviews.all[i].closedBy = user
      c.reviews.lease = nil
      c.reviews.following = []
      return ("review", String(c.reviews.all[i].id), "closed", at, nil)
    }
  }

  public func presentReviewItem(_ position: Int, by user: String) throws -> Review {
    try writeOpen(by: user) { c, i, _ in
      try ReviewRules.requirePosition(position, count: c.reviews.all[i].agenda.count)
      c.reviews.all[i].current = position
      return nil
    }
  }

  public func addReviewEntry(
    _ kind: ReviewEntry.Kind, text: String, item: Int?, owner: String?, due: Day?, createAction: Bool,
    by user: String
  ) throws -> ReviewEntry {
    let text = try ReviewRules.entryText(text, kind: kind)
    let owner = owner.map { $0.sanitizedForTerminal }.flatMap { $0.isEmpty ? nil : $0 }
    return try write { c, at in
      guard let i = c.reviews.openIndex else {
        throw StoreError.invalid("no review is open: decisions and notes of a closed review are locked")
      }
      let review = c.reviews.all[i]
      if let item, !review.agenda.indices.contains(item) {
        throw StoreError.invalid("the agenda has no item \(item + 1)")
      }
      let change = c.begin()
      var actionID: String?
      if createAction, kind == .decision {
        actionID = try Self.createAction(&c, review: review, item: item, title: text, owner: owner, due: due)
        c.record(
          change: change, kind: .edit, at: at, user: user, entity: "action", id: actionID!, field: "created",
          old: nil, new: text)
      }
      let id = Int64(c.reviews.all.reduce(0) { $0 + $1.entries.count } + 1)
      let entry = ReviewEntry(
        id: id, reviewID: review.id, kind: kind, itemPosition: item, text: text, owner: owner, due: due,
        actionID: actionID, status: kind == .decision ? .open : nil, createdAt: at, createdBy: user)
      c.reviews.all[i].entries.append(entry)
      if !c.reviews.all[i].participants.contains(user) { c.reviews.all[i].participants.append(user) }
      c.record(
        change: change, kind: .edit, at: at, user: user, entity: "review_\(kind.rawValue)", id: String(id),
        field: "created", old: nil, new: text)
      return entry
    }
  }

  /// A decision's action under the item's node (the cycle's first objective for a theme or
  /// the whole review), its themes linked, as `ReviewRows.createAction` does on SQLite.
  private static func createAction(
    _ c: inout MemoryContent, review: Review, item: Int?, title: String, owner: String?, due: Day?
  ) throws -> String {
    let node = item.map { review.agenda[$0].item }
    var objectiveID: String?
    var keyResultID: String?
    var themes: [String] = []
    let s = c.snapshot
    switch node?.kind {
    case .objective?:
      objectiveID = node?.id
      themes = s.objectives.first { $0.id == node?.id }?.themeIDs ?? []
    case .keyResult?:
      let k = s.keyResults.first { $0.id == node?.id }
      objectiveID = k?.objectiveID
      keyResultID = k?.id
      if case .perception(let theme, _, _, _)? = k?.measure { themes = [theme] }
      if themes.isEmpty { themes = s.objectives.first { $0.id == objectiveID }?.themeIDs ?? [] }
    case .action?:
      let a = c.action(node?.id ?? "")
      objectiveID = a?.objectiveID
      keyResultID = a?.keyResultID
      themes = a?.themeIDs ?? []
    case .theme?: themes = [node?.id].compactMap { $0 }
    case .decision?, nil: break
    }
    guard let objectiveID = objectiveID ?? s.objectives.first?.id else {
      throw StoreError.invalid("the cycle has no objective to put the decision's action under")
    }
    var n = 1
    while c.action("R\(review.id)-\(n)") != nil { n += 1 }
    let position = (s.actions.filter { $0.objectiveID == objectiveID }.map(\.position).max() ?? -1) + 1
    let id = "R\(review.id)-\(n)"
    c.insert(
      Action(
        id: id, objectiveID: objectiveID, keyResultID: keyResultID,
        title: String(title.prefix(Bounds.maxTitleLength)),
        owner: owner, status: .planned, progress: 0, due: due, themeIDs: themes, position: position))
    return id
  }

  public func editReviewEntry(
    _ id: Int64, text: String?, status: ReviewEntry.Status?, basedOn version: Int, by user: String
  ) throws -> ReviewEntry {
    try write { c, at in
      guard let i = c.reviews.all.firstIndex(where: { r in r.entries.contains { $0.id == id } }),
        let j = c.reviews.all[i].entries.firstIndex(where: { $0.id == id })
      else { throw StoreError.notFound(entity: "review entry", id: "#\(id)") }
      let old = c.reviews.all[i].entries[j]
      if !c.reviews.all[i].isOpen && (text != nil || old.kind != .decision) {
        throw StoreError.invalid(
          "the review of \(old.kind.rawValue) #\(id) is closed: its entries are locked")
      }
      guard old.version == version else {
        throw StoreError.invalid("\(old.kind.rawValue) #\(id) was changed meanwhile; look again and retry")
      }
      var now = old
      let change = c.begin()
      if let text {
        now.text = try ReviewRules.entryText(text, kind: old.kind)
        c.record(
          change: change, kind: .edit, at: at, user: user, entity: "review_\(old.kind.rawValue)",
          id: String(id),
          field: "text", old: old.text, new: now.text)
      }
      if let status, old.kind == .decision, status != old.status {
        now.status = status
        c.record(
          change: change, kind: .edit, at: at, user: user, entity: "review_decision", id: String(id),
          field: "status", old: old.status?.rawValue, new: status.rawValue)
      }
      now.version += 1
      c.reviews.all[i].entries[j] = now
      return now
    }
  }

  public func moveReviewItem(_ position: Int, to target: Int, by user: String) throws -> Review {
    try writeOpen(by: user) { c, i, _ in
      let count = c.reviews.all[i].agenda.count
      guard let place = try ReviewRules.places(moving: position, to: target, count: count) else { return nil }
      var r = c.reviews.all[i]
      r.agenda = r.agenda.sorted { place[$0.position]! < place[$1.position]! }.map { item in
        var item = item
        item.position = place[item.position]!
        return item
      }
      for e in r.entries.indices { r.entries[e].itemPosition = r.entries[e].itemPosition.map { place[$0]! } }
      for v in r.votes.indices { r.votes[v].itemPosition = place[r.votes[v].itemPosition]! }
      r.votes.sort { $0.itemPosition < $1.itemPosition }
      r.current = place[r.current] ?? r.current
      c.reviews.ballots[r.id] = Dictionary(
        uniqueKeysWithValues: (c.reviews.ballots[r.id] ?? [:]).map { (place[$0.key]!, $0.value) })
      c.reviews.all[i] = r
      return (
        "review_item", "\(r.id)/\(position + 1)", "position", String(place[position]! + 1),
        String(position + 1)
      )
    }
  }

  public func setReviewItemSkipped(_ position: Int, _ skipped: Bool, by user: String) throws -> Review {
    try writeOpen(by: user) { c, i, _ in
      try ReviewRules.requirePosition(position, count: c.reviews.all[i].agenda.count)
      let was = c.reviews.all[i].agenda[position].item.skipped
      guard was != skipped else { return nil }
      c.reviews.all[i].agenda[position].item.skipped = skipped
      return (
        "review_item", "\(c.reviews.all[i].id)/\(position + 1)", "skipped", String(skipped), String(was)
      )
    }
  }

  public func addReviewItem(_ kind: AgendaKind, id nodeID: String, today: Day, by user: String) throws
    -> Review
  {
    try writeOpen(by: user) { c, i, _ in
      let s = c.snapshot
      let title: String? =
        switch kind {
        case .objective: s.objectives.first { $0.id == nodeID }?.title
        case .keyResult: s.keyResults.first { $0.id == nodeID }?.title
        case .action: c.action(nodeID)?.title
        case .theme: s.themes.first { $0.id == nodeID }?.name
        case .decision: nil
        }
      guard let title else { throw StoreError.notFound(entity: kind.rawValue, id: nodeID) }
      if c.reviews.all[i].agenda.contains(where: {
        $0.item.kind == kind && $0.item.id == nodeID && !$0.item.skipped
      }) {
        throw StoreError.invalid("\(nodeID) is on the agenda already")
      }
      let item = AgendaItem(kind: kind, id: nodeID, title: title, reason: .added)
      let state = ReviewItemState.of(item, snapshot: s, analysis: MirrorAnalysis(snapshot: s, today: today))
      let position = c.reviews.all[i].agenda.count
      c.reviews.all[i].agenda.append(ReviewItem(position: position, item: item, state: state))
      return ("review_item", "\(c.reviews.all[i].id)/\(position + 1)", "added", nodeID, nil)
    }
  }

  public func openVote(item position: Int, by user: String) throws -> Review {
    try writeOpen(by: user) { c, i, _ in
      try ReviewRules.requirePosition(position, count: c.reviews.all[i].agenda.count)
      let id = c.reviews.all[i].id
      c.reviews.ballots[id, default: [:]][position] = []
      c.reviews.all[i].votes.removeAll { $0.itemPosition == position }
      c.reviews.all[i].votes.append(ReviewVote(itemPosition: position, openedBy: user))
      c.reviews.all[i].votes.sort { $0.itemPosition < $1.itemPosition }
      return ("review_vote", "\(id)/\(position + 1)", "opened", user, nil)
    }
  }

  public func castVote(item position: Int, value: Int, by user: String) throws -> Review {
    guard (1...10).contains(value) else { throw StoreError.invalid("a vote is 1–10; got \(value)") }
    return try writeOpen(by: user) { c, i, _ in
      let id = c.reviews.all[i].id
      guard let v = c.reviews.all[i].votes.firstIndex(where: { $0.itemPosition == position }) else {
        throw StoreError.invalid("no vote is open on item \(position + 1)")
      }
      guard !c.reviews.all[i].votes[v].isRevealed else {
        throw StoreError.invalid("the vote on item \(position + 1) is revealed already")
      }
      var ballots = c.reviews.ballots[id]?[position] ?? []
      if let b = ballots.firstIndex(where: { $0.user == user }) {
        ballots[b].value = value
      } else {
        ballots.append((user, value))
        c.reviews.all[i].votes[v].voters.append(user)
      }
      c.reviews.ballots[id, default: [:]][position] = ballots
      if !c.reviews.all[i].participants.contains(user) { c.reviews.all[i].participants.append(user) }
      return ("review_vote", "\(id)/\(position + 1)", "voted", nil, nil)
    }
  }

  public func revealVote(item position: Int, by user: String) throws -> Review {
    try writeOpen(by: user) { c, i, _ in
      let id = c.reviews.all[i].id
      guard
        let v = c.reviews.all[i].votes.firstIndex(where: { $0.itemPosition == position && !$0.isRevealed })
      else { throw StoreError.invalid("no hidden vote is open on item \(position + 1)") }
      guard let result = VoteResult(values: (c.reviews.ballots[id]?[position] ?? []).map(\.value)) else {
        throw StoreError.invalid("nobody has voted on item \(position + 1) yet")
      }
      c.reviews.all[i].votes[v].result = result
      return (
        "review_vote", "\(id)/\(position + 1)", "revealed",
        "median \(result.medianText), \(result.lowest)–\(result.highest), n \(result.n)", nil
      )
    }
  }

  /// An audit row a review write leaves: entity, id, field, new value, old value.
  private typealias AuditRow = (entity: String, id: String, field: String, new: String?, old: String?)

  /// A write to the open review; `body` returns the audit row it leaves (nil: none).
  private func writeOpen(
    by user: String,
    _ body: (inout MemoryContent, Int, String) throws -> AuditRow?
  ) throws -> Review {
    try write { c, at in
      guard let i = c.reviews.openIndex else {
        throw StoreError.invalid("no review is open; start one with `peili review start --title TEXT`")
      }
      if let row = try body(&c, i, at) {
        c.record(
          change: c.begin(), kind: .edit, at: at, user: user, entity: row.entity, id: row.id,
          field: row.field,
          old: row.old, new: row.new)
      }
      c.reviews.all[i].version += 1
      return c.reviews.all[i]
    }
  }

  // MARK: the presenter's lease

  public func presenter() throws -> PresenterLease? {
    let now = workspace.clock().timeIntervalSince1970
    return workspace.content.withLock { c in
      guard var lease = c.reviews.lease else { return nil }
      lease.followers = c.sessions.values
        .filter {
          c.reviews.following.contains($0.session.id) && $0.session.id != lease.holder.id
            && ($0.session.seenAt ?? 0) >= now - WorkspaceSession.presenceExpiry
        }
        .sorted { ($0.startedAt, $0.session.id) < ($1.startedAt, $1.session.id) }.map(\.session.user)
      return lease
    }
  }

  public func takePresenter(_ session: WorkspaceSession) throws -> LeaseOutcome {
    guard !isReadOnly else { throw StoreError.readOnly(path: workspace.path, reason: Self.readOnlyReason) }
    let now = workspace.clock().timeIntervalSince1970
    let outcome = try workspace.content.withLock { c -> LeaseOutcome? in
      guard c.reviews.openIndex != nil else {
        throw StoreError.invalid("no review is open; start one first (S on the Review screen)")
      }
      // The holder's presence keeps its lease fresh, as its heartbeat does on SQLite.
      if var lease = c.reviews.lease, let seen = c.sessions[lease.holder.id]?.session.seenAt {
        lease.seenAt = max(lease.seenAt, seen)
        c.reviews.lease = lease
      }
      guard PresenterLease.mayTake(c.reviews.lease, by: session, now: now) else { return nil }
      let sequence = c.reviews.lease.map { $0.holder.id == session.id ? $0.sequence : $0.sequence + 1 } ?? 0
      c.reviews.lease = PresenterLease(
        holder: session, seenAt: now, sequence: sequence,
        state: c.reviews.lease?.holder.id == session.id
          ? c.reviews.lease?.state : nil)
      c.reviews.following.remove(session.id)
      return .taken(c.reviews.lease!)
    }
    if let outcome { return outcome }
    return .heldBy(try presenter()!)
  }

  public func releasePresenter(_ session: WorkspaceSession) throws {
    workspace.content.withLock { c in
      if c.reviews.lease?.holder.id == session.id { c.reviews.lease = nil }
    }
  }

  public func publish(_ state: String, by session: WorkspaceSession) throws -> Bool {
    let now = workspace.clock().timeIntervalSince1970
    return workspace.content.withLock { c in
      guard var lease = c.reviews.lease, lease.holder.id == session.id else { return false }
      lease.state = state
      lease.sequence += 1
      lease.seenAt = now
      c.reviews.lease = lease
      return true
    }
  }

  public func setFollowing(_ session: WorkspaceSession, _ following: Bool) throws {
    guard !isReadOnly else { return }
    let now = workspace.clock().timeIntervalSince1970
    workspace.content.withLock { c in
      if following { c.reviews.following.insert(session.id) } else { c.reviews.following.remove(session.id) }
      var seen = session
      seen.seenAt = now
      c.sessions[session.id] = (seen, c.sessions[session.id]?.startedAt ?? now)
    }
  }
}
