import Foundation
import GRDB
import PeiliCore

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Who has a workspace open. Each dashboard keeps a row in `session` fresh while it runs; a
/// row not refreshed within `expiry` seconds belongs to a session that ended without saying
/// so (a dropped ssh connection, a kill) and no longer counts.
extension Workspace {
  /// Seconds after its last heartbeat that a session stops counting as present.
  public static let presenceExpiry = WorkspaceSession.presenceExpiry
  /// How often a running dashboard refreshes its row (well inside `presenceExpiry`).
  public static let heartbeatInterval = WorkspaceSession.heartbeatInterval

  /// A session for this process, attributed to `user`.
  public static func currentSession(user: String) -> WorkspaceSession {
    var name = [CChar](repeating: 0, count: 256)
    let host =
      gethostname(&name, name.count - 1) == 0
      ? String(decoding: name.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self) : "localhost"
    let pid = Int(getpid())
    return WorkspaceSession(
      id: "\(host)-\(pid)-\(UInt32.random(in: 0...UInt32.max))", user: user, host: host, pid: pid)
  }

  public func heartbeat(_ session: WorkspaceSession) throws -> [WorkspaceSession] {
    try heartbeat(session, now: Date().timeIntervalSince1970)
  }

  /// `heartbeat` at a given time (seconds since 1970), for tests of expiry.
  func heartbeat(_ session: WorkspaceSession, now: Double) throws -> [WorkspaceSession] {
    if !isReadOnly {
      // Not `writeTransaction`: presence is not content and leaves no audit row, so other
      // sessions' change polls do not reload for it (see `hasExternalChanges`).
      try writeIfFree { db in
        try db.execute(
          sql: """
            INSERT INTO session (id, user, host, pid, started_at, seen_at) VALUES (?, ?, ?, ?, ?, ?)
            ON CONFLICT(id) DO UPDATE SET seen_at = excluded.seen_at
            """, arguments: [session.id, session.user, session.host, session.pid, now, now])
        // The presenter's heartbeat keeps its lease (a publish does too).
        try db.execute(
          sql: "UPDATE presenter SET seen_at = ? WHERE session_id = ?", arguments: [now, session.id])
        // Rows of sessions long gone are housekeeping, not history.
        try db.execute(sql: "DELETE FROM session WHERE seen_at < ?", arguments: [now - 3600])
        // Whoever has the workspace open while a review is open takes part in it (the minutes).
        if let review = try ReviewRows.openID(db) {
          try ReviewRows.noteParticipant(
            db, review: review, user: session.user,
            at: AuditLog.timestamp(Date(timeIntervalSince1970: now)))
        }
      }
    }
    return try writer.read { db in
      try Row.fetchAll(
        db,
        sql: """
          SELECT id, user, host, pid, seen_at FROM session WHERE id <> ? AND seen_at >= ?
          ORDER BY started_at, id
          """, arguments: [session.id, now - Self.presenceExpiry]
      ).map { WorkspaceSession(id: $0[0], user: $0[1], host: $0[2], pid: $0[3], seenAt: $0[4]) }
    }
  }

  public func leave(_ session: WorkspaceSession) throws {
    guard !isReadOnly else { return }
    let now = Date().timeIntervalSince1970
    var others = 1
    try writeIfFree { db in
      try db.execute(sql: "DELETE FROM session WHERE id = ?", arguments: [session.id])
      // Quitting hands the lease over: anyone may present at once.
      try db.execute(sql: "DELETE FROM presenter WHERE session_id = ?", arguments: [session.id])
      others =
        try Int.fetchOne(
          db, sql: "SELECT count(*) FROM session WHERE seen_at >= ?", arguments: [now - Self.presenceExpiry])
        ?? 0
    }
    // The last session out leaves no log behind; quitting waits for no one to do it.
    if others == 0 { try compactLog(patience: 0.2) }
  }

  /// Runs a presence write only when the write lock is free now: presence must never make
  /// the dashboard (or quitting it) wait the busy timeout behind another session's import.
  /// A beat skipped is taken on the next tick; a row left by `leave` expires.
  private func writeIfFree(_ body: (Database) throws -> Void) throws {
    try writer.writeWithoutTransaction { db in
      try db.execute(sql: "PRAGMA busy_timeout = 0")
      defer { try? db.execute(sql: "PRAGMA busy_timeout = \(Workspace.busyTimeoutMilliseconds)") }
      do {
        try db.inTransaction(.immediate) {
          try body(db)
          return .commit
        }
      } catch let error as DatabaseError where error.resultCode == .SQLITE_BUSY {
        return
      }
    }
  }
}
