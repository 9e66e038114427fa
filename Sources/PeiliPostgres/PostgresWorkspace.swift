import Foundation
import PeiliCore
import PostgresNIO

/// A workspace in a PostgreSQL database, in a schema of its own (`peili_<name>`): the store
/// protocol over one connection that also listens for the other sessions' changes.
public final class PostgresWorkspace: WorkspaceStore, Sendable {
  public let url: PostgresURL
  let server: ServerConnection
  /// Why this session may not write (nil: it may).
  public let readOnlyReason: String?
  /// The changes this open workspace wrote: it is one session (see `SessionChanges`).
  let own = Locked(SessionChanges())
  /// The cycle `snapshot()` reads (`select(cycle:)`).
  let cycleChoice = Locked(CycleChoice.latest)

  public var isReadOnly: Bool { readOnlyReason != nil }

  /// Why a session opened read-only cannot write (it was asked to read only).
  static let requestedReadOnly = "opened to read only"

  private init(url: PostgresURL, server: ServerConnection, readOnlyReason: String?) {
    self.url = url
    self.server = server
    self.readOnlyReason = readOnlyReason
  }

  /// Opens the workspace `url` names; with `create`, a database without it gets its schema.
  /// An older schema is migrated (when the role may). With `readOnly`, or when the role may
  /// not write the workspace's tables, it opens read-only and edits throw
  /// `StoreError.readOnly` with the reason.
  public static func open(
    url: PostgresURL, create: Bool = false, readOnly: Bool = false,
    environment: [String: String] = ProcessInfo.processInfo.environment
  ) throws -> PostgresWorkspace {
    let server = try connect(url, environment: environment)
    let found = try PostgresMigration.version(server)
    if found == nil || found! < PostgresSchema.version {
      guard found != nil || create else {
        server.close()
        throw PostgresFailure.noWorkspace(url.workspace.text)
      }
      try PostgresMigration.migrate(server)
    } else if let found, found > PostgresSchema.version {
      server.close()
      throw PostgresFailure.newerSchema(found: found, known: PostgresSchema.version)
    }
    let reason = readOnly ? requestedReadOnly : try writeDenial(server)
    return PostgresWorkspace(url: url, server: server, readOnlyReason: reason)
  }

  /// A connection with the password libpq would use: the URL's, `PGPASSWORD`, `~/.pgpass`.
  static func connect(_ url: PostgresURL, environment: [String: String]) throws -> ServerConnection {
    var password = url.password ?? environment["PGPASSWORD"]
    var ignoredFile: String?
    if password == nil, let file = PasswordFile.path(environment: environment) {
      switch PasswordFile.lookup(
        path: file, host: url.hostForLookup, port: url.port, database: url.database, user: url.user)
      {
      case .found(let p): password = p
      case .noMatch: break
      case .tooOpen(let path): ignoredFile = path
      }
    }
    do {
      return try ServerConnection(url: url, password: password, listens: true)
    } catch PostgresFailure.passwordNeeded(let user) where ignoredFile != nil {
      throw PostgresFailure.passwordFileTooOpen(path: ignoredFile!, user: user)
    }
  }

  /// Why the role may not write this workspace (nil: it may insert and update its content).
  private static func writeDenial(_ server: ServerConnection) throws -> String? {
    let may = try server.run { sql in
      try sql.value(
        """
        SELECT has_table_privilege('action', 'UPDATE') AND has_table_privilege('key_result', 'UPDATE')
          AND has_table_privilege('audit', 'INSERT') AND has_table_privilege('checkin', 'INSERT')
          AND has_table_privilege('session', 'INSERT')
        """, as: Bool.self)
    }
    return may == true
      ? nil : "the PostgreSQL role \(server.url.user) may only read it (no INSERT or UPDATE granted)"
  }

  /// Removes the workspace `url` names, its schema and every row in it (the database and
  /// other workspaces stay). Nothing to remove is no error.
  public static func drop(
    url: PostgresURL, environment: [String: String] = ProcessInfo.processInfo.environment
  )
    throws
  {
    let server = try connect(url, environment: environment)
    defer { server.close() }
    try server.run { sql in
      try sql.execute(PostgresQuery(unsafeSQL: "DROP SCHEMA IF EXISTS \(url.workspace.quotedSchema) CASCADE"))
    }
  }

  /// Closes the connection (a later call would open it again).
  public func close() { server.close() }

  public func select(cycle: CycleChoice) { cycleChoice.withLock { $0 = cycle } }

  /// True when another session committed a content change since the last call: a
  /// notification on the workspace's channel from another connection, or a reconnect (the
  /// notifications sent while disconnected are lost, so anything may have changed).
  public func hasExternalChanges() throws -> Bool {
    let notices = try server.takeNotices()
    return notices.fromOthers > 0 || notices.reconnected
  }

  /// Nothing to tidy: the server keeps its own log.
  public func tidy() throws {}

  /// Runs `body` in one transaction that holds the workspace's write lock (an advisory lock:
  /// one writer at a time, as on SQLite, so change ids and audit ids follow commit order).
  /// The audit rows it leaves are this session's own; when it left any, a notification on the
  /// workspace's channel tells the other sessions at commit.
  func write<T>(_ body: (SQL) throws -> T) throws -> T {
    guard readOnlyReason == nil else {
      throw StoreError.readOnly(path: url.description, reason: readOnlyReason)
    }
    do {
      let (result, written) = try server.transaction { sql -> (T, [(changeID: Int64, kind: String)]) in
        try PostgresMigration.lockWorkspace(sql)
        let start = try sql.value("SELECT coalesce(max(id), 0) FROM audit", as: Int64.self) ?? 0
        let result = try body(sql)
        let written = try sql.rows(
          """
          SELECT change_id, kind FROM audit WHERE id > \(start) GROUP BY change_id, kind ORDER BY min(id)
          """
        ).map { row in
          let (change, kind) = try row.decode((Int64, String).self)
          return (changeID: change, kind: kind)
        }
        if !written.isEmpty {
          try sql.execute("SELECT pg_notify(\(url.workspace.channel), \(String(written.last!.changeID)))")
        }
        return (result, written)
      }
      own.withLock { $0.note(written) }
      return result
    } catch PostgresFailure.permissionDenied {
      throw StoreError.readOnly(
        path: url.description, reason: "the PostgreSQL role \(url.user) may not write it (no GRANT)")
    }
  }

  /// Now, as ISO-8601 UTC to the second (the audit's and check-ins' `at`).
  static func timestamp(_ date: Date = Date()) -> String {
    date.formatted(Date.ISO8601FormatStyle(timeZone: TimeZone(identifier: "UTC")!))
  }
}
