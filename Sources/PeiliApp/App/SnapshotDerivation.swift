import PeiliCore

/// What a freshly read snapshot yields before any screen reads it — the analysis, the tree
/// and what each screen prepares from them (`ScreenPart.prepare`) — worked out by the worker
/// that read it, so that applying a load (a reload, another cycle) costs the key path only
/// the assignment. Used when it was made for the model's day; otherwise the model derives.
public struct SnapshotDerivation: Sendable {
  let today: Day
  let analysis: MirrorAnalysis
  let tree: OKRTree
  let prepared: [ScreenID: any Sendable]
  /// The snapshot's actions in storage of the model's own (`Model.owned`), copied here.
  let actions: [Action]

  /// Derives everything for `snapshot` as seen on `today` (on the calling thread).
  public init(_ snapshot: Snapshot, today: Day) {
    self.today = today
    (analysis, tree) = Model.derive(snapshot, today: today)
    var prepared: [ScreenID: any Sendable] = [:]
    for part in ScreenRegistry.all {
      if let p = part.prepare(snapshot, analysis: analysis, today: today) { prepared[part.id] = p }
    }
    self.prepared = prepared
    actions = Model.owned(snapshot.actions)
  }
}
