import PeiliCore
import PeiliText
import PeiliUI

/// Draws the whole screen for `model` into `buffer` (sized to the terminal): the frame that
/// every screen shares (header, status line, footer, the open box) around the screen's own
/// view. Pure: reads the model, writes cells; nothing else.
public func view(_ model: Model, into buffer: inout Buffer) {
  buffer.fill(x: 0, y: 0, width: buffer.width, height: buffer.height)
  let layout = DashboardLayout(width: buffer.width, height: buffer.height, readOnly: model.shared.isReadOnly)
  guard layout.fits else {
    tooSmall(model, into: &buffer)
    return
  }
  header(model, layout: layout, into: &buffer)
  model.part.view(model, area: ScreenArea.body(layout), into: &buffer)
  statusLine(model, area: layout.status, into: &buffer)
  footer(model, area: layout.footer, into: &buffer)
  overlay(model, into: &buffer)
}

/// Where a screen draws: below the header (and banner), above the status line.
enum ScreenArea {
  static func body(_ layout: DashboardLayout) -> Rect {
    let top = (layout.banner ?? layout.header).maxY
    return Rect(x: 0, y: top, width: layout.header.width, height: layout.status.y - top)
  }

  static func body(_ m: Model) -> Rect {
    body(DashboardLayout(width: m.shared.width, height: m.shared.height, readOnly: m.shared.isReadOnly))
  }
}

