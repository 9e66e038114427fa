import PeiliCore
import PeiliText
import PeiliUI

/// The Impact screen's rows: every action's outcome, sorted by verdict, counted per quadrant
/// and rolled up per key result and objective. Pure: model in, rows out.
enum ImpactRows {
  /// One action's place in the list.
  struct Entry: Equatable, Sendable {
    /// Its position in the snapshot's actions.
    let position: Int
    let outcome: ActionOutcome
    /// The impact that gives the verdict (the first theme with it), shown in the list.
    var primary: ActionImpact? { outcome.impacts.first { $0.verdict == outcome.verdict } }
  }

  /// Everything the screen shows, derived once per snapshot, filter and day. Derived, so no
  /// part of what a state is: any two are equal.
  struct Cache: Equatable, Sendable {
    static func == (_: Cache, _: Cache) -> Bool { true }

    struct Key: Hashable, Sendable {
      var revision: Int
      var today: Day
      var filter: SegmentFilter
      var filterIsStale: Bool
      var previous: Bool
      init(_ m: Model) {
        revision = m.shared.revision
        today = m.shared.today
        filter = m.shared.segmentFilter
        filterIsStale = m.shared.filterIsStale
        previous = m[ImpactScreen.self].previous
      }
    }
    var key: Key?
    /// The actions judged and what judges them: this cycle's, or the previous cycle's a year
    /// later (its OKRs on the same waves and scores).
    var actions: [Action] = []
    var analysis: MirrorAnalysis?
    var objectives: [String: Objective] = [:]
    var keyResults: [String: KeyResult] = [:]
    var cycle: Cycle?
    /// Every action with a theme, strongest verdict first, then those linking none.
    var entries: [Entry] = []
    /// The list of each quadrant (nil: all), and each list's place of an action by id: the
    /// cursor and `Tab` look up, never scan, 6,000 rows.
    var lists: [ImpactQuadrant?: [Entry]] = [:]
    var places: [ImpactQuadrant?: [String: Int]] = [:]
    var quadrants: [ImpactQuadrant: Int] = [:]
    var byKeyResult: [String: ImpactRollup] = [:]
    var byObjective: [String: ImpactRollup] = [:]
    /// Actions with a verdict; done ones never communicated; the widest id (its column).
    var judged = 0
    var untold = 0
    var idWidth = 2
  }

  /// The cache as `settle` left it, or derived now when the model moved on since.
  static func cache(_ m: Model) -> Cache {
    let c = m[ImpactScreen.self].cache
    return c.key == Cache.Key(m) ? c : derive(m)
  }

  /// The rows of the cycle the screen shows, as the model stands.
  static func derive(_ m: Model) -> Cache {
    guard m[ImpactScreen.self].previous else { return judge(m.shared.snapshot, by: m.shared.analysis) }
    guard var last = m.shared.snapshot.previousCycleSnapshot else { return Cache() }
    // Under a segment filter, the filtered scores judge last year's actions too, with the
    // unfiltered ones beside them (as `FilteredScores.applied` keeps them for this cycle).
    if !m.shared.segmentFilter.isEmpty { last.unfilteredScores = last.scores }
    last.scores = m.shared.scores
    return judge(last, by: MirrorAnalysis(snapshot: last, today: m.shared.today))
  }

  /// What a load lets the worker judge ahead (`ImpactScreen.prepare`): this cycle's rows and
  /// the previous cycle's, on the snapshot's own (unfiltered) scores.
  struct Prepared: Sendable {
    var current: Cache
    var previous: Cache?
  }

  static func prepare(_ snapshot: Snapshot, analysis: MirrorAnalysis, today: Day) -> Prepared {
    Prepared(
      current: judge(snapshot, by: analysis),
      previous: snapshot.previousCycleSnapshot.map {
        judge($0, by: MirrorAnalysis(snapshot: $0, today: today))
      })
  }

