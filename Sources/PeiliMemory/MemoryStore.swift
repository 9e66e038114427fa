import Foundation
import PeiliCore

/// One session on a `MemoryWorkspace`: what one open SQLite `Workspace` is to its file. It
/// keeps its own undo lane and what it has seen of the others' changes.
public final class MemoryStore: WorkspaceStore, Sendable {
  public let workspace: MemoryWorkspace
  public let isReadOnly: Bool
  private let own = Locked(SessionChanges())
  /// The newest audit row `hasExternalChanges` has looked at.
  private let seenAudit: Locked<Int64>
  /// A memory workspace holds one cycle: a choice by id only checks that it is that one.
  private let cycleChoice = Locked(CycleChoice.latest)

  init(workspace: MemoryWorkspace, readOnly: Bool) {
    self.workspace = workspace
    isReadOnly = readOnly
    seenAudit = Locked(workspace.content.withLock { $0.lastAuditID })
  }

  public var survey: any SurveyQuerying { MemorySurvey(workspace: workspace) }

  public var reviews: (any ReviewStore)? { self }

  public func snapshot() throws -> Snapshot {
    var s = workspace.content.withLock { c in
      var s = c.snapshot
      s.lastAuditID = c.lastAuditID
      return s
    }
    s.isReadOnly = isReadOnly
    s.readOnlyReason = isReadOnly ? Self.readOnlyReason : nil
    s.review = try review(id: nil)
    s.cycles = s.cycle.map { [$0] } ?? []
    if case .id(let id) = cycleChoice.withLock({ $0 }), id != s.cycle?.id {
      throw StoreError.unknownCycle(id: id, known: s.cycles.map(\.id))
    }
    return s
  }

  public func select(cycle: CycleChoice) { cycleChoice.withLock { $0 = cycle } }

  public func snapshot<T>(meanwhile: (Snapshot) throws -> T) throws -> (snapshot: Snapshot, meanwhile: T) {
    let s = try snapshot()
    return (s, try meanwhile(s))
  }

  public func hasExternalChanges() throws -> Bool {
    let mine = own.withLock { $0.all }
    return try seenAudit.withLock { seen in
      let others = try changesByOthers(since: seen, mine: mine)
      seen = others.lastAuditID
      return others.count > 0
    }
  }

  public func changesByOthers(since auditID: Int64) throws -> ChangesByOthers {
    try changesByOthers(since: auditID, mine: own.withLock { $0.all })
  }

  private func changesByOthers(since auditID: Int64, mine: Set<Int64>) throws -> ChangesByOthers {
    workspace.content.withLock { c in
      var result = ChangesByOthers(lastAuditID: max(auditID, c.lastAuditID))
      var newest: AuditEntry?
      for row in c.rows(after: auditID) where !mine.contains(row.changeID) {
        result.count += 1
        newest = row
      }
      if let newest {
        result.user = newest.user
        result.newest = FieldChange(
          entity: newest.entity, id: newest.entityID, field: newest.field, old: newest.oldValue,
          new: newest.newValue)
      }
      return result
    }
  }

  public func apply(_ change: ActionChange, toAction id: String, basedOn version: Int, by user: String) throws
    -> EditOutcome
  {
    try edit(action: id, [change], basedOn: version, by: user)
  }

  public func checkIn(action id: String, _ checkIn: ActionCheckIn, basedOn version: Int, by user: String)
    throws -> EditOutcome
  {
    try edit(action: id, checkIn.changes, basedOn: version, by: user)
  }

