// Stand-ins until the store branch lands (it moves these to PeiliCore).
import PeiliCore

public struct AuditQuery: Hashable, Sendable, Codable {
  public var user: String?
  public var entity: String?
  public var entityID: String?
  public var field: String?
  public var since: String?
  public var until: String?
  public var afterID: Int64?
  public var limit: Int = 200
  public init() {}
}

public struct AuditEntry: Hashable, Sendable, Codable {
  public enum Kind: String, Hashable, Sendable, Codable { case edit, undo, `import` }
  public var id: Int64
  public var changeID: Int64
  public var kind: Kind
  public var at: String
  public var user: String
  public var entity: String
  public var entityID: String
  public var field: String
  public var oldValue: String?
  public var newValue: String?
  public var reverts: Int64?
}

extension Snapshot {
  var lastActionCheckIns: [String: CheckIn] { [:] }
}
