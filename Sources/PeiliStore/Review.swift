import Foundation
import GRDB
import PeiliCore
import PeiliText

/// Review meetings (DESIGN §9) in the workspace: one open at a time, its agenda built from the
/// analysis when it starts (each item's state kept with it, so the minutes never change),
/// decisions and notes as audited rows, locked when it closes.
extension Workspace {
  /// The open review, else the latest closed one (nil: none ever).
  public func review(id: Int64? = nil) throws -> Review? {
    do {
      return try writer.read { db in try ReviewRows.fetch(db, id: id) }
    } catch {
      throw StoreFailure.explain(error, path: path, doing: .reading)
    }
  }

  /// Opens a review of the selected cycle titled `title`, with the agenda `ReviewAgenda`
  /// builds (the last review's open decisions carried in), audited as one change. Refused
  /// while another review is open.
  @discardableResult
  public func startReview(title: String, today: Day, by user: String) throws -> Review {
    try requireWritable()
    let title = try ReviewRules.title(title)
    let snapshot = try self.snapshot()
    guard let cycle = snapshot.cycle else {
      throw StoreError.invalid("the workspace has no OKR cycle to review yet (`peili import okrs FILE.yaml`)")
    }
    let analysis = MirrorAnalysis(snapshot: snapshot, today: today)
    let id = try writeTransaction { db -> Int64 in
      if let open = try ReviewRows.openID(db) {
        let t = try String.fetchOne(db, sql: "SELECT title FROM review WHERE id = ?", arguments: [open]) ?? ""
        throw StoreError.invalid("the review “\(t)” is still open; close it first (`peili review close`)")
      }
      let carried = try ReviewRows.openDecisions(db)
      let agenda = ReviewAgenda.build(snapshot: snapshot, analysis: analysis, openDecisions: carried)
      let log = try AuditLog.begin(db, kind: .edit, user: user)
      try db.execute(
        sql: "INSERT INTO review (cycle_id, title, started_at, started_by) VALUES (?, ?, ?, ?)",
        arguments: [cycle.id, title, log.at, user])
      let id = db.lastInsertedRowID
      for (position, item) in agenda.enumerated() {
        let state = ReviewItemState.of(item, snapshot: snapshot, analysis: analysis)
        try db.execute(
          sql: """
            INSERT INTO review_item (review_id, position, kind, node_id, title, reason, skipped, state)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?)
            """,
          arguments: [
            id, position, item.kind.rawValue, item.id, item.title, item.reason.rawValue, item.skipped,
            try ReviewRows.encode(state),
          ])
      }
      try log.record(db, entity: "review", id: String(id), field: "started", old: nil, new: title)
      // Its starter and everyone with the workspace open now take part.
      let present = try String.fetchAll(
        db, sql: "SELECT DISTINCT user FROM session WHERE seen_at >= ?",
        arguments: [Date().timeIntervalSince1970 - Self.presenceExpiry])
      for name in [user] + present { try ReviewRows.noteParticipant(db, review: id, user: name, at: log.at) }
      return id
    }
    return try writtenReview(id)
  }

  /// Closes the open review: its decisions and notes are locked from now on.
  @discardableResult
  public func closeReview(by user: String) throws -> Review {
    let id = try writeTransaction { db -> Int64 in
      let id = try ReviewRows.requireOpen(db)
      let log = try AuditLog.begin(db, kind: .edit, user: user)
      try db.execute(
        sql: "UPDATE review SET closed_at = ?, closed_by = ?, version = version + 1 WHERE id = ?",
        arguments: [log.at, user, id])
      try log.record(db, entity: "review", id: String(id), field: "closed", old: nil, new: log.at)
      // Nobody presents a closed review.
      try db.execute(sql: "DELETE FROM presenter")
      try db.execute(sql: "UPDATE session SET following = 0 WHERE following = 1")
      return id
    }
    return try writtenReview(id)
  }

  /// Moves the open review to agenda place `position`.
  public func presentReviewItem(_ position: Int, by user: String) throws -> Review {
    let id = try writeTransaction { db -> Int64 in
      let id = try ReviewRows.requireOpen(db)
      let count =
        try Int.fetchOne(db, sql: "SELECT count(*) FROM review_item WHERE review_id = ?", arguments: [id])
        ?? 0
      guard (0..<count).contains(position) else {
        throw StoreError.invalid("the agenda has items 1–\(count); expected one of them, got \(position + 1)")
      }
      try db.execute(
        sql: "UPDATE review SET current = ?, version = version + 1 WHERE id = ?", arguments: [position, id])
      return id
    }
    return try writtenReview(id)
  }

