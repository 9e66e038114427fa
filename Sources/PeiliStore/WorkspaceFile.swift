import Foundation
import GRDB

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Looks at a file before peili opens it for writing: what it holds (without changing a byte)
/// and whether the current user may write it.
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

  /// Classifies the file at `path`, throwing `WorkspaceError` for anything peili must refuse.
  /// Reads through a read-only connection so the file stays byte-for-byte as it was.
  static func inspect(_ path: String) throws -> Contents {
    guard let handle = FileHandle(forReadingAtPath: path) else {
      throw WorkspaceError("cannot read \(path): \(String(cString: strerror(errno)))")
    }
    let header = (try? handle.read(upToCount: 100)) ?? Data()
    try? handle.close()
    if header.isEmpty { return .empty }
    guard header.starts(with: Array("SQLite format 3\u{0}".utf8)) else {
      throw WorkspaceError("\(path) is not a peili workspace (it is not an SQLite database)")
    }

    var config = Configuration()
    config.readonly = true
    struct Facts {
      var applicationID: Int32
      var userVersion: Int
      var tables: Int
      var applied: Set<String>
      var complete: Bool
    }
    let facts: Facts
    do {
      let queue = try DatabaseQueue(path: path, configuration: config)
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
    } catch let error as DatabaseError {
      throw WorkspaceError(
        "\(path) is not a peili workspace (SQLite cannot read it: \(error.message ?? "\(error)"))")
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

  /// The directory holding `path` ("." for a bare file name).
  static func directory(of path: String) -> String {
    let dir = (path as NSString).deletingLastPathComponent
    return dir.isEmpty ? "." : dir
  }

  /// Why the current user may not write the workspace at `path`, or nil when they may.
  /// Judged from the mode bits against the user's uid and groups, not `access(2)`: root passes
  /// every access() check, yet a workspace someone made 0444 is meant to be read-only. The
  /// directory counts too, since SQLite creates the -wal and -shm files beside the workspace.
  static func writeDenial(_ path: String) -> String? {
    var st = stat()
    guard stat(path, &st) == 0 else { return "cannot stat \(path): \(String(cString: strerror(errno)))" }
    if !permits(st, write: true, execute: false) {
      return "no write permission on \(path) (mode \(String(st.st_mode & 0o777, radix: 8)))"
    }
    if let denial = directoryWriteDenial(directory(of: path)) { return denial }
    let fd = open(path, O_RDWR)
    if fd < 0 { return "\(path) cannot be opened for writing: \(String(cString: strerror(errno)))" }
    close(fd)
    return nil
  }

  /// Why the current user may not create files in `directory`, or nil when they may.
  static func directoryWriteDenial(_ directory: String) -> String? {
    var st = stat()
    guard stat(directory, &st) == 0 else {
      return "cannot stat \(directory): \(String(cString: strerror(errno)))"
    }
    if !permits(st, write: true, execute: true) {
      return
        "no write permission on the directory \(directory) (mode \(String(st.st_mode & 0o777, radix: 8)))"
    }
    return nil
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

  private static func userGroups() -> Set<gid_t> {
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
