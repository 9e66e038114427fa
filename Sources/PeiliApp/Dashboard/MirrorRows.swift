import PeiliCore
import PeiliText
import PeiliUI

/// Pure builders of the mirror pane: the theme table, the reading lines, the selection's
/// facts and the coverage warnings.
public enum MirrorRows {
  /// The theme table's columns at a pane width: from 90 columns a staff change, from 110 the
  /// experience gap (staff − customer) too. Each is as wide as its title or its widest value
  /// in the catalogue's words.
  public static func columns(width: Int, text: ScoreText, titles t: Catalogue.DashboardText)
    -> [TableWidget.Column]
  {
    let g = text.glyphs
    // Scores are up to three digits; a change up to "-12±7▲"; respondents "211/40/40" and more.
    let score = 3
    let change = DisplayWidth.of("+12\(text.plusMinus)10\(g.up)")
    func fitted(_ title: String, _ values: Int) -> Int { max(DisplayWidth.of(title), values) }
    let changeCustomer = "\(g.delta) \(t.changeCustomer)"
    let changeStaff = "\(g.delta) \(t.changeStaff)"
    var cols: [TableWidget.Column] = [
      .init(t.theme, width: fitted(t.theme, 12), flexible: true, maxWidth: 28),
      .init(t.customer, width: fitted(t.customer, score), alignment: .right),
      .init(t.staff, width: fitted(t.staff, score), alignment: .right),
      .init(t.mirrorScore, width: fitted(t.mirrorScore, score), alignment: .right),
      .init(t.mirrorGap, width: fitted(t.mirrorGap, text.gapCellWidth)),
    ]
    if showsStaffGap(width) { cols.append(.init(t.staffGap, width: fitted(t.staffGap, text.gapCellWidth))) }
    cols.append(.init(changeCustomer, width: fitted(changeCustomer, change)))
    if showsStaffChange(width) { cols.append(.init(changeStaff, width: fitted(changeStaff, change))) }
    cols.append(.init(t.respondents, width: fitted(t.respondents, 11), alignment: .right))
    return cols
  }

  /// The experience gap (staff − customer) has a column from 110 columns.
  static func showsStaffGap(_ width: Int) -> Bool { width >= 110 }
  /// The staff change has a column from 90 columns.
  static func showsStaffChange(_ width: Int) -> Bool { width >= 90 }

  /// One theme's cells in the order of `columns(width:…)` at the same pane width.
  public static func cells(_ m: ThemeMirror, width: Int, text: ScoreText) -> [Span] {
    var cells = [
      Span(m.theme.name, Style(.text, bold: true)),
      Span(text.index(m.scores[.customer]), Style(.customer)),
      Span(text.index(m.scores[.staff]), Style(.staff)),
      Span(text.index(m.scores[.mirror]), Style(.mirror)),
      text.gapCell(m.mirrorGap),
    ]
    if showsStaffGap(width) { cells.append(text.gapCell(m.experienceGap)) }
    cells.append(text.changeCell(m.change[.customer]))
    if showsStaffChange(width) { cells.append(text.changeCell(m.change[.staff])) }
    let n = [Audience.customer, .staff, .mirror].map { a in m.scores[a].map { "\($0.n)" } ?? text.missing }
    cells.append(Span(n.joined(separator: "/"), Style(.muted)))
    return cells
  }

  /// The reading in words, indented under its theme.
  public static func reading(_ m: ThemeMirror, text: ScoreText) -> [Span] {
    // Coloured by the fact it leads with.
    let role: Role =
      switch m.reading {
      case .facts(let facts):
        switch facts.first {
        case .weakest?, .weak?: .warn
        case .mirrorGap(let g)?, .experienceGap(let g)?: g.gapClass == .under ? .gapUnder : .gapOver
        case .change(_, let g)?: g.diff > 0 ? .good : .bad
        case nil: .muted
        }
      case .agree, .notEnoughData: .muted
      }
    return [
      Span("  " + text.plain(text.words.reading(m.reading, theme: m.theme.name, numbers: text)), Style(role))
    ]
  }

  /// Under an action, a theme's reading is what the action did there: its verdict, design and
  /// DiD ("A4 here: moved (shared) · DiD +9±3▲"), not only the theme's change.
  public static func reading(_ i: ActionImpact, action id: String, model: Model) -> [Span] {
    let t = model.shared.text.impact
    let text = ScoreText(model.shared)
    let verdict = t.verdictLine(t.verdict(i.verdict), t.design(i.design))
    var spans = [
      Span("  " + t.actionReading(id, verdict), Style(ImpactDetailRows.verdictRole(i.verdict), bold: true))
    ]
    if i.isInterim { spans.append(Span(text.separator + t.interim, Style(.muted))) }
    if let d = i.did {
      let cell = ImpactRows.didCell(d, text: text)
      spans.append(Span(text.separator, Style(.muted)))
      spans.append(Span(t.didShort(cell.text), cell.style))
    }
    return spans
  }

