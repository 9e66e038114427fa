import PeiliCore
import PeiliText
import PeiliUI

/// Draws the whole screen for `model` into `buffer` (sized to the terminal). Pure: reads the
/// model, writes cells; nothing else.
public func view(_ model: Model, into buffer: inout Buffer) {
  buffer.fill(x: 0, y: 0, width: buffer.width, height: buffer.height)
  let layout = DashboardLayout(width: buffer.width, height: buffer.height, readOnly: model.isReadOnly)
  guard layout.fits else {
    tooSmall(model, into: &buffer)
    return
  }
  header(model, layout: layout, into: &buffer)
  switch model.screen {
  case .dashboard: dashboardView(model, layout: layout, into: &buffer)
  case .gaps: GapsView.render(model, area: DrillView.body(layout), into: &buffer)
  case .theme(let id): DrillView.render(model, themeID: id, area: DrillView.body(layout), into: &buffer)
  }
  statusLine(model, area: layout.status, into: &buffer)
  footer(model, area: layout.footer, into: &buffer)
  overlay(model, into: &buffer)
}

/// The message shown below the minimum size, wrapped to the width and centred.
func tooSmall(_ model: Model, into buffer: inout Buffer) {
  let text = ScoreText(glyphs: model.glyphs)
  let message =
    "Terminal too small: enlarge to at least \(DashboardLayout.minimumWidth)\(text.times)"
    + "\(DashboardLayout.minimumHeight) (now \(buffer.width)\(text.times)\(buffer.height))"
  var lines: [String] = []
  var line = ""
  for word in message.split(separator: " ") {
    if !line.isEmpty && DisplayWidth.of(line) + 1 + word.count > buffer.width {
      lines.append(line)
      line = ""
    }
    line += (line.isEmpty ? "" : " ") + word
  }
  if !line.isEmpty { lines.append(line) }
  let top = max(0, (buffer.height - lines.count) / 2)
  for (i, l) in lines.enumerated() {
    buffer.put(
      l, x: max(0, (buffer.width - DisplayWidth.of(l)) / 2), y: top + i, style: Style(.warn, bold: true))
  }
}

/// Workspace file, cycle, compared waves, who else has it open; the screens on the right;
/// the read-only banner.
func header(_ model: Model, layout: DashboardLayout, into buffer: inout Buffer) {
  let text = ScoreText(glyphs: model.glyphs)
  let area = layout.header
  buffer.fill(x: area.x, y: area.y, width: area.width, height: 1, style: Style(.header))
  let file =
    model.snapshot.workspacePath.split(separator: "/").last.map(String.init) ?? model.snapshot.workspacePath
  let waves: String
  switch (model.analysis.baseline, model.analysis.followUp) {
  case (let b?, let f?) where b.id != f.id: waves = "waves \(b.id) \(text.arrow) \(f.id)"
  case (_, let f?): waves = "wave \(f.id)"
  default: waves = "no survey yet"
  }
  // Below 100 columns only the current screen is named; the others show their digit.
  let tabs = Screen.numbered.map { s in
    let on = s.isSameKind(as: model.screen)
    let label = on || area.width >= 100 ? " \(s.digit) \(s.title) " : " \(s.digit) "
    return Span(label, Style(.header, bold: on, reverse: on))
  }
  let tabsWidth = tabs.reduce(0) { $0 + $1.width }
  let room = area.width - tabsWidth - 1
  let sep = Span(text.separator, Style(.header))
  let lead = [
    Span("peili", Style(.accent, bold: true)), sep,
    Span(file, Style(.header, bold: true)),
  ]
  var tail = [sep, Span(waves, Style(.header))]
  // Who else is here comes last: it gives way before the waves when room is short.
  if let others = PresenceText.line(others: model.others, user: model.user, glyphs: model.glyphs) {
    tail += [sep, Span(others, Style(.header, bold: true))]
  }
  // The segment filter changes every number: it comes before the waves.
  if !model.segmentFilter.isEmpty {
    tail = [sep, Span("segment \(model.segmentFilter)", Style(.accent, bold: true))] + tail
  }
  // The cycle name gives way first: the file and the compared waves matter more.
  var spans = lead
  if let cycle = model.snapshot.cycle {
    let left = room - (lead + tail).reduce(0) { $0 + $1.width } - sep.width - 6
    if left >= 8 {
      spans += [
        sep,
        Span(
          "cycle "
            + TextFit.truncate(cycle.name, to: left, ellipsis: model.glyphs.ellipsis),
          Style(.header)),
      ]
    }
  }
  spans += tail
  buffer.put(TreeWidget.fit(spans, to: room, ellipsis: model.glyphs.ellipsis), x: area.x, y: area.y)
  buffer.put(tabs, x: area.maxX - tabsWidth, y: area.y)
  if let banner = layout.banner, let reason = model.readOnlyReason {
    buffer.fill(x: banner.x, y: banner.y, width: banner.width, height: 1, style: Style(.banner, bold: true))
    buffer.put(
      TextFit.truncate(
        " READ-ONLY: \(reason)", to: banner.width,
        ellipsis: model.glyphs.ellipsis), x: banner.x, y: banner.y, style: Style(.banner, bold: true))
  }
}

