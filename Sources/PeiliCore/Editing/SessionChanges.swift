/// The changes one open store (one session: a dashboard, a command) wrote, kept in
/// memory: what its undo may revert, and which audit rows are not another session's news.
/// Not stored, so that a session can only ever undo what it did while it was open — the same
/// user's other sessions and earlier runs write under the same name.
public struct SessionChanges: Sendable {
  public init() {}

  /// Every change id this session wrote (edits, undos, imports).
  public private(set) var all: Set<Int64> = []
  /// Its edits not undone yet, oldest first: what undo walks back.
  public private(set) var undoable: [Int64] = []

  /// Takes the changes one committed transaction wrote.
  public mutating func note(_ written: [(changeID: Int64, kind: String)]) {
    for change in written {
      all.insert(change.changeID)
      if change.kind == AuditEntry.Kind.edit.rawValue { undoable.append(change.changeID) }
    }
  }

  /// Takes `change` off the undo stack once it has been reverted.
  public mutating func reverted(_ change: Int64) {
    undoable.removeAll { $0 == change }
  }
}