  /// Adds a decision or a note to the open review (on agenda place `item`, nil: the whole
  /// review), audited. A decision with `createAction` also creates an action under the item's
  /// node with the item's themes linked, owned and due as the decision is.
  @discardableResult
  public func addReviewEntry(
    _ kind: ReviewEntry.Kind, text: String, item: Int?, owner: String? = nil, due: Day? = nil,
    createAction: Bool = false, by user: String
  ) throws -> ReviewEntry {
    let text = try ReviewRules.entryText(text, kind: kind)
    let owner = owner.map { $0.sanitizedForTerminal }.flatMap { $0.isEmpty ? nil : $0 }
    return try writeTransaction { db -> ReviewEntry in
      guard let reviewID = try ReviewRows.openID(db) else {
        throw StoreError.invalid("no review is open: decisions and notes of a closed review are locked")
      }
      var node: (kind: String, id: String)?
      if let item {
        guard
          let row = try Row.fetchOne(
            db, sql: "SELECT kind, node_id FROM review_item WHERE review_id = ? AND position = ?",
            arguments: [reviewID, item])
        else { throw StoreError.invalid("the agenda has no item \(item + 1)") }
        node = (row["kind"], row["node_id"])
      }
      let log = try AuditLog.begin(db, kind: .edit, user: user)
      var actionID: String?
      if createAction, kind == .decision {
        actionID = try ReviewRows.createAction(db, for: node, title: text, owner: owner, due: due, log: log)
      }
      try db.execute(
        sql: """
          INSERT INTO review_entry (review_id, kind, item_position, text, owner, due, action_id, status,
            created_at, created_by)
          VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
          """,
        arguments: [
          reviewID, kind.rawValue, item, text, owner, due?.description, actionID,
          kind == .decision ? ReviewEntry.Status.open.rawValue : nil, log.at, user,
        ])
      let id = db.lastInsertedRowID
      try log.record(
        db, entity: "review_\(kind.rawValue)", id: String(id), field: "created", old: nil, new: text)
      try ReviewRows.noteParticipant(db, review: reviewID, user: user, at: log.at)
      return ReviewEntry(
        id: id, reviewID: reviewID, kind: kind, itemPosition: item, text: text, owner: owner, due: due,
        actionID: actionID, status: kind == .decision ? .open : nil, createdAt: log.at, createdBy: user)
    }
  }

  /// Changes an entry's text (or a decision's status) while its review is open, with the
  /// version check every edit has.
  @discardableResult
  public func editReviewEntry(
    _ id: Int64, text: String? = nil, status: ReviewEntry.Status? = nil, basedOn version: Int, by user: String
  ) throws -> ReviewEntry {
    return try writeTransaction { db -> ReviewEntry in
      guard let old = try ReviewRows.entry(db, id: id) else {
        throw StoreError.notFound(entity: "review entry", id: "#\(id)")
      }
      // Open decisions of a closed review may still be marked done (they carry into the next).
      let closed = try ReviewRows.openID(db) != old.reviewID
      if closed && (text != nil || old.kind != .decision) {
        throw StoreError.invalid(
          "the review of \(old.kind.rawValue) #\(id) is closed: its entries are locked")
      }
      guard old.version == version else {
        throw StoreError.invalid("\(old.kind.rawValue) #\(id) was changed meanwhile; look again and retry")
      }
      let log = try AuditLog.begin(db, kind: .edit, user: user)
      var now = old
      if let text {
        let clean = try ReviewRules.entryText(text, kind: old.kind)
        now.text = clean
        try log.record(
          db, entity: "review_\(old.kind.rawValue)", id: String(id), field: "text", old: old.text, new: clean)
      }
      if let status, old.kind == .decision, status != old.status {
        now.status = status
        try log.record(
          db, entity: "review_decision", id: String(id), field: "status", old: old.status?.rawValue,
          new: status.rawValue)
      }
      now.version += 1
      try db.execute(
        sql: "UPDATE review_entry SET text = ?, status = ?, version = ? WHERE id = ?",
        arguments: [now.text, now.status?.rawValue, now.version, id])
      return now
    }
  }

  /// Every change written while `review` was open (to now, while it still is), oldest first:
  /// the minutes' record of the meeting.
  /// Bounded by the changes that started and closed it (not by time: a second holds many).
  public func reviewChanges(_ review: Review) throws -> [AuditEntry] {
    do {
      return try writer.read { db in
        func change(_ field: String) throws -> Int64? {
          try Int64.fetchOne(
            db, sql: "SELECT change_id FROM audit WHERE entity = 'review' AND entity_id = ? AND field = ?",
            arguments: [String(review.id), field])
        }
        guard let first = try change("started") else { return [] }
        let last = try change("closed") ?? Int64.max
        return try Row.fetchAll(
          db, sql: "SELECT * FROM audit WHERE change_id BETWEEN ? AND ? ORDER BY id",
          arguments: [first, last]
        ).map(AuditEntry.init)
      }
    } catch {
      throw StoreFailure.explain(error, path: path, doing: .reading)
    }
  }
}
