import PeiliCore
import PeiliText
import PeiliUI

/// The gaps screen: the themes ranked by the chosen gap with the selection's facts below, or
/// the importance–performance grid of one audience.
enum GapsView {
  static func render(_ m: Model, area: Rect, into buffer: inout Buffer) {
    let (top, rest) = area.splitTop(1)
    selector(m, area: top, into: &buffer)
    switch m[GapsScreen.self].mode {
    case .ranking: ranking(m, area: rest, into: &buffer)
    case .grid: ImportanceView.render(m, area: rest, into: &buffer)
    }
  }

  /// The choice line: the gaps to rank by (or the grid's audiences), the current one reversed.
  static func selector(_ m: Model, area: Rect, into buffer: inout Buffer) {
    let t = m.shared.text
    var spans: [Span]
    switch m[GapsScreen.self].mode {
    case .ranking:
      spans = [Span(" \(t.gaps.rankBy) ", Style(.header, bold: true))]
      for kind in GapKind.allCases {
        let on = kind == m[GapsScreen.self].gapKind
        spans.append(
          Span(
            " \(t.analysis.gapKind(kind)) ", on ? Style(.accent, bold: true, reverse: true) : Style(.muted)))
      }
    case .grid:
      spans = [Span(" \(t.gaps.gridOf) ", Style(.header, bold: true))]
      for a in Audience.allCases {
        let on = a == m[GapsScreen.self].gridAudience
        spans.append(
          Span(" \(t.analysis.audience(a)) ", on ? Style(.accent, bold: true, reverse: true) : Style(.muted)))
      }
    }
    buffer.put(
      TreeWidget.fit(spans, to: area.width, ellipsis: m.shared.glyphs.ellipsis), x: area.x, y: area.y)
  }

  static func ranking(_ m: Model, area: Rect, into buffer: inout Buffer) {
    let g = m.shared.glyphs
    let ranked = GapsRows.ranking(m)
    guard !ranked.isEmpty else {
      buffer.put(
        m.shared.text.gaps.noThemes, x: area.x + 1, y: area.y + 1, style: Style(.muted),
        maxWidth: area.width - 1)
      return
    }
    let cursor = GapsRows.cursor(m, in: ranked)
    let detail = GapsRows.detail(ranked[cursor], model: m)
    // The facts of the selection and the legend take the bottom, under a rule.
    let (list, bottom) = area.splitBottom(min(area.height / 2, detail.count + 2))
    let inner = Rect(x: list.x + 1, y: list.y, width: list.width - 1, height: list.height)
    let columns = GapsRows.columns(width: inner.width, glyphs: g, catalogue: m.shared.text)
    let widget = TableWidget(columns: columns, rows: [], ellipsis: g.ellipsis)
    widget.render(into: &buffer, area: Rect(x: inner.x, y: inner.y, width: inner.width, height: 1))
    let widths = widget.widths(total: inner.width)
    let dumbbellX = inner.x + widths[0] + widget.spacing
    let visible = max(1, inner.height - 1)
    let offset = TreeWidget.scrollOffset(
      selected: cursor, previous: 0, height: visible, count: ranked.count)
    for (i, r) in ranked.enumerated().dropFirst(offset).prefix(visible) {
      let y = inner.y + 1 + i - offset
      var line = widget.line(GapsRows.cells(r, model: m, columns: columns), widths: widths)
      if i == cursor { line = Highlight.focused.apply(line) }
      buffer.put(line, x: inner.x, y: y, maxWidth: inner.width)
      buffer.put(GapsRows.dumbbell(r, model: m, width: widths[1]), x: dumbbellX, y: y)
    }
    if ranked.count > visible {
      let more = " \(cursor + 1)/\(ranked.count) "
      buffer.put(more, x: inner.maxX - DisplayWidth.of(more), y: inner.y, style: Style(.muted))
    }
    guard bottom.height > 0 else { return }
    buffer.put(
      String(repeating: g.horizontal, count: bottom.width), x: bottom.x, y: bottom.y, style: Style(.border))
    var lines = detail
    lines.append(GapsRows.legend(glyphs: g, kind: m[GapsScreen.self].gapKind, text: m.shared.text))
    for (i, line) in lines.prefix(bottom.height - 1).enumerated() {
      buffer.put(
        TreeWidget.fit(line, to: bottom.width - 2, ellipsis: g.ellipsis), x: bottom.x + 1, y: bottom.y + 1 + i
      )
    }
  }
}
