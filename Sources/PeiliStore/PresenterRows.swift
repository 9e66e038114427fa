import Foundation
import GRDB
import PeiliCore

/// The presenter's lease and who follows it (DESIGN §9). Like presence, none of it is content:
/// no audit rows, so other sessions' change polls never reload for a published view.
extension Workspace {
  public var reviews: (any ReviewStore)? { self }

  public func presenter() throws -> PresenterLease? {
    do {
      return try writer.read { db in try Self.lease(db, now: Date().timeIntervalSince1970) }
    } catch {
      throw StoreFailure.explain(error, path: path, doing: .reading)
    }
  }

  public func takePresenter(_ session: WorkspaceSession) throws -> LeaseOutcome {
    try takePresenter(session, now: Date().timeIntervalSince1970)
  }

  /// `takePresenter` at a given time (seconds since 1970), for tests of the take-over.
  func takePresenter(_ session: WorkspaceSession, now: Double) throws -> LeaseOutcome {
    try requireWritable()
    return try presenceWrite { db in
      guard try ReviewRows.openID(db) != nil else {
        throw StoreError.invalid("no review is open; start one first (S on the Review screen)")
      }
      let current = try Self.lease(db, now: now)
      guard PresenterLease.mayTake(current, by: session, now: now) else { return .heldBy(current!) }
      try db.execute(
        sql: """
          INSERT INTO presenter (id, session_id, user, host, pid, seen_at, sequence, state)
          VALUES (1, ?, ?, ?, ?, ?, 0, NULL)
          ON CONFLICT(id) DO UPDATE SET session_id = excluded.session_id, user = excluded.user,
            host = excluded.host, pid = excluded.pid, seen_at = excluded.seen_at,
            sequence = CASE WHEN presenter.session_id = excluded.session_id THEN presenter.sequence
              ELSE presenter.sequence + 1 END
          """, arguments: [session.id, session.user, session.host, session.pid, now])
      // The presenter follows no one.
      try db.execute(sql: "UPDATE session SET following = 0 WHERE id = ?", arguments: [session.id])
      return .taken(try Self.lease(db, now: now)!)
    }
  }

  public func releasePresenter(_ session: WorkspaceSession) throws {
    guard !isReadOnly else { return }
    try presenceWrite { db in
      try db.execute(sql: "DELETE FROM presenter WHERE session_id = ?", arguments: [session.id])
    }
  }

  public func publish(_ state: String, by session: WorkspaceSession) throws -> Bool {
    try presenceWrite { db in
      try db.execute(
        sql: "UPDATE presenter SET state = ?, sequence = sequence + 1, seen_at = ? WHERE session_id = ?",
        arguments: [state, Date().timeIntervalSince1970, session.id])
      return db.changesCount > 0
    }
  }

  public func setFollowing(_ session: WorkspaceSession, _ following: Bool) throws {
    guard !isReadOnly else { return }
    let now = Date().timeIntervalSince1970
    try presenceWrite { db in
      try db.execute(
        sql: """
          INSERT INTO session (id, user, host, pid, started_at, seen_at, following) VALUES (?, ?, ?, ?, ?, ?, ?)
          ON CONFLICT(id) DO UPDATE SET following = excluded.following, seen_at = excluded.seen_at
          """, arguments: [session.id, session.user, session.host, session.pid, now, now, following])
    }
  }

  /// The lease as stored, with the followers whose presence is fresh at `now`.
  /// Followers poll it 20 times a second: its statements are compiled once per connection.
  static func lease(_ db: Database, now: Double) throws -> PresenterLease? {
    guard let row = try Row.fetchOne(db.cachedStatement(sql: "SELECT * FROM presenter WHERE id = 1")) else {
      return nil
    }
    let followers = try String.fetchAll(
      db.cachedStatement(
        sql:
          "SELECT user FROM session WHERE following = 1 AND seen_at >= ? AND id <> ? ORDER BY started_at, id"),
      arguments: [now - WorkspaceSession.presenceExpiry, row["session_id"] as String])
    return PresenterLease(
      holder: WorkspaceSession(id: row["session_id"], user: row["user"], host: row["host"], pid: row["pid"]),
      seenAt: row["seen_at"], sequence: row["sequence"], state: row["state"], followers: followers)
  }

  /// A write of presence and lease rows: an immediate transaction that leaves no audit row.
  /// Unlike a heartbeat it waits the busy timeout: a take or a publish must not be lost.
  private func presenceWrite<T>(_ body: (Database) throws -> T) throws -> T {
    do {
      return try writer.writeWithoutTransaction { db in
        var result: T?
        try db.inTransaction(.immediate) {
          result = try body(db)
          return .commit
        }
        return result!
      }
    } catch let error as StoreError {
      throw error
    } catch {
      throw StoreFailure.explain(error, path: path, doing: .writing)
    }
  }
}
extension Workspace: ReviewStore {}
