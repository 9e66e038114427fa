import PeiliCore
import PeiliUI

extension ScreenID {
  public static let dashboard = ScreenID("dashboard")
}

/// Which pane of the dashboard has the keyboard.
public enum Pane: String, Hashable, Sendable, Codable {
  case tree, mirror
}

/// The dashboard: the OKR tree and the mirror of its selection.
enum DashboardScreen: ScreenPart {
  /// What the dashboard remembers: the expansion, the selection, the scrolls and the filter.
  struct State: ScreenState {
    var focus: Pane = .tree
    var expanded: Set<String> = []
    /// Index into `rows` of the selected row.
    var cursor = 0
    var treeScroll = 0
    /// Index of the selected theme in the mirror pane.
    var mirrorCursor = 0
    var mirrorScroll = 0
    /// The tree filter as typed (the prompt is a `TextInput`).
    var filterInput = TextInput(limit: 60)
    var isEditingFilter = false
    /// The tree rows in view (expansion and filter applied), rebuilt only when those change;
    /// derived, so never published.
    var rows: [OKRTree.Row] = []
    /// A load arrived while another screen was shown: the selection to restore when the
    /// dashboard is next settled (its rows are rebuilt then, not on every load).
    var pendingRestore: KeptSelection?

    var filter: String { filterInput.text }

    enum CodingKeys: String, CodingKey {
      case focus, expanded, cursor, treeScroll, mirrorCursor, mirrorScroll, filterInput, isEditingFilter
    }
  }

  static let id = ScreenID.dashboard
  static let digit = 1
  static func title(_ t: Catalogue) -> String { t.title(id) }

  /// The first state: objectives open (their key results and direct actions show), key
  /// results closed.
  /// Side by side (a wide terminal), where the whole tree fits the pane, everything starts
  /// open instead: the rows are there to be used.
  static func start(_ m: inout Model) {
    m[Self.self].expanded = Set(m.shared.snapshot.objectives.map(\.id))
    rebuildRows(&m, keeping: nil)
    let all = Set(m.shared.tree.nodes.keys)
    let everything = m.shared.tree.visibleRows(expanded: all)
    if layout(m).isSideBySide && everything.count <= layout(m).treeRows.height {
      m[Self.self].expanded = all
      rebuildRows(&m, keeping: nil)
    }
  }

  // MARK: selection

  static func selectedRow(_ m: Model) -> OKRTree.Row? {
    let s = m[Self.self]
    return s.rows.indices.contains(s.cursor) ? s.rows[s.cursor] : nil
  }
  static func selectedID(_ m: Model) -> String? { selectedRow(m)?.id }
  static func selectedAction(_ m: Model) -> Action? { selectedID(m).flatMap { m.shared.tree.action($0) } }
  static func selectedKeyResult(_ m: Model) -> KeyResult? {
    guard let row = selectedRow(m), row.kind == .keyResult else { return nil }
    return m.shared.tree.keyResult(row.id)
  }

  /// Theme ids the mirror pane shows for the selection (an objective: the union of its own,
  /// its key results' and its actions' links).
  static func mirrorThemeIDs(_ m: Model) -> [String] {
    guard let row = selectedRow(m) else { return [] }
    let analysis = m.shared.analysis
    switch row.kind {
    case .objective: return analysis.themeIDs(objective: row.id)
    case .keyResult: return analysis.themeIDs(keyResult: row.id)
    case .action: return m.shared.tree.action(row.id).map { analysis.themeIDs(of: $0) } ?? []
    }
  }

  /// The selection and its path, before a new tree replaces the old one.
  /// The selected row's id and its ancestors, to find it (or the nearest) after a load.
  struct KeptSelection: Equatable, Sendable {
    var id: String?
    var path: [String]
  }

  /// Taken before a load replaces the tree (a restore still pending is the older, true one).
  static func keepSelection(_ m: Model) -> KeptSelection {
    if let pending = m[Self.self].pendingRestore { return pending }
    let id = selectedID(m)
    return KeptSelection(id: id, path: id.map { m.shared.tree.ancestors(of: $0) } ?? [])
  }

  /// After a load: at once while the dashboard is shown, else when it is next settled.
  static func reloaded(_ m: inout Model, keeping kept: KeptSelection) {
    if m.screen == id { restoreSelection(&m, kept) } else { m[Self.self].pendingRestore = kept }
  }

  static func settle(_ m: inout Model) {
    if let kept = m[Self.self].pendingRestore { restoreSelection(&m, kept) }
  }

