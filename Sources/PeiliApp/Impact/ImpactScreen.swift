import PeiliCore
import PeiliUI

extension ScreenID {
  public static let impact = ScreenID("impact")
}

/// Every action placed by what was done against what moved (DESIGN §8): the activity ×
/// impact quadrants, the list sorted by verdict with Δ, DiD and the design label, and one
/// action's detail theme by theme.
enum ImpactScreen: ScreenPart {
  /// The quadrant shown (nil: all), the selection (by id: the order changes with a reload),
  /// and the action whose detail is open.
  struct State: ScreenState {
    var quadrant: ImpactQuadrant?
    var selectedID: String?
    var scroll = 0
    var detailID: String?
    var detailScroll = 0
    /// The previous cycle's actions, judged a year later, instead of this cycle's.
    var previous = false
    /// The rows as last derived (`settle`), and the other cycle's (for `p` back and forth);
    /// not published: a follower derives its own.
    var cache = ImpactRows.Cache()
    var spare = ImpactRows.Cache()

    enum CodingKeys: String, CodingKey {
      case quadrant, selectedID, scroll, detailID, detailScroll, previous
    }
  }

  static let id = ScreenID.impact
  static let digit = 5
  static func title(_ t: Catalogue) -> String { t.title(id) }

  static func settle(_ m: inout Model) {
    let now = ImpactRows.Cache.Key(m)
    if m[Self.self].cache.key == now { return }
    if m[Self.self].spare.key == now {
      (m[Self.self].cache, m[Self.self].spare) = (m[Self.self].spare, m[Self.self].cache)
      return
    }
    var fresh = ImpactRows.derive(m)
    fresh.key = now
    m[Self.self].spare = m[Self.self].cache
    m[Self.self].cache = fresh
  }

  /// Both cycles' rows, judged by the worker that read the snapshot.
  static func prepare(_ snapshot: Snapshot, analysis: MirrorAnalysis, today: Day) -> (any Sendable)? {
    ImpactRows.prepare(snapshot, analysis: analysis, today: today)
  }

  /// Made for the snapshot just loaded on its unfiltered scores: keyed as the model stands
  /// now (a filter's scores, asked for again, make the next `settle` derive anew).
  static func adopt(_ prepared: any Sendable, _ m: inout Model) {
    guard let p = prepared as? ImpactRows.Prepared else { return }
    var key = ImpactRows.Cache.Key(m)
    var current = p.current
    key.previous = false
    current.key = key
    var previous = p.previous ?? ImpactRows.Cache()
    key.previous = true
    previous.key = p.previous == nil ? nil : key
    (m[Self.self].cache, m[Self.self].spare) =
      m[Self.self].previous ? (previous, current) : (current, previous)
  }

  static func view(_ m: Model, area: Rect, into buffer: inout Buffer) {
    ImpactView.render(m, area: area, into: &buffer)
  }

  /// The selection's place in the rows in view (`rows` is `ImpactRows.rows(m)`).
  static func cursor(_ m: Model, in rows: [ImpactRows.Entry]) -> Int {
    guard let id = m[Self.self].selectedID, let i = ImpactRows.place(of: id, m), i < rows.count else {
      return 0
    }
    return i
  }

  static func selected(_ m: Model, in rows: [ImpactRows.Entry]) -> Action? {
    rows.isEmpty ? nil : ImpactRows.action(rows[cursor(m, in: rows)], m)
  }

  /// The action whose detail is open, while it still exists.
  static func detailAction(_ m: Model) -> Action? {
    m[Self.self].detailID.flatMap { ImpactRows.action(id: $0, m) }
  }

  /// Rows of the list in view: the body less the top line, the quadrants, the column titles
  /// and the rollups under a rule.
  static func visibleRows(_ m: Model) -> Int { max(1, ScreenArea.body(m).height - ImpactView.chrome) }

  static func reloaded(_ m: inout Model) {
    if m[Self.self].previous && m.shared.snapshot.previousCycle == nil { m[Self.self].previous = false }
    if m[Self.self].detailID != nil && detailAction(m) == nil { m[Self.self].detailID = nil }
  }

  static func keepInView(_ m: inout Model, _ rows: [ImpactRows.Entry]) {
    m[Self.self].scroll = TreeWidget.scrollOffset(
      selected: cursor(m, in: rows), previous: m[Self.self].scroll, height: visibleRows(m), count: rows.count)
  }

