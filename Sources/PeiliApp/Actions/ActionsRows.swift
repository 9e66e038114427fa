import PeiliCore
import PeiliUI

/// The Actions screen's rows: every action of the cycle under the screen's filters, in its
/// sort order, and each as table cells. Pure: model in, rows out.
enum ActionsRows {
  /// The actions that pass the filters, sorted (ties by id, so the order is stable): as
  /// `settle` derived them, or derived now when the model moved on since.
  static func actions(_ m: Model) -> Rows {
    let cache = m[ActionsScreen.self].rows
    let fresh = cache.key == Cache.Key(m)
    return Rows(
      all: m.shared.snapshot.actions, order: fresh ? cache.order : order(m), rowOf: fresh ? cache.rowOf : nil)
  }

  /// The table's actions in order, read through their positions (no copy of each action
  /// per key and frame).
  struct Rows: RandomAccessCollection {
    let all: [Action]
    let order: [Int]
    /// Each action's row by its position in `all` (-1: filtered out), when derived.
    let rowOf: [Int]?
    var startIndex: Int { 0 }
    var endIndex: Int { order.count }
    subscript(i: Int) -> Action { all[order[i]] }

    /// The row of the action with `id` (found through the snapshot's index of positions,
    /// without a walk over the rows once they are derived).
    func row(of id: String?, in m: Model) -> Int? {
      guard let id else { return nil }
      if let rowOf {
        guard let position = m.shared.tree.snapshotIndex[id], rowOf.indices.contains(position) else {
          return nil
        }
        return rowOf[position] >= 0 ? rowOf[position] : nil
      }
      return order.firstIndex { all[$0].id == id }
    }
  }

  /// The rows of the table as positions in the snapshot's actions, with what they were
  /// derived from. Derived, so no part of what a state is: any two are equal.
  struct Cache: Equatable, Sendable {
    static func == (_: Cache, _: Cache) -> Bool { true }

    /// Everything the rows depend on.
    struct Key: Hashable, Sendable {
      var revision: Int
      var today: Day
      var owner: String?
      var status: ActionStatus?
      var themeID: String?
      var overdueOnly: Bool
      var sort: ActionsScreen.Sort

      init(_ m: Model) {
        let s = m[ActionsScreen.self]
        revision = m.shared.revision
        today = m.shared.today
        (owner, status, themeID, overdueOnly, sort) = (s.owner, s.status, s.themeID, s.overdueOnly, s.sort)
      }
    }
    var key: Key?
    var order: [Int] = []
    /// Every action in each sort order asked for, at `sortedAt` (the snapshot's revision):
    /// a filter or a sort key is then one pass, not a sort.
    var sorted: [ActionsScreen.Sort: [Int]] = [:]
    var sortedAt: Int?
    var rowOf: [Int] = []
    /// Per revision, with `sorted`: the widest id, the owners and themes filters cycle through.
    var idWidth = 2
    var owners: [String] = []
    var themes: [String] = []

    /// Takes what the worker prepared for the snapshot at `revision`; the filter is applied
    /// at the next `settle`.
    mutating func adopt(_ p: Prepared, revision: Int) {
      (sorted, sortedAt, owners, themes, idWidth) = (p.sorted, revision, p.owners, p.themes, p.idWidth)
      key = nil
    }

    /// Brought up to date with `m`.
    mutating func settle(_ m: Model) {
      let now = Key(m)
      guard key != now else { return }
      if sortedAt != now.revision {
        (sorted, sortedAt) = ([:], now.revision)
        idWidth = ActionsRows.idWidth(of: m.shared.snapshot.actions)
        (owners, themes) = (ActionsRows.owners(m.shared.snapshot), ActionsRows.themes(m.shared.snapshot))
      }
      let all = sorted[now.sort] ?? ActionsRows.sorted(m, by: now.sort)
      sorted[now.sort] = all
      order = ActionsRows.filtered(m, all)
      rowOf = Array(repeating: -1, count: m.shared.snapshot.actions.count)
      for (row, position) in order.enumerated() { rowOf[position] = row }
      key = now
    }
  }

