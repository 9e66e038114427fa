import Foundation
import GRDB
import GRDBSQLite
import PeiliCore

/// Why a workspace file could not be opened, read or written; the file was left as it was.
/// `message` is for the user; `detail` keeps the underlying library error for `--verbose`.
public struct WorkspaceError: Error, CustomStringConvertible, Sendable, Hashable {
  public let message: String
  public let detail: String?
  public init(_ message: String, detail: String? = nil) {
    self.message = message
    self.detail = detail
  }
  public var description: String { message }
}

/// An open peili workspace file.
public final class Workspace: WorkspaceStore, Sendable {
  /// How a command uses the workspace: the connections it needs and whether it may write.
  public enum Use: Sendable {
    /// The dashboard: a pool (a writer and concurrent readers), writes when permitted.
    case dashboard
    /// A command that writes (a check-in, an import): one connection.
    case command
    /// A command that only reads (a report, an export): one read-only connection that never
    /// changes a byte of the file, even where SQLite or GRDB would tidy the log on open.
    case reading
  }

  public let path: String
  /// The connection and why it is read-only; swapped when the user gains write permission
  /// while the workspace is open (see `requireWritable`).
  private let state: Locked<OpenState>
  /// `PRAGMA data_version` and the newest audit row as last seen on the writer connection
  /// (see `hasExternalChanges`).
  private let seen: Locked<ChangeMarks>
  /// The changes this open workspace wrote: it is one session (see `SessionChanges`).
  let own = Locked(SessionChanges())
  /// The cycle `snapshot()` reads (`select(cycle:)`).
  let cycleChoice = Locked(CycleChoice.latest)
  private let use: Use

  /// The connection and its access, replaced together.
  struct OpenState {
    var writer: any DatabaseWriter
    var denial: WriteDenial?
    var defersCheckpoints = false
  }

  /// Every read and write goes through this: a DatabasePool (WAL), or a DatabaseQueue.
  var writer: any DatabaseWriter { state.withLock { $0.writer } }
  public var isReadOnly: Bool { state.withLock { $0.denial != nil } }
  /// Why the workspace is read-only (for the banner): which file blocks it and the fix.
  public var readOnlyReason: String? { state.withLock { $0.denial?.description } }

  private init(path: String, use: Use, denial: WriteDenial?, writer: any DatabaseWriter) throws {
    self.path = path
    self.use = use
    self.state = Locked(OpenState(writer: writer, denial: denial))
    self.seen = Locked(try Workspace.changeMarks(writer))
  }

  /// How long any connection waits for another session's lock before it gives up.
  static let busyTimeoutMilliseconds = 5000
  public static var busyTimeout: Double { Double(busyTimeoutMilliseconds) / 1000 }

  /// Opens the workspace at `path`; with `create`, a missing (or empty) file becomes a new
  /// workspace. With `readOnly`, `use: .reading`, or when the user may not write the file,
  /// its -wal or -shm, or the directory, it opens read-only and edits throw
  /// `StoreError.readOnly` with the reason. A file that is not a peili workspace, or was
  /// written by a newer peili, is refused and left byte-for-byte as it was.
  public static func open(path: String, create: Bool = false, readOnly: Bool = false, use: Use = .dashboard)
    throws -> Workspace
  {
    guard !path.isEmpty else {
      throw WorkspaceError("the workspace path is empty; give a file name, e.g. --workspace peili.db")
    }
    let exists = try WorkspaceFile.existsAsRegularFile(path)
    // Judged before any connection: even a read-only one creates a missing -wal and -shm
    // where it may (root may anywhere), which would hide that the directory blocks writing.
    let writeDenial = exists ? WorkspaceFile.writeDenial(path) : nil
    var needsMigration = true
    var created = false
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
      try WorkspaceFile.createEmpty(path)
      created = true
    }

