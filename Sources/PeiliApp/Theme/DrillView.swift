import PeiliCore
import PeiliText
import PeiliUI

/// The theme drill-down screen: a title row, then the page of `DrillRows` from the scroll.
enum DrillView {
  /// The body below the header (and banner) and above the status line.
  static func body(_ m: Model) -> Rect {
    body(DashboardLayout(width: m.shared.width, height: m.shared.height, readOnly: m.shared.isReadOnly))
  }

  /// The body of a layout: every row between the header (or banner) and the status line.
  static func body(_ layout: DashboardLayout) -> Rect {
    let top = (layout.banner ?? layout.header).maxY
    return Rect(x: 0, y: top, width: layout.header.width, height: layout.status.y - top)
  }

  /// Rows of the page in view (the body less its title row).
  static func bodyHeight(_ m: Model) -> Int { max(1, body(m).height - 1) }

  /// The furthest the page scrolls: its end at the bottom, or the last section at the top.
  static func lastScroll(_ page: DrillRows.Page, height: Int) -> Int {
    max(0, page.lines.count - height, page.sections.last?.start ?? 0)
  }

  static func render(_ m: Model, themeID id: String, area: Rect, into buffer: inout Buffer) {
    let g = m.shared.glyphs
    let (title, rest) = area.splitTop(1)
    let name = m.shared.analysis.mirror(theme: id)?.theme.name ?? id
    let page = DrillRows.page(m, themeID: id, width: area.width - 1)
    let scroll = max(
      0,
      min(
        m[ThemeScreen.self].themeID == id ? m[ThemeScreen.self].scroll : 0,
        lastScroll(page, height: rest.height)))
    // Which section the top line is in, for the title.
    let here = page.sections.last { $0.start <= scroll }?.title ?? ""
    let separator = g.separator.trimmingCharacters(in: .whitespaces)
    let heading = m.shared.text.drill.title(name) + (here.isEmpty ? "" : " \(separator) \(here)")
    paneTitle(heading, focused: true, glyphs: g, area: title, into: &buffer)
    let sections = page.sections.map(\.title).joined(separator: " ")
    let position = " \(sections)  \(min(page.lines.count, scroll + rest.height))/\(page.lines.count) "
    // Only beside the whole heading (its padding and a rule between): never over it.
    if DisplayWidth.of(heading) + 2 + 2 + DisplayWidth.of(position) + 1 <= title.width {
      buffer.put(position, x: title.maxX - DisplayWidth.of(position) - 1, y: title.y, style: Style(.muted))
    }
    for (i, line) in page.lines.dropFirst(scroll).prefix(rest.height).enumerated() {
      buffer.put(TreeWidget.fit(line, to: rest.width - 1, ellipsis: g.ellipsis), x: rest.x + 1, y: rest.y + i)
    }
  }
}
