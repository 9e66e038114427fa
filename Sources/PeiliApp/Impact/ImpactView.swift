import PeiliCore
import PeiliText
import PeiliUI

/// The Impact screen: a top line, the activity × impact quadrants, the list by verdict and the
/// selection's rollups under a rule; or one action's detail.
enum ImpactView {
  /// Rows that are not list rows: the top line, three of quadrants, the column titles, the
  /// rule and two rollup lines.
  static let chrome = 8

  static func render(_ m: Model, area: Rect, into buffer: inout Buffer) {
    if let a = ImpactScreen.detailAction(m) {
      detail(a, m, area: area, into: &buffer)
      return
    }
    let t = m.shared.text.impact
    let g = m.shared.glyphs
    let s = m[ImpactScreen.self]
    let cache = ImpactRows.cache(m)
    let rows = cache.lists[s.quadrant] ?? []
    let (top, rest) = area.splitTop(1)
    let judged = cache.judged
    let line = FilterLine.spans(
      count: t.count(judged),
      chips: [
        (t.lastCycle, s.previous ? t.aYearLater(cache.cycle?.name ?? "") : nil),
        (t.only, s.quadrant.map { t.quadrant($0) }),
      ])
    let untold = cache.untold
    let flag = untold > 0 ? [Span("  " + t.neverCommunicated(untold), Style(.warn, bold: true))] : []
    // The motto only where it fits whole beside the flag and the list's position ("12/20").
    let motto = [Span("  " + t.judgedBy, Style(.muted))]
    let room = top.width - 8
    let wanted = (line + flag + motto).map { DisplayWidth.of($0.text) }.reduce(0, +)
    buffer.put(
      TreeWidget.fit(line + flag + (wanted <= room ? motto : []), to: room, ellipsis: g.ellipsis),
      x: top.x, y: top.y)
    guard !cache.actions.isEmpty else {
      buffer.put(t.noActions, x: rest.x + 1, y: rest.y + 1, style: Style(.muted), maxWidth: rest.width - 2)
      return
    }
    guard !m.shared.analysis.waves.isEmpty else {
      buffer.put(t.noWaves, x: rest.x + 1, y: rest.y + 1, style: Style(.muted), maxWidth: rest.width - 2)
      return
    }
    let (grid, below) = rest.splitTop(3)
    let cursor = ImpactScreen.cursor(m, in: rows)
    let current = rows.isEmpty ? nil : rows[cursor]
    quadrants(m, cache, selected: current?.outcome, area: grid, into: &buffer)
    let (list, bottom) = below.splitBottom(min(3, max(0, below.height - 2)))
    let table = Rect(x: list.x + 1, y: list.y, width: list.width - 2, height: list.height)
    let columns = ImpactRows.columns(m, width: table.width)
    guard !rows.isEmpty else {
      TableWidget(columns: columns, rows: [], ellipsis: g.ellipsis).render(into: &buffer, area: table)
      buffer.put(t.noMatch, x: table.x, y: table.y + 1, style: Style(.muted), maxWidth: table.width)
      return
    }
    let visible = max(1, table.height - 1)
    let offset = TreeWidget.scrollOffset(
      selected: cursor, previous: s.scroll, height: visible, count: rows.count)
    let window = rows[offset..<min(rows.count, offset + visible)]
    TableWidget(
      columns: columns, rows: window.map { ImpactRows.cells($0, m, width: table.width, cache: cache) },
      selected: cursor - offset, ellipsis: g.ellipsis
    ).render(into: &buffer, area: table)
    if rows.count > visible {
      let position = " \(cursor + 1)/\(rows.count) "
      buffer.put(position, x: top.maxX - DisplayWidth.of(position) - 1, y: top.y, style: Style(.muted))
    }
    guard bottom.height > 0, let current else { return }
    buffer.put(
      String(repeating: g.horizontal, count: bottom.width), x: bottom.x, y: bottom.y, style: Style(.border))
    for (i, l) in ImpactRows.rollups(ImpactRows.action(current, m), m).prefix(bottom.height - 1).enumerated()
    {
      buffer.put(
        TreeWidget.fit(l, to: bottom.width - 2, ellipsis: g.ellipsis), x: bottom.x + 1, y: bottom.y + 1 + i)
    }
  }

  /// The activity × impact grid: done-or-busy against moved, each corner named with its count;
  /// the selection's corner reversed.
  static func quadrants(
    _ m: Model, _ cache: ImpactRows.Cache, selected: ActionOutcome?, area: Rect, into buffer: inout Buffer
  ) {
    let t = m.shared.text.impact
    let g = m.shared.glyphs
    let label = max(DisplayWidth.of(t.busy), DisplayWidth.of(t.notBusy)) + 2
    let cell = max(12, (area.width - label - 2) / 2)
    func corner(_ q: ImpactQuadrant) -> Span {
      let on = m[ImpactScreen.self].quadrant == q || (selected?.verdict != nil && selected?.quadrant == q)
      let role: Role =
        switch q {
        case .moved: .good
        case .busyNoChange: .warn
        case .movedWithoutMuchDone: .accent
        case .notYet: .muted
        }
      let text = " \(t.quadrant(q)) \(cache.quadrants[q] ?? 0) "
      return Span(TextFit.left(text, cell), Style(role, bold: true, reverse: on))
    }
    let rows: [[Span]] = [
      [
        Span(String(repeating: " ", count: label + 1)),
        Span(TextFit.left(t.movedAxis, cell), Style(.header, bold: true)),
        Span(TextFit.left(t.notMovedAxis, cell), Style(.header, bold: true)),
      ],
      [
        Span(" " + TextFit.left(t.busy, label), Style(.header, bold: true)), corner(.moved),
        corner(.busyNoChange),
      ],
      [
        Span(" " + TextFit.left(t.notBusy, label), Style(.header, bold: true)), corner(.movedWithoutMuchDone),
        corner(.notYet),
      ],
    ]
    for (i, r) in rows.prefix(area.height).enumerated() {
      buffer.put(TreeWidget.fit(r, to: area.width, ellipsis: g.ellipsis), x: area.x, y: area.y + i)
    }
  }

  /// One action's detail, scrolled.
  static func detail(_ a: Action, _ m: Model, area: Rect, into buffer: inout Buffer) {
    let g = m.shared.glyphs
    let lines = ImpactDetailRows.lines(a, m, width: area.width - 2)
    let offset = min(m[ImpactScreen.self].detailScroll, max(0, lines.count - area.height))
    for (i, l) in lines.dropFirst(offset).prefix(area.height).enumerated() {
      buffer.put(TreeWidget.fit(l, to: area.width - 2, ellipsis: g.ellipsis), x: area.x + 1, y: area.y + i)
    }
    if lines.count > area.height {
      let position = " \(offset + 1)–\(min(lines.count, offset + area.height))/\(lines.count) "
      buffer.put(position, x: area.maxX - DisplayWidth.of(position) - 1, y: area.y, style: Style(.muted))
    }
  }
}