  static func bindings(_ m: Model) -> [KeyBinding] {
    detailAction(m) == nil ? listBindings(m) : detailBindings(m)
  }

  static func listBindings(_ m: Model) -> [KeyBinding] {
    let t = m.shared.text.keys
    let rows = ImpactRows.rows(m)
    let i = cursor(m, in: rows)
    let actions = ImpactRows.cache(m).actions
    let previous = m[Self.self].previous
    func select(_ m: inout Model, _ j: Int) {
      guard !rows.isEmpty else { return }
      m[Self.self].selectedID = actions[rows[max(0, min(rows.count - 1, j))].position].id
      keepInView(&m, rows)
    }
    let move = t.groupMove
    var out = ListKeys.bindings(
      m, count: rows.count, at: i, page: max(1, visibleRows(m) - 1), group: move, select: select)
    out += [
      .act(
        [.enter, .right, .char("l")], label: "Enter", help: t.impactDetail, short: t.impactDetailShort,
        group: move, priority: .high, when: !rows.isEmpty
      ) { m, _ in
        guard let a = selected(m, in: rows) else { return }
        m[Self.self].selectedID = a.id
        m[Self.self].detailID = a.id
        m[Self.self].detailScroll = 0
      },
      .act(
        [.tab, .backTab], label: "Tab", help: t.impactQuadrant, short: t.impactQuadrantShort,
        group: t.groupFind
      ) { m, key in
        let all: [ImpactQuadrant?] = [nil] + ImpactQuadrant.allCases.map { $0 }
        let at = all.firstIndex(of: m[Self.self].quadrant) ?? 0
        m[Self.self].quadrant = all[(at + (key == .tab ? 1 : all.count - 1)) % all.count]
        let now = ImpactRows.rows(m)
        if m[Self.self].selectedID.flatMap({ ImpactRows.place(of: $0, m) }) == nil {
          m[Self.self].selectedID = now.first.map { actions[$0.position].id }
        }
        m[Self.self].scroll = 0
        keepInView(&m, now)
      },
      .act(
        [.char("p")], label: "p", help: t.impactPrevious,
        short: previous ? t.impactCurrentShort : t.impactPreviousShort, group: t.groupFind, priority: .high,
        when: m.shared.snapshot.previousCycle != nil
      ) { m, _ in
        m[Self.self].previous.toggle()
        m[Self.self].selectedID = nil
        m[Self.self].quadrant = nil
        m[Self.self].scroll = 0
        settle(&m)
      },
      .act(
        [.char("d")], label: "d", help: t.jump, short: t.jumpShort, group: move,
        when: !rows.isEmpty && !previous
      ) {
        m, _ in
        guard let a = selected(m, in: rows) else { return }
        DashboardScreen.reveal(&m, a.id)
        Navigation.go(&m, to: .dashboard)
      },
      .act([.escape, .left, .char("h")], label: "Esc", help: t.back, group: move) { m, _ in
        Navigation.back(&m)
      },
    ]
    return out
  }

  static func detailBindings(_ m: Model) -> [KeyBinding] {
    let t = m.shared.text.keys
    let l = KeyLabels(glyphs: m.shared.glyphs)
    let page = max(1, ScreenArea.body(m).height - 2)
    func scroll(_ m: inout Model, by d: Int) {
      m[Self.self].detailScroll = max(0, m[Self.self].detailScroll + d)
    }
    return [
      .act(
        [.up, .char("k"), .down, .char("j")], label: l.upDownLong, footerLabel: l.upDown, help: t.scrollLine,
        short: t.scrollShort
      ) { m, key in scroll(&m, by: key == .up || key == .char("k") ? -1 : 1) },
      .act([.pageUp, .pageDown, .char(" ")], label: "PgUp PgDn", help: t.scrollPage) { m, key in
        scroll(&m, by: key == .pageUp ? -page : page)
      },
      .act([.char("d")], label: "d", help: t.jump, short: t.jumpShort, when: !m[Self.self].previous) { m, _ in
        guard let a = detailAction(m) else { return }
        m[Self.self].detailID = nil
        DashboardScreen.reveal(&m, a.id)
        Navigation.go(&m, to: .dashboard)
      },
      .act([.escape, .left, .char("h")], label: "Esc", help: t.back, short: t.backShort, priority: .high) {
        m, _ in
        m[Self.self].detailID = nil
      },
    ]
  }
}