  /// The filtered, sorted rows as positions in the snapshot's actions.
  static func order(_ m: Model) -> [Int] {
    filtered(m, sorted(m, by: m[ActionsScreen.self].sort))
  }

  /// Of `order`, those that pass the screen's filters.
  static func filtered(_ m: Model, _ order: [Int]) -> [Int] {
    let s = m[ActionsScreen.self]
    guard s.hasFilter else { return order }
    let today = m.shared.today
    let all = m.shared.snapshot.actions
    // Fields read in place: a copy of each of 6,000 actions per pass was a third of its time.
    return order.filter { i in
      (s.owner.map { $0.isEmpty ? all[i].owner == nil : all[i].owner == $0 } ?? true)
        && (s.status.map { all[i].status == $0 } ?? true)
        && (s.themeID.map { all[i].themeIDs.contains($0) } ?? true)
        && (!s.overdueOnly || isOverdue(due: all[i].due, status: all[i].status, today: today))
    }
  }

  /// Every action's position in `sort`'s order (ties by id, so the order is stable). Sort
  /// keys are read once per action, not per comparison (formatting a key per comparison
  /// cost a second on 6,000 actions).
  static func sorted(_ m: Model, by sort: ActionsScreen.Sort) -> [Int] {
    sorted(m.shared.snapshot.actions, by: sort)
  }

  static func sorted(_ all: [Action], by sort: ActionsScreen.Sort) -> [Int] {
    func by<K: Comparable>(_ key: (Action) -> K) -> [Int] {
      all.indices.map { (key(all[$0]), $0) }
        .sorted { $0.0 != $1.0 ? $0.0 < $1.0 : all[$0.1].id < all[$1.1].id }.map(\.1)
    }
    switch sort {
    // No due date sorts last.
    case .due: return by { $0.due.map { "\($0)" } ?? "9999" }
    case .progress: return by(\.progress)
    case .owner: return by { ($0.owner ?? "\u{10FFFF}").lowercased() }
    case .status: return by { ActionStatus.allCases.firstIndex(of: $0.status) ?? 0 }
    }
  }

  /// Past its due date and neither done nor dropped.
  static func isOverdue(_ a: Action, today: Day) -> Bool {
    isOverdue(due: a.due, status: a.status, today: today)
  }

  static func isOverdue(due: Day?, status: ActionStatus, today: Day) -> Bool {
    guard let due, status != .done, status != .dropped else { return false }
    return due < today
  }

  /// The owners there are, sorted, "" for actions without one (when there are such).
  static func owners(_ m: Model) -> [String] { current(m)?.owners ?? owners(m.shared.snapshot) }

  static func owners(_ snapshot: Snapshot) -> [String] {
    let all = snapshot.actions
    var names = Set(all.compactMap(\.owner)).sorted()
    if all.contains(where: { $0.owner == nil }) { names.append("") }
    return names
  }

  /// The themes any action links, in the analysis' order.
  static func themes(_ m: Model) -> [String] { current(m)?.themes ?? themes(m.shared.snapshot) }

  static func themes(_ snapshot: Snapshot) -> [String] {
    let linked = Set(snapshot.actions.flatMap(\.themeIDs))
    return snapshot.themes.map(\.id).filter { linked.contains($0) }
  }

  /// What a load lets the worker derive ahead (`ActionsScreen.prepare`): every sort order,
  /// the owners and themes the filters cycle through, the widest id.
  struct Prepared: Sendable {
    var sorted: [ActionsScreen.Sort: [Int]]
    var owners: [String]
    var themes: [String]
    var idWidth: Int
  }

  static func prepare(_ snapshot: Snapshot) -> Prepared {
    Prepared(
      sorted: Dictionary(
        uniqueKeysWithValues: ActionsScreen.Sort.allCases.map { ($0, sorted(snapshot.actions, by: $0)) }),
      owners: owners(snapshot), themes: themes(snapshot),
      idWidth: idWidth(of: snapshot.actions))
  }

