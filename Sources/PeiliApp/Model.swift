import Dispatch
import PeiliCore
import PeiliUI

/// Everything the app shows and remembers between keys; changed only by `update`.
public struct Model: Sendable {
  public private(set) var snapshot: Snapshot
  /// Derived from `snapshot` once per load.
  public private(set) var analysis: MirrorAnalysis
  public private(set) var tree: OKRTree
  /// The tree rows in view (expansion and filter applied), rebuilt only when those change.
  public private(set) var rows: [OKRTree.Row]

  public var today: Day
  /// The operating-system user every write is attributed to.
  public let user: String
  public var glyphs: Glyphs
  public var width: Int
  public var height: Int

  public var screen: Screen = .dashboard
  public var focus: Pane = .tree
  public var expanded: Set<String>
  /// Index into `rows` of the selected row.
  public var cursor: Int = 0
  public var treeScroll: Int = 0
  /// Index of the selected theme in the mirror pane.
  public var mirrorCursor: Int = 0
  public var mirrorScroll: Int = 0
  public var filter: String = ""
  public var isEditingFilter = false
  public var overlay: Overlay?
  public var status: StatusMessage? { didSet { statusAge = 0 } }
  /// Ticks since `status` was set: another session's news does not replace a message of
  /// this session's within the tick it appeared in.
  public internal(set) var statusAge = 0
  /// The newest audit row this session has been told about: other sessions' changes after it
  /// are named when they arrive.
  public private(set) var seenAudit: Int64
  /// The other sessions that have the workspace open, oldest first.
  public var others: [WorkspaceSession] = []
  /// Why edits are refused (nil when the workspace is writable).
  public var readOnlyReason: String?
  public var isQuitting = false

  /// Screens to return to with Esc/Backspace, the most recent last.
  public var back: [Screen] = []
  /// The gap the gaps screen ranks by.
  public var gapKind: GapKind = .mirror
  public var gapsView: GapsMode = .ranking
  /// The selected theme on the gaps screen, kept by id (the order changes with the ranking).
  public var gapsThemeID: String?
  /// The audience of the importance–performance grid.
  public var gridAudience: Audience = .customer
  /// The open (or last opened) theme drill-down.
  public var drill: DrillState?
  /// The segment filter every score obeys (`.none`: all respondents).
  public private(set) var segmentFilter: SegmentFilter = .none
  /// The theme and question scores in view: the snapshot's, or those under the filter.
  public private(set) var scores: [ScoreKey: ScoreSummary]
  /// Scores withheld under the filter to protect a small group, with the reason of each.
  public private(set) var withheld: [ScoreKey: String] = [:]
  public var withheldCount: Int { withheld.count }
  /// The first reason, for the status line.
  public private(set) var withheldReason: String?
  /// A filter asked for and not answered yet (applied, or refused, when it is).
  public var requestedFilter: SegmentFilter?
  /// The snapshot changed under a filter: its scores must be asked for again.
  public private(set) var filterIsStale = false
  /// Answers of survey queries for the current snapshot (cleared on reload and filter change).
  public var answers: [SurveyQuery: SurveyAnswer] = [:]
  /// Queries asked and not yet answered.
  public var pending: Set<SurveyQuery> = []

  /// `readOnlyReason` defaults to the store's wording when the snapshot says read-only;
  /// `basis`, when given, is the snapshot's `MirrorBasis` for `today` (derived while the store
  /// read the actions: see `WorkspaceStore.snapshot(meanwhile:)`).
  public init(
    snapshot: Snapshot, today: Day, user: String, glyphs: Glyphs = .unicode, width: Int = 80,
    height: Int = 24, readOnlyReason: String? = nil, basis: MirrorBasis? = nil
  ) {
    self.snapshot = snapshot
    self.seenAudit = snapshot.lastAuditID
    self.today = today
    self.user = user
    self.glyphs = glyphs
    self.width = width
    self.height = height
    (analysis, tree) = Self.derive(snapshot, today: today, basis: basis)
    // Objectives start open (their key results and direct actions show), key results closed.
    expanded = Set(snapshot.objectives.map(\.id))
    rows = []
    scores = snapshot.scores
    self.readOnlyReason =
      readOnlyReason
      ?? (snapshot.isReadOnly
        ? (snapshot.readOnlyReason
          ?? StoreError.readOnly(path: snapshot.workspacePath, reason: nil).description)
        : nil)
    rows = tree.visibleRows(expanded: expanded, filter: filter)
  }

  /// The id of the selected tree item.
  public var selectedID: String? { rows.indices.contains(cursor) ? rows[cursor].id : nil }
  public var selectedRow: OKRTree.Row? { rows.indices.contains(cursor) ? rows[cursor] : nil }
  /// The selected action, when the selection is one.
  public var selectedAction: Action? { selectedID.flatMap { tree.action($0) } }
  public var isReadOnly: Bool { readOnlyReason != nil }

  /// Theme ids the mirror pane shows for the selection (an objective: the union of its own,
  /// its key results' and its actions' links).
  public var mirrorThemeIDs: [String] {
    guard let row = selectedRow else { return [] }
    switch row.kind {
    case .objective: return analysis.themeIDs(objective: row.id)
    case .keyResult: return analysis.themeIDs(keyResult: row.id)
    case .action: return tree.action(row.id).map { analysis.themeIDs(of: $0) } ?? []
    }
  }

