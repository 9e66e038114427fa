import Foundation
import GRDB

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Turns SQLite's errors into sentences a user can act on. No raw SQLite text reaches a user:
/// it is kept as the error's `detail`, which `--verbose` prints.
public enum StoreFailure {
  /// What peili was doing when SQLite failed.
  public enum Doing: Sendable {
    case opening, reading, writing, creating
  }

  /// `error` as a `WorkspaceError` when it is SQLite's (any other error comes back as it is).
  public static func explain(_ error: any Error, path: String, doing: Doing = .writing) -> any Error {
    guard let error = error as? DatabaseError else { return error }
    return explain(error, path: path, doing: doing)
  }

  static func explain(_ error: DatabaseError, path: String, doing: Doing) -> WorkspaceError {
    let detail = "SQLite error \(error.extendedResultCode.rawValue): \(error.message ?? "")"
    let message: String
    switch error.resultCode {
    case .SQLITE_BUSY, .SQLITE_LOCKED:
      let waited = String(format: "%.0f", Workspace.busyTimeout)
      let holder = WriteLockHolder.find(path).map { " (held by \($0))" } ?? ""
      message =
        "the workspace \(path) is busy: another session kept it locked for more than \(waited) s\(holder); "
        + "nothing was written, try again when it has finished"
    case .SQLITE_FULL:
      message =
        "the disk is full: \(doing == .reading ? "reading" : "writing") \(path) failed and nothing was written; "
        + "free some space in \(WorkspaceFile.directory(of: path)) and try again"
    case .SQLITE_CORRUPT, .SQLITE_NOTADB:
      message =
        "\(path) is damaged (its database structure is broken) and peili cannot read it; "
        + "restore it from a backup, or check it with: sqlite3 \(path) 'PRAGMA integrity_check'"
    case .SQLITE_READONLY:
      let why = WorkspaceFile.writeDenial(path)?.description ?? "the file system refused the write"
      message = "the workspace \(path) is read-only for you: \(why); nothing was written"
    case .SQLITE_CANTOPEN:
      message =
        "cannot open \(path): "
        + (WorkspaceFile.writeDenial(path)?.description ?? "the file or the files beside it cannot be opened")
    case .SQLITE_PERM, .SQLITE_AUTH:
      message = "no permission to \(doing == .reading ? "read" : "write") \(path)"
    case .SQLITE_IOERR:
      message =
        error.extendedResultCode == .SQLITE_IOERR_NOMEM
        ? "out of memory while working on \(path)"
        : "the disk reported an error while \(doing == .reading ? "reading" : "writing") \(path); nothing was written"
    case .SQLITE_NOMEM:
      message = "out of memory while working on \(path)"
    case .SQLITE_TOOBIG:
      message = "a value is too large to store in \(path)"
    case .SQLITE_CONSTRAINT:
      message = "the change conflicts with what \(path) already holds; nothing was written"
    default:
      message =
        "the workspace \(path) could not be \(doing == .reading ? "read" : "written"); nothing was written"
    }
    return WorkspaceError(message, detail: detail)
  }
}

/// The process that holds a workspace's write lock, found from the lock itself: SQLite's WAL
/// write lock is a POSIX record lock on byte 120 of the -shm file, and /proc/locks names its
/// pid. Read from /proc rather than with `F_GETLK`: opening and closing a descriptor of a file
/// this process has open in SQLite would drop SQLite's own locks on it (POSIX locks belong to
/// the process, and any close releases them).
struct WriteLockHolder: CustomStringConvertible {
  let pid: Int32
  let user: String
  let command: String

  var description: String { "pid \(pid), \(user)\(command.isEmpty ? "" : ": \(command)")" }

  /// Byte of the -shm file that SQLite's WAL write lock covers.
  static let writeLockByte = 120

  static func find(_ path: String) -> WriteLockHolder? {
    var st = stat()
    guard stat(path + "-shm", &st) == 0,
      let locks = try? String(contentsOfFile: "/proc/locks", encoding: .utf8)
    else { return nil }
    let dev = UInt64(st.st_dev)
    let major = ((dev >> 8) & 0xfff) | ((dev >> 32) & ~0xfff)
    let minor = (dev & 0xff) | ((dev >> 12) & ~0xff)
    let file = String(format: "%02llx:%02llx:%llu", major, minor, UInt64(st.st_ino))
    for line in locks.split(separator: "\n") {
      // "1: POSIX  ADVISORY  WRITE 1234 fe:00:5326322 120 120"; waiters have "->" after the id.
      let f = line.split(separator: " ", omittingEmptySubsequences: true)
      guard f.count >= 8, f[1] != "->", f[3] == "WRITE", f[5] == file, let pid = Int32(f[4]),
        let start = Int(f[6]), f[7] == "EOF" || (Int(f[7]).map { $0 >= writeLockByte } ?? false),
        start <= writeLockByte, pid != getpid()
      else { continue }
      return holder(pid)
    }
    return nil
  }

  private static func holder(_ pid: Int32) -> WriteLockHolder {
    var st = stat()
    let user = stat("/proc/\(pid)", &st) == 0 ? CurrentUser.name(uid: st.st_uid) : "another user"
    let raw = (try? Data(contentsOf: URL(fileURLWithPath: "/proc/\(pid)/cmdline"))) ?? Data()
    let words = raw.split(separator: 0).map { String(decoding: $0, as: UTF8.self) }
    let command = words.enumerated().map {
      $0.offset == 0 ? ($0.element as NSString).lastPathComponent : $0.element
    }
    return WriteLockHolder(pid: pid, user: user, command: String(command.joined(separator: " ").prefix(80)))
  }
}