    // A command that only reads upgrades an older workspace when it may (as every command
    // did before), and otherwise opens it read-only; `readOnly` never writes.
    let requested = WriteDenial(cause: .requested, path: path, detail: "for reading only", fix: nil)
    let denial =
      readOnly || (use == .reading && !needsMigration) ? requested : writeDenial
    if let denial {
      if needsMigration {
        throw WorkspaceError(
          "\(path) needs to be set up or upgraded by peili, but it is read-only for you (\(denial))")
      }
      do {
        return try Workspace(path: path, use: use, denial: denial, writer: try openReadOnly(path))
      } catch let error as DatabaseError {
        throw StoreFailure.explain(error, path: path, doing: .opening)
      }
    }
    do {
      let writer = try openWritable(path, use: use)
      if needsMigration {
        try Schema.migrator.migrate(writer)
        // Whatever migrations ran (a file may have skipped one a later one covers), the file
        // ends at the latest version, so readers never think it still needs an upgrade.
        try writer.write { try $0.execute(sql: "PRAGMA user_version = \(Schema.version)") }
      }
      if created || needsMigration {
        // A new workspace starts with an empty log, not the pages its schema was written in.
        try writer.writeWithoutTransaction { db in _ = try db.checkpoint(.truncate) }
      }
      WorkspaceFile.alignLogFiles(path)
      return try Workspace(path: path, use: use, denial: nil, writer: writer)
    } catch {
      if created { WorkspaceFile.removeUnfinished(path) }
      throw StoreFailure.explain(error, path: path, doing: created ? .creating : .opening)
    }
  }

  /// Gives the workspace at `path` and its -wal and -shm to `group`, group-writable (see
  /// `peili init --group`); the caller must own the files or be root.
  public static func share(path: String, group: String) throws {
    try WorkspaceFile.share(path, group: group)
  }

  /// The connection settings every connection shares: foreign keys, the busy timeout.
  static func configuration(readOnly: Bool) -> Configuration {
    var config = Configuration()
    config.foreignKeysEnabled = true
    config.busyMode = .timeout(busyTimeout)
    config.readonly = readOnly
    return config
  }

  /// A writable connection: a pool for the dashboard, one connection for a command.
  private static func openWritable(_ path: String, use: Use) throws -> any DatabaseWriter {
    var config = configuration(readOnly: false)
    config.prepareDatabase { db in
      // Persistent WAL: the -wal and -shm files stay after the last writer closes, so that a
      // user who may read the workspace but not write its directory can still open it.
      guard !db.configuration.readonly else { return }
      var flag: CInt = 1
      let code = sqlite3_file_control(db.sqliteConnection, nil, SQLITE_FCNTL_PERSIST_WAL, &flag)
      guard code == SQLITE_OK else { throw DatabaseError(resultCode: ResultCode(rawValue: code)) }
      // After a checkpoint resets the log, SQLite keeps the file at its largest size unless
      // told otherwise: a large import would leave a log as large as the workspace.
      try db.execute(sql: "PRAGMA journal_size_limit = \(journalSizeLimit)")
    }
    if use == .dashboard { return try DatabasePool(path: path, configuration: config) }
    let queue = try DatabaseQueue(path: path, configuration: config)
    try queue.writeWithoutTransaction { db in
      // A new file: WAL from the start (an existing workspace is WAL already; asking again is
      // a no-op that writes nothing).
      _ = try String.fetchOne(db, sql: "PRAGMA journal_mode = WAL")
    }
    return queue
  }

  /// The largest a -wal file stays after a checkpoint resets it.
  static let journalSizeLimit = 4 << 20

  /// A read-only connection; where SQLite cannot make the -shm file it needs (a directory
  /// this user may not write, a restored copy without it), the file is opened immutable:
  /// readable, and never changed, but other sessions' later changes are not seen.
  static func openReadOnly(_ path: String) throws -> DatabaseQueue {
    do {
      let queue = try DatabaseQueue(path: path, configuration: configuration(readOnly: true))
      // SQLite may set up the -shm on the first read rather than at open: ask it now.
      _ = try queue.read { try Int.fetchOne($0, sql: "SELECT count(*) FROM sqlite_master") }
      return queue
    } catch let error as DatabaseError
      where (error.resultCode == .SQLITE_CANTOPEN || error.extendedResultCode == .SQLITE_READONLY_DIRECTORY)
      && !FileManager.default.fileExists(atPath: path + "-shm")
    {
      return try DatabaseQueue(path: immutableURI(path), configuration: configuration(readOnly: true))
    }
  }

  /// `file:` URI of `path` with `immutable=1` (Debian's SQLite takes URIs as file names).
  static func immutableURI(_ path: String) -> String {
    let absolute = path.hasPrefix("/") ? path : FileManager.default.currentDirectoryPath + "/" + path
    var allowed = CharacterSet.urlPathAllowed
    allowed.remove(charactersIn: "?#%")
    let encoded = absolute.addingPercentEncoding(withAllowedCharacters: allowed) ?? absolute
    return "file:\(encoded)?immutable=1"
  }

  /// Re-checks, before a write, that the user may still write the workspace: permission can
  /// be taken away while it is open (SQLite's open descriptor would go on writing) or granted
  /// (a read-only session then reopens writable, with no restart).
  func requireWritable() throws {
    let now = WorkspaceFile.writeDenial(path)
    try state.withLock { state in
      if state.denial?.cause == .requested {
        throw StoreError.readOnly(path: path, reason: state.denial?.description)
      }
      if let now {
        state.denial = now
        throw StoreError.readOnly(path: path, reason: now.description)
      }
      guard state.denial != nil else { return }
      do {
        let writer = try Self.openWritable(path, use: use)
        if state.defersCheckpoints {
          try writer.writeWithoutTransaction { db in try db.execute(sql: "PRAGMA wal_autocheckpoint = 0") }
        }
        WorkspaceFile.alignLogFiles(path)
        state.writer = writer
        state.denial = nil
        try seen.withLock { $0 = try Self.changeMarks(writer) }
      } catch {
        throw StoreError.readOnly(path: path, reason: "\(StoreFailure.explain(error, path: path))")
      }
    }
  }

  /// True when another session (another process, or another `Workspace` on the same file)
  /// has changed the workspace's content since the last call. Asked on the writer
  /// connection: its data_version moves for every commit but its own. Every content write
  /// leaves an audit row, so a commit that added none (another session's presence heartbeat)
  /// is no change; nor are this session's own audit rows, which another session's heartbeat
  /// before them would otherwise make look new.
  public func hasExternalChanges() throws -> Bool {
    try seen.withLock { seen in
      let dataVersion = try Workspace.dataVersion(writer)
      guard dataVersion != seen.dataVersion else { return false }
      seen.dataVersion = dataVersion
      let others = try writer.writeWithoutTransaction { db in
        try changesByOthers(db, since: Int64(seen.lastAudit))
      }
      seen.lastAudit = Int(others.lastAuditID)
      return others.count > 0
    }
  }

  /// Counts everything written so far as seen by `hasExternalChanges`.
  func markSeen() throws {
    let now = try Self.changeMarks(writer)
    seen.withLock { $0 = now }
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
    state.withLock { $0.defersCheckpoints = true }
    guard !isReadOnly else { return }
    try writer.writeWithoutTransaction { db in try db.execute(sql: "PRAGMA wal_autocheckpoint = 0") }
  }

  /// Copies the log into the workspace and truncates it to zero bytes, so that no large
  /// -wal is left beside the file (after an import, when the last session quits). Waits at
  /// most `patience` seconds for other sessions' readers; what it cannot copy stays for later.
  public func compactLog(patience: Double = busyTimeout) throws {
    guard !isReadOnly else { return }
    do {
      try writer.writeWithoutTransaction { db in
        try db.execute(sql: "PRAGMA busy_timeout = \(Int(patience * 1000))")
        defer { try? db.execute(sql: "PRAGMA busy_timeout = \(Workspace.busyTimeoutMilliseconds)") }
        _ = try db.checkpoint(.truncate)
      }
    } catch let error as DatabaseError where error.resultCode == .SQLITE_BUSY {
      return
    } catch {
      throw StoreFailure.explain(error, path: path)
    }
  }

  public func tidy() throws {
    guard !isReadOnly else { return }
    // PASSIVE: never waits for readers or writers of other sessions; what it cannot copy now
    // it copies on a later tick.
    try writer.writeWithoutTransaction { db in try db.execute(sql: "PRAGMA wal_checkpoint(PASSIVE)") }
  }

  /// Runs `body` in one IMMEDIATE transaction (the write lock is taken up front, so a busy
  /// workspace waits for the busy timeout instead of failing half-way through). The audit
  /// rows it leaves are this session's own (for `undoLastOfThisSession`, `changesByOthers`).
  func writeTransaction<T>(_ body: (Database) throws -> T) throws -> T {
    try requireWritable()
    do {
      var written: [(changeID: Int64, kind: String)] = []
      let result = try writer.writeWithoutTransaction { db in
        var result: T?
        try db.inTransaction(.immediate) {
          let start = try SnapshotQuery.lastAudit(db)
          result = try body(db)
          written = try SessionChanges.written(db, after: Int64(start))
          return .commit
        }
        return result!
      }
      own.withLock { $0.note(written) }
      return result
    } catch let error as DatabaseError {
      throw StoreFailure.explain(error, path: path, doing: .writing)
    }
  }
}
