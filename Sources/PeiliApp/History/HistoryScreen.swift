import PeiliCore
import PeiliUI

extension ScreenID {
  public static let history = ScreenID("history")
}

/// The audit trail, newest first: who changed what, when, from which value to which; filter
/// by user, item, field and time span; jump to the item; revert an older change.
enum HistoryScreen: ScreenPart {
  /// The time spans the trail can be limited to, in days back from today (nil: all).
  static let spans: [Int?] = [nil, 0, 7, 30]

  /// The filters and the selection (by audit row id).
  struct State: ScreenState {
    var user: String?
    var entityID: String?
    var field: String?
    /// Index into `HistoryScreen.spans`.
    var span = 0
    var selectedID: Int64?
    var scroll = 0

    var hasFilter: Bool { user != nil || entityID != nil || field != nil || span != 0 }
  }

  static let id = ScreenID.history
  static let digit = 7
  static func title(_ t: Catalogue) -> String { t.title(id) }

  /// The audit query the filters stand for.
  static func query(_ m: Model) -> AuditQuery {
    let s = m[Self.self]
    var q = AuditQuery()
    q.user = s.user
    q.entityID = s.entityID
    q.field = s.field
    if let days = spans[min(s.span, spans.count - 1)] {
      let day = Day(ordinal: m.shared.today.ordinal - days)
      q.since = "\(day)T00:00:00Z"
    }
    q.limit = 500
    return q
  }

  /// The workspace changed: the trail is read again when next shown.
  static func invalidate(_ m: inout Model) { m.shared.historyIsStale = true }

  /// The read the screen needs now: what it shows is not what its filters ask for, or the
  /// workspace changed since; asked once.
  static func needs(_ m: inout Model) -> [Command] {
    let q = query(m)
    let current = m.shared.history?.query == q && !m.shared.historyIsStale
    guard !current, m.shared.historyAsked != q else { return [] }
    m.shared.historyAsked = q
    return [.history(q)]
  }

  static func receive(_ m: inout Model, _ page: HistoryPage) {
    if m.shared.historyAsked == page.query { m.shared.historyAsked = nil }
    // An answer to filters since changed is dropped: the newer read is on its way.
    guard page.query == query(m) else { return }
    m.shared.history = page
    m.shared.historyIsStale = false
    let entries = page.entries
    if !entries.contains(where: { $0.id == m[Self.self].selectedID }) {
      m[Self.self].selectedID = entries.first?.id
    }
    keepInView(&m, entries)
  }

  static func entries(_ m: Model) -> [AuditEntry] { m.shared.history?.entries ?? [] }

  /// The selection's place in `entries` (the page's, looked up by audit id).
  static func cursor(_ m: Model, in entries: [AuditEntry]) -> Int {
    guard let id = m[Self.self].selectedID, let i = m.shared.history?.places[id], i < entries.count else {
      return 0
    }
    return i
  }

  static func visibleRows(_ m: Model) -> Int { max(1, ScreenArea.body(m).height - 2) }

  static func keepInView(_ m: inout Model, _ entries: [AuditEntry]) {
    m[Self.self].scroll = TreeWidget.scrollOffset(
      selected: cursor(m, in: entries), previous: m[Self.self].scroll, height: visibleRows(m),
      count: entries.count)
  }

  static func bindings(_ m: Model) -> [KeyBinding] {
    let t = m.shared.text.keys
    let entries = entries(m)
    let i = cursor(m, in: entries)
    let selected = entries.isEmpty ? nil : entries[i]
    let page = max(1, visibleRows(m) - 1)
    func select(_ m: inout Model, _ j: Int) {
      guard !entries.isEmpty else { return }
      m[Self.self].selectedID = entries[max(0, min(entries.count - 1, j))].id
      keepInView(&m, entries)
    }
    let users = m.shared.history?.users ?? []
    let fields = m.shared.history?.fields ?? []
    let revertable =
      selected.map { e in e.kind == .edit && m.shared.history?.revertedBy[e.changeID] == nil } ?? false
    let move = t.groupMove
    let filters = t.groupFind
    return ListKeys.bindings(m, count: entries.count, at: i, page: page, group: move, select: select) + [
      .act(
        [.enter], label: "Enter", help: t.jump, short: t.jumpShort, group: move, priority: .high,
        when: selected.map { m.shared.tree.nodes[$0.entityID] != nil } ?? false
      ) { m, _ in
        guard let e = selected else { return }
        DashboardScreen.reveal(&m, e.entityID)
        Navigation.go(&m, to: .dashboard)
      },
      KeyBinding(
        [.char("w")], label: "w", help: t.historyUser, short: m.shared.text.history.user, group: filters
      ) {
        m, _ in
        m[Self.self].user = ListKeys.next(m[Self.self].user, in: users)
        return []
      },
      KeyBinding(
        [.char("i")], label: "i", help: t.historyItem, short: m.shared.text.history.item, group: filters
      ) {
        m, _ in
        m[Self.self].entityID = m[Self.self].entityID == nil ? selected?.entityID : nil
        return []
      },
      KeyBinding([.char("e")], label: "e", help: t.historyField, group: filters) { m, _ in
        m[Self.self].field = ListKeys.next(m[Self.self].field, in: fields)
        return []
      },
      KeyBinding(
        [.char("t")], label: "t", help: t.historySpan, short: m.shared.text.history.span, group: filters
      ) {
        m, _ in
        m[Self.self].span = (m[Self.self].span + 1) % spans.count
        return []
      },
      KeyBinding(
        [.char("x")], label: "x", help: t.clearFilters,
        short: m[Self.self].hasFilter ? t.clearFiltersShort : nil,
        group: filters, when: m[Self.self].hasFilter
      ) { m, _ in
        let keep = m[Self.self].selectedID
        m[Self.self] = State()
        m[Self.self].selectedID = keep
        return []
      },
      .act(
        [.char("r")], label: "r", help: t.revert, short: revertable ? t.revertShort : nil,
        group: t.groupChange
      ) { m, _ in
        guard let e = selected, revertable else {
          m.shared.status = StatusMessage(m.shared.text.history.cannotRevert)
          return
        }
        m.overlay = .confirmRevert(RevertPreview(changeID: e.changeID, entries: entries))
      },
      KeyBinding([.char("u")], label: "u", help: t.undo, group: t.groupChange) { _, _ in [.undo] },
    ]
  }

  static func view(_ m: Model, area: Rect, into buffer: inout Buffer) {
    HistoryView.render(m, area: area, into: &buffer)
  }
}