  /// The table's columns, each as wide as its title and its widest value need (so the
  /// widths follow the language, not English words); the title takes what is left.
  static func columns(_ m: Model, width: Int) -> [TableWidget.Column] {
    let t = m.shared.text
    let c = t.actions.columns
    let w = { (s: String) in Span(s).width }
    let statusWidth = max(w(c[3]), ActionStatus.allCases.map { w(t.name($0)) }.max() ?? 0)
    let dueWidth = max(w(c[5]), 10 + 2)
    // Flexible columns grow to their widest cell (the strings decide, not a guess).
    let widest = m.shared.tree.widestAction
    var columns: [TableWidget.Column] = [
      .init(c[0], width: max(w(c[0]), idWidth(m))),
      // 13 at the least, so that the Finnish headings fit in 80 columns.
      .init(c[1], width: 13, flexible: true, maxWidth: max(16, widest.title)),
      .init(
        c[2], width: max(w(c[2]), 10), flexible: width >= 120,
        maxWidth: max(10, w(t.actions.unowned), min(24, widest.owner))),
      .init(c[3], width: statusWidth),
      .init(c[4], width: max(w(c[4]), 14)),
      .init(c[5], width: dueWidth),
      .init(c[6], width: max(w(c[6]), 2), alignment: .right),
    ]
    if width >= 100 {
      columns.append(
        .init(
          c[7], width: max(w(c[7]), 8), flexible: width >= 140, maxWidth: max(w(c[7]), min(40, widest.themes))
        ))
    }
    if width >= 120 { columns.append(.init(c[8], width: max(w(c[8]), 18))) }
    return columns
  }

  /// The widest action id (at most 12): once per snapshot, kept in the cache.
  static func idWidth(_ m: Model) -> Int { current(m)?.idWidth ?? idWidth(of: m.shared.snapshot.actions) }

  static func idWidth(of actions: [Action]) -> Int { min(12, actions.map { Span($0.id).width }.max() ?? 2) }

  /// The cache while it holds this snapshot's own facts (sort orders, owners, themes, width).
  private static func current(_ m: Model) -> Cache? {
    let c = m[ActionsScreen.self].rows
    return c.sortedAt == m.shared.revision ? c : nil
  }

  /// One action as cells for `columns`.
  static func cells(_ a: Action, _ m: Model, columns: Int) -> [Span] {
    let t = m.shared.text
    let g = m.shared.glyphs
    let text = ScoreText(m.shared)
    let pending = m.shared.inFlight.contains(a.id)
    let overdue = isOverdue(a, today: m.shared.today)
    let bar = ProgressBar(
      fraction: Double(a.progress) / 100, filled: g.barFull, empty: g.barEmpty, partials: g.barPartials
    ).segments(width: 8)
    var cells: [Span] = [
      Span(a.id + (pending ? g.ellipsis : ""), Style(.text, bold: true)),
      Span(a.title),
      Span(a.owner ?? t.actions.unowned, a.owner == nil ? Style(.muted) : Style(.text)),
      Span(t.name(a.status), Style(text.role(a.status))),
      Span(
        "\(bar.filled)\(bar.empty) \(text.percent(a.progress))",
        Style(text.role(m.shared.analysis.status(of: a)))),
      Span(
        (a.due.map(text.date) ?? "") + (overdue ? " !" : ""),
        overdue ? Style(.bad, bold: true) : Style(.text)),
      Span(a.confidence.map(String.init) ?? "", Style(.text)),
    ]
    if columns > 7 { cells.append(Span(a.themeIDs.joined(separator: " "), Style(.muted))) }
    if columns > 8 {
      let last = m.shared.snapshot.lastActionCheckIns[a.id]
      cells.append(
        Span(
          last.map { t.actions.lastCheckIn(text.date(ofStamp: $0.at), $0.author) } ?? t.actions.never,
          Style(.muted)))
    }
    return cells
  }
}
