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
  public var status: StatusMessage?
  /// Why edits are refused (nil when the workspace is writable).
  public var readOnlyReason: String?
  public var isQuitting = false

  /// `readOnlyReason` defaults to the store's wording when the snapshot says read-only.
  public init(
    snapshot: Snapshot, today: Day, user: String, glyphs: Glyphs = .unicode, width: Int = 80,
    height: Int = 24, readOnlyReason: String? = nil
  ) {
    self.snapshot = snapshot
    self.today = today
    self.user = user
    self.glyphs = glyphs
    self.width = width
    self.height = height
    analysis = MirrorAnalysis(snapshot: snapshot, today: today)
    tree = OKRTree(snapshot: snapshot)
    // Objectives start open (their key results and direct actions show), key results closed.
    expanded = Set(snapshot.objectives.map(\.id))
    rows = []
    self.readOnlyReason =
      readOnlyReason
      ?? (snapshot.isReadOnly ? StoreError.readOnly(path: snapshot.workspacePath).description : nil)
    rows = tree.visibleRows(expanded: expanded, filter: filter)
  }

  /// The id of the selected tree item.
  public var selectedID: String? { rows.indices.contains(cursor) ? rows[cursor].id : nil }
  public var selectedRow: OKRTree.Row? { rows.indices.contains(cursor) ? rows[cursor] : nil }
  /// The selected action, when the selection is one.
  public var selectedAction: Action? { selectedID.flatMap { tree.actions[$0] } }
  public var isReadOnly: Bool { readOnlyReason != nil }

  /// Theme ids the mirror pane shows for the selection (an objective: the union of its own,
  /// its key results' and its actions' links).
  public var mirrorThemeIDs: [String] {
    guard let row = selectedRow else { return [] }
    switch row.kind {
    case .objective: return analysis.themeIDs(objective: row.id)
    case .keyResult: return analysis.themeIDs(keyResult: row.id)
    case .action: return analysis.themeIDs(action: row.id)
    }
  }

  /// Takes a new snapshot, keeping the expansion and the selection by id.
  mutating func load(_ new: Snapshot) {
    let keep = selectedID
    let path = keep.map { tree.ancestors(of: $0) } ?? []
    snapshot = new
    analysis = MirrorAnalysis(snapshot: new, today: today)
    tree = OKRTree(snapshot: new)
    if new.isReadOnly && readOnlyReason == nil {
      readOnlyReason = StoreError.readOnly(path: new.workspacePath).description
    }
    rebuildRows(keeping: keep, orNearest: path)
    if case .themeDetail(let id) = overlay, analysis.mirror(theme: id) == nil { overlay = nil }
    mirrorCursor = min(mirrorCursor, max(0, mirrorThemeIDs.count - 1))
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
