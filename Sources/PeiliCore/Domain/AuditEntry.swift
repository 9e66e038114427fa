/// One recorded change of one field: who, when, which entity and field, old and new value.
public struct AuditEntry: Hashable, Sendable, Codable {
  /// What wrote an audit row: an edit, an undo, an import, or a cycle start (`cycle new`).
  public enum Kind: String, Hashable, Sendable, Codable {
    case edit, undo, `import`, cycle
  }
  public var id: Int64
  /// Shared by every row one transaction wrote.
  public var changeID: Int64
  public var kind: Kind
  /// ISO-8601 UTC, e.g. `2026-03-01T09:30:00Z`.
  public var at: String
  public var user: String
  public var entity: String
  public var entityID: String
  public var field: String
  public var oldValue: String?
  public var newValue: String?
  /// For an undo: the change it reverted.
  public var reverts: Int64?

  public init(
    id: Int64, changeID: Int64, kind: Kind, at: String, user: String, entity: String, entityID: String,
    field: String, oldValue: String?, newValue: String?, reverts: Int64?
  ) {
    self.id = id
    self.changeID = changeID
    self.kind = kind
    self.at = at
    self.user = user
    self.entity = entity
    self.entityID = entityID
    self.field = field
    self.oldValue = oldValue
    self.newValue = newValue
    self.reverts = reverts
  }
}

/// Which audit rows to read (every condition given must hold), newest first.
public struct AuditQuery: Hashable, Sendable, Codable {
  public var user: String?
  /// "action", "key_result", "objective", …
  public var entity: String?
  public var entityID: String?
  public var field: String?
  /// ISO-8601 UTC bounds of `at`, inclusive.
  public var since: String?
  public var until: String?
  /// Only rows after this audit row id (a refresh by change reads from the last one seen).
  public var afterID: Int64?
  public var limit: Int = 200

  public init(
    user: String? = nil, entity: String? = nil, entityID: String? = nil, field: String? = nil,
    since: String? = nil,
    until: String? = nil, afterID: Int64? = nil, limit: Int = 200
  ) {
    self.user = user
    self.entity = entity
    self.entityID = entityID
    self.field = field
    self.since = since
    self.until = until
    self.afterID = afterID
    self.limit = limit
  }
}

/// A check-in of an action as the dialog asks for it: the fields given change, the note is
/// kept with the check-in row.
public struct ActionCheckIn: Hashable, Sendable {
  public var progress: Int?
  public var confidence: Int?
  public var status: ActionStatus?
  public var note: String
  /// A change of its communication: `.some(nil)` clears it, nil leaves it as it is.
  public var communicated: Communication??

  public init(
    progress: Int? = nil, confidence: Int? = nil, status: ActionStatus? = nil, note: String = "",
    communicated: Communication?? = nil
  ) {
    self.progress = progress
    self.confidence = confidence
    self.status = status
    self.note = note
    self.communicated = communicated
  }
}

/// What became of a key-result check-in.
public enum KeyResultEditOutcome: Hashable, Sendable {
  /// Written; the key result as it is now.
  case applied(KeyResult)
  /// The key result changed after the version the check-in was based on; nothing written.
  case conflict(current: KeyResult)
}