  /// The presenter's expansion, filter and cursor, laid out at this terminal's size.
  static func followed(_ m: inout Model) {
    rebuildRows(&m, keeping: nil)
    scrollMirrorToCursor(&m)
  }

  static func restoreSelection(_ m: inout Model, _ kept: KeptSelection) {
    rebuildRows(&m, keeping: kept.id, orNearest: kept.path)
    let count = mirrorThemeIDs(m).count
    m[Self.self].mirrorCursor = min(m[Self.self].mirrorCursor, max(0, count - 1))
    scrollMirrorToCursor(&m)
  }

  /// Shows `id` in the tree: its ancestors opened, the filter cleared if it hides it, the
  /// cursor on it, and the tree focused.
  static func reveal(_ m: inout Model, _ id: String) {
    m[Self.self].expanded.formUnion(m.shared.tree.ancestors(of: id))
    if !m.shared.tree.matches(m[Self.self].filter).contains(id) { m[Self.self].filterInput.set("") }
    m[Self.self].focus = .tree
    rebuildRows(&m, keeping: id)
  }

  // MARK: rows

  /// Opens or closes an item. Without a filter only its own rows change: they are spliced in
  /// place (the rows a full rebuild gives) instead of rebuilding thousands; with one, all are.
  static func setExpanded(_ m: inout Model, _ id: String, _ open: Bool) {
    let tree = m.shared.tree
    var s = m[Self.self]
    m[Self.self].rows = []  // the only reference while it is spliced below
    if open { s.expanded.insert(id) } else { s.expanded.remove(id) }
    let at =
      s.rows.indices.contains(s.cursor) && s.rows[s.cursor].id == id
      ? s.cursor : s.rows.firstIndex { $0.id == id }
    guard s.filter.isEmpty, let i = at else {
      m[Self.self] = s
      rebuildRows(&m, keeping: id)
      return
    }
    let depth = s.rows[i].depth
    var end = i + 1
    while end < s.rows.count && s.rows[end].depth > depth { end += 1 }
    s.rows.replaceSubrange(i..<end, with: tree.rows(from: id, depth: depth, expanded: s.expanded))
    s.cursor = i
    m[Self.self] = s
    scrollToCursor(&m)
  }

  /// Recomputes the visible rows and puts the cursor back on `id`, else on the nearest of
  /// its ancestors (`path`, root first; by default as the current tree has them).
  static func rebuildRows(_ m: inout Model, keeping id: String?, orNearest path: [String]? = nil) {
    let tree = m.shared.tree
    var s = m[Self.self]
    s.rows = tree.visibleRows(expanded: s.expanded, filter: s.filter)
    s.pendingRestore = nil
    let candidates = id.map { [$0] + (path ?? tree.ancestors(of: $0)).reversed() } ?? []
    let rows = s.rows
    if let i = candidates.lazy.compactMap({ c in rows.firstIndex { $0.id == c } }).first {
      s.cursor = i
    } else {
      s.cursor = min(s.cursor, max(0, s.rows.count - 1))
    }
    m[Self.self] = s
    scrollToCursor(&m)
  }

  static func layout(_ m: Model) -> DashboardLayout {
    DashboardLayout(
      width: m.shared.width, height: m.shared.height, readOnly: m.shared.isReadOnly,
      treeWants: m.shared.tree.widestRow + TreeRows.Columns.trailingWidth(m.shared.width, text: m.shared.text)
    )
  }

  /// Moves the tree scroll so the cursor is in view at the current size.
  static func scrollToCursor(_ m: inout Model) {
    let height = layout(m).treeRows.height
    let s = m[Self.self]
    m[Self.self].treeScroll = TreeWidget.scrollOffset(
      selected: s.cursor, previous: s.treeScroll, height: height, count: s.rows.count)
  }

  /// Moves the mirror pane's scroll so its cursor is in view at the current size.
  static func scrollMirrorToCursor(_ m: inout Model) {
    let visible = MirrorRows.visibleThemes(m, pane: layout(m).mirror)
    let count = mirrorThemeIDs(m).count
    let s = m[Self.self]
    m[Self.self].mirrorScroll = TreeWidget.scrollOffset(
      selected: s.mirrorCursor, previous: s.mirrorScroll, height: visible, count: count)
  }

  static func select(_ m: inout Model, _ index: Int) {
    let count = m[Self.self].rows.count
    guard count > 0 else { return }
    let i = max(0, min(count - 1, index))
    if i != m[Self.self].cursor {
      m[Self.self].mirrorCursor = 0
      m[Self.self].mirrorScroll = 0
    }
    m[Self.self].cursor = i
    scrollToCursor(&m)
  }

