import Foundation
import GRDB
import PeiliCore

/// Confidence votes in an open review (DESIGN §9). Ballots are kept apart from the vote and
/// never read back before the reveal; the audit trail records that someone voted, not what.
extension Workspace {
  @discardableResult
  public func openVote(item position: Int, by user: String) throws -> Review {
    let id = try writeTransaction { db -> Int64 in
      let id = try ReviewRows.requireOpen(db)
      try ReviewRows.requirePosition(position, count: try ReviewRows.itemCount(db, review: id))
      let log = try AuditLog.begin(db, kind: .edit, user: user)
      try db.execute(
        sql: "DELETE FROM review_ballot WHERE review_id = ? AND item_position = ?", arguments: [id, position])
      try db.execute(
        sql: """
          INSERT OR REPLACE INTO review_vote (review_id, item_position, opened_at, opened_by) VALUES (?, ?, ?, ?)
          """, arguments: [id, position, log.at, user])
      try log.record(
        db, entity: "review_vote", id: "\(id)/\(position + 1)", field: "opened", old: nil, new: user)
      return id
    }
    return try writtenReview(id)
  }

  @discardableResult
  public func castVote(item position: Int, value: Int, by user: String) throws -> Review {
    guard (1...10).contains(value) else { throw StoreError.invalid("a vote is 1–10; got \(value)") }
    let id = try writeTransaction { db -> Int64 in
      let id = try ReviewRows.requireOpen(db)
      let revealed = try Row.fetchOne(
        db, sql: "SELECT revealed_at FROM review_vote WHERE review_id = ? AND item_position = ?",
        arguments: [id, position])
      guard let revealed else { throw StoreError.invalid("no vote is open on item \(position + 1)") }
      guard (revealed["revealed_at"] as String?) == nil else {
        throw StoreError.invalid("the vote on item \(position + 1) is revealed already")
      }
      let log = try AuditLog.begin(db, kind: .edit, user: user)
      try db.execute(
        sql: """
          INSERT INTO review_ballot (review_id, item_position, user, value, cast_at) VALUES (?, ?, ?, ?, ?)
          ON CONFLICT(review_id, item_position, user) DO UPDATE SET value = excluded.value
          """, arguments: [id, position, user, value, log.at])
      try log.record(
        db, entity: "review_vote", id: "\(id)/\(position + 1)", field: "voted", old: nil, new: nil)
      try ReviewRows.noteParticipant(db, review: id, user: user, at: log.at)
      return id
    }
    return try writtenReview(id)
  }

  @discardableResult
  public func revealVote(item position: Int, by user: String) throws -> Review {
    let id = try writeTransaction { db -> Int64 in
      let id = try ReviewRows.requireOpen(db)
      guard
        try Bool.fetchOne(
          db,
          sql: "SELECT 1 FROM review_vote WHERE review_id = ? AND item_position = ? AND revealed_at IS NULL",
          arguments: [id, position]) == true
      else { throw StoreError.invalid("no hidden vote is open on item \(position + 1)") }
      let values = try Int.fetchAll(
        db, sql: "SELECT value FROM review_ballot WHERE review_id = ? AND item_position = ?",
        arguments: [id, position])
      guard let result = VoteResult(values: values) else {
        throw StoreError.invalid("nobody has voted on item \(position + 1) yet")
      }
      let log = try AuditLog.begin(db, kind: .edit, user: user)
      try db.execute(
        sql: """
          UPDATE review_vote SET revealed_at = ?, n = ?, median = ?, lowest = ?, highest = ?
          WHERE review_id = ? AND item_position = ?
          """, arguments: [log.at, result.n, result.median, result.lowest, result.highest, id, position])
      try log.record(
        db, entity: "review_vote", id: "\(id)/\(position + 1)", field: "revealed", old: nil,
        new: "median \(result.medianText), \(result.lowest)–\(result.highest), n \(result.n)")
      return id
    }
    return try writtenReview(id)
  }
}
