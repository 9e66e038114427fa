import PeiliCore
import PeiliText
import PeiliUI

/// The Review screen: a top line (the review, where it stands), then the agenda on the left
/// and the selected item's detail on the right — stacked, agenda above, when the terminal is
/// narrow.
enum ReviewView {
  static func render(_ m: Model, area: Rect, into buffer: inout Buffer) {
    let t = m.shared.text.review
    let g = m.shared.glyphs
    guard let review = ReviewScreen.review(m) else {
      buffer.put(t.none, x: area.x + 1, y: area.y + 1, style: Style(.muted), maxWidth: area.width - 2)
      return
    }
    let (top, rest) = area.splitTop(1)
    let s = m[ReviewScreen.self]
    let headline =
      review.isOpen
      ? t.open(review.title, review.startedBy)
      : t.closed(
        review.title, review.closedBy ?? "", ScoreText(m.shared).date(ofStamp: review.closedAt ?? ""))
    var line = [Span(headline, Style(.text, bold: true))]
    if !review.agenda.isEmpty {
      line.append(Span("  " + t.itemOf(s.cursor + 1, review.agenda.count), Style(.muted)))
    }
    buffer.put(TreeWidget.fit(line, to: top.width - 2, ellipsis: g.ellipsis), x: top.x + 1, y: top.y)
    guard !review.agenda.isEmpty, let item = ReviewScreen.selected(m) else {
      buffer.put(t.emptyAgenda, x: rest.x + 1, y: rest.y + 1, style: Style(.muted), maxWidth: rest.width - 2)
      return
    }
    // Side by side from 100 columns; below, the agenda takes a third of the rows above.
    let sideBySide = rest.width >= 100
    let (list, detail): (Rect, Rect)
    if sideBySide {
      // Two fifths for the agenda, up to what its longest rows need.
      let w = min(80, rest.width * 2 / 5)
      list = Rect(x: rest.x, y: rest.y, width: w, height: rest.height)
      detail = Rect(x: rest.x + w + 1, y: rest.y, width: rest.width - w - 1, height: rest.height)
      for y in rest.y..<rest.maxY { buffer.put(g.vertical, x: rest.x + w, y: y, style: Style(.border)) }
    } else {
      let h = max(3, min(review.agenda.count, rest.height / 3))
      list = Rect(x: rest.x, y: rest.y, width: rest.width, height: h)
      detail = Rect(x: rest.x, y: rest.y + h + 1, width: rest.width, height: max(0, rest.height - h - 1))
      buffer.put(
        String(repeating: g.horizontal, count: rest.width), x: rest.x, y: rest.y + h, style: Style(.border))
    }
    let offset = TreeWidget.scrollOffset(
      selected: s.cursor, previous: s.scroll, height: list.height, count: review.agenda.count)
    // The place presented now: the presenter's view, else where the review was left.
    let current = review.isOpen ? (Following.presentedPlace(m) ?? review.current) : nil
    for (row, i) in (offset..<min(review.agenda.count, offset + list.height)).enumerated() {
      let spans = ReviewRows.agenda(review.agenda[i], m, current: i == current)
      let y = list.y + row
      buffer.put(TreeWidget.fit(spans, to: list.width - 1, ellipsis: g.ellipsis), x: list.x, y: y)
      if i == s.cursor {
        Highlight.focused.restyle(&buffer, y: y, from: list.x, to: list.x + list.width - 1, bold: true)
      }
    }
    let lines = ReviewRows.detail(item, review, m)
    for (row, spans) in lines.prefix(detail.height).enumerated() {
      buffer.put(
        TreeWidget.fit(spans, to: detail.width - 2, ellipsis: g.ellipsis), x: detail.x + 1, y: detail.y + row)
    }
  }
}