  private func edit(action id: String, _ changes: [ActionChange], basedOn version: Int, by user: String)
    throws -> EditOutcome
  {
    try write { c, at in
      guard let current = c.action(id) else { throw StoreError.notFound(entity: "action", id: id) }
      guard current.version == version else { return .conflict(current: current) }
      let edit = try ActionEdit(changes, to: current, by: user)
      if edit.isEmpty { return .applied(current) }
      c.write(edit.updated)
      let change = c.begin()
      for f in edit.fields {
        c.record(
          change: change, kind: .edit, at: at, user: user, entity: "action", id: id, field: f.field,
          old: f.old,
          new: f.new)
      }
      if let checkIn = edit.checkIn {
        c.insert(checkIn, at: at)
        if edit.recordsNote {
          c.record(
            change: change, kind: .edit, at: at, user: user, entity: "action", id: id, field: "check_in",
            old: nil, new: checkIn.note)
        }
      }
      return .applied(edit.updated)
    }
  }

  public func checkIn(
    keyResult id: String, value: Double?, confidence: Int?, note: String, basedOn version: Int,
    by user: String
  ) throws -> KeyResultEditOutcome {
    try write { c, at in
      guard let current = c.keyResult(id) else { throw StoreError.notFound(entity: "key result", id: id) }
      guard current.version == version else { return .conflict(current: current) }
      let edit = try KeyResultEdit(value: value, confidence: confidence, note: note, to: current, by: user)
      c.write(edit.updated)
      let change = c.begin()
      for f in edit.fields {
        c.record(
          change: change, kind: .edit, at: at, user: user, entity: "key_result", id: id, field: f.field,
          old: f.old, new: f.new)
      }
      if edit.recordsNote {
        c.record(
          change: change, kind: .edit, at: at, user: user, entity: "key_result", id: id, field: "check_in",
          old: nil, new: edit.checkIn.note)
      }
      c.insert(edit.checkIn, at: at)
      return .applied(edit.updated)
    }
  }

  public func undoLastOfThisSession(by user: String) throws -> UndoOutcome {
    let candidates = own.withLock { $0.undoable }
    guard !candidates.isEmpty else { return .nothingToUndo }
    let outcome = try write { c, at -> UndoOutcome in
      // A change that wrote no editable field (a note-only check-in) has nothing to revert.
      for changeID in candidates.reversed() {
        if let outcome = try Self.undo(&c, change: changeID, at: at, by: user) { return outcome }
      }
      return .nothingToUndo
    }
    if case .undone(let change, _) = outcome { own.withLock { $0.reverted(change) } }
    return outcome
  }

  public func revert(change changeID: Int64, by user: String) throws -> UndoOutcome {
    try write { c, at in
      let rows = c.rows(of: changeID)
      guard !rows.isEmpty else { throw StoreError.notFound(entity: "change", id: "#\(changeID)") }
      guard !rows.contains(where: { $0.kind == .import }) else {
        throw StoreError.invalid("change #\(changeID) is an import: import the file again instead")
      }
      if c.isReverted(changeID) { throw StoreError.invalid("change #\(changeID) is reverted already") }
      guard let outcome = try Self.undo(&c, change: changeID, at: at, by: user) else {
        throw StoreError.invalid("change #\(changeID) changed no field that can be put back")
      }
      return outcome
    }
  }

  /// Reverts `changeID` by `ChangeRevert`'s rules (nil when it changed no editable field).
  private static func undo(_ c: inout MemoryContent, change changeID: Int64, at: String, by user: String)
    throws
    -> UndoOutcome?
  {
    let rows = c.rows(of: changeID).filter { ChangeRevert.revertible.contains($0.field) }
    guard let first = rows.first else { return nil }
    let id = first.entityID
    if first.entity == "action" {
      guard let action = c.action(id) else { throw StoreError.notFound(entity: "action", id: id) }
      if let conflict = ChangeRevert.conflict(rows, now: ActionFields.values(action)) { return conflict }
      let restored = ChangeRevert.restoring(action, rows)
      c.write(restored)
      if let checkIn = ChangeRevert.checkIn(restoring: action, to: restored, by: user) {
        c.insert(checkIn, at: at)
      }
    } else {
      guard let kr = c.keyResult(id) else { throw StoreError.notFound(entity: "key result", id: id) }
      if let conflict = ChangeRevert.conflict(rows, now: KeyResultFields.values(kr)) { return conflict }
      c.write(ChangeRevert.restoring(kr, rows))
    }
    let change = c.begin()
    for row in rows {
      c.record(
        change: change, kind: .undo, at: at, user: user, entity: row.entity, id: id, field: row.field,
        old: row.newValue, new: row.oldValue, reverts: changeID)
    }
    return ChangeRevert.undone(changeID, rows)
  }

