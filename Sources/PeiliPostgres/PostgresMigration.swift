import Foundation
import PostgresNIO

/// Brings a workspace's schema to `PostgresSchema.version`: creates the schema and its
/// `peili_migration` table when missing and runs the versions not recorded there, all in one
/// transaction under the workspace's lock, so that two sessions opening a new workspace at
/// once create it once. Running it again changes nothing.
enum PostgresMigration {
  /// The version recorded in the workspace (nil: no workspace of that name in the database).
  static func version(_ server: ServerConnection) throws -> Int? {
    try server.run { sql in
      guard try sql.value("SELECT to_regclass('peili_migration') IS NOT NULL", as: Bool.self) == true else {
        return nil
      }
      return try sql.value("SELECT coalesce(max(version), 0) FROM peili_migration", as: Int.self) ?? 0
    }
  }

  static func migrate(_ server: ServerConnection) throws {
    let workspace = server.url.workspace
    try server.transaction { sql in
      try lockWorkspace(sql)
      try sql.execute(PostgresQuery(unsafeSQL: "CREATE SCHEMA IF NOT EXISTS \(workspace.quotedSchema)"))
      try sql.execute(
        """
        CREATE TABLE IF NOT EXISTS peili_migration (
          version bigint PRIMARY KEY, applied_at timestamptz NOT NULL DEFAULT now())
        """)
      let done = try sql.value("SELECT coalesce(max(version), 0) FROM peili_migration", as: Int.self) ?? 0
      for (version, script) in PostgresSchema.migrations where version > done {
        for statement in statements(script) { try sql.execute(PostgresQuery(unsafeSQL: statement)) }
        try sql.execute("INSERT INTO peili_migration (version) VALUES (\(version))")
      }
    }
  }

  /// Waits for, and holds to the end of the transaction, the workspace's write lock.
  static func lockWorkspace(_ sql: SQL) throws {
    try sql.execute("SELECT pg_advisory_xact_lock(hashtextextended(\(sql.url.workspace.schema), 0))")
  }

  /// A script's statements (the driver runs one at a time): split at a `;` ending a line;
  /// the schema's scripts have no `;` inside a literal.
  static func statements(_ script: String) -> [String] {
    script.components(separatedBy: ";\n").map { $0.trimmingCharacters(in: .whitespacesAndNewlines) }
      .map { $0.hasSuffix(";") ? String($0.dropLast()) : $0 }.filter { !$0.isEmpty }
  }
}
