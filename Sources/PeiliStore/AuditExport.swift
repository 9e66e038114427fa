import GRDB

extension Workspace {
  /// The whole audit trail, oldest first, as RFC 4180 CSV with the header
  /// `at,user,kind,entity,entity_id,field,old_value,new_value` (a missing value is an empty
  /// field). Line breaks inside values are kept in quotes; other control characters are dropped.
  /// Cells a spreadsheet would run as formulas are neutralised unless `raw` (see `CSVWriter`).
  public func exportAuditCSV(raw: Bool = false) throws -> String {
    try writer.read { db in
      var csv = CSVWriter(cells: raw ? .raw : .safe)
      csv.record(["at", "user", "kind", "entity", "entity_id", "field", "old_value", "new_value"])
      let rows = try Row.fetchCursor(
        db,
        sql: """
          SELECT at, user, kind, entity, entity_id, field, old_value, new_value FROM audit ORDER BY id
          """)
      while let row = try rows.next() {
        csv.record((0..<8).map { (row[$0] as String?) ?? "" })
      }
      return csv.text
    }
  }
}
