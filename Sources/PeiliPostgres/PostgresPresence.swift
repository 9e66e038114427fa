import Foundation
import PeiliCore
import PostgresNIO

/// Who has the workspace open: a `session` row per dashboard, refreshed by its heartbeat and
/// counted only while fresh (`WorkspaceSession.presenceExpiry`). Presence is not content: it
/// takes no workspace lock, leaves no audit row and sends no notification.
extension PostgresWorkspace {
  public func heartbeat(_ session: WorkspaceSession) throws -> [WorkspaceSession] {
    try heartbeat(session, now: Date().timeIntervalSince1970)
  }

  /// `heartbeat` at a given time (seconds since 1970), for tests of expiry.
  public func heartbeat(_ session: WorkspaceSession, now: Double) throws -> [WorkspaceSession] {
    try server.run { sql in
      if !isReadOnly {
        try sql.execute(
          """
          INSERT INTO session (id, "user", host, pid, started_at, seen_at)
          VALUES (\(session.id), \(session.user), \(session.host), \(session.pid), \(now), \(now))
          ON CONFLICT (id) DO UPDATE SET seen_at = excluded.seen_at
          """)
        // The presenter's heartbeat keeps its lease.
        try sql.execute("UPDATE presenter SET seen_at = \(now) WHERE session_id = \(session.id)")
        // Rows of sessions long gone are housekeeping, not history.
        try sql.execute("DELETE FROM session WHERE seen_at < \(now - 3600)")
      }
      return try sql.rows(
        #"""
        SELECT id, "user", host, pid, seen_at FROM session WHERE id <> \#(session.id)
          AND seen_at >= \#(now - WorkspaceSession.presenceExpiry) ORDER BY started_at, id COLLATE "C"
        """#
      ).map {
        let (id, user, host, pid, seen) = try $0.decode((String, String, String, Int, Double).self)
        return WorkspaceSession(id: id, user: user, host: host, pid: pid, seenAt: seen)
      }
    }
  }

  public func leave(_ session: WorkspaceSession) throws {
    guard !isReadOnly else { return }
    try server.run { sql in
      try sql.execute("DELETE FROM session WHERE id = \(session.id)")
      // Quitting hands the lease over: anyone may present at once.
      try sql.execute("DELETE FROM presenter WHERE session_id = \(session.id)")
    }
  }
}
