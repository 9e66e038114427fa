import PeiliCore
import PeiliUI

/// Pure builders of the mirror pane: the theme table, the reading lines, the selection's
/// facts and the coverage warnings.
public enum MirrorRows {
  /// The theme table's columns at a pane width: from 90 columns a staff change, from 110 the
  /// experience gap (staff − customer) too.
  public static func columns(width: Int, glyphs: Glyphs) -> [TableWidget.Column] {
    let unicode = glyphs.isUnicode
    var cols: [TableWidget.Column] = [
      .init("Theme", width: 12, flexible: true, maxWidth: 28),
      .init("Cust", width: 4, alignment: .right),
      .init("Staff", width: 5, alignment: .right),
      .init("Mirr", width: 4, alignment: .right),
      .init("Mirror gap", width: unicode ? 13 : 15),
    ]
    if width >= 110 { cols.append(.init("Staff gap", width: unicode ? 13 : 15)) }
    cols.append(.init("\(glyphs.delta) cust", width: unicode ? 7 : 9))
    if width >= 90 { cols.append(.init("\(glyphs.delta) staff", width: unicode ? 7 : 9)) }
    cols.append(.init("n C/S/M", width: 11, alignment: .right))
    return cols
  }

  /// One theme's cells in the order of `columns`.
  public static func cells(_ m: ThemeMirror, columns: [TableWidget.Column], text: ScoreText) -> [Span] {
    var cells = [
      Span(m.theme.name, Style(.text, bold: true)),
      Span(text.index(m.scores[.customer]), Style(.customer)),
      Span(text.index(m.scores[.staff]), Style(.staff)),
      Span(text.index(m.scores[.mirror]), Style(.mirror)),
      text.gapCell(m.mirrorGap),
    ]
    let titles = Set(columns.map(\.title))
    if titles.contains("Staff gap") { cells.append(text.gapCell(m.experienceGap)) }
    cells.append(text.changeCell(m.change[.customer]))
    if titles.contains(where: { $0.hasSuffix(" staff") }) {
      cells.append(text.changeCell(m.change[.staff]))
    }
    let n = [Audience.customer, .staff, .mirror].map { a in m.scores[a].map { "\($0.n)" } ?? text.missing }
    cells.append(Span(n.joined(separator: "/"), Style(.muted)))
    return cells
  }

  /// The reading in words, indented under its theme.
  public static func reading(_ m: ThemeMirror, text: ScoreText) -> [Span] {
    let role: Role =
      switch m.mirrorGap?.gapClass {
      case .under: .gapUnder
      case .over: .gapOver
      default: .muted
      }
    return [Span("  " + text.plain(m.reading), Style(role))]
  }

  /// The pane title: which item the mirror is of.
  public static func title(model: Model) -> String {
    guard let row = DashboardScreen.selectedRow(model) else { return "Mirror" }
    let f = TreeRows.facts(row.id, kind: row.kind, model: model)
    let scope = row.kind == .objective ? " (with its KRs and actions)" : ""
    return "Mirror of \(row.id) \(f.title)\(scope)"
  }

  /// One line of facts about the selection (kind, status, progress, owner, dates, confidence).
  public static func detail(model: Model) -> [Span] {
    guard let row = DashboardScreen.selectedRow(model) else { return [] }
    let text = ScoreText(glyphs: model.shared.glyphs)
    let sep = Span(text.separator, Style(.muted))
    let f = TreeRows.facts(row.id, kind: row.kind, model: model)
    var parts: [[Span]] = []
    switch row.kind {
    case .objective:
      let kind = model.shared.tree.objectives[row.id]?.kind.rawValue ?? ""
      parts.append([Span("objective, \(kind)", Style(.muted))])
    case .keyResult:
      if let kr = model.shared.tree.keyResults[row.id] { parts.append(measure(kr, model: model, text: text)) }
    case .action:
      if let a = model.shared.tree.action(row.id) {
        parts.append([Span("action", Style(.muted))])
        parts.append([Span(a.status.rawValue, Style(text.role(a.status), bold: true))])
        if let due = a.due { parts.append([Span("due \(due)", Style(.muted))]) }
      }
    }
    parts.append([Span(text.percent(f.progress), Style(.text, bold: true))])
    parts.append([Span("\(text.glyph(f.pace)) \(f.pace.rawValue)", Style(text.role(f.pace)))])
    if let c = f.confidence { parts.append([Span("confidence \(c)/10", Style(.muted))]) }
    if let o = f.owner { parts.append([Span(o, Style(.muted))]) }
    var out: [Span] = []
    for (i, p) in parts.enumerated() {
      if i > 0 { out.append(sep) }
      out += p
    }
    return out
  }