  /// The rows of `snapshot`'s actions as `analysis` judges them (pure: no model).
  static func judge(_ snapshot: Snapshot, by analysis: MirrorAnalysis) -> Cache {
    var c = Cache()
    c.analysis = analysis
    c.actions = snapshot.actions
    c.cycle = snapshot.cycle
    c.objectives = Dictionary(snapshot.objectives.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
    c.keyResults = Dictionary(snapshot.keyResults.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
    let actions = c.actions
    let outcomes = analysis.outcomes(of: actions)
    let order = ActionOutcome.verdictOrder
    func rank(_ o: ActionOutcome) -> Int { o.verdict.flatMap { order.firstIndex(of: $0) } ?? order.count }
    func size(_ e: Entry) -> Double {
      guard let i = e.primary else { return 0 }
      return abs(i.did?.diff ?? i.change?.diff ?? 0)
    }
    c.entries = outcomes.indices.map { Entry(position: $0, outcome: outcomes[$0]) }
      .sorted { a, b in
        let (ra, rb) = (rank(a.outcome), rank(b.outcome))
        if ra != rb { return ra < rb }
        // Busy with no change first among the unmoved: it is the finding.
        if a.outcome.busyNoChange != b.outcome.busyNoChange { return a.outcome.busyNoChange }
        let (sa, sb) = (size(a), size(b))
        if sa != sb { return sa > sb }
        return actions[a.position].id < actions[b.position].id
      }
    for (a, o) in zip(actions, outcomes) where o.verdict != nil {
      c.quadrants[o.quadrant, default: 0] += 1
      if let kr = a.keyResultID { c.byKeyResult[kr, default: ImpactRollup()].add(o) }
      c.byObjective[a.objectiveID, default: ImpactRollup()].add(o)
      c.judged += 1
    }
    c.lists[nil] = c.entries
    for q in ImpactQuadrant.allCases {
      c.lists[q] = c.entries.filter { $0.outcome.verdict != nil && $0.outcome.quadrant == q }
    }
    for (q, list) in c.lists {
      c.places[q] = Dictionary(
        list.enumerated().map { (actions[$1.position].id, $0) }, uniquingKeysWith: { a, _ in a })
    }
    c.untold = actions.filter(\.isDoneButNotCommunicated).count
    c.idWidth = min(8, max(2, actions.map { DisplayWidth.of($0.id) }.max() ?? 2))
    return c
  }

  /// The rows in view: the quadrant chosen, or all.
  static func rows(_ m: Model) -> [Entry] { cache(m).lists[m[ImpactScreen.self].quadrant] ?? [] }

  /// The place of an action in the rows in view (nil: not among them).
  static func place(of id: String, _ m: Model) -> Int? {
    cache(m).places[m[ImpactScreen.self].quadrant]?[id]
  }

  static func action(_ e: Entry, _ m: Model) -> Action { cache(m).actions[e.position] }

  /// The judged action with `id`, looked up (nil: not among them).
  static func action(id: String, _ m: Model) -> Action? {
    let c = cache(m)
    guard let all = c.lists[nil], let i = c.places[nil]?[id], i < all.count else { return nil }
    return c.actions[all[i].position]
  }

  /// The analysis that judged the rows (this cycle's, or the previous cycle's).
  static func analysis(_ m: Model) -> MirrorAnalysis { cache(m).analysis ?? m.shared.analysis }

  /// The list's columns at a width, each as wide as its title or its widest value in the
  /// catalogue's words; the theme from 110 columns.
  static func columns(_ m: Model, width: Int) -> [TableWidget.Column] {
    let t = m.shared.text.impact
    let text = ScoreText(m.shared)
    let ids = cache(m).idWidth
    let verdicts = ImpactTally.allCases.map { DisplayWidth.of(t.tally($0)) }.max() ?? 0
    let interim = DisplayWidth.of(" (\(t.interim))")
    let number = DisplayWidth.of("+12\(text.plusMinus)10\(text.glyphs.up)")
    let designs = ImpactDesign.allCases.map { DisplayWidth.of(t.design($0)) }.max() ?? 0
    func fit(_ title: String, _ w: Int) -> Int { max(DisplayWidth.of(title), w) }
    var cols: [TableWidget.Column] = [
      .init("", width: ids),
      .init(t.action, width: 12, flexible: true),
      .init(t.progress, width: fit(t.progress, 4), alignment: .right),
      .init(t.toldTitle, width: fit(t.toldTitle, max(DisplayWidth.of(t.told), DisplayWidth.of(t.never)))),
      .init(t.verdictTitle, width: fit(t.verdictTitle, verdicts + (width >= 100 ? interim : 0))),
      .init(t.change, width: fit(t.change, number), alignment: .right),
      .init(t.did, width: fit(t.did, number), alignment: .right),
      .init(t.designTitle, width: fit(t.designTitle, designs)),
    ]
    if showsTheme(width) { cols.append(.init(t.theme, width: 14, flexible: true, maxWidth: 24)) }
    // Longer words (Finnish) can make the columns wider than the table: then the verdict gives
    // up its interim note's room, the design column shrinks to its title, then the verdict to
    // its title; a cell that no longer fits ends in "…".
    var over = cols.reduce(0) { $0 + $1.width } + cols.count - 1 - width
    let (verdict, design) = (4, 7)
    for (i, floor) in [
      (verdict, fit(t.verdictTitle, verdicts)), (design, DisplayWidth.of(t.designTitle)),
      (verdict, DisplayWidth.of(t.verdictTitle)),
    ] where over > 0 {
      let give = min(over, max(0, cols[i].width - floor))
      cols[i].width -= give
      over -= give
    }
    return cols
  }

  static func showsTheme(_ width: Int) -> Bool { width >= 110 }

  /// One row's cells in the order of `columns` at the same width; `cache`, when the caller
  /// holds it already (a frame's rows), is not looked up again per row.
  static func cells(_ e: Entry, _ m: Model, width: Int, cache: Cache? = nil) -> [Span] {
    let c = cache ?? self.cache(m)
    let t = m.shared.text.impact
    let text = ScoreText(m.shared)
    let a = c.actions[e.position]
    let o = e.outcome
    let p = e.primary
    var verdict = o.tally.map(t.tally) ?? text.missing
    if p?.isInterim == true && width >= 100 { verdict += " (\(t.interim))" }
    var cells = [
      Span(a.id, Style(.muted)),
      Span(a.title, Style(.text)),
      Span(text.percent(Double(a.progress) / 100), Style(text.role(a.status))),
      toldCell(a, t, text),
      Span(verdict, Style(role(o), bold: o.verdict == .moved || o.busyNoChange)),
      text.changeCell(p?.change),
      didCell(p?.did, text: text),
      Span(p.map { t.design($0.design) } ?? text.missing, Style(.muted)),
    ]
    if showsTheme(width) {
      let analysis = c.analysis ?? m.shared.analysis
      let themes = analysis.themeIDs(of: a)
      let first =
        themes.first.map { id in analysis.mirror(theme: id)?.theme.name ?? id } ?? text.missing
      let more = themes.count > 1 ? " " + t.moreThemes(themes.count - 1) : ""
      cells.append(Span(first + more, Style(.muted)))
    }
    return cells
  }

  /// Whether the action's change was told: yes, never (flagged once it is done), or nothing yet.
  static func toldCell(_ a: Action, _ t: Catalogue.ImpactText, _ text: ScoreText) -> Span {
    if a.communicated != nil { return Span(t.told, Style(.good)) }
    if a.isDoneButNotCommunicated { return Span(t.never, Style(.warn, bold: true)) }
    return Span(text.missing, Style(.muted))
  }

  /// A DiD cell as a change cell: its difference with margin, marked when its class is.
  static func didCell(_ d: DifferenceInDifferences?, text: ScoreText) -> Span {
    guard let d, d.gapClass != .notEnoughData else { return Span(text.words.notAvailable, Style(.muted)) }
    let s = "\(text.signed(d.diff))\(text.plusMinus)\(text.whole(d.margin))"
    switch d.gapClass {
    case .over: return Span(s + text.glyphs.up, Style(.good, bold: true))
    case .under: return Span(s + text.glyphs.down, Style(.bad, bold: true))
    default: return Span(s, Style(.text))
    }
  }

  /// The colour of an outcome: moved good, worse bad, busy with no change a warning.
  static func role(_ o: ActionOutcome) -> Role {
    if o.busyNoChange { return .warn }
    return switch o.verdict {
    case .moved: .good
    case .worse: .bad
    default: .muted
    }
  }

  /// The rollups of the selected action's key result and objective, as lines.
  static func rollups(_ a: Action, _ m: Model) -> [[Span]] {
    let t = m.shared.text.impact
    let c = cache(m)
    var lines: [[Span]] = []
    if let kr = a.keyResultID, let k = c.keyResults[kr] {
      lines.append(rollup(kr, k.title, c.byKeyResult[kr] ?? ImpactRollup(), t))
    }
    if let o = c.objectives[a.objectiveID] {
      lines.append(rollup(o.id, o.title, c.byObjective[o.id] ?? ImpactRollup(), t))
    }
    return lines
  }

  static func rollup(_ id: String, _ title: String, _ r: ImpactRollup, _ t: Catalogue.ImpactText) -> [Span] {
    let parts = t.rollup("\(id) \(title)", t.counts(r))
    return [Span(parts, Style(.text))]
  }
}