/// The message shown below the minimum size, wrapped to the width and centred.
func tooSmall(_ model: Model, into buffer: inout Buffer) {
  let times = model.shared.glyphs.times
  let message = model.shared.text.messages.tooSmall(
    "\(DashboardLayout.minimumWidth)\(times)\(DashboardLayout.minimumHeight)",
    "\(buffer.width)\(times)\(buffer.height)")
  var lines: [String] = []
  var line = ""
  for word in message.split(separator: " ") {
    if !line.isEmpty && DisplayWidth.of(line) + 1 + DisplayWidth.of(String(word)) > buffer.width {
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
  let shared = model.shared
  let text = ScoreText(shared)
  let t = shared.text.frame
  let area = layout.header
  buffer.fill(x: area.x, y: area.y, width: area.width, height: 1, style: Style(.header))
  let file =
    shared.snapshot.workspacePath.split(separator: "/").last.map(String.init) ?? shared.snapshot.workspacePath
  let waves: String
  switch (shared.analysis.baseline, shared.analysis.followUp) {
  case (let b?, let f?) where b.id != f.id: waves = t.waves(b.id, text.arrow, f.id)
  case (_, let f?): waves = t.wave(f.id)
  default: waves = t.noSurvey
  }
  func tabs(named: Bool) -> [Span] {
    ScreenRegistry.all.map { part in
      let on = part.id == model.screen
      let label = on || named ? " \(part.digit) \(part.title(shared.text)) " : " \(part.digit) "
      return Span(label, Style(.header, bold: on, reverse: on))
    }
  }
  let sep = Span(text.separator, Style(.header))
  var lead = [
    Span("peili", Style(.accent, bold: true)), sep,
    Span(file, Style(.header, bold: true)),
  ]
  var tail = [sep, Span(waves, Style(.header))]
  // The segment filter changes every number: it comes before the waves.
  if !shared.segmentFilter.isEmpty {
    tail = [sep, Span(t.segment("\(shared.segmentFilter)"), Style(.accent, bold: true))] + tail
  }
  let used = (lead + tail).reduce(0) { $0 + $1.width }
  // Who presents comes before who else is here (the followers' count says who is there).
  let presenting = Following.header(model, separator: text.separator)
  func presence(besides tabs: [Span]) -> String? {
    if let presenting { return presenting }
    let room = area.width - tabs.reduce(0) { $0 + $1.width } - 1
    return PresenceText.line(
      others: shared.others, user: shared.user, glyphs: shared.glyphs, text: t, room: room - used - sep.width)
  }
  /// The room the cycle's name has beside `tabs`, who else is here included.
  func cycleRoom(besides tabs: [Span]) -> Int {
    let others = presence(besides: tabs).map { DisplayWidth.of($0) + sep.width } ?? 0
    return area.width - tabs.reduce(0) { $0 + $1.width } - 1 - used - others - sep.width
      - DisplayWidth.of(t.cycle(""))
  }
  // From 120 columns every screen is named, unless that would cut who else is here from
  // names to a count or hide the cycle; below, only the current screen is named and the
  // others show a digit.
  var shown = tabs(named: area.width >= 120)
  if area.width >= 120 {
    let digits = tabs(named: false)
    let hidesCycle =
      shared.snapshot.cycle != nil && cycleRoom(besides: shown) < 8 && cycleRoom(besides: digits) >= 8
    if presence(besides: shown) != presence(besides: digits) || hidesCycle { shown = digits }
  }
  let tabsWidth = shown.reduce(0) { $0 + $1.width }
  let room = area.width - tabsWidth - 1
  // Who else is here comes last, in the room left: named when they fit, else counted.
  // On a narrow terminal, who presents or who else is here stays whole (its shortest form is
  // "+1 other"): the waves, then the file give way to it.
  if let others = presence(besides: shown) {
    tail += [sep, Span(others, Style(.header, bold: true))]
    func width(_ s: [Span]) -> Int { s.reduce(0) { $0 + $1.width } }
    if width(lead + tail) > room, let i = tail.firstIndex(where: { $0.text == waves }) {
      tail.removeSubrange((i - 1)...i)
    }
    if width(lead + tail) > room { lead = Array(lead.prefix(1)) }
  }
  // The cycle name gives way first: the file and the compared waves matter more.
  var spans = lead
  if let cycle = shared.snapshot.cycle {
    let left = room - (lead + tail).reduce(0) { $0 + $1.width } - sep.width - DisplayWidth.of(t.cycle(""))
    if left >= 8 {
      spans += [
        sep,
        Span(
          t.cycle(TextFit.truncate(cycle.name, to: left, ellipsis: shared.glyphs.ellipsis)), Style(.header)),
      ]
    }
  }
  spans += tail
  buffer.put(TreeWidget.fit(spans, to: room, ellipsis: shared.glyphs.ellipsis), x: area.x, y: area.y)
  buffer.put(shown, x: area.maxX - tabsWidth, y: area.y)
  if let banner = layout.banner, let reason = shared.readOnlyReason {
    buffer.fill(x: banner.x, y: banner.y, width: banner.width, height: 1, style: Style(.banner, bold: true))
    buffer.put(
      TextFit.truncate(
        " \(shared.text.messages.readOnlyBanner): \(reason)", to: banner.width,
        ellipsis: shared.glyphs.ellipsis),
      x: banner.x, y: banner.y, style: Style(.banner, bold: true))
  }
}

/// A prompt being typed, else the status message, else following's banner (on every screen),
/// else what the screen shows when idle, else the segment filter.
func statusLine(_ model: Model, area: Rect, into buffer: inout Buffer) {
  let shared = model.shared
  let ellipsis = shared.glyphs.ellipsis
  if let prompt = model.part.prompt(model) {
    buffer.put(prompt, x: area.x, y: area.y, maxWidth: area.width)
  } else if let status = shared.status {
    buffer.put(
      // Messages carry the store's and the analysis' words too: in the glyph set like the rest.
      TextFit.truncate(shared.glyphs.plain(status.text), to: area.width, ellipsis: ellipsis), x: area.x,
      y: area.y,
      style: Style(status.isError ? .bad : .accent, bold: status.isError))
  } else if let banner = Following.banner(model) {
    buffer.put(TreeWidget.fit(banner, to: area.width, ellipsis: ellipsis), x: area.x, y: area.y)
  } else if let idle = model.part.idleStatus(model) {
    buffer.put(TreeWidget.fit(idle, to: area.width, ellipsis: ellipsis), x: area.x, y: area.y)
  } else if !shared.segmentFilter.isEmpty {
    let t = shared.text.messages
    buffer.put(
      TreeWidget.fit(
        [
          Span(t.segmentPrompt, Style(.muted)), Span(shared.segmentFilter.description, Style(.accent)),
          Span(t.segmentHint, Style(.muted)),
        ], to: area.width, ellipsis: ellipsis),
      x: area.x, y: area.y)
  }
}

/// The keys that apply now, from the bindings that dispatch them; when they do not fit, the
/// lowest priority goes first (never help or quit).
func footer(_ model: Model, area: Rect, into buffer: inout Buffer) {
  buffer.fill(x: area.x, y: area.y, width: area.width, height: 1, style: Style(.footer))
  let entries = FooterKeys.entries(model)
  let tail =
    model.shared.isReadOnly && model.overlay == nil
    ? [Span("  " + model.shared.text.messages.readOnlyFooter, Style(.banner, bold: true))] : []
  func spans(_ keys: [KeyBinding]) -> [Span] {
    var out: [Span] = []
    for (i, k) in keys.enumerated() {
      if i > 0 { out.append(Span("  ", Style(.footer))) }
      out.append(Span(k.footerLabel, Style(.footer, bold: true)))
      // The catalogue's words may carry symbols (±): in the glyph set like the rest.
      out.append(Span(" " + model.shared.glyphs.plain(k.short ?? ""), Style(.footer)))
    }
    return out + tail
  }
  let kept = KeyBindings.fitting(entries, width: area.width) { spans($0).reduce(0) { $0 + $1.width } }
  buffer.put(
    TreeWidget.fit(spans(kept), to: area.width, ellipsis: model.shared.glyphs.ellipsis), x: area.x, y: area.y)
}

/// The footer's keys for what has the keyboard now.
enum FooterKeys {
  static func entries(_ m: Model) -> [KeyBinding] {
    if let overlay = m.overlay { return KeyBindings.footer(OverlayKeys.bindings(m, overlay)) }
    let screen = m.part.bindings(m)
    // While a prompt is typed only its keys apply.
    if m.part.prompt(m) != nil { return KeyBindings.footer(screen) }
    return KeyBindings.footer(screen + GlobalKeys.bindings(m))
  }
}

/// The open box, if any, over everything else.
func overlay(_ model: Model, into buffer: inout Buffer) {
  guard let overlay = model.overlay else { return }
  let g = model.shared.glyphs
  let t = model.shared.text
  let border = Dialog.Border(glyphs: g)
  let area = Rect(x: 0, y: 1, width: buffer.width, height: max(0, buffer.height - 2))
  switch overlay {
  case .help(let scroll):
    HelpOverlay(sections: HelpContent.sections(model)).dialog(
      words: HelpOverlay.Words(
        title: t.frame.helpTitle, hint: t.frame.helpHint, pagingHint: t.frame.helpPagingHint),
      border: border, ellipsis: g.ellipsis, height: area.height, scroll: scroll
    ).render(into: &buffer, area: area)
  case .segmentPicker(let attribute, let cursor):
    Dialog(
      title: attribute.map(t.segments.valuesTitle) ?? t.segments.attributesTitle,
      lines: SegmentPickerRows.lines(model, attribute: attribute, cursor: cursor, height: area.height - 2),
      hint: attribute == nil ? t.segments.attributesHint : t.segments.valuesHint,
      border: border, ellipsis: g.ellipsis
    ).render(into: &buffer, area: area)
  case .conflict(let conflict):
    Dialog(
      title: t.checkIn.conflictTitle, lines: conflict.lines(t, title: ItemTitle.of(conflict.theirs)),
      hint: t.checkIn.conflictHint, border: border, ellipsis: g.ellipsis
    ).render(into: &buffer, area: area)
  case .checkIn(let dialog):
    let width = min(area.width - 6, 72)
    var lines = [[Span(ItemTitle.of(dialog.item), Style(.text, bold: true))], []]
    lines += dialog.form.lines(width: width, glyphs: g)
    if case .keyResult(let k) = dialog.item, case .perception = k.measure {
      lines += [[], [Span(t.checkIn.perception, Style(.muted))]]
    }
    var box = Dialog(
      title: t.checkIn.title(dialog.item.id), lines: lines, hint: t.checkIn.hint, border: border,
      ellipsis: g.ellipsis)
    box.minimumContentWidth = width
    box.render(into: &buffer, area: area)
  case .reviewForm(let dialog):
    let width = min(area.width - 6, 72)
    var lines: [[Span]] = []
    if let item = ReviewScreen.selected(model), dialog.purpose != .start {
      lines += [[Span("\(item.item.id) \(item.item.title)", Style(.text, bold: true))], []]
    }
    lines += dialog.form.lines(width: width, glyphs: g)
    var box = Dialog(
      title: dialog.title(t.review), lines: lines, hint: t.review.formHint, border: border,
      ellipsis: g.ellipsis)
    box.minimumContentWidth = width
    box.render(into: &buffer, area: area)
  case .confirmCloseReview(let title):
    Dialog(
      title: t.review.keyCloseShort, lines: [[Span(t.review.confirmClose(title), Style(.text))]],
      hint: "y Enter: \(t.keys.confirm), n Esc: \(t.keys.cancel)", border: border, ellipsis: g.ellipsis
    ).render(into: &buffer, area: area)
  case .confirmRevert(let preview):
    Dialog(
      title: t.history.confirmTitle, lines: preview.lines(model),
      hint: "y Enter: \(t.keys.confirm), n Esc: \(t.keys.cancel)",
      border: border, ellipsis: g.ellipsis
    ).render(into: &buffer, area: area)
  }
}

/// "A4 Pilot the new onboarding" for a dialog's first line.
enum ItemTitle {
  static func of(_ item: CheckInRequest.Item) -> String {
    switch item {
    case .action(let a): "\(a.id) \(a.title)"
    case .keyResult(let k): "\(k.id) \(k.title)"
    }
  }
}