/// The status message, or the filter while it is typed or applied.
func statusLine(_ model: Model, area: Rect, into buffer: inout Buffer) {
  let ellipsis = model.glyphs.ellipsis
  if model.isEditingFilter {
    buffer.put(
      [
        Span("Filter: ", Style(.accent, bold: true)), Span(model.filter),
        Span(model.glyphs.textCursor, Style(.accent)),
      ],
      x: area.x,
      y: area.y, maxWidth: area.width)
  } else if let status = model.status {
    buffer.put(
      // Messages carry the store's and the analysis' words too: in the glyph set like the rest.
      TextFit.truncate(model.glyphs.plain(status.text), to: area.width, ellipsis: ellipsis), x: area.x,
      y: area.y,
      style: Style(status.isError ? .bad : .accent, bold: status.isError))
  } else if model.screen == .dashboard && !model.filter.isEmpty {
    buffer.put(
      [
        Span("Filter: ", Style(.muted)), Span(model.filter, Style(.accent)),
        Span("  (Esc clears)", Style(.muted)),
      ],
      x: area.x, y: area.y, maxWidth: area.width)
  } else if !model.segmentFilter.isEmpty {
    buffer.put(
      [
        Span("Segment: ", Style(.muted)), Span(model.segmentFilter.description, Style(.accent)),
        Span("  (f changes, F clears)", Style(.muted)),
      ],
      x: area.x, y: area.y, maxWidth: area.width)
  }
}

/// The keys that apply now; when they do not fit, the least needed go first (never help or quit).
func footer(_ model: Model, area: Rect, into buffer: inout Buffer) {
  buffer.fill(x: area.x, y: area.y, width: area.width, height: 1, style: Style(.footer))
  var keys = KeyMap.footer(model: model)
  let tail =
    model.isReadOnly && model.overlay == nil && !model.isEditingFilter
    ? [Span("  read-only", Style(.banner, bold: true))] : []
  func spans() -> [Span] {
    var out: [Span] = []
    for (i, k) in keys.enumerated() {
      if i > 0 { out.append(Span("  ", Style(.footer))) }
      out.append(Span(k.keys, Style(.footer, bold: true)))
      out.append(Span(" " + k.action, Style(.footer)))
    }
    return out + tail
  }
  for droppable in ["/", "F", "c w", "Tab", "a", "↑↓", "j k", "Esc", "f"] {
    guard spans().reduce(0, { $0 + $1.width }) > area.width else { break }
    keys.removeAll { $0.keys == droppable }
  }
  buffer.put(TreeWidget.fit(spans(), to: area.width, ellipsis: model.glyphs.ellipsis), x: area.x, y: area.y)
}

/// The open box, if any, over everything else.
func overlay(_ model: Model, into buffer: inout Buffer) {
  guard let overlay = model.overlay else { return }
  let g = model.glyphs
  let border = Dialog.Border(glyphs: g)
  let area = Rect(x: 0, y: 1, width: buffer.width, height: max(0, buffer.height - 2))
  let text = ScoreText(glyphs: g)
  switch overlay {
  case .help(let scroll):
    HelpOverlay(sections: KeyMap.help(glyphs: g)).dialog(
      border: border, ellipsis: g.ellipsis, height: area.height, scroll: scroll
    ).render(into: &buffer, area: area)
  case .segmentPicker(let attribute, let cursor):
    Dialog(
      title: attribute.map { "Segment: \($0) =" }
        ?? "Segment filter: choose an attribute",
      lines: SegmentPickerRows.lines(model, attribute: attribute, cursor: cursor, height: area.height - 2),
      hint: attribute == nil ? "Enter choose, F clear all, Esc close" : "Enter apply, Esc back",
      border: border, ellipsis: g.ellipsis
    ).render(into: &buffer, area: area)
  case .conflict(let conflict):
    Dialog(
      title: "Changed by someone else", lines: conflictLines(conflict, text: text),
      hint: "m mine, t or Esc theirs",
      border: border, ellipsis: g.ellipsis
    ).render(into: &buffer, area: area)
  }
}

/// The conflict dialog's body: what they stored against what you asked for.
func conflictLines(_ c: Conflict, text: ScoreText) -> [[Span]] {
  let theirs = c.theirs
  let yours: (progress: Int, status: ActionStatus) = {
    switch c.mine.change {
    case .progress(let p): (p, theirs.status)
    case .status(let s): (theirs.progress, s)
    case .checkIn(let p, _, _): (p ?? theirs.progress, theirs.status)
    }
  }()
  let field: String
  let seen: String
  let stored: String
  let mine: String
  switch c.mine.change {
  case .status:
    field = "status"
    seen = c.mine.before.status.rawValue
    stored = theirs.status.rawValue
    mine = yours.status.rawValue
  case .progress, .checkIn:
    field = "progress"
    seen = "\(c.mine.before.progress)%"
    stored = "\(theirs.progress)%"
    mine = "\(yours.progress)%"
  }
  return [
    [Span("\(theirs.id) \(theirs.title)", Style(.text, bold: true))],
    [Span("changed in another session after you saw it.", Style(.muted))],
    [],
    [Span(TextFit.left("", 16)), Span(TextFit.left(field, 10), Style(.header, bold: true))],
    [Span(TextFit.left("you saw", 16), Style(.muted)), Span(seen)],
    [Span(TextFit.left("theirs (stored)", 16), Style(.muted)), Span(stored, Style(.warn, bold: true))],
    [Span(TextFit.left("yours", 16), Style(.muted)), Span(mine, Style(.accent, bold: true))],
    [],
    [
      Span("m", Style(.accent, bold: true)), Span(" apply mine anyway   "),
      Span("t", Style(.accent, bold: true)),
      Span(" or "), Span("Esc", Style(.accent, bold: true)), Span(" keep theirs"),
    ],
  ]
}
