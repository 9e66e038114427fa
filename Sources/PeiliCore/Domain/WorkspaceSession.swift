/// One running dashboard on a workspace: who, on which machine, since when. Several
/// people review one shared workspace at once; each sees who else has it open.
public struct WorkspaceSession: Hashable, Sendable {
  /// Unique per process run (host, pid and a random part).
  public let id: String
  /// The operating-system user (from the uid).
  public let user: String
  public let host: String
  public let pid: Int

  public init(id: String, user: String, host: String, pid: Int) {
    self.id = id
    self.user = user
    self.host = host
    self.pid = pid
  }
}
