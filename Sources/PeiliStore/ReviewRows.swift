import Foundation
import GRDB
import PeiliCore

/// The review tables read and written (see `Workspace.startReview`).
enum ReviewRows {
  static func openID(_ db: Database) throws -> Int64? {
    try Int64.fetchOne(db, sql: "SELECT id FROM review WHERE closed_at IS NULL ORDER BY id DESC LIMIT 1")
  }

  /// The open review's id, or the refusal that names how to start one.
  static func requireOpen(_ db: Database) throws -> Int64 {
    guard let id = try openID(db) else {
      throw StoreError.invalid("no review is open; start one with `peili review start --title TEXT`")
    }
    return id
  }

  /// Review `id`, else the open one, else the latest.
  static func fetch(_ db: Database, id: Int64?) throws -> Review? {
    let sql =
      id == nil
      ? "SELECT * FROM review ORDER BY closed_at IS NOT NULL, id DESC LIMIT 1"
      : "SELECT * FROM review WHERE id = ?"
    guard let row = try Row.fetchOne(db, sql: sql, arguments: id.map { [$0] } ?? []) else { return nil }
    let reviewID: Int64 = row["id"]
    let agenda = try Row.fetchAll(
      db, sql: "SELECT * FROM review_item WHERE review_id = ? ORDER BY position", arguments: [reviewID]
    ).map { r in
      ReviewItem(
        position: r["position"],
        item: AgendaItem(
          kind: AgendaKind(rawValue: r["kind"]) ?? .objective, id: r["node_id"], title: r["title"],
          reason: AgendaReason(rawValue: r["reason"]) ?? .offTrack, skipped: r["skipped"]),
        state: decode(r["state"]))
    }
    let entries = try Row.fetchAll(
      db, sql: "SELECT * FROM review_entry WHERE review_id = ? ORDER BY id", arguments: [reviewID]
    ).map(entry)
    let participants = try String.fetchAll(
      db, sql: "SELECT user FROM review_participant WHERE review_id = ? ORDER BY first_seen, user",
      arguments: [reviewID])
    return Review(
      id: reviewID, cycleID: row["cycle_id"], title: row["title"], startedAt: row["started_at"],
      startedBy: row["started_by"], closedAt: row["closed_at"], closedBy: row["closed_by"],
      current: row["current"],
      agenda: agenda, entries: entries, participants: participants, votes: try votes(db, review: reviewID),
      version: row["version"])
  }

  /// The votes of review `id`: who voted (never what, until revealed) and the results.
  static func votes(_ db: Database, review id: Int64) throws -> [ReviewVote] {
    try Row.fetchAll(
      db, sql: "SELECT * FROM review_vote WHERE review_id = ? ORDER BY item_position", arguments: [id]
    ).map { r in
      let position: Int = r["item_position"]
      let voters = try String.fetchAll(
        db,
        sql:
          "SELECT user FROM review_ballot WHERE review_id = ? AND item_position = ? ORDER BY cast_at, user",
        arguments: [id, position])
      let result: VoteResult? =
        (r["revealed_at"] as String?) == nil
        ? nil
        : VoteResult(n: r["n"], median: r["median"], lowest: r["lowest"], highest: r["highest"])
      return ReviewVote(itemPosition: position, openedBy: r["opened_by"], voters: voters, result: result)
    }
  }

  static func entry(_ db: Database, id: Int64) throws -> ReviewEntry? {
    try Row.fetchOne(db, sql: "SELECT * FROM review_entry WHERE id = ?", arguments: [id]).map(entry)
  }

  static func entry(_ r: Row) -> ReviewEntry {
    ReviewEntry(
      id: r["id"], reviewID: r["review_id"], kind: ReviewEntry.Kind(rawValue: r["kind"]) ?? .note,
      itemPosition: r["item_position"], text: r["text"], owner: r["owner"],
      due: (r["due"] as String?).flatMap(Day.init), actionID: r["action_id"],
      status: (r["status"] as String?).flatMap(ReviewEntry.Status.init), createdAt: r["created_at"],
      createdBy: r["created_by"], version: r["version"])
  }

  /// Decisions still open in closed reviews: the next review's agenda carries them.
  static func openDecisions(_ db: Database) throws -> [OpenDecision] {
    try Row.fetchAll(
      db,
      sql: """
        SELECT e.id, e.text FROM review_entry e JOIN review r ON r.id = e.review_id
        WHERE e.kind = 'decision' AND e.status = 'open' AND r.closed_at IS NOT NULL ORDER BY e.id
        """
    ).map { OpenDecision(id: $0["id"], text: $0["text"]) }
  }

