import PeiliCore
import PeiliUI

extension ScreenID {
  public static let actions = ScreenID("actions")
}

/// Every action of the cycle in one table: filter by owner, status, theme and overdue, sort,
/// edit and check in as on the tree, and jump to the action in the tree.
enum ActionsScreen: ScreenPart {
  /// How the table is sorted.
  enum Sort: String, Codable, CaseIterable, Sendable {
    case due, progress, owner, status
  }

  /// The filters, the sort and the selection (kept by id: the order changes with the sort).
  struct State: ScreenState {
    /// nil: every owner; "": actions without one.
    var owner: String?
    var status: ActionStatus?
    var themeID: String?
    var overdueOnly = false
    var sort: Sort = .due
    var selectedID: String?
    var scroll = 0
    /// The rows as last derived (`settle`); not published: a follower derives its own.
    var rows = ActionsRows.Cache()

    var hasFilter: Bool { owner != nil || status != nil || themeID != nil || overdueOnly }

    enum CodingKeys: String, CodingKey {
      case owner, status, themeID, overdueOnly, sort, selectedID, scroll
    }
  }

  static func settle(_ m: inout Model) {
    let now = m
    m[Self.self].rows.settle(now)
  }

  /// Every sort order and the filters' choices, derived by the worker that read the snapshot.
  static func prepare(_ snapshot: Snapshot, analysis: MirrorAnalysis, today: Day) -> (any Sendable)? {
    ActionsRows.prepare(snapshot)
  }

  static func adopt(_ prepared: any Sendable, _ m: inout Model) {
    guard let p = prepared as? ActionsRows.Prepared else { return }
    let revision = m.shared.revision
    m[Self.self].rows.adopt(p, revision: revision)
  }

  static let id = ScreenID.actions
  static let digit = 4
  static func title(_ t: Catalogue) -> String { t.title(id) }

  /// The selected row's index in `rows` (the first when the selection is not among them).
  static func cursor(_ m: Model, in rows: ActionsRows.Rows) -> Int {
    rows.row(of: m[Self.self].selectedID, in: m) ?? 0
  }

  static func selected(_ m: Model, in rows: ActionsRows.Rows) -> Action? {
    rows.isEmpty ? nil : rows[cursor(m, in: rows)]
  }

  /// Rows of the table in view (the body less the filter line and the column titles).
  static func visibleRows(_ m: Model) -> Int { max(1, ScreenArea.body(m).height - 2) }

  /// Only while shown: elsewhere the rows are derived (and the scroll kept) when it is next
  /// opened, not on every load.
  static func reloaded(_ m: inout Model) {
    guard m.screen == id else { return }
    let rows = ActionsRows.actions(m)
    keepInView(&m, rows)
  }

  static func keepInView(_ m: inout Model, _ rows: ActionsRows.Rows) {
    let i = cursor(m, in: rows)
    m[Self.self].scroll = TreeWidget.scrollOffset(
      selected: i, previous: m[Self.self].scroll, height: visibleRows(m), count: rows.count)
  }

  static func bindings(_ m: Model) -> [KeyBinding] {
    let t = m.shared.text.keys
    let rows = ActionsRows.actions(m)
    let i = cursor(m, in: rows)
    let page = max(1, visibleRows(m) - 1)
    func select(_ m: inout Model, _ j: Int) {
      guard !rows.isEmpty else { return }
      m[Self.self].selectedID = rows[max(0, min(rows.count - 1, j))].id
      keepInView(&m, rows)
    }
    func refilter(_ m: inout Model) {
      settle(&m)
      let now = ActionsRows.actions(m)
      if now.row(of: m[Self.self].selectedID, in: m) == nil {
        m[Self.self].selectedID = now.first?.id
      }
      m[Self.self].scroll = 0
      keepInView(&m, now)
    }
    let move = t.groupMove
    let filters = t.groupFind
    var out = ListKeys.bindings(m, count: rows.count, at: i, page: page, group: move, select: select)
    out += [
      .act(
        [.enter], label: "Enter", help: t.jump, short: t.jumpShort, group: move, priority: .high,
        when: !rows.isEmpty
      ) { m, _ in
        guard let a = selected(m, in: rows) else { return }
        DashboardScreen.reveal(&m, a.id)
        Navigation.go(&m, to: .dashboard)
      },
      .act([.tab, .backTab], label: "Tab", help: t.sort, short: t.sortShort, group: filters) { m, key in
        let all = Sort.allCases
        let at = all.firstIndex(of: m[Self.self].sort) ?? 0
        m[Self.self].sort = all[(at + (key == .tab ? 1 : all.count - 1)) % all.count]
        settle(&m)
        keepInView(&m, ActionsRows.actions(m))
      },
      .act([.char("o")], label: "o", help: t.filterOwner, short: t.filterShortOwner, group: filters) { m, _ in
        m[Self.self].owner = ListKeys.next(m[Self.self].owner, in: ActionsRows.owners(m))
        refilter(&m)
      },
      .act([.char("S")], label: "S", help: t.filterStatus, group: filters) { m, _ in
        m[Self.self].status = ListKeys.next(m[Self.self].status, in: ActionStatus.allCases)
        refilter(&m)
      },
      .act([.char("t")], label: "t", help: t.filterTheme, group: filters) { m, _ in
        m[Self.self].themeID = ListKeys.next(m[Self.self].themeID, in: ActionsRows.themes(m))
        refilter(&m)
      },
      .act([.char("d")], label: "d", help: t.filterOverdue, group: filters) { m, _ in
        m[Self.self].overdueOnly.toggle()
        refilter(&m)
      },
      .act(
        [.char("x")], label: "x", help: t.clearFilters,
        short: m[Self.self].hasFilter ? t.clearFiltersShort : nil,
        group: filters, when: m[Self.self].hasFilter
      ) { m, _ in
        let keep = m[Self.self]
        m[Self.self] = State()
        m[Self.self].sort = keep.sort
        m[Self.self].selectedID = keep.selectedID
        m[Self.self].rows = keep.rows
        refilter(&m)
      },
    ]
    out += EditKeys.bindings(m, action: selected(m, in: rows), keyResult: nil, group: t.groupChange)
    return out
  }

  static func view(_ m: Model, area: Rect, into buffer: inout Buffer) {
    ActionsView.render(m, area: area, into: &buffer)
  }
}
