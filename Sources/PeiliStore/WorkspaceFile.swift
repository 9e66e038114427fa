import Foundation
import GRDB

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Looks at a file before peili opens it: what kind of file it is, what it holds (without
/// changing a byte) and whether the current user may write it and the files SQLite keeps
/// beside it.
enum WorkspaceFile {
  /// What an existing file holds.
  enum Contents: Equatable {
    /// Zero bytes.
    case empty
    /// An SQLite database without tables or a peili application id.
    case emptyDatabase
    /// A peili workspace; `complete` when every known migration has been applied.
    case workspace(complete: Bool)
  }

  /// The files SQLite keeps beside a workspace in WAL mode.
  static let logSuffixes = ["-wal", "-shm"]

  /// Whether a file exists at `path`; throws at once for anything but a regular file (a FIFO
  /// would block the first read forever, a device or a directory is never a workspace).
  static func existsAsRegularFile(_ path: String) throws -> Bool {
    var st = stat()
    guard stat(path, &st) == 0 else {
      if errno == ENOENT { return false }
      throw WorkspaceError("cannot look at \(path): \(String(cString: strerror(errno)))")
    }
    let kind: String
    switch st.st_mode & S_IFMT {
    case S_IFREG: return true
    case S_IFDIR: kind = "a directory"
    case S_IFIFO: kind = "a named pipe (FIFO)"
    case S_IFCHR, S_IFBLK: kind = "a device"
    case S_IFSOCK: kind = "a socket"
    default: kind = "not a regular file"
    }
    throw WorkspaceError("\(path) is \(kind), not a workspace file; give the path of a workspace file")
  }

  /// Classifies the file at `path`, throwing `WorkspaceError` for anything peili must refuse.
  /// Reads through a read-only connection (with the busy timeout: a probe that gave up at the
  /// first lock would call a busy workspace "not a workspace") so the file stays as it was.
  static func inspect(_ path: String) throws -> Contents {
    // No descriptor of our own on the file, not even to read its header: closing one would
    // drop the POSIX locks SQLite holds on it for another workspace open in this process.
    // SQLite itself tells a foreign file (SQLITE_NOTADB) and reads an empty one as empty.
    var st = stat()
    if stat(path, &st) == 0, st.st_size == 0 { return .empty }
    struct Facts {
      var applicationID: Int32
      var userVersion: Int
      var tables: Int
      var applied: Set<String>
      var complete: Bool
    }
    let facts: Facts
    do {
      let queue = try Workspace.openReadOnly(path)
      facts = try queue.read { db in
        let appID = try Int32(truncatingIfNeeded: Int.fetchOne(db, sql: "PRAGMA application_id") ?? 0)
        let userVersion = try Int.fetchOne(db, sql: "PRAGMA user_version") ?? 0
        let tables =
          try Int.fetchOne(
            db, sql: "SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'")
          ?? 0
        let migrator = Schema.migrator
        let applied = tables > 0 ? try migrator.appliedIdentifiers(db) : []
        let complete = tables > 0 ? try migrator.hasCompletedMigrations(db) : false
        return Facts(
          applicationID: appID, userVersion: userVersion, tables: tables, applied: applied, complete: complete
        )
      }
      try queue.close()
    } catch let error as DatabaseError where error.resultCode == .SQLITE_NOTADB {
      throw WorkspaceError("\(path) is not a peili workspace (it is not an SQLite database)")
    } catch let error as DatabaseError {
      throw StoreFailure.explain(error, path: path, doing: .reading)
    }

    if facts.applicationID != Schema.applicationID {
      if facts.tables > 0 {
        throw WorkspaceError(
          "\(path) is an SQLite database but not a peili workspace; peili leaves it untouched")
      }
      return .emptyDatabase
    }
    let known = Set(Schema.migrator.migrations)
    let unknown = facts.applied.subtracting(known)
    if facts.userVersion > Schema.version || !unknown.isEmpty {
      throw WorkspaceError(
        "\(path) was written by a newer peili (schema \(facts.userVersion)"
          + (unknown.isEmpty ? "" : ", migrations \(unknown.sorted().joined(separator: ", "))")
          + "; this peili knows schema \(Schema.version)); upgrade peili to open it")
    }
    return .workspace(complete: facts.complete)
  }

  /// Creates `path` as an empty file with mode 0666 & ~umask before SQLite opens it: SQLite
  /// would create it 0644 whatever the umask, and gives its -wal and -shm the mode of the
  /// workspace file, so this one mode is what every teammate's access follows.
  static func createEmpty(_ path: String) throws {
    let fd = open(path, O_CREAT | O_EXCL | O_WRONLY | O_CLOEXEC, 0o666)
    guard fd >= 0 else {
      let reason = errno == ENOSPC ? "the disk is full" : String(cString: strerror(errno))
      throw WorkspaceError("cannot create \(path): \(reason)")
    }
    close(fd)
  }

  /// Removes a workspace peili created and could not finish (a full disk), with its -wal and
  /// -shm, so that no stub is left for later commands to call "not a peili workspace".
  static func removeUnfinished(_ path: String) {
    for p in [path] + logSuffixes.map({ path + $0 }) { unlink(p) }
  }

  /// Gives the -wal and -shm files this user owns the workspace file's group and mode (read
  /// and write bits): SQLite creates them with the creator's group unless the directory is
  /// setgid, and a teammate who cannot write them cannot write the workspace.
  static func alignLogFiles(_ path: String) {
    var db = stat()
    guard stat(path, &db) == 0 else { return }
    for p in logSuffixes.map({ path + $0 }) {
      var st = stat()
      guard stat(p, &st) == 0, st.st_uid == geteuid() else { continue }
      if st.st_gid != db.st_gid { _ = chown(p, uid_t.max, db.st_gid) }
      let mode = db.st_mode & 0o666
      if st.st_mode & 0o777 != mode { _ = chmod(p, mode) }
    }
  }

  /// Gives the workspace and its -wal and -shm to `group` with read and write for the group,
  /// so that every member may write it whatever their umask (a command over ssh reads no
  /// profile). Kept from then on: peili aligns the files it creates with the workspace.
  static func share(_ path: String, group: String) throws {
    guard let entry = getgrnam(group) else {
      throw WorkspaceError(
        "no group named \(group) on this machine; create it first (sudo groupadd \(group))")
    }
    let gid = entry.pointee.gr_gid
    if geteuid() != 0 && !userGroups().contains(gid) {
      throw WorkspaceError(
        "you are not a member of the group \(group); join it first (sudo usermod -aG \(group) \(CurrentUser.name), then log in again)"
      )
    }
    for p in [path] + logSuffixes.map({ path + $0 }) {
      var st = stat()
      guard stat(p, &st) == 0 else { continue }
      if st.st_gid != gid && chown(p, uid_t.max, gid) != 0 {
        throw WorkspaceError("cannot give \(p) to the group \(group): \(String(cString: strerror(errno)))")
      }
      if chmod(p, (st.st_mode & 0o7777) | 0o660) != 0 {
        throw WorkspaceError("cannot make \(p) group-writable: \(String(cString: strerror(errno)))")
      }
    }
  }

  /// The directory holding `path` ("." for a bare file name).
  static func directory(of path: String) -> String {
    let dir = (path as NSString).deletingLastPathComponent
    return dir.isEmpty ? "." : dir
  }

  /// Why the current user may not write the workspace at `path`, or nil when they may. Three
  /// things can block it: the file, its -wal or -shm, and the directory (only when SQLite must
  /// create a -wal or -shm there). Judged from the mode bits against the user's uid and groups,
  /// not `access(2)`: root passes every access() check, yet a workspace someone made 0444 is
  /// meant to be read-only.
  static func writeDenial(_ path: String) -> WriteDenial? {
    var st = stat()
    guard stat(path, &st) == 0 else {
      return WriteDenial(cause: .file, path: path, detail: String(cString: strerror(errno)), fix: nil)
    }
    if !permits(st, write: true, execute: false) {
      return WriteDenial.blocking(path, st, cause: .file, workspace: path)
    }
    var missing: [String] = []
    for p in logSuffixes.map({ path + $0 }) {
      var log = stat()
      if stat(p, &log) != 0 {
        missing.append(p)
      } else if !permits(log, write: true, execute: false) {
        return WriteDenial.blocking(p, log, cause: .logFile, workspace: path)
      }
    }
    if !missing.isEmpty {
      let dir = directory(of: path)
      var ds = stat()
      if stat(dir, &ds) == 0, !permits(ds, write: true, execute: true) {
        return WriteDenial(
          cause: .directory, path: dir,
          detail:
            "\(mode(ds)); SQLite must create \(missing.map { ($0 as NSString).lastPathComponent }.joined(separator: " and ")) there",
          fix: "chmod g+w \(dir) (by its owner \(CurrentUser.name(uid: ds.st_uid))), "
            + "or let someone who may write the directory open the workspace once")
      }
    }
    // access(2), not open(2): closing a descriptor of our own would drop SQLite's locks on the
    // file (see `inspect`). Catches what the mode bits do not: a read-only file system.
    if access(path, W_OK) != 0 {
      return WriteDenial(cause: .file, path: path, detail: String(cString: strerror(errno)), fix: nil)
    }
    return nil
  }

  /// Whether the directory holding `path` lets this user create files there.
  static func directoryWriteDenial(_ directory: String) -> String? {
    var st = stat()
    guard stat(directory, &st) == 0 else {
      return "cannot look at \(directory): \(String(cString: strerror(errno)))"
    }
    if !permits(st, write: true, execute: true) {
      return "no write permission on the directory \(directory) (\(mode(st)))"
    }
    return nil
  }

  /// "owner aino, group okr, mode 644": what decides the access, in one phrase.
  static func mode(_ st: stat) -> String {
    let group = getgrgid(st.st_gid).map { String(cString: $0.pointee.gr_name) } ?? "gid \(st.st_gid)"
    return
      "owner \(CurrentUser.name(uid: st.st_uid)), group \(group), mode \(String(st.st_mode & 0o777, radix: 8))"
  }

  /// Whether the owner, group or other bits that apply to this user grant the access.
  static func permits(_ st: stat, write: Bool, execute: Bool) -> Bool {
    let shift: mode_t
    if st.st_uid == geteuid() {
      shift = 6
    } else if userGroups().contains(st.st_gid) {
      shift = 3
    } else {
      shift = 0
    }
    let bits = (st.st_mode >> shift) & 0o7
    return (!write || bits & 0o2 != 0) && (!execute || bits & 0o1 != 0)
  }

  static func userGroups() -> Set<gid_t> {
    var groups: Set<gid_t> = [getegid()]
    let count = getgroups(0, nil)
    if count > 0 {
      var list = [gid_t](repeating: 0, count: Int(count))
      let got = getgroups(count, &list)
      if got > 0 { groups.formUnion(list.prefix(Int(got))) }
    }
    return groups
  }
}

/// Why a workspace is read-only for this user: which file or directory blocks it, and the
/// command that fixes it.
public struct WriteDenial: Sendable, Hashable, CustomStringConvertible {
  /// What blocks the write.
  public enum Cause: Sendable, Hashable {
    /// The workspace file itself.
    case file
    /// Its -wal or -shm file.
    case logFile
    /// The directory, where SQLite must create a -wal or -shm file.
    case directory
    /// The user asked for read-only.
    case requested
  }

  public let cause: Cause
  /// The file or directory that blocks it.
  public let path: String
  /// Owner, group and mode, or the system's reason.
  public let detail: String
  /// A command that makes it writable, when there is one.
  public let fix: String?

  public var description: String {
    let what: String
    switch cause {
    case .file, .logFile: what = "\(path) is not writable for you (\(detail))"
    case .directory: what = "the directory \(path) is not writable for you (\(detail))"
    case .requested: what = "opened read-only (\(detail))"
    }
    return fix.map { "\(what); fix: \($0)" } ?? what
  }

  /// The denial for a file whose mode bits refuse this user, with the fix its owner can run.
  static func blocking(_ path: String, _ st: stat, cause: Cause, workspace: String) -> WriteDenial {
    let owner = CurrentUser.name(uid: st.st_uid)
    let inGroup = WorkspaceFile.userGroups().contains(st.st_gid)
    let group = getgrgid(st.st_gid).map { String(cString: $0.pointee.gr_name) }
    let fix: String
    if st.st_uid == geteuid() {
      fix = "chmod u+w \(path)"
    } else if inGroup, let group {
      fix = "its owner \(owner) runs: peili --workspace \(workspace) init --group \(group)"
    } else {
      fix =
        "its owner \(owner) shares it with a group you are in: peili --workspace \(workspace) init --group GROUP"
    }
    return WriteDenial(cause: cause, path: path, detail: WorkspaceFile.mode(st), fix: fix)
  }
}
