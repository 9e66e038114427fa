/// One running dashboard on a workspace: who, on which machine, since when. Several
/// people review one shared workspace at once; each sees who else has it open.
public struct WorkspaceSession: Hashable, Sendable {
  /// Seconds after its last heartbeat that a session stops counting as present (a dropped
  /// ssh connection, a kill), in every store.
  public static let presenceExpiry: Double = 30
  /// How often a running dashboard refreshes its presence (well inside `presenceExpiry`).
  public static let heartbeatInterval: Double = 10

  /// Unique per process run (host, pid and a random part).
  public let id: String
  /// The operating-system user (from the uid).
  public let user: String
  public let host: String
  public let pid: Int
  /// Its last heartbeat as the store saw it (seconds since 1970), when read from the store;
  /// not part of its identity (== and hashing compare the rest).
  public var seenAt: Double?

  public init(id: String, user: String, host: String, pid: Int, seenAt: Double? = nil) {
    self.id = id
    self.user = user
    self.host = host
    self.pid = pid
    self.seenAt = seenAt
  }

  public static func == (a: WorkspaceSession, b: WorkspaceSession) -> Bool {
    a.id == b.id && a.user == b.user && a.host == b.host && a.pid == b.pid
  }

  public func hash(into hasher: inout Hasher) {
    hasher.combine(id)
    hasher.combine(user)
    hasher.combine(host)
    hasher.combine(pid)
  }
}