  /// Applies a new filter; the selection stays if still shown, else goes to the first match.
  static func filterChanged(_ m: inout Model, keeping keep: String?) {
    let clean = m[Self.self].filter
    // Leaving a filter keeps the selection in view: open the path down to it.
    if clean.isEmpty, let keep { m[Self.self].expanded.formUnion(m.shared.tree.ancestors(of: keep)) }
    rebuildRows(&m, keeping: keep)
    let rows = m[Self.self].rows
    if !clean.isEmpty, keep.map({ id in !rows.contains { $0.id == id } }) ?? true {
      let hits = m.shared.tree.matches(clean)
      if let i = rows.firstIndex(where: { hits.contains($0.id) }) { select(&m, i) }
    }
  }

  static func setFilter(_ m: inout Model, _ text: String) {
    let keep = selectedID(m)
    m[Self.self].filterInput.set(text)
    filterChanged(&m, keeping: keep)
  }

  // MARK: keys

  static func bindings(_ m: Model) -> [KeyBinding] {
    let s = m[Self.self]
    if s.isEditingFilter { return filterBindings(m) }
    let t = m.shared.text.keys
    let l = KeyLabels(glyphs: m.shared.glyphs)
    let tree = s.focus == .tree
    let page = max(1, layout(m).treeRows.height - 1)
    let row = selectedRow(m)
    let move = t.groupMove
    var out: [KeyBinding] = [
      .act(
        [.up, .char("k"), .down, .char("j")], label: l.upDownLong, footerLabel: l.upDown, help: t.move,
        short: t.moveShort, group: move, when: tree
      ) { m, key in
        select(&m, m[Self.self].cursor + (key == .up || key == .char("k") ? -1 : 1))
      },
      .act([.pageUp, .pageDown], label: "PgUp PgDn", help: t.page, group: move, when: tree) { m, key in
        select(&m, m[Self.self].cursor + (key == .pageUp ? -page : page))
      },
      .act(
        [.home, .char("g"), .end, .char("G")], label: "g G  Home End", help: t.firstLast, group: move,
        when: tree
      ) {
        m, key in
        select(&m, key == .home || key == .char("g") ? 0 : m[Self.self].rows.count - 1)
      },
      .act([.right, .char("l")], label: l.right, help: t.openChild, group: move, when: tree) { m, _ in
        guard let row = selectedRow(m), row.hasChildren else { return }
        if row.isExpanded { select(&m, m[Self.self].cursor + 1) } else { setExpanded(&m, row.id, true) }
      },
      .act([.left, .char("h")], label: l.left, help: t.closeParent, group: move, when: tree) { m, _ in
        guard let row = selectedRow(m) else { return }
        if row.isExpanded {
          setExpanded(&m, row.id, false)
        } else if let parent = m.shared.tree.nodes[row.id]?.parentID,
          let i = m[Self.self].rows.firstIndex(where: { $0.id == parent })
        {
          select(&m, i)
        }
      },
      .act(
        [.enter], label: "Enter", help: t.openClose, short: t.openCloseShort, group: move,
        when: tree && row?.hasChildren == true
      ) { m, _ in
        guard let row = selectedRow(m), row.hasChildren else { return }
        setExpanded(&m, row.id, !row.isExpanded)
      },
      .act(
        [.tab, .backTab], label: "Tab", help: t.switchPane, short: tree ? t.mirrorShort : nil,
        group: move, priority: .low
      ) { m, _ in
        m[Self.self].focus = m[Self.self].focus == .tree ? .mirror : .tree
      },
      .act(
        [.char("/")], label: "/", help: t.filterTree,
        short: s.filter.isEmpty ? t.filterShort : t.editFilterShort,
        group: t.groupFind, priority: .low, when: tree
      ) { m, _ in
        m[Self.self].isEditingFilter = true
      },
      .act(
        [.escape], label: "Esc", help: t.escTree, short: s.filter.isEmpty ? nil : t.clearFilterShort,
        group: move, when: tree
      ) { m, _ in
        if !m[Self.self].filter.isEmpty { setFilter(&m, "") } else { Navigation.back(&m) }
      },
    ]
    out += mirrorBindings(m)
    out += EditKeys.bindings(
      m, action: selectedAction(m), keyResult: selectedKeyResult(m), group: t.groupChange)
    return out
  }

