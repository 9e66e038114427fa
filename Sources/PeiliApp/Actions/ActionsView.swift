import PeiliCore
import PeiliText
import PeiliUI

/// The Actions screen: a line of the active filters and the sort, then the table.
enum ActionsView {
  static func render(_ m: Model, area: Rect, into buffer: inout Buffer) {
    let t = m.shared.text
    let g = m.shared.glyphs
    let s = m[ActionsScreen.self]
    let rows = ActionsRows.actions(m)
    let (top, rest) = area.splitTop(1)
    // The filters in force and the sort, each filter reversed so it is seen.
    var line = FilterLine.spans(
      count: t.actions.count(rows.count),
      chips: [
        (t.actions.owner, s.owner.map { $0.isEmpty ? t.actions.unowned : $0 }),
        (t.actions.status, s.status.map(t.name)),
        (t.actions.theme, s.themeID.map { id in m.shared.snapshot.themes.first { $0.id == id }?.name ?? id }),
        (t.actions.overdue, s.overdueOnly ? "" : nil),
      ])
    let sortIndex = ActionsScreen.Sort.allCases.firstIndex(of: s.sort) ?? 0
    line += [
      Span("  \(t.actions.sortBy): ", Style(.muted)),
      Span(t.actions.sortNames[sortIndex], Style(.accent, bold: true)),
    ]
    buffer.put(TreeWidget.fit(line, to: top.width, ellipsis: g.ellipsis), x: top.x, y: top.y)

    let table = Rect(x: rest.x + 1, y: rest.y, width: rest.width - 2, height: rest.height)
    let columns = ActionsRows.columns(m, width: table.width)
    guard !rows.isEmpty else {
      TableWidget(columns: columns, rows: [], ellipsis: g.ellipsis).render(into: &buffer, area: table)
      let empty = m.shared.snapshot.actions.isEmpty ? t.actions.empty : t.actions.noMatch
      buffer.put(empty, x: table.x, y: table.y + 1, style: Style(.muted), maxWidth: table.width)
      return
    }
    let visible = max(1, table.height - 1)
    let cursor = ActionsScreen.cursor(m, in: rows)
    let offset = TreeWidget.scrollOffset(
      selected: cursor, previous: s.scroll, height: visible, count: rows.count)
    let window = rows[offset..<min(rows.count, offset + visible)]
    TableWidget(
      columns: columns, rows: window.map { ActionsRows.cells($0, m, columns: columns.count) },
      selected: cursor - offset, ellipsis: g.ellipsis
    ).render(into: &buffer, area: table)
    if rows.count > visible {
      let position = " \(cursor + 1)/\(rows.count) "
      buffer.put(position, x: top.maxX - DisplayWidth.of(position) - 1, y: top.y, style: Style(.muted))
    }
  }
}
