/// A change a user makes to an action from the keyboard or the command line.
public enum ActionChange: Hashable, Sendable {
  case progress(Int)
  case status(ActionStatus)
  case checkIn(progress: Int?, confidence: Int?, note: String)
  /// When and how the change was told to its audience; nil: not told after all.
  case communicated(Communication?)
}

/// What became of an edit.
public enum EditOutcome: Hashable, Sendable {
  /// Written; the action as it is now.
  case applied(Action)
  /// Someone changed the action after the version the edit was based on; nothing written.
  case conflict(current: Action)
}

/// What became of an undo of this session's latest change.
public enum UndoOutcome: Hashable, Sendable {
  /// The change was reverted as a new audited change (kind `undo`); `fields` as the undo
  /// left them (`old`: what the change had written, `new`: the value restored).
  case undone(revertedChange: Int64, fields: [FieldChange])
  /// A field has moved on since the change (someone edited it after); nothing written.
  case conflict(entity: String, id: String, field: String, expected: String?, current: String?)
  /// This session has no edit left that is not undone already (older changes, and other
  /// sessions' of the same user, are never undone by it).
  case nothingToUndo
}

/// Why a write was refused.
public enum StoreError: Error, Hashable, Sendable, CustomStringConvertible {
  /// The user may not write the workspace; `reason` says which file blocks it and the fix.
  case readOnly(path: String, reason: String?)
  case notFound(entity: String, id: String)
  case invalid(String)
  /// `--cycle` (or the cycle key) named a cycle the workspace does not have.
  case unknownCycle(id: String, known: [String])

  public var description: String {
    switch self {
    case .readOnly(let p, let reason):
      "the workspace \(p) is read-only for you" + (reason.map { ": \($0)" } ?? "")
    case .notFound(let e, let id): "no \(e) with id \(id)"
    case .invalid(let m): m
    case .unknownCycle(let id, let known):
      known.isEmpty
        ? "no cycle `\(id)` in the workspace; it has no OKR cycle yet (`peili import okrs FILE.yaml`)"
        : "no cycle `\(id)` in the workspace; expected one of " + known.joined(separator: ", ")
    }
  }
}

/// The store as the app sees it (the app never imports GRDB; PeiliStore implements this).
public protocol WorkspaceStore: AnyObject, Sendable {
  var isReadOnly: Bool { get }
  func snapshot() throws -> Snapshot
  /// Which cycle later snapshots are of; an id no cycle has makes them throw
  /// `StoreError.unknownCycle`.
  func select(cycle: CycleChoice)
  /// `snapshot()`, with `meanwhile` run on that snapshot without its actions while the store
  /// still reads them (the longest part of a large workspace's read): work that does not need
  /// the actions overlaps the read. Returns the snapshot and `meanwhile`'s answer for it.
  func snapshot<T>(meanwhile: (Snapshot) throws -> T) throws -> (snapshot: Snapshot, meanwhile: T)
  /// True when another session (another process, another open store) has changed the
  /// content since the last call; presence and this session's own writes never count.
  /// Cheap enough to ask on every tick (SQLite `PRAGMA data_version`).
  func hasExternalChanges() throws -> Bool
  /// Applies one change as one transaction, attributed to `user`, with an audit row per field.
  func apply(_ change: ActionChange, toAction id: String, basedOn version: Int, by user: String) throws
    -> EditOutcome
  /// Reverts the latest edit this store session made (this open store, not the user's other
  /// sessions or earlier runs) that is not undone yet; repeated calls walk further back. A
  /// new audited change attributed to `user`; a conflict, and nothing written, when a field
  /// moved on since.
  func undoLastOfThisSession(by user: String) throws -> UndoOutcome
  /// What other sessions (other processes, other open stores) wrote after audit row
  /// `auditID`: the newest field change, who made it and how many rows (see `Snapshot.lastAuditID`).
  func changesByOthers(since auditID: Int64) throws -> ChangesByOthers
  /// Segment filters, breakdowns, comments and importance (see `SurveyQuerying`).
  var survey: any SurveyQuerying { get }
  /// Marks `session` as present now (a read-only store cannot, and only reads) and returns
  /// the other sessions seen recently, oldest first. Presence is no content change: it never
  /// makes `hasExternalChanges` true.
  func heartbeat(_ session: WorkspaceSession) throws -> [WorkspaceSession]
  /// Removes `session`'s presence (on quit).
  func leave(_ session: WorkspaceSession) throws
  /// The audit rows `query` asks for, newest first (the History screen; a refresh by change
  /// reads those after the last one seen).
  func auditTrail(_ query: AuditQuery) throws -> [AuditEntry]
  /// The check-in dialog on an action: its fields in one transaction with audit rows and a
  /// check-in row; a conflict, and nothing written, when the action is no longer at `version`.
  func checkIn(action id: String, _ checkIn: ActionCheckIn, basedOn version: Int, by user: String) throws
    -> EditOutcome
  /// The check-in dialog on a key result: a metric's current value or a milestone's done
  /// (non-zero), confidence 1–10, a note; version-checked like an action's.
  func checkIn(
    keyResult id: String, value: Double?, confidence: Int?, note: String, basedOn version: Int,
    by user: String
  ) throws -> KeyResultEditOutcome
  /// Reverts an older change (anyone's) as a new change of `user`'s, by undo's rules.
  func revert(change changeID: Int64, by user: String) throws -> UndoOutcome
  /// The items with these ids as stored now.
  func actions(ids: [String]) throws -> [Action]
  func keyResults(ids: [String]) throws -> [KeyResult]
  /// Review meetings and the presenter's lease (nil: this store keeps none; the Review
  /// screen says so).
  var reviews: (any ReviewStore)? { get }
  /// Housekeeping while the user is idle (SQLite: a passive WAL checkpoint), so that the
  /// writes of keys never pay for it.
  func tidy() throws
}
