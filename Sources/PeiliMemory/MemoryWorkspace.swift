import Foundation
import PeiliCore

/// A workspace held in memory and shared by the `MemoryStore` sessions opened on it, as
/// processes share one SQLite file: the same edits, check-ins, audit trail, undo lanes,
/// presence and change detection, by the same rules (PeiliCore's `ActionEdit`,
/// `KeyResultEdit`, `ChangeRevert`), with nothing on disk. The second store the store
/// contract holds to, and a store for work above the store that needs no file.
///
/// Its survey is held as scores only (see `MemorySurvey`): no respondents, so no segments.
public final class MemoryWorkspace: Sendable {
  /// Where the store says it is (`Snapshot.workspacePath`): `memory:NAME`.
  public let path: String
  let content: Locked<MemoryContent>
  let clock: @Sendable () -> Date

  /// A workspace holding `snapshot`'s content (its audit trail starts empty; its latest
  /// check-ins are kept) and `comments` by theme id. `clock` stamps changes and presence.
  public init(
    _ snapshot: Snapshot, name: String = "workspace", comments: [String: [CommentRow]] = [:],
    clock: @escaping @Sendable () -> Date = { Date() }
  ) {
    path = "memory:\(name)"
    var seed = snapshot
    seed.workspacePath = path
    seed.isReadOnly = false
    seed.readOnlyReason = nil
    seed.lastAuditID = 0
    content = Locked(MemoryContent(seed, comments: comments))
    self.clock = clock
  }

  /// A new session on the workspace (a dashboard, a command); with `readOnly` it only reads.
  public func open(readOnly: Bool = false) -> MemoryStore {
    MemoryStore(workspace: self, readOnly: readOnly)
  }

  /// Now as the audit writes it: ISO-8601 UTC to the second.
  func timestamp() -> String {
    clock().formatted(Date.ISO8601FormatStyle(timeZone: TimeZone(identifier: "UTC")!))
  }
}

/// Everything a memory workspace holds, guarded by its lock. Writes validate first (the
/// edit rules throw before anything changes), so a refused write leaves it as it was.
struct MemoryContent {
  var snapshot: Snapshot
  private var actionIndex: [String: Int] = [:]
  private var keyResultIndex: [String: Int] = [:]
  /// Oldest first; a row's id is its position plus one.
  private(set) var audit: [AuditEntry] = []
  /// The audit rows of each change, by position.
  private var rowsOfChange: [Int64: [Int]] = [:]
  /// Which undo reverted a change.
  private var revertedBy: [Int64: Int64] = [:]
  private(set) var lastChangeID: Int64 = 0
  var comments: [String: [CommentRow]]
  /// Presence: each session with when it started and was last seen.
  var sessions: [String: (session: WorkspaceSession, startedAt: Double)] = [:]
  /// Reviews, their ballots and the presenter's lease (see `MemoryReviews`).
  var reviews = MemoryReviews()

  init(_ snapshot: Snapshot, comments: [String: [CommentRow]]) {
    self.snapshot = snapshot
    self.comments = comments
    for (i, a) in snapshot.actions.enumerated() { actionIndex[a.id] = i }
    for (i, k) in snapshot.keyResults.enumerated() { keyResultIndex[k.id] = i }
  }

  var lastAuditID: Int64 { Int64(audit.count) }

  func action(_ id: String) -> Action? { actionIndex[id].map { snapshot.actions[$0] } }
  func keyResult(_ id: String) -> KeyResult? { keyResultIndex[id].map { snapshot.keyResults[$0] } }

  mutating func write(_ a: Action) {
    if let i = actionIndex[a.id] { snapshot.actions[i] = a }
  }

  /// A new action (a review decision's), at the end of the snapshot's.
  mutating func insert(_ a: Action) {
    actionIndex[a.id] = snapshot.actions.count
    snapshot.actions.append(a)
  }

  mutating func write(_ k: KeyResult) {
    if let i = keyResultIndex[k.id] { snapshot.keyResults[i] = k }
  }

  /// Keeps a check-in as its subject's latest.
  mutating func insert(_ c: CheckIn, at: String) {
    var c = c
    c.at = at
    switch c.subject {
    case .action: snapshot.lastActionCheckIns[c.subjectID] = c
    case .keyResult: snapshot.lastKeyResultCheckIns[c.subjectID] = c
    }
  }

  /// Starts a change: its id, and the time every row of it carries.
  mutating func begin() -> Int64 {
    lastChangeID += 1
    return lastChangeID
  }

  mutating func record(
    change: Int64, kind: AuditEntry.Kind, at: String, user: String, entity: String, id: String,
    field: String, old: String?, new: String?, reverts: Int64? = nil
  ) {
    audit.append(
      AuditEntry(
        id: Int64(audit.count + 1), changeID: change, kind: kind, at: at, user: user, entity: entity,
        entityID: id, field: field, oldValue: old, newValue: new, reverts: reverts))
    rowsOfChange[change, default: []].append(audit.count - 1)
    if let reverts { revertedBy[reverts] = change }
  }

  func rows(of change: Int64) -> [AuditEntry] { (rowsOfChange[change] ?? []).map { audit[$0] } }

  func isReverted(_ change: Int64) -> Bool { revertedBy[change] != nil }

  /// The audit rows after row `id`, oldest first.
  func rows(after id: Int64) -> ArraySlice<AuditEntry> {
    audit[min(audit.count, Int(max(0, id)))...]
  }
}
