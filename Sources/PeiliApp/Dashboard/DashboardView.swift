import PeiliCore
import PeiliText
import PeiliUI

/// The dashboard: the OKR tree and the mirror of its selection, laid out by `layout`.
func dashboardView(_ model: Model, layout: DashboardLayout, into buffer: inout Buffer) {
  treePane(model, layout: layout, into: &buffer)
  if let divider = layout.divider {
    for y in divider.y..<divider.maxY {
      buffer.put(model.shared.glyphs.vertical, x: divider.x, y: y, style: Style(.border))
    }
  }
  mirrorPane(model, area: layout.mirror, into: &buffer)
}

/// A pane's title row; the focused pane's title stands out.
func paneTitle(_ title: String, focused: Bool, glyphs: Glyphs, area: Rect, into buffer: inout Buffer) {
  let style = focused ? Style(.accent, bold: true, reverse: true) : Style(.header, bold: true)
  let text = " " + TextFit.truncate(title, to: max(0, area.width - 4), ellipsis: glyphs.ellipsis) + " "
  let end = buffer.put(text, x: area.x, y: area.y, style: style)
  if end < area.maxX {
    buffer.put(
      String(repeating: glyphs.horizontal, count: area.maxX - end), x: end, y: area.y, style: Style(.border))
  }
}

/// The OKR tree: only the rows in view are built.
func treePane(_ model: Model, layout: DashboardLayout, into buffer: inout Buffer) {
  let t = model.shared.text.dashboard
  let count = model[DashboardScreen.self].rows.count
  let filter = model[DashboardScreen.self].filter
  let title = filter.isEmpty ? t.tree : t.filteredTree(filter, t.rows(count))
  paneTitle(
    title, focused: model[DashboardScreen.self].focus == .tree, glyphs: model.shared.glyphs,
    area: layout.treeTitle, into: &buffer)
  let area = layout.treeRows
  guard count > 0 else {
    let empty = filter.isEmpty ? t.noObjectives : t.noMatch
    buffer.put(empty, x: area.x + 1, y: area.y, style: Style(.muted), maxWidth: area.width - 1)
    return
  }
  let offset = TreeWidget.scrollOffset(
    selected: model[DashboardScreen.self].cursor, previous: model[DashboardScreen.self].treeScroll,
    height: area.height, count: count)
  let columns = TreeRows.Columns.forWidth(area.width, text: model.shared.text)
  let window = model[DashboardScreen.self].rows[offset..<min(count, offset + area.height)]
  let rows = window.map { TreeRows.row($0, model: model, columns: columns) }
  TreeWidget(
    rows: rows, selected: model[DashboardScreen.self].cursor - offset,
    markers: TreeWidget.Markers(glyphs: model.shared.glyphs),
    highlight: model[DashboardScreen.self].focus == .tree ? .focused : .unfocused
  ).render(into: &buffer, area: area)
  if count > area.height {
    // Where in the list we are, on the title row's right end.
    let position = " \(model[DashboardScreen.self].cursor + 1)/\(count) "
    buffer.put(
      position, x: layout.treeTitle.maxX - DisplayWidth.of(position) - 1, y: layout.treeTitle.y,
      style: Style(.muted))
  }
}