  /// The pane title: which item the mirror is of.
  public static func title(model: Model) -> String {
    let t = model.shared.text.dashboard
    guard let row = DashboardScreen.selectedRow(model) else { return t.mirror }
    let f = TreeRows.facts(row.id, kind: row.kind, model: model)
    return row.kind == .objective ? t.mirrorOfObjective(row.id, f.title) : t.mirrorOf(row.id, f.title)
  }

  /// One line of facts about the selection (kind, status, progress, owner, dates, confidence).
  public static func detail(model: Model) -> [Span] {
    guard let row = DashboardScreen.selectedRow(model) else { return [] }
    let text = ScoreText(model.shared)
    let t = model.shared.text
    let sep = Span(text.separator, Style(.muted))
    let f = TreeRows.facts(row.id, kind: row.kind, model: model)
    var parts: [[Span]] = []
    switch row.kind {
    case .objective:
      let kind = model.shared.tree.objectives[row.id].map { t.analysis.objectiveKind($0.kind) } ?? ""
      parts.append([Span(t.dashboard.objective(kind), Style(.muted))])
    case .keyResult:
      if let kr = model.shared.tree.keyResults[row.id] { parts.append(measure(kr, model: model, text: text)) }
    case .action:
      if let a = model.shared.tree.action(row.id) {
        parts.append([Span(t.dashboard.action, Style(.muted))])
        parts.append([Span(t.name(a.status), Style(text.role(a.status), bold: true))])
        if let due = a.due { parts.append([Span(t.dashboard.due(text.date(due)), Style(.muted))]) }
      }
    }
    parts.append([Span(text.percent(f.progress), Style(.text, bold: true))])
    parts.append([Span("\(text.glyph(f.pace)) \(t.name(f.pace))", Style(text.role(f.pace)))])
    if let c = f.confidence { parts.append([Span(t.dashboard.confidence(c), Style(.muted))]) }
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
    let t = model.shared.text
    switch kr.measure {
    case .metric(let start, let target, let current, let unit):
      let u = unit
      return [
        Span(t.dashboard.metric + " ", Style(.muted)),
        Span("\(number(current, text))\(u.isEmpty ? "" : " " + u)", Style(.text, bold: true)),
        Span(" (\(number(start, text)) \(text.arrow) \(number(target, text)))", Style(.muted)),
      ]
    case .milestone(let done):
      return [
        Span(t.dashboard.milestone + " ", Style(.muted)),
        Span(done ? t.messages.done : t.messages.notDone, Style(done ? .good : .text)),
      ]
    case .perception(let themeID, let audience, _, let target):
      let name = model.shared.analysis.mirror(theme: themeID)?.theme.name ?? themeID
      let a = model.shared.analysis
      let current = a.current(keyResult: kr.id).map(text.whole) ?? text.missing
      var spans = [
        Span(t.dashboard.perception(t.analysis.audience(audience), name) + " ", Style(.muted)),
        Span(current, Style(.text, bold: true)),
      ]
      if let wave = a.currentWave(keyResult: kr.id) {
        spans.append(Span(" " + t.dashboard.ofWave(wave), Style(.muted)))
      }
      spans.append(Span(" \(text.arrow) \(t.dashboard.target(number(target, text)))", Style(.muted)))
      if a.isWithheldUnderFilter(keyResult: kr.id) {
        spans.append(Span(text.separator + t.dashboard.withheldUnderFilter, Style(.warn)))
      }
      return spans
    }
  }

  /// A measure value without a trailing ".0", in the language's numerals.
  static func number(_ x: Double, _ text: ScoreText) -> String {
    // + 0 turns a −0.0 (of a value that rounds to zero from below) into 0.0.
    text.numerals.localized(
      x == x.rounded() && abs(x) < 1e12 ? "\(Int(x))" : "\((x * 10).rounded() / 10 + 0)")
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
    let text = ScoreText(model.shared)
    let t = model.shared.text.dashboard
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
          Span(": " + t.noThemeLinkedWarning, Style(.warn)),
        ]
      case .blindSpot(let id, let reasons):
        let name = model.shared.analysis.mirror(theme: id)?.theme.name ?? id
        return [
          Span("! ", Style(.warn, bold: true)), Span(t.blindSpot + " ", Style(.warn)),
          Span(name, Style(.text, bold: true)),
          Span(": " + text.plain(text.words.reasons(reasons, numbers: text)), Style(.warn)),
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
