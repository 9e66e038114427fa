/// One field of one item as a change left it, in the audit's text ("60", "done", "true"):
/// facts for the app to word, never a sentence.
public struct FieldChange: Hashable, Sendable {
  /// "action", "key_result", "objective", …
  public var entity: String
  public var id: String
  /// The stored field name: "progress", "status", "confidence", "current_value", "done", …
  public var field: String
  public var old: String?
  public var new: String?

  public init(entity: String, id: String, field: String, old: String?, new: String?) {
    self.entity = entity
    self.id = id
    self.field = field
    self.old = old
    self.new = new
  }
}

/// What other sessions wrote after a given audit row: the newest field change and who made
/// it, how many audit rows they wrote in all, and the last row read (the next "since").
public struct ChangesByOthers: Hashable, Sendable {
  public var newest: FieldChange?
  /// Who made `newest`.
  public var user: String?
  /// Audit rows other sessions wrote after the row asked about (one per field changed).
  public var count: Int
  /// The newest audit row id read, this session's own rows included.
  public var lastAuditID: Int64

  public init(newest: FieldChange? = nil, user: String? = nil, count: Int = 0, lastAuditID: Int64) {
    self.newest = newest
    self.user = user
    self.count = count
    self.lastAuditID = lastAuditID
  }
}