  static func encode(_ state: ReviewItemState) throws -> String {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.sortedKeys]
    return String(decoding: try encoder.encode(state), as: UTF8.self)
  }

  static func decode(_ text: String) -> ReviewItemState {
    (try? JSONDecoder().decode(ReviewItemState.self, from: Data(text.utf8))) ?? ReviewItemState()
  }

  /// Records that `user` had the workspace open while review `id` was open.
  static func noteParticipant(_ db: Database, review id: Int64, user: String, at: String) throws {
    try db.execute(
      sql: """
        INSERT INTO review_participant (review_id, user, first_seen, last_seen) VALUES (?, ?, ?, ?)
        ON CONFLICT(review_id, user) DO UPDATE SET last_seen = excluded.last_seen
        """, arguments: [id, user, at, at])
  }

  /// A decision's action under the agenda item's node (an objective, a key result's
  /// objective, an action's objective and key result; the first objective of the cycle for a
  /// theme or an earlier decision), with the node's themes linked; its id `R<review>-<n>`.
  static func createAction(
    _ db: Database, for node: (kind: String, id: String)?, title: String, owner: String?, due: Day?,
    log: AuditLog
  ) throws -> String {
    var objectiveID: String?
    var keyResultID: String?
    var themes: [String] = []
    func objectiveThemes(_ id: String?) throws -> [String] {
      try String.fetchAll(
        db, sql: "SELECT theme_id FROM objective_theme WHERE objective_id = ? ORDER BY position",
        arguments: [id])
    }
    switch node.map({ AgendaKind(rawValue: $0.kind) }) ?? nil {
    case .objective?:
      objectiveID = node?.id
      themes = try objectiveThemes(node?.id)
    case .keyResult?:
      let row = try Row.fetchOne(
        db, sql: "SELECT objective_id, theme_id FROM key_result WHERE id = ?", arguments: [node?.id])
      objectiveID = row?["objective_id"]
      keyResultID = node?.id
      // A perception KR's theme; else (as the tree reads it) its objective's.
      themes = [row?["theme_id"] as String?].compactMap { $0 }
      if themes.isEmpty {
        themes = try objectiveThemes(objectiveID)
      }
    case .action?:
      let row = try Row.fetchOne(
        db, sql: "SELECT objective_id, key_result_id FROM action WHERE id = ?", arguments: [node?.id])
      objectiveID = row?["objective_id"]
      keyResultID = row?["key_result_id"]
      themes = try String.fetchAll(
        db, sql: "SELECT theme_id FROM action_theme WHERE action_id = ? ORDER BY position",
        arguments: [node?.id])
    case .theme?:
      themes = [node?.id].compactMap { $0 }
    case .decision?, nil:
      break
    }
    guard let reviewID = try openID(db) else { throw StoreError.invalid("no review is open") }
    let cycle = try String.fetchOne(
      db, sql: "SELECT cycle_id FROM review WHERE id = ?", arguments: [reviewID])
    if objectiveID == nil {
      objectiveID = try String.fetchOne(
        db, sql: "SELECT id FROM objective WHERE cycle_id = ? ORDER BY position, id LIMIT 1",
        arguments: [cycle])
    }
    guard let objectiveID else {
      throw StoreError.invalid("the cycle has no objective to put the decision's action under")
    }
    var n = 1
    while try Bool.fetchOne(db, sql: "SELECT 1 FROM action WHERE id = ?", arguments: ["R\(reviewID)-\(n)"])
      == true
    {
      n += 1
    }
    let id = "R\(reviewID)-\(n)"
    let position =
      (try Int.fetchOne(
        db, sql: "SELECT max(position) FROM action WHERE objective_id = ?", arguments: [objectiveID])
        ?? -1) + 1
    try db.execute(
      sql: """
        INSERT INTO action (id, objective_id, key_result_id, title, owner, status, progress, due_date, position)
        VALUES (?, ?, ?, ?, ?, 'planned', 0, ?, ?)
        """,
      arguments: [
        id, objectiveID, keyResultID, String(title.prefix(Bounds.maxTitleLength)), owner, due?.description,
        position,
      ])
    for (i, theme) in themes.enumerated() {
      try db.execute(
        sql: "INSERT OR IGNORE INTO action_theme (action_id, theme_id, position) VALUES (?, ?, ?)",
        arguments: [id, theme, i])
    }
    try log.record(db, entity: "action", id: id, field: "created", old: nil, new: title)
    return id
  }
}
