import PeiliCore
import PeiliText
import PeiliUI

/// The History screen: the filters in force, then the audit trail as a table.
enum HistoryView {
  static func render(_ m: Model, area: Rect, into buffer: inout Buffer) {
    let t = m.shared.text
    let g = m.shared.glyphs
    let s = m[HistoryScreen.self]
    let entries = HistoryScreen.entries(m)
    let (top, rest) = area.splitTop(1)
    let line = FilterLine.spans(
      count: t.history.count(entries.count),
      chips: [
        (t.history.user, s.user), (t.history.item, s.entityID), (t.history.field, s.field.map(t.field)),
        (t.history.span, s.span == 0 ? nil : t.history.spans[min(s.span, t.history.spans.count - 1)]),
      ])
    buffer.put(TreeWidget.fit(line, to: top.width, ellipsis: g.ellipsis), x: top.x, y: top.y)

    let table = Rect(x: rest.x + 1, y: rest.y, width: rest.width - 2, height: rest.height)
    let columns = HistoryRows.columns(m, width: table.width)
    guard !entries.isEmpty else {
      TableWidget(columns: columns, rows: [], ellipsis: g.ellipsis).render(into: &buffer, area: table)
      let message = m.shared.history == nil ? t.history.loading : t.history.empty
      buffer.put(message, x: table.x, y: table.y + 1, style: Style(.muted), maxWidth: table.width)
      return
    }
    let visible = max(1, table.height - 1)
    let cursor = HistoryScreen.cursor(m, in: entries)
    let offset = TreeWidget.scrollOffset(
      selected: cursor, previous: s.scroll, height: visible, count: entries.count)
    let reverted = m.shared.history?.revertedBy ?? [:]
    // Once per frame: the catalogue is a large value, copied by every `ChangeText`.
    let words = ChangeText(glyphs: m.shared.glyphs, text: m.shared.text)
    let window = entries[offset..<min(entries.count, offset + visible)]
    TableWidget(
      columns: columns, rows: window.map { HistoryRows.cells($0, m, reverted: reverted, words: words) },
      selected: cursor - offset, ellipsis: g.ellipsis
    ).render(into: &buffer, area: table)
    if entries.count > visible {
      let position = " \(cursor + 1)/\(entries.count) "
      buffer.put(position, x: top.maxX - DisplayWidth.of(position) - 1, y: top.y, style: Style(.muted))
    }
  }
}

/// The History screen's rows as cells. Pure.
enum HistoryRows {
  static func columns(_ m: Model, width: Int) -> [TableWidget.Column] {
    let c = m.shared.text.history.columns
    let w = { (s: String) in Span(s).width }
    let fieldWidth = max(w(c[3]), m.shared.text.fields.fields.values.map(w).max() ?? 0)
    var columns: [TableWidget.Column] = [
      .init(c[0], width: max(w(c[0]), 16)),
      .init(c[1], width: max(w(c[1]), 8), maxWidth: 16),
      .init(c[2], width: 20, flexible: true, maxWidth: 50),
      .init(c[3], width: fieldWidth),
      .init(c[4], width: max(w(c[4]), 18), flexible: true, maxWidth: 30),
    ]
    if width >= 100 { columns.append(.init(c[5], width: 12, flexible: true, maxWidth: 40)) }
    return columns
  }

  /// "2026-12-03 09:30" ("3.12.2026 9.30") from the stored UTC time.
  static func when(_ at: String, _ numerals: Numerals) -> String {
    let stamp = String(at.prefix(16))
    let time = stamp.dropFirst(11).split(separator: ":").compactMap { Int($0) }
    guard let day = Day(String(stamp.prefix(10))), time.count == 2 else {
      return stamp.replacingOccurrences(of: "T", with: " ")
    }
    return numerals.dateTime(day, hour: time[0], minute: time[1])
  }

  static func cells(_ e: AuditEntry, _ m: Model, reverted: [Int64: Int64], words: ChangeText) -> [Span] {
    let t = words.text
    let tree = m.shared.tree
    let title =
      tree.action(e.entityID)?.title ?? tree.keyResult(e.entityID)?.title
      ?? tree.objectives[e.entityID]?.title ?? ""
    let arrow = m.shared.glyphs.arrow
    // A check-in's note stands where a field's values would (it has none); an item created
    // by an import has no old value worth a column.
    let change: String
    switch (e.field, e.oldValue, e.newValue) {
    case ("check_in", _, let note): change = note ?? ""
    case (_, nil, nil): change = ""
    default:
      change = "\(words.value(e.oldValue, of: e.field)) \(arrow) \(words.value(e.newValue, of: e.field))"
    }
    var note = ""
    var style = Style(.text)
    if let by = reverted[e.changeID] {
      note = t.history.reverted + " (#\(by))" + (note.isEmpty ? "" : " · " + note)
      style = Style(.muted)
    } else if let r = e.reverts {
      note = t.history.revertOf(r)
    }
    return [
      Span(when(e.at, words.numerals), Style(.muted)),
      Span(e.user, Style(.text, bold: true)),
      Span("\(e.entityID) \(title)", style),
      Span(t.field(e.field), style),
      Span(change, reverted[e.changeID] != nil ? Style(.muted) : Style(.accent)),
      Span(note, Style(.muted)),
    ]
  }
}
