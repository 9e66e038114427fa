import Foundation
import GRDB
import GRDBSQLite
import PeiliCore

/// Why a workspace file could not be opened or created; the file was left untouched.
public struct WorkspaceError: Error, CustomStringConvertible, Sendable, Hashable {
  public let message: String
  public init(_ message: String) { self.message = message }
  public var description: String { message }
}

/// An open peili workspace file.
public final class Workspace: WorkspaceStore, Sendable {
  public let path: String
  public let isReadOnly: Bool
  /// Why the workspace opened read-only (for the banner); nil when writable.
  public let readOnlyReason: String?
  /// Every read and write goes through this: a DatabasePool (WAL), or a read-only DatabaseQueue.
  let writer: any DatabaseWriter
  /// `PRAGMA data_version` and the newest audit row as last seen on the writer connection
  /// (see `hasExternalChanges`).
  private let seen: Locked<ChangeMarks>

  private init(path: String, readOnlyReason: String?, writer: any DatabaseWriter) throws {
    self.path = path
    self.isReadOnly = readOnlyReason != nil
    self.readOnlyReason = readOnlyReason
    self.writer = writer
    self.seen = Locked(try Workspace.changeMarks(writer))
  }

  /// How long a write waits for another session's write lock before it fails.
  static let busyTimeoutMilliseconds = 5000

  /// Opens the workspace at `path`; with `create`, a missing (or empty) file becomes a new
  /// workspace. With `readOnly`, or when the user may not write the file or its directory,
  /// it opens read-only and edits throw `StoreError.readOnly`. A file that is not a peili
  /// workspace, or was written by a newer peili, is refused and left byte-for-byte as it was.
  public static func open(path: String, create: Bool = false, readOnly: Bool = false) throws -> Workspace {
    var isDirectory: ObjCBool = false
    let exists = FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory)
    if exists && isDirectory.boolValue {
      throw WorkspaceError("\(path) is a directory, not a workspace file")
    }
    var needsMigration = true
    if exists {
      switch try WorkspaceFile.inspect(path) {
      case .empty, .emptyDatabase:
        guard create else {
          throw WorkspaceError(
            "\(path) is empty, not a peili workspace; create one with `peili init` or try `peili demo`")
        }
      case .workspace(let complete):
        needsMigration = !complete
      }
    } else {
      guard create else {
        throw WorkspaceError("no workspace at \(path); create one with `peili init` or try `peili demo`")
      }
      let directory = WorkspaceFile.directory(of: path)
      var dirIsDirectory: ObjCBool = false
      guard FileManager.default.fileExists(atPath: directory, isDirectory: &dirIsDirectory),
        dirIsDirectory.boolValue
      else { throw WorkspaceError("cannot create \(path): no directory \(directory)") }
      if let denial = WorkspaceFile.directoryWriteDenial(directory) {
        throw WorkspaceError("cannot create \(path): \(denial)")
      }
    }

    var config = Configuration()
    config.foreignKeysEnabled = true
    config.busyMode = .timeout(Double(busyTimeoutMilliseconds) / 1000)