  public func auditTrail(_ query: AuditQuery) throws -> [AuditEntry] {
    workspace.content.withLock { c in
      var out: [AuditEntry] = []
      for row in c.rows(after: query.afterID ?? 0).reversed() where Self.matches(row, query) {
        out.append(row)
        if out.count == max(1, query.limit) { break }
      }
      return out
    }
  }

  private static func matches(_ row: AuditEntry, _ q: AuditQuery) -> Bool {
    (q.user.map { $0 == row.user } ?? true) && (q.entity.map { $0 == row.entity } ?? true)
      && (q.entityID.map { $0 == row.entityID } ?? true) && (q.field.map { $0 == row.field } ?? true)
      && (q.since.map { row.at >= $0 } ?? true) && (q.until.map { row.at <= $0 } ?? true)
  }

  public func actions(ids: [String]) throws -> [Action] {
    workspace.content.withLock { c in ids.compactMap { c.action($0) } }
  }

  public func keyResults(ids: [String]) throws -> [KeyResult] {
    workspace.content.withLock { c in ids.compactMap { c.keyResult($0) } }
  }

  public func heartbeat(_ session: WorkspaceSession) throws -> [WorkspaceSession] {
    try heartbeat(session, now: workspace.clock().timeIntervalSince1970)
  }

  /// `heartbeat` at a given time (seconds since 1970), for tests of expiry.
  public func heartbeat(_ session: WorkspaceSession, now: Double) throws -> [WorkspaceSession] {
    workspace.content.withLock { c in
      if !isReadOnly {
        let started = c.sessions[session.id]?.startedAt ?? now
        var seen = session
        seen.seenAt = now
        c.sessions[session.id] = (seen, started)
      }
      return c.sessions.values.filter {
        $0.session.id != session.id && ($0.session.seenAt ?? 0) >= now - WorkspaceSession.presenceExpiry
      }
      .sorted { ($0.startedAt, $0.session.id) < ($1.startedAt, $1.session.id) }.map(\.session)
    }
  }

  public func leave(_ session: WorkspaceSession) throws {
    guard !isReadOnly else { return }
    workspace.content.withLock { c in
      c.sessions.removeValue(forKey: session.id)
      // Quitting hands the lease over, as on SQLite.
      if c.reviews.lease?.holder.id == session.id { c.reviews.lease = nil }
      c.reviews.following.remove(session.id)
    }
  }

  /// Nothing to tidy: memory keeps no log to checkpoint.
  public func tidy() throws {}

  /// Why a memory store opened read-only cannot write (it was asked to read only).
  static let readOnlyReason = "opened to read only"

  /// Runs one write under the workspace's lock, stamped `at` now, and keeps the changes it
  /// wrote as this session's own (its undo lane, and not the others' news).
  func write<T>(_ body: (inout MemoryContent, _ at: String) throws -> T) throws -> T {
    guard !isReadOnly else {
      throw StoreError.readOnly(path: workspace.path, reason: Self.readOnlyReason)
    }
    let at = workspace.timestamp()
    let (result, written) = try workspace.content.withLock { c in
      let before = c.lastAuditID
      let result = try body(&c, at)
      var written: [(changeID: Int64, kind: String)] = []
      for row in c.rows(after: before) where written.last?.changeID != row.changeID {
        written.append((row.changeID, row.kind.rawValue))
      }
      return (result, written)
    }
    own.withLock { $0.note(written) }
    return result
  }
}
