import Foundation
import GRDB
import GRDBSQLite

/// The current row of a statement being stepped (by a `Row.fetchCursor` over it), read by
/// column index straight from SQLite. GRDB's `Row` subscripts decode every value through a
/// generic, dynamically dispatched call, which was most of the cost of reading 6,000 actions.
/// The conversions are those GRDB's own `init(sqliteStatement:index:)` make for these types;
/// a NULL is recognised by its column type.
struct ColumnReader {
  let statement: SQLiteStatement

  init(_ statement: Statement) { self.statement = statement.sqliteStatement }

  func isNull(_ column: Int32) -> Bool { sqlite3_column_type(statement, column) == SQLITE_NULL }

  /// A NOT NULL text column.
  func text(_ column: Int32) -> String { String(sqliteStatement: statement, index: column) }
  /// A nullable text column: SQLite gives no text pointer for NULL, so one call does (this
  /// runs for four columns of every action of a snapshot).
  func optionalText(_ column: Int32) -> String? {
    sqlite3_column_text(statement, column).map { String(cString: $0) }
  }

  func int(_ column: Int32) -> Int { Int(sqlite3_column_int64(statement, column)) }
  func optionalInt(_ column: Int32) -> Int? { isNull(column) ? nil : int(column) }

  func double(_ column: Int32) -> Double { sqlite3_column_double(statement, column) }
  func optionalDouble(_ column: Int32) -> Double? { isNull(column) ? nil : double(column) }

  func bool(_ column: Int32) -> Bool { sqlite3_column_int64(statement, column) != 0 }
  func optionalBool(_ column: Int32) -> Bool? { isNull(column) ? nil : bool(column) }

  /// The bytes of a blob (or text) column, valid only inside `body`.
  func withBytes<T>(_ column: Int32, _ body: (UnsafeRawBufferPointer) throws -> T) rethrows -> T {
    // The pointer first, then the size (as SQLite advises: asking for the size may convert).
    let start = sqlite3_column_blob(statement, column)
    let count = Int(sqlite3_column_bytes(statement, column))
    return try body(UnsafeRawBufferPointer(start: start, count: count))
  }
}

extension ColumnReader {
  /// Steps through the rows of `statement`, handing `body` a reader of each.
  static func forEachRow(
    _ statement: Statement, arguments: StatementArguments = [], _ body: (ColumnReader) throws -> Void
  ) throws {
    let rows = try Row.fetchCursor(statement, arguments: arguments)
    let reader = ColumnReader(statement)
    while try rows.next() != nil { try body(reader) }
  }

  /// The first row of `statement` as `body` reads it, or nil when there is none.
  static func firstRow<T>(
    _ statement: Statement, arguments: StatementArguments = [], _ body: (ColumnReader) throws -> T
  ) throws -> T? {
    let rows = try Row.fetchCursor(statement, arguments: arguments)
    // The cursor resets the statement when it goes: keep it until the row is read.
    return try withExtendedLifetime(rows) {
      guard try rows.next() != nil else { return nil }
      return try body(ColumnReader(statement))
    }
  }
}