    let denial = readOnly ? "opened read-only" : exists ? WorkspaceFile.writeDenial(path) : nil
    if let denial {
      if needsMigration {
        throw WorkspaceError(
          "\(path) needs to be set up or upgraded by peili, but it is read-only for you (\(denial))")
      }
      config.readonly = true
      do {
        let queue = try DatabaseQueue(path: path, configuration: config)
        return try Workspace(path: path, readOnlyReason: denial, writer: queue)
      } catch let error as DatabaseError {
        throw WorkspaceError("cannot open \(path) read-only: \(error.message ?? "\(error)")")
      }
    }
    config.prepareDatabase { db in
      // Persistent WAL: the -wal and -shm files stay after the last writer closes, so that a
      // user who may read the workspace but not write its directory can still open it.
      guard !db.configuration.readonly else { return }
      var flag: CInt = 1
      let code = sqlite3_file_control(db.sqliteConnection, nil, SQLITE_FCNTL_PERSIST_WAL, &flag)
      guard code == SQLITE_OK else { throw DatabaseError(resultCode: ResultCode(rawValue: code)) }
    }
    do {
      let pool = try DatabasePool(path: path, configuration: config)
      // `inspect` has already found every migration applied (the usual start): skip the check.
      if needsMigration { try Schema.migrator.migrate(pool) }
      return try Workspace(path: path, readOnlyReason: nil, writer: pool)
    } catch let error as DatabaseError {
      throw WorkspaceError("cannot open \(path): \(error.message ?? "\(error)")")
    }
  }

  /// True when another connection (another process, or another `Workspace` on the same file)
  /// has changed the workspace's content since the last call. Asked on the writer
  /// connection: its data_version moves for every commit but its own, so this workspace's
  /// edits never count and no other process's commit is missed. Every content write leaves
  /// an audit row, so a commit that added none (another session's presence heartbeat) is no
  /// change.
  public func hasExternalChanges() throws -> Bool {
    try seen.withLock { seen in
      let dataVersion = try Workspace.dataVersion(writer)
      guard dataVersion != seen.dataVersion else { return false }
      let now = try Workspace.changeMarks(writer)
      defer { seen = now }
      return now.lastAudit != seen.lastAudit
    }
  }

  /// What `hasExternalChanges` compares.
  struct ChangeMarks {
    var dataVersion: Int
    var lastAudit: Int
  }

  private static func changeMarks(_ writer: any DatabaseWriter) throws -> ChangeMarks {
    try writer.writeWithoutTransaction { db in
      ChangeMarks(
        dataVersion: try Int.fetchOne(db, sql: "PRAGMA data_version") ?? 0,
        lastAudit: try Int.fetchOne(db, sql: "SELECT max(id) FROM audit") ?? 0)
    }
  }

  private static func dataVersion(_ writer: any DatabaseWriter) throws -> Int {
    try writer.writeWithoutTransaction { db in try Int.fetchOne(db, sql: "PRAGMA data_version") ?? 0 }
  }

  /// Leaves WAL checkpoints to `tidy` on this connection: SQLite otherwise runs one inside
  /// the commit of whichever write crosses 1,000 log pages — a 3–12 ms stall of an edit key
  /// every few hundred edits. For the dashboard only, which is idle most of the time; imports
  /// and the command line keep SQLite's automatic checkpoints.
  public func deferCheckpointsToIdle() throws {
    guard !isReadOnly else { return }
    try writer.writeWithoutTransaction { db in try db.execute(sql: "PRAGMA wal_autocheckpoint = 0") }
  }

  public func tidy() throws {
    guard !isReadOnly else { return }
    // PASSIVE: never waits for readers or writers of other sessions; what it cannot copy now
    // it copies on a later tick.
    try writer.writeWithoutTransaction { db in try db.execute(sql: "PRAGMA wal_checkpoint(PASSIVE)") }
  }

  /// Refuses writes to a read-only workspace with the error edits document.
  func requireWritable() throws {
    if isReadOnly { throw StoreError.readOnly(path: path) }
  }

  /// Runs `body` in one IMMEDIATE transaction (the write lock is taken up front, so a busy
  /// workspace waits for the busy timeout instead of failing half-way through).
  func writeTransaction<T>(_ body: (Database) throws -> T) throws -> T {
    try requireWritable()
    return try writer.writeWithoutTransaction { db in
      var result: T?
      try db.inTransaction(.immediate) {
        result = try body(db)
        return .commit
      }
      return result!
    }
  }
}

/// A value guarded by a lock, so a `Sendable` class can keep a little mutable state.
final class Locked<Value>: @unchecked Sendable {
  private let lock = NSLock()
  private var value: Value
  init(_ value: Value) { self.value = value }
  func withLock<T>(_ body: (inout Value) throws -> T) rethrows -> T {
    lock.lock()
    defer { lock.unlock() }
    return try body(&value)
  }
}
