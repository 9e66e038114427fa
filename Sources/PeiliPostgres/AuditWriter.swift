import PeiliCore
import PostgresNIO

/// Writes the audit rows of one transaction under one change id (inside `write`, which holds
/// the workspace's lock, so `max(change_id) + 1` is this change's alone).
struct AuditWriter {
  let changeID: Int64
  let kind: AuditEntry.Kind
  let at: String
  let user: String
  let reverts: Int64?

  static func begin(_ sql: SQL, kind: AuditEntry.Kind, user: String, reverts: Int64? = nil) throws
    -> AuditWriter
  {
    let last = try sql.value("SELECT coalesce(max(change_id), 0) FROM audit", as: Int64.self) ?? 0
    return AuditWriter(
      changeID: last + 1, kind: kind, at: PostgresWorkspace.timestamp(), user: user, reverts: reverts)
  }

  func record(_ sql: SQL, entity: String, id: String, field: String, old: String?, new: String?) throws {
    try sql.execute(
      """
      INSERT INTO audit (change_id, kind, at, "user", entity, entity_id, field, old_value, new_value, reverts)
      VALUES (\(changeID), \(kind.rawValue), \(at), \(user), \(entity), \(id), \(field), \(old), \(new), \(reverts))
      """)
  }
}
