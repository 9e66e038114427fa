import GRDB
import PeiliCore

extension SessionChanges {
  /// The change ids and kinds of the audit rows after row `after` (inside the writing
  /// transaction: all of them are its own).
  static func written(_ db: Database, after: Int64) throws -> [(changeID: Int64, kind: String)] {
    try Row.fetchAll(
      db.cachedStatement(sql: "SELECT DISTINCT change_id, kind FROM audit WHERE id > ?"), arguments: [after]
    ).map { (changeID: $0[0], kind: $0[1]) }
  }
}

extension Workspace {
  /// Starts this open workspace afresh as a session: what it wrote so far is history that
  /// its undo no longer reverts (the demo's built-in check-ins) and others may be told of.
  func forgetSessionChanges() throws {
    own.withLock { $0 = SessionChanges() }
    try markSeen()
  }

  public func changesByOthers(since auditID: Int64) throws -> ChangesByOthers {
    try writer.read { db in try changesByOthers(db, since: auditID, withNewest: true) }
  }

  /// The audit rows after `auditID` that this session did not write: counted by id (a range
  /// of the primary key), the newest one read whole only when `withNewest`.
  func changesByOthers(_ db: Database, since auditID: Int64, withNewest: Bool = false) throws
    -> ChangesByOthers
  {
    let mine = own.withLock { $0.all }
    var result = ChangesByOthers(lastAuditID: auditID)
    var newestID: Int64?
    let rows = try Row.fetchCursor(
      db.cachedStatement(sql: "SELECT id, change_id FROM audit WHERE id > ? ORDER BY id"),
      arguments: [auditID])
    while let row = try rows.next() {
      let id: Int64 = row[0]
      result.lastAuditID = id
      if !mine.contains(row[1]) {
        result.count += 1
        newestID = id
      }
    }
    if withNewest, let newestID,
      let row = try Row.fetchOne(db, sql: "SELECT * FROM audit WHERE id = ?", arguments: [newestID])
    {
      let entry = AuditEntry(row)
      result.user = entry.user
      result.newest = FieldChange(
        entity: entry.entity, id: entry.entityID, field: entry.field, old: entry.oldValue, new: entry.newValue
      )
    }
    return result
  }
}