  private static func mirrorBindings(_ m: Model) -> [KeyBinding] {
    let t = m.shared.text.keys
    let l = KeyLabels(glyphs: m.shared.glyphs)
    let on = m[Self.self].focus == .mirror
    let ids = mirrorThemeIDs(m)
    func move(_ m: inout Model, _ to: Int) {
      m[Self.self].mirrorCursor = max(0, min(ids.count - 1, to))
      scrollMirrorToCursor(&m)
    }
    let c = m[Self.self].mirrorCursor
    return [
      .act(
        [.up, .char("k"), .down, .char("j")], label: l.upDownLong, footerLabel: l.upDown, help: t.mirrorMove,
        short: t.themeShort, group: t.groupMove, when: on
      ) { m, key in
        move(&m, c + (key == .up || key == .char("k") ? -1 : 1))
      },
      .act([.pageUp, .pageDown], label: "PgUp PgDn", help: t.page, group: t.groupMove, when: on) { m, key in
        move(&m, c + (key == .pageUp ? -5 : 5))
      },
      .act(
        [.home, .char("g"), .end, .char("G")], label: "g G", help: t.firstLast, group: t.groupMove, when: on
      ) {
        m, key in
        move(&m, key == .home || key == .char("g") ? 0 : ids.count - 1)
      },
      .act(
        [.enter, .right, .char("l")], label: "Enter", help: t.drill, short: t.drillShort, group: t.groupMove,
        priority: .high, when: on && !ids.isEmpty
      ) { m, _ in
        if ids.indices.contains(c), m.shared.analysis.mirror(theme: ids[c]) != nil {
          ThemeScreen.openTheme(&m, ids[c])
        }
      },
      .act(
        [.escape, .left, .char("h")], label: "Esc", footerLabel: "Tab Esc", help: t.escTree,
        short: t.treeShort,
        group: t.groupMove, when: on
      ) { m, _ in
        m[Self.self].focus = .tree
      },
    ]
  }

  /// While the filter is typed: the prompt takes the keys.
  private static func filterBindings(_ m: Model) -> [KeyBinding] {
    let t = m.shared.text.keys
    return [
      .act([.enter], label: "Enter", help: t.filterTree, short: t.keepFilterShort, priority: .essential) {
        m, _ in
        m[Self.self].isEditingFilter = false
      },
      .act([.escape], label: "Esc", help: t.filterTree, short: t.clearShort, priority: .essential) { m, _ in
        m[Self.self].isEditingFilter = false
        setFilter(&m, "")
      },
      // Typed by the prompt's text input (`typing`); here for the footer.
      .act([], label: "Backspace", help: t.filterTree, short: t.deleteShort) { _, _ in },
      .act([.up, .down], label: KeyLabels(glyphs: m.shared.glyphs).upDown, help: t.move) { m, key in
        select(&m, m[Self.self].cursor + (key == .up ? -1 : 1))
      },
    ]
  }

  /// Keys the filter prompt's text input takes (typing, Backspace, cursor keys).
  static func typing(_ m: inout Model, _ key: Key) -> Bool {
    guard m[Self.self].isEditingFilter else { return false }
    let keep = selectedID(m)
    let before = m[Self.self].filter
    guard m[Self.self].filterInput.handle(key) else { return false }
    if m[Self.self].filter != before { filterChanged(&m, keeping: keep) }
    return true
  }

  static func view(_ m: Model, area: Rect, into buffer: inout Buffer) {
    dashboardView(m, layout: layout(m), into: &buffer)
  }

  static func prompt(_ m: Model) -> [Span]? {
    let s = m[Self.self]
    guard s.isEditingFilter else { return nil }
    let label = m.shared.text.messages.filterPrompt
    return [Span(label, Style(.accent, bold: true))]
      + s.filterInput.spans(
        width: max(1, m.shared.width - Span(label).width), focused: true,
        cursorGlyph: m.shared.glyphs.textCursor)
  }

  static func idleStatus(_ m: Model) -> [Span]? {
    let s = m[Self.self]
    guard !s.filter.isEmpty else { return nil }
    let t = m.shared.text.messages
    return [
      Span(t.filterPrompt, Style(.muted)), Span(s.filter, Style(.accent)), Span(t.escClears, Style(.muted)),
    ]
  }
}

/// What the executable and the benchmarks read of the dashboard's state.
public struct DashboardFacts: Sendable {
  public let rowCount: Int
  public let cursor: Int
  public let treeScroll: Int
  public let focus: Pane
  public let selectedAction: Action?
}

extension Model {
  public var dashboard: DashboardFacts {
    let s = self[DashboardScreen.self]
    return DashboardFacts(
      rowCount: s.rows.count, cursor: s.cursor, treeScroll: s.treeScroll, focus: s.focus,
      selectedAction: DashboardScreen.selectedAction(self))
  }
}
