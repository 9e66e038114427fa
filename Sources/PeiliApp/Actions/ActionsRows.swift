import PeiliCore
import PeiliUI

/// The Actions screen's rows: every action of the cycle under the screen's filters, in its
/// sort order, and each as table cells. Pure: model in, rows out.
enum ActionsRows {
  /// The actions that pass the filters, sorted (ties by id, so the order is stable).
  static func actions(_ m: Model) -> [Action] {
    let s = m[ActionsScreen.self]
    let today = m.shared.today
    let kept = m.shared.snapshot.actions.filter { a in
      (s.owner.map { $0.isEmpty ? a.owner == nil : a.owner == $0 } ?? true)
        && (s.status.map { a.status == $0 } ?? true)
        && (s.themeID.map { a.themeIDs.contains($0) } ?? true)
        && (!s.overdueOnly || isOverdue(a, today: today))
    }
    func key(_ a: Action) -> (String, String) {
      switch s.sort {
      case .due: (a.due.map { "\($0)" } ?? "9999", a.id)
      case .progress: (String(format: "%03d", a.progress), a.id)
      case .owner: ((a.owner ?? "\u{10FFFF}").lowercased(), a.id)
      case .status: (String(ActionStatus.allCases.firstIndex(of: a.status) ?? 0), a.id)
      }
    }
    return kept.sorted { key($0) < key($1) }
  }

  /// Past its due date and neither done nor dropped.
  static func isOverdue(_ a: Action, today: Day) -> Bool {
    guard let due = a.due, a.status != .done, a.status != .dropped else { return false }
    return due < today
  }

  /// The owners there are, sorted, "" for actions without one (when there are such).
  static func owners(_ m: Model) -> [String] {
    let all = m.shared.snapshot.actions
    var names = Set(all.compactMap(\.owner)).sorted()
    if all.contains(where: { $0.owner == nil }) { names.append("") }
    return names
  }

  /// The themes any action links, in the analysis' order.
  static func themes(_ m: Model) -> [String] {
    let linked = Set(m.shared.snapshot.actions.flatMap(\.themeIDs))
    return m.shared.snapshot.themes.map(\.id).filter { linked.contains($0) }
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
      .init(c[1], width: 16, flexible: true, maxWidth: max(16, widest.title)),
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

  static func idWidth(_ m: Model) -> Int {
    min(12, m.shared.snapshot.actions.map { Span($0.id).width }.max() ?? 2)
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
      Span("\(bar.filled)\(bar.empty) \(a.progress)%", Style(text.role(m.shared.analysis.status(of: a)))),
      Span(
        (a.due.map { "\($0)" } ?? "") + (overdue ? " !" : ""),
        overdue ? Style(.bad, bold: true) : Style(.text)),
      Span(a.confidence.map(String.init) ?? "", Style(.text)),
    ]
    if columns > 7 { cells.append(Span(a.themeIDs.joined(separator: " "), Style(.muted))) }
    if columns > 8 {
      let last = m.shared.snapshot.lastActionCheckIns[a.id]
      cells.append(
        Span(
          last.map { t.actions.lastCheckIn(String($0.at.prefix(10)), $0.author) } ?? t.actions.never,
          Style(.muted)))
    }
    return cells
  }
}