  /// A key result's measure in words: "31 % (18 → 35)", "done", "customer Communication 41 → 45".
  static func measure(_ kr: KeyResult, model: Model, text: ScoreText) -> [Span] {
    switch kr.measure {
    case .metric(let start, let target, let current, let unit):
      let u = unit
      return [
        Span("metric ", Style(.muted)),
        Span("\(number(current))\(u.isEmpty ? "" : " " + u)", Style(.text, bold: true)),
        Span(" (\(number(start)) \(text.arrow) \(number(target)))", Style(.muted)),
      ]
    case .milestone(let done):
      return [
        Span("milestone ", Style(.muted)), Span(done ? "done" : "not done", Style(done ? .good : .text)),
      ]
    case .perception(let themeID, let audience, _, let target):
      let name = model.shared.analysis.mirror(theme: themeID)?.theme.name ?? themeID
      let current =
        model.shared.analysis.current(keyResult: kr.id).map { "\(Int($0.rounded()))" } ?? text.missing
      return [
        Span("\(audience.rawValue) \(name) ", Style(.muted)),
        Span(current, Style(.text, bold: true)),
        Span(" \(text.arrow) target \(number(target))", Style(.muted)),
      ]
    }
  }

  /// A measure value without a trailing ".0".
  static func number(_ x: Double) -> String {
    x == x.rounded() && abs(x) < 1e12 ? "\(Int(x))" : "\((x * 10).rounded() / 10)"
  }

  /// Coverage warnings as lines, those about the selection's objective and its themes first.
  public static func warnings(model: Model) -> [[Span]] {
    warnings(model: model, limit: Int.max).lines
  }

  /// The first `limit` coverage warnings as lines (those about the selection's objective and
  /// its themes first) and how many there are: only the lines shown are built.
  public static func warnings(model: Model, limit: Int) -> (lines: [[Span]], total: Int) {
    let all = model.shared.analysis.warnings
    guard !all.isEmpty, limit > 0 else { return ([], all.count) }
    let text = ScoreText(glyphs: model.shared.glyphs)
    let objective = DashboardScreen.selectedID(model).flatMap { model.shared.tree.objectiveID(of: $0) }
    let themes = DashboardScreen.mirrorThemeIDs(model)
    func isRelevant(_ w: CoverageWarning) -> Bool {
      switch w {
      case .objectiveWithoutTheme(let id): id == objective
      case .blindSpot(let id, _): themes.contains(id)
      }
    }
    var chosen: [CoverageWarning] = []
    for w in all where isRelevant(w) {
      if chosen.count == limit { break }
      chosen.append(w)
    }
    if chosen.count < limit {
      for w in all where !isRelevant(w) {
        if chosen.count == limit { break }
        chosen.append(w)
      }
    }
    let lines = chosen.map { w -> [Span] in
      switch w {
      case .objectiveWithoutTheme(let id):
        let title = model.shared.tree.objectives[id]?.title ?? ""
        return [
          Span("! ", Style(.warn, bold: true)),
          Span("\(id) \(title)", Style(.text, bold: true)),
          Span(": no theme linked (an OKR without a mirror)", Style(.warn)),
        ]
      case .blindSpot(let id, let reason):
        let name = model.shared.analysis.mirror(theme: id)?.theme.name ?? id
        return [
          Span("! ", Style(.warn, bold: true)), Span("Blind spot ", Style(.warn)),
          Span(name, Style(.text, bold: true)),
          Span(": " + text.plain(reason), Style(.warn)),
        ]
      }
    }
    return (lines, all.count)
  }
}

extension MirrorRows {
  /// How many themes `pane` (the mirror pane, its title row included) shows at once: each
  /// takes two rows, under the column header and above the warnings. The view and the
  /// cursor's scroll both use it, so the cursor stays on a row that is drawn.
  static func visibleThemes(_ model: Model, pane: Rect) -> Int {
    let rest = max(0, pane.height - 2)
    let warnings = warnings(model: model, limit: max(1, rest / 4)).lines.count
    return max(1, (rest - warnings - 1) / 2)
  }
}
