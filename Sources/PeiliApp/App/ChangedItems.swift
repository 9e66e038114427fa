import PeiliCore

/// The items other sessions changed since the last audit row this session saw, as the store
/// has them now: what a refresh by change applies instead of reloading everything.
public struct ChangedItems: Hashable, Sendable {
  public var actions: [Action]
  public var keyResults: [KeyResult]
  /// The newest audit row the change was read up to.
  public var lastAuditID: Int64
  /// Every field of another session's newest change, for the status line ("aino: A4
  /// progress 60% → 70%, confidence 7 → 8").
  public var newest: [FieldChange]

  public init(
    actions: [Action] = [], keyResults: [KeyResult] = [], lastAuditID: Int64, newest: [FieldChange] = []
  ) {
    self.actions = actions
    self.keyResults = keyResults
    self.lastAuditID = lastAuditID
    self.newest = newest
  }
}

extension Model {
  /// Another session's edits of these items, applied in place like this session's own (the
  /// snapshot's copy, the tree's, the analysis). False when one reaches further — a move in
  /// the tree, new theme links, a key result under a segment filter — and the caller reloads.
  mutating func apply(changed items: ChangedItems) -> Bool {
    if !items.keyResults.isEmpty && !shared.segmentFilter.isEmpty { return false }
    for action in items.actions {
      guard apply(edited: action) else { return false }
    }
    if !items.keyResults.isEmpty {
      for k in items.keyResults {
        guard let i = shared.snapshot.keyResults.firstIndex(where: { $0.id == k.id }),
          shared.tree.replace(keyResult: k)
        else { return false }
        shared.snapshot.keyResults[i] = k
      }
      // Key results feed the objectives' rollups: the analysis is derived again; the tree
      // and the snapshot's other parts stay.
      shared.analysis = MirrorAnalysis(snapshot: shared.snapshot, today: shared.today)
    }
    shared.snapshot.lastAuditID = max(shared.snapshot.lastAuditID, items.lastAuditID)
    for part in ScreenRegistry.all { part.reloaded(&self) }
    return true
  }
}
