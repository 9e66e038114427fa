import Foundation
import GRDB
import PeiliCore

/// The presenter's changes to an open review's agenda: reorder, drop (skip) and add items.
/// Positions are an item's identity for its decisions, notes and votes, so a move renumbers
/// all of them together.
extension Workspace {
  @discardableResult
  public func moveReviewItem(_ position: Int, to target: Int, by user: String) throws -> Review {
    let id = try writeTransaction { db -> Int64 in
      let id = try ReviewRows.requireOpen(db)
      let count = try ReviewRows.itemCount(db, review: id)
      guard let newPlace = try ReviewRules.places(moving: position, to: target, count: count) else {
        return id
      }
      try ReviewRows.renumber(db, review: id, newPlace)
      let log = try AuditLog.begin(db, kind: .edit, user: user)
      try log.record(
        db, entity: "review_item", id: "\(id)/\(position + 1)", field: "position", old: String(position + 1),
        new: String(newPlace[position]! + 1))
      return id
    }
    return try writtenReview(id)
  }

  @discardableResult
  public func setReviewItemSkipped(_ position: Int, _ skipped: Bool, by user: String) throws -> Review {
    let id = try writeTransaction { db -> Int64 in
      let id = try ReviewRows.requireOpen(db)
      try ReviewRows.requirePosition(position, count: try ReviewRows.itemCount(db, review: id))
      let was =
        try Bool.fetchOne(
          db, sql: "SELECT skipped FROM review_item WHERE review_id = ? AND position = ?",
          arguments: [id, position]) ?? false
      guard was != skipped else { return id }
      try db.execute(
        sql: "UPDATE review_item SET skipped = ? WHERE review_id = ? AND position = ?",
        arguments: [skipped, id, position])
      try db.execute(sql: "UPDATE review SET version = version + 1 WHERE id = ?", arguments: [id])
      let log = try AuditLog.begin(db, kind: .edit, user: user)
      try log.record(
        db, entity: "review_item", id: "\(id)/\(position + 1)", field: "skipped", old: String(was),
        new: String(skipped))
      return id
    }
    return try writtenReview(id)
  }

  @discardableResult
  public func addReviewItem(_ kind: AgendaKind, id nodeID: String, today: Day, by user: String) throws
    -> Review
  {
    try requireWritable()
    let snapshot = try self.snapshot()
    let analysis = MirrorAnalysis(snapshot: snapshot, today: today)
    let title: String? =
      switch kind {
      case .objective: snapshot.objectives.first { $0.id == nodeID }?.title
      case .keyResult: snapshot.keyResults.first { $0.id == nodeID }?.title
      case .action: snapshot.actions.first { $0.id == nodeID }?.title
      case .theme: snapshot.themes.first { $0.id == nodeID }?.name
      case .decision: nil
      }
    guard let title else { throw StoreError.notFound(entity: kind.rawValue, id: nodeID) }
    let item = AgendaItem(kind: kind, id: nodeID, title: title, reason: .added)
    let state = ReviewItemState.of(item, snapshot: snapshot, analysis: analysis)
    let id = try writeTransaction { db -> Int64 in
      let id = try ReviewRows.requireOpen(db)
      let count = try ReviewRows.itemCount(db, review: id)
      let already = try Bool.fetchOne(
        db, sql: "SELECT 1 FROM review_item WHERE review_id = ? AND kind = ? AND node_id = ? AND NOT skipped",
        arguments: [id, kind.rawValue, nodeID])
      if already == true { throw StoreError.invalid("\(nodeID) is on the agenda already") }
      try db.execute(
        sql: """
          INSERT INTO review_item (review_id, position, kind, node_id, title, reason, skipped, state)
          VALUES (?, ?, ?, ?, ?, ?, 0, ?)
          """,
        arguments: [
          id, count, kind.rawValue, nodeID, title, item.reason.rawValue, try ReviewRows.encode(state),
        ])
      try db.execute(sql: "UPDATE review SET version = version + 1 WHERE id = ?", arguments: [id])
      let log = try AuditLog.begin(db, kind: .edit, user: user)
      try log.record(
        db, entity: "review_item", id: "\(id)/\(count + 1)", field: "added", old: nil, new: nodeID)
      return id
    }
    return try writtenReview(id)
  }

  /// The review a write just changed, as it now stands.
  func writtenReview(_ id: Int64) throws -> Review {
    guard let review = try review(id: id) else { throw StoreError.notFound(entity: "review", id: String(id)) }
    return review
  }
}

extension ReviewRows {
  static func itemCount(_ db: Database, review id: Int64) throws -> Int {
    try Int.fetchOne(db, sql: "SELECT count(*) FROM review_item WHERE review_id = ?", arguments: [id]) ?? 0
  }

  static func requirePosition(_ position: Int, count: Int) throws {
    try ReviewRules.requirePosition(position, count: count)
  }

  /// Gives every row that names an agenda place of review `id` its new place.
  static func renumber(_ db: Database, review id: Int64, _ newPlace: [Int: Int]) throws {
    let cases = newPlace.map { "WHEN \($0.key) THEN \($0.value)" }.joined(separator: " ")
    for (table, column) in [
      ("review_item", "position"), ("review_entry", "item_position"), ("review_vote", "item_position"),
      ("review_ballot", "item_position"),
    ] {
      // Through negative places first: (review, position) is a key, and a swap would collide.
      try db.execute(
        sql: "UPDATE \(table) SET \(column) = -1 - (CASE \(column) \(cases) ELSE \(column) END) "
          + "WHERE review_id = ? AND \(column) IS NOT NULL", arguments: [id])
      try db.execute(
        sql: "UPDATE \(table) SET \(column) = -1 - \(column) WHERE review_id = ? AND \(column) < 0",
        arguments: [id])
    }
    try db.execute(
      sql:
        "UPDATE review SET current = CASE current \(cases) ELSE current END, version = version + 1 WHERE id = ?",
      arguments: [id])
  }
}
