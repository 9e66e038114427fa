import PeiliCore
import PostgresNIO

/// The audit trail read back: the History screen's queries and the other sessions' news.
extension PostgresWorkspace {
  /// The audit rows `query` asks for, newest first; every condition a bound parameter.
  public func auditTrail(_ query: AuditQuery) throws -> [AuditEntry] {
    var conditions: [String] = []
    var binds = PostgresBindings()
    func add(_ column: String, _ op: String, _ value: String?) {
      guard let value else { return }
      binds.append(value)
      conditions.append("\(column) \(op) $\(binds.count)")
    }
    add(#""user""#, "=", query.user)
    add("entity", "=", query.entity)
    add("entity_id", "=", query.entityID)
    add("field", "=", query.field)
    add("at", ">=", query.since)
    add("at", "<=", query.until)
    if let after = query.afterID {
      binds.append(after)
      conditions.append("id > $\(binds.count)")
    }
    binds.append(max(1, query.limit))
    let filter = conditions.isEmpty ? "" : "WHERE " + conditions.joined(separator: " AND ")
    let text =
      "SELECT \(PostgresRows.auditColumns) FROM audit \(filter) ORDER BY id DESC LIMIT $\(binds.count)"
    return try server.run { sql in
      try sql.rows(PostgresQuery(unsafeSQL: text, binds: binds)).map(PostgresRows.audit)
    }
  }

  /// The audit rows after `auditID` that this session did not write: how many, and the newest.
  public func changesByOthers(since auditID: Int64) throws -> ChangesByOthers {
    let mine = own.withLock { $0.all }
    return try server.run { sql in
      var result = ChangesByOthers(lastAuditID: auditID)
      var newestID: Int64?
      for row in try sql.rows("SELECT id, change_id FROM audit WHERE id > \(auditID) ORDER BY id") {
        let (id, change) = try row.decode((Int64, Int64).self)
        result.lastAuditID = id
        if !mine.contains(change) {
          result.count += 1
          newestID = id
        }
      }
      if let newestID,
        let row = try sql.rows(
          PostgresQuery(
            unsafeSQL: "SELECT \(PostgresRows.auditColumns) FROM audit WHERE id = $1",
            binds: {
              var b = PostgresBindings()
              b.append(newestID)
              return b
            }())
        ).first
      {
        let entry = try PostgresRows.audit(row)
        result.user = entry.user
        result.newest = FieldChange(
          entity: entry.entity, id: entry.entityID, field: entry.field, old: entry.oldValue,
          new: entry.newValue)
      }
      return result
    }
  }
}