  /// Takes a new snapshot, keeping the expansion and the selection by id.
  mutating func load(_ new: Snapshot) {
    let keep = selectedID
    let path = keep.map { tree.ancestors(of: $0) } ?? []
    snapshot = new
    // Filtered scores are asked for again by the caller; until then the snapshot's show.
    scores = new.scores
    filterIsStale = !segmentFilter.isEmpty
    answers = [:]
    pending = []
    (analysis, tree) = Self.derive(new, today: today)
    // The store judges write permission afresh on each write (it can be granted or taken
    // away while the dashboard is open); the snapshot carries its latest judgement.
    readOnlyReason =
      new.isReadOnly
      ? (new.readOnlyReason ?? StoreError.readOnly(path: new.workspacePath, reason: nil).description) : nil
    rebuildRows(keeping: keep, orNearest: path)
    mirrorCursor = min(mirrorCursor, max(0, mirrorThemeIDs.count - 1))
    scrollMirrorToCursor()
  }

  /// Names another session's change on the status line ("aino: A4 progress 60% → 70%"),
  /// unless that would hide an error or a message of this session's from this very tick.
  mutating func noteExternal(_ changes: ChangesByOthers?) {
    if let changes {
      seenAudit = max(seenAudit, changes.lastAuditID)
      // Already in the snapshot this session read (written before it): no news.
      if changes.count == 0 { return }
    }
    if let status, status.isError || (statusAge < 2 && !status.isNews) { return }
    var news = StatusMessage(
      ChangeText(glyphs: glyphs).byOthers(changes ?? ChangesByOthers(lastAuditID: 0), me: user))
    news.isNews = true
    status = news
  }

  /// Moves the mirror pane's scroll so its cursor is in view at the current size.
  mutating func scrollMirrorToCursor() {
    let layout = DashboardLayout(width: width, height: height, readOnly: isReadOnly)
    mirrorScroll = TreeWidget.scrollOffset(
      selected: mirrorCursor, previous: mirrorScroll,
      height: MirrorRows.visibleThemes(self, pane: layout.mirror),
      count: mirrorThemeIDs.count)
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
    guard let old = tree.action(action.id),
      let i = tree.snapshotIndex[action.id], snapshot.actions.indices.contains(i),
      analysis.update(action: action, was: old), tree.replace(action: action)
    else { return false }
    snapshot.actions[i] = action
    return true
  }

  /// Applies scores computed under a filter: every screen's analysis is rebuilt from them.
  mutating func apply(_ filtered: FilteredScores) {
    segmentFilter = filtered.filter
    filterIsStale = false
    scores = filtered.scores
    withheld = filtered.refused
    withheldReason = filtered.refused.sorted { "\($0.key)" < "\($1.key)" }.first?.value
    analysis = MirrorAnalysis(snapshot: filtered.applied(to: snapshot), today: today)
    // Answers under another filter are no longer shown.
    answers = answers.filter { $0.key.filter == filtered.filter || $0.key == .attributes }
  }

  /// Back to every respondent.
  mutating func clearSegmentFilter() {
    segmentFilter = .none
    filterIsStale = false
    scores = snapshot.scores
    withheld = [:]
    withheldReason = nil
    analysis = MirrorAnalysis(snapshot: snapshot, today: today)
    answers = answers.filter { $0.key.filter.isEmpty }
  }

  /// The segment attributes, once loaded.
  public var segmentAttributes: [SegmentAttribute]? {
    if case .attributes(let a)? = answers[.attributes] { return a }
    return nil
  }

  /// Opens or closes an item. Without a filter only its own rows change: they are spliced in
  /// place (the rows a full rebuild gives) instead of rebuilding thousands; with one, all are.
  mutating func setExpanded(_ id: String, _ open: Bool) {
    if open { expanded.insert(id) } else { expanded.remove(id) }
    let at = rows.indices.contains(cursor) && rows[cursor].id == id ? cursor : rows.firstIndex { $0.id == id }
    guard filter.isEmpty, let i = at else {
      rebuildRows(keeping: id)
      return
    }
    let depth = rows[i].depth
    var end = i + 1
    while end < rows.count && rows[end].depth > depth { end += 1 }
    rows.replaceSubrange(i..<end, with: tree.rows(from: id, depth: depth, expanded: expanded))
    cursor = i
    scrollToCursor()
  }

  /// Recomputes the visible rows and puts the cursor back on `id`, else on the nearest of
  /// its ancestors (`path`, root first; by default as the current tree has them).
  mutating func rebuildRows(keeping id: String?, orNearest path: [String]? = nil) {
    rows = tree.visibleRows(expanded: expanded, filter: filter)
    let visible = rows
    let candidates = id.map { [$0] + (path ?? tree.ancestors(of: $0)).reversed() } ?? []
    if let i = candidates.lazy.compactMap({ c in visible.firstIndex { $0.id == c } }).first {
      cursor = i
    } else {
      cursor = min(cursor, max(0, rows.count - 1))
    }
    scrollToCursor()
  }

  /// Moves the tree scroll so the cursor is in view at the current size.
  mutating func scrollToCursor() {
    let layout = DashboardLayout(width: width, height: height, readOnly: isReadOnly)
    treeScroll = TreeWidget.scrollOffset(
      selected: cursor, previous: treeScroll, height: layout.treeRows.height, count: rows.count)
  }
}

/// The tree built on another thread, handed back once `DispatchGroup.wait` returns (the
/// group's wait orders the write before the read).
private final class TreeBuild: @unchecked Sendable {
  var tree: OKRTree?
}
