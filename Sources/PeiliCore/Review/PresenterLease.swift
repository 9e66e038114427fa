/// The presenter's lease on a workspace (DESIGN §9): one session presents at a time, keeps the
/// lease fresh by its heartbeat, and publishes its view state for the followers to render at
/// their own size. A lease not refreshed for `expiry` seconds may be taken over by anyone.
public struct PresenterLease: Hashable, Sendable {
  /// Seconds without a heartbeat after which the presenter counts as gone.
  public static let expiry = WorkspaceSession.presenceExpiry

  public var holder: WorkspaceSession
  /// The holder's last heartbeat or publish (seconds since 1970).
  public var seenAt: Double
  /// Moves on with every published state: a follower applies a state once.
  public var sequence: Int
  /// The published view state, in the app's own encoding (the store keeps it opaque).
  public var state: String?
  /// The users of the sessions following now, oldest first (one entry per session).
  public var followers: [String]

  public init(
    holder: WorkspaceSession, seenAt: Double, sequence: Int = 0, state: String? = nil,
    followers: [String] = []
  ) {
    self.holder = holder
    self.seenAt = seenAt
    self.sequence = sequence
    self.state = state
    self.followers = followers
  }

  /// The holder has not been heard of for `expiry` seconds at `now`.
  public func isGone(now: Double) -> Bool { seenAt < now - Self.expiry }

  /// Whether `session` may take the lease now: nobody holds it, it holds it already, or the
  /// holder is gone. Every store decides a take by this rule, inside its write transaction.
  public static func mayTake(_ current: PresenterLease?, by session: WorkspaceSession, now: Double) -> Bool {
    guard let current else { return true }
    return current.holder.id == session.id || current.isGone(now: now)
  }
}

/// What became of pressing the presenter key.
public enum LeaseOutcome: Hashable, Sendable {
  /// This session presents now.
  case taken(PresenterLease)
  /// Someone else holds a live lease; nothing written.
  case heldBy(PresenterLease)
}
