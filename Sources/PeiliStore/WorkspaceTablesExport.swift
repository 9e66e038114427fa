import Foundation
import GRDB
import PeiliCore

extension Workspace {
  /// Every content table (`WorkspaceTables.content`) with all its rows, in one read
  /// transaction: what `peili migrate` copies into another store.
  public func contentTables() throws -> [TableRows] {
    do {
      return try writer.read { db in
        try WorkspaceTables.content.map { table in
          let statement = try db.makeStatement(sql: "SELECT * FROM \(table) ORDER BY rowid")
          let columns = statement.columnNames
          var rows: [[StoredValue]] = []
          let cursor = try Row.fetchCursor(statement)
          while let row = try cursor.next() {
            rows.append(row.databaseValues.map(Self.stored))
          }
          return TableRows(name: table, columns: columns, rows: rows)
        }
      }
    } catch {
      throw StoreFailure.explain(error, path: path, doing: .reading)
    }
  }

  private static func stored(_ value: DatabaseValue) -> StoredValue {
    switch value.storage {
    case .null: .null
    case .int64(let i): .integer(i)
    case .double(let d): .real(d)
    case .string(let s): .text(s)
    case .blob(let data): .blob([UInt8](data))
    }
  }
}
