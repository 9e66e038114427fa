import PeiliCore
import PostgresNIO

/// Fills an empty workspace with another store's tables (`peili migrate`, and the contract
/// suite's seeding): every row with its ids, in one transaction, so a failed copy leaves the
/// workspace empty. Values take the column's type (SQLite may keep an integer in a REAL
/// column); the identity counters then continue after the copied ids.
extension PostgresWorkspace {
  public func load(_ tables: [TableRows]) throws {
    let unknown = Set(tables.map(\.name)).subtracting(WorkspaceTables.content)
    if let name = unknown.sorted().first { throw StoreError.invalid("no table \(name) in a peili workspace") }
    _ = try write { sql in
      if try !sql.rows("SELECT 1 FROM audit LIMIT 1").isEmpty
        || !sql.rows("SELECT 1 FROM cycle LIMIT 1").isEmpty
        || !sql.rows("SELECT 1 FROM respondent LIMIT 1").isEmpty
      {
        throw StoreError.invalid("the workspace \(url.workspace.text) is not empty; copy into a new one")
      }
      try sql.execute("SET CONSTRAINTS ALL DEFERRED")
      let types = try columnTypes(sql)
      for table in tables where !table.rows.isEmpty {
        try insert(sql, table, types: types[table.name] ?? [:])
      }
      for table in WorkspaceTables.content where types[table]?["id"] != nil {
        guard
          try sql.value(
            "SELECT pg_get_serial_sequence(\(url.workspace.schema + "." + table), 'id') IS NOT NULL",
            as: Bool.self)
            == true
        else { continue }
        try sql.execute(
          PostgresQuery(
            unsafeSQL: """
              SELECT setval(pg_get_serial_sequence($1, 'id'), (SELECT coalesce(max(id), 0) + 1 FROM \(table)), false)
              """, binds: PostgresRows.binds([url.workspace.schema + "." + table])))
      }
    }
  }

  /// Each content table's columns and their types (`bigint`, `text`, …).
  private func columnTypes(_ sql: SQL) throws -> [String: [String: String]] {
    var types: [String: [String: String]] = [:]
    for row in try sql.rows(
      """
      SELECT table_name, column_name, data_type FROM information_schema.columns
      WHERE table_schema = \(url.workspace.schema)
      """)
    {
      let (table, column, type) = try row.decode((String, String, String).self)
      types[table, default: [:]][column] = type
    }
    return types
  }

  /// The rows in batches of one statement each (under the protocol's 65,535 parameters).
  private func insert(_ sql: SQL, _ table: TableRows, types: [String: String]) throws {
    let columnTypes = try table.columns.map { column -> String in
      guard let type = types[column] else {
        throw StoreError.invalid("the table \(table.name) has no column \(column) in PostgreSQL")
      }
      return type
    }
    let names = table.columns.map { "\"\($0)\"" }.joined(separator: ", ")
    let perStatement = max(1, 30_000 / max(1, table.columns.count))
    var start = 0
    while start < table.rows.count {
      let batch = table.rows[start..<min(start + perStatement, table.rows.count)]
      var binds = PostgresBindings(capacity: batch.count * table.columns.count)
      var tuples: [String] = []
      for row in batch {
        guard row.count == columnTypes.count else {
          throw StoreError.invalid(
            "a row of \(table.name) has \(row.count) values for \(columnTypes.count) columns")
        }
        var places: [String] = []
        for (value, type) in zip(row, columnTypes) {
          try Self.bind(value, as: type, into: &binds, table: table.name)
          places.append("$\(binds.count)")
        }
        tuples.append("(" + places.joined(separator: ", ") + ")")
      }
      try sql.execute(
        PostgresQuery(
          unsafeSQL: "INSERT INTO \(table.name) (\(names)) VALUES " + tuples.joined(separator: ", "),
          binds: binds))
      start += perStatement
    }
  }

  /// Appends `value` as the column's type wants it.
  private static func bind(
    _ value: StoredValue, as type: String, into binds: inout PostgresBindings, table: String
  )
    throws
  {
    switch (value, type) {
    case (.null, _): binds.appendNull()
    case (.integer(let i), "bigint"): binds.append(i)
    case (.real(let d), "bigint") where d.rounded() == d && abs(d) < 9.2e18: binds.append(Int64(d))
    case (.integer(let i), "double precision"): binds.append(Double(i))
    case (.real(let d), "double precision"): binds.append(d)
    case (.text(let s), "text"): binds.append(s)
    case (.integer(let i), "text"): binds.append(String(i))
    case (.real(let d), "text"): binds.append(String(d))
    case (.blob(let b), "bytea"): binds.append(ByteBuffer(bytes: b))
    case (.text(let s), "bytea"): binds.append(ByteBuffer(string: s))
    case (.blob(let b), "text"): binds.append(String(decoding: b, as: UTF8.self))
    default: throw StoreError.invalid("a value in \(table) does not fit its column's type \(type)")
    }
  }
}
