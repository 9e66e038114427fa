import Dispatch
import PeiliCore
import PeiliUI

/// Everything the app shows and remembers between keys; changed only by `update`: the shared
/// facts, the screen in view with every screen's own state, and the open box.
public struct Model: Sendable {
  public var shared: Shared
  public var screen: ScreenID = .dashboard
  public var states = ScreenStates()
  public var overlay: Overlay?
  /// Screens to return to with Esc/Backspace, the most recent last.
  public var back: [ScreenID] = []
  public var isQuitting = false

  /// `readOnlyReason` defaults to the store's wording when the snapshot says read-only;
  /// `basis`, when given, is the snapshot's `MirrorBasis` for `today` (derived while the store
  /// read the actions: see `WorkspaceStore.snapshot(meanwhile:)`).
  public init(
    snapshot: Snapshot, today: Day, user: String, glyphs: Glyphs = .unicode, text: Catalogue = .english,
    width: Int = 80, height: Int = 24, readOnlyReason: String? = nil, basis: MirrorBasis? = nil
  ) {
    let (analysis, tree) = Self.derive(snapshot, today: today, basis: basis)
    shared = Shared(
      snapshot: snapshot, analysis: analysis, tree: tree, today: today, user: user, glyphs: glyphs,
      text: text,
      width: width, height: height, seenAudit: snapshot.lastAuditID,
      readOnlyReason: readOnlyReason ?? Self.readOnlyReason(of: snapshot), scores: snapshot.scores)
    shared.snapshot.actions = Self.owned(snapshot.actions)
    shared.review = snapshot.review
    DashboardScreen.start(&self)
  }

  /// `actions` in storage of the model's own. The tree and the screens' rows keep the loaded
  /// array for reading, and the model edits its copy in place (its own edit, another
  /// session's check-in): the first such write into a shared array would copy all of it on
  /// the key path — 60,000 actions, 6 ms alone and 0.3 s with 30 sessions on 2 cores.
  static func owned(_ actions: [Action]) -> [Action] { actions.map { $0 } }

  /// The part that draws and takes the keys of the screen in view.
  var part: any ScreenPart.Type { ScreenRegistry.part(screen) }

  /// A screen's state.
  subscript<S: ScreenPart>(_ part: S.Type) -> S.State {
    get { states[part] }
    _modify { yield &states[part] }
  }

  static func readOnlyReason(of snapshot: Snapshot) -> String? {
    guard snapshot.isReadOnly else { return nil }
    return snapshot.readOnlyReason
      ?? StoreError.readOnly(path: snapshot.workspacePath, reason: nil).description
  }

  /// Takes a new snapshot; every screen keeps its selection by id. `derived`, when the worker
  /// made it for this model's day, replaces the derivation here.
  mutating func load(_ new: Snapshot, derived: SnapshotDerivation? = nil) {
    let keep = DashboardScreen.keepSelection(self)
    shared.snapshot = new
    shared.review = new.review
    // Filtered scores are asked for again by the caller; until then the snapshot's show.
    shared.scores = new.scores
    shared.filterIsStale = !shared.segmentFilter.isEmpty
    shared.answers = [:]
    shared.pending = []
    let derived = derived.flatMap { $0.today == shared.today ? $0 : nil }
    (shared.analysis, shared.tree) =
      derived.map { ($0.analysis, $0.tree) } ?? Self.derive(new, today: shared.today)
    shared.snapshot.actions = derived?.actions ?? Self.owned(new.actions)
    // The store judges write permission afresh on each write (it can be granted or taken
    // away while the dashboard is open); the snapshot carries its latest judgement.
    shared.readOnlyReason = Self.readOnlyReason(of: new)
    DashboardScreen.reloaded(&self, keeping: keep)
    for part in ScreenRegistry.all {
      if let p = derived?.prepared[part.id] { part.adopt(p, &self) }
      part.reloaded(&self)
    }
  }

  /// Names another session's change on the status line ("aino: A4 progress 60% → 70%"),
  /// unless that would hide an error or a message of this session's from this very tick.
  /// `fields`, when known, are every field of the newest change (else only its newest field
  /// is named).
  mutating func noteExternal(_ changes: ChangesByOthers?, fields: [FieldChange] = []) {
    if let changes {
      shared.seenAudit = max(shared.seenAudit, changes.lastAuditID)
      // Already in the snapshot this session read (written before it): no news.
      if changes.count == 0 { return }
    }
    if let status = shared.status, status.isError || (shared.statusAge < 2 && !status.isNews) { return }
    var news = StatusMessage(
      ChangeText(glyphs: shared.glyphs, text: shared.text).byOthers(
        changes ?? ChangesByOthers(lastAuditID: 0), me: shared.user, fields: fields))
    news.isNews = true
    shared.status = news
  }

  /// The analysis and the tree of a snapshot. They are independent, so the tree is built on
  /// another core meanwhile: a load is the largest part of the first frame and of a reload.
  static func derive(_ snapshot: Snapshot, today: Day, basis: MirrorBasis? = nil) -> (MirrorAnalysis, OKRTree)
  {
    let built = TreeBuild()
    let group = DispatchGroup()
    DispatchQueue.global(qos: .userInitiated).async(group: group) {
      built.tree = OKRTree(snapshot: snapshot)
    }
    let analysis =
      basis.map { MirrorAnalysis(basis: $0, snapshot: snapshot) }
      ?? MirrorAnalysis(snapshot: snapshot, today: today)
    group.wait()
    return (analysis, built.tree ?? OKRTree(snapshot: snapshot))
  }

  /// Applies this session's own edit (the action as the store wrote it) without re-reading
  /// the workspace: the snapshot's copy, the tree's and the analysis (in place, also for a
  /// move to or from dropped). False when the edit moves the action in the tree or changes
  /// its theme links: the caller reloads then, replacing whatever was applied.
  mutating func apply(edited action: Action) -> Bool {
    guard let old = shared.tree.action(action.id),
      let i = shared.tree.snapshotIndex[action.id], shared.snapshot.actions.indices.contains(i),
      shared.analysis.update(action: action, was: old), shared.tree.replace(action: action)
    else { return false }
    shared.snapshot.actions[i] = action
    return true
  }

  /// Applies scores computed under a filter: every screen's analysis is rebuilt from them.
  mutating func apply(_ filtered: FilteredScores) {
    shared.segmentFilter = filtered.filter
    shared.filterIsStale = false
    shared.scores = filtered.scores
    shared.withheld = filtered.refused
    shared.withheldReason = filtered.refused.sorted { "\($0.key)" < "\($1.key)" }.first?.value
    shared.analysis = MirrorAnalysis(snapshot: filtered.applied(to: shared.snapshot), today: shared.today)
    // Answers under another filter are no longer shown.
    shared.answers = shared.answers.filter { $0.key.filter == filtered.filter || $0.key == .attributes }
  }

  /// Back to every respondent.
  mutating func clearSegmentFilter() {
    shared.segmentFilter = .none
    shared.filterIsStale = false
    shared.scores = shared.snapshot.scores
    shared.withheld = [:]
    shared.withheldReason = nil
    shared.analysis = MirrorAnalysis(snapshot: shared.snapshot, today: shared.today)
    shared.answers = shared.answers.filter { $0.key.filter.isEmpty }
  }
}

/// The tree built on another thread, handed back once `DispatchGroup.wait` returns (the
/// group's wait orders the write before the read).
private final class TreeBuild: @unchecked Sendable {
  var tree: OKRTree?
}