/// The mirror of the selection: facts, the theme table with readings, coverage warnings.
func mirrorPane(_ model: Model, area: Rect, into buffer: inout Buffer) {
  let g = model.shared.glyphs
  let text = ScoreText(model.shared)
  let t = model.shared.text.dashboard
  var (title, rest) = area.splitTop(1)
  paneTitle(
    MirrorRows.title(model: model), focused: model[DashboardScreen.self].focus == .mirror, glyphs: g,
    area: title, into: &buffer)
  let detail: Rect
  (detail, rest) = rest.splitTop(1)
  buffer.put(
    TreeWidget.fit(MirrorRows.detail(model: model), to: detail.width - 1, ellipsis: g.ellipsis),
    x: detail.x + 1, y: detail.y)

  let ids = DashboardScreen.mirrorThemeIDs(model)
  let mirrors = ids.compactMap { model.shared.analysis.mirror(theme: $0) }
  // Warnings get up to a quarter of the pane (at least one row), the themes the rest; only
  // the lines shown are built.
  // Side by side, with few themes, the warnings take the rows the themes leave.
  let themeRows = 1 + 2 * ids.count
  let spare = DashboardScreen.layout(model).isSideBySide ? rest.height - themeRows - 1 : 0
  let (warnings, warningCount) = MirrorRows.warnings(model: model, limit: max(1, rest.height / 4, spare))
  let warningRows = warnings.count
  let (table, warningArea) = rest.splitBottom(warningRows)

  if mirrors.isEmpty {
    let message: String
    if DashboardScreen.selectedRow(model) == nil {
      message = ""
    } else if model.shared.analysis.followUp == nil {
      message = t.noSurvey
    } else if DashboardScreen.selectedRow(model)?.kind == .objective {
      message = t.objectiveWithoutMirror
    } else {
      message = t.noThemeLinked(DashboardScreen.selectedID(model) ?? "")
    }
    buffer.put(
      message, x: table.x + 1, y: table.y + 1, style: Style(.muted),
      maxWidth: table.width - 1)
  } else {
    let columns = MirrorRows.columns(width: table.width, text: text, titles: t)
    let widget = TableWidget(columns: columns, rows: [], ellipsis: g.ellipsis)
    let inner = Rect(x: table.x + 1, y: table.y, width: table.width - 1, height: table.height)
    widget.render(into: &buffer, area: Rect(x: inner.x, y: inner.y, width: inner.width, height: 1))
    let widths = widget.widths(total: inner.width)
    // Each theme takes two rows: its scores and its reading.
    let visible = MirrorRows.visibleThemes(model, pane: area)
    let cursor = min(model[DashboardScreen.self].mirrorCursor, mirrors.count - 1)
    let offset = TreeWidget.scrollOffset(
      selected: cursor, previous: model[DashboardScreen.self].mirrorScroll, height: visible,
      count: mirrors.count)
    // Under an action each theme reads what the action did there.
    let action = DashboardScreen.selectedRow(model).flatMap {
      $0.kind == .action ? model.shared.tree.action($0.id) : nil
    }
    let actionID = action?.id
    let impacts = Dictionary(
      (action.map(model.shared.analysis.impactDetails) ?? []).map { ($0.themeID, $0) },
      uniquingKeysWith: { a, _ in a })
    for (i, m) in mirrors.enumerated().dropFirst(offset).prefix(visible) {
      let y = inner.y + 1 + (i - offset) * 2
      var line = widget.line(MirrorRows.cells(m, width: table.width, text: text), widths: widths)
      if model[DashboardScreen.self].focus == .mirror && i == cursor { line = Highlight.focused.apply(line) }
      buffer.put(line, x: inner.x, y: y, maxWidth: inner.width)
      if y + 1 < inner.maxY {
        buffer.put(
          TreeWidget.fit(
            impacts[m.theme.id].map { MirrorRows.reading($0, action: actionID ?? "", model: model) }
              ?? MirrorRows.reading(m, text: text), to: inner.width, ellipsis: g.ellipsis),
          x: inner.x, y: y + 1)
      }
    }
    if mirrors.count > visible {
      let more = " \(t.themesPosition(cursor + 1, mirrors.count)) "
      buffer.put(more, x: title.maxX - DisplayWidth.of(more) - 1, y: title.y, style: Style(.muted))
    }
  }

  for (i, w) in warnings.prefix(warningRows).enumerated() {
    let y = warningArea.y + i
    var line = TreeWidget.fit(w, to: warningArea.width - 1, ellipsis: g.ellipsis)
    if i == warningRows - 1 && warningCount > warningRows {
      let more = Span(
        "  (\(model.shared.text.messages.more(warningCount - warningRows)))", Style(.muted))
      line = TreeWidget.fit(w, to: warningArea.width - 1 - more.width, ellipsis: g.ellipsis) + [more]
    }
    buffer.put(line, x: warningArea.x + 1, y: y)
  }
}
