import Testing

@testable import PeiliUI

@Suite("Widgets")
struct WidgetTests {
  let markers = TreeWidget.Markers(expanded: "▾", collapsed: "▸", leaf: "·", ellipsis: "…")

  @Test func rectSplitsClampAndCentre() {
    let r = Rect(x: 0, y: 0, width: 80, height: 24)
    let (top, rest) = r.splitTop(1)
    #expect(top == Rect(x: 0, y: 0, width: 80, height: 1))
    #expect(rest == Rect(x: 0, y: 1, width: 80, height: 23))
    let (body, foot) = rest.splitBottom(2)
    #expect(body.height == 21 && foot.y == 22)
    let (left, right) = r.splitLeft(100)
    #expect(left.width == 80 && right.width == 0)
    #expect(r.centered(width: 20, height: 4) == Rect(x: 30, y: 10, width: 20, height: 4))
  }

  @Test func truncateCountsDisplayColumns() {
    #expect(TextFit.truncate("Communication", to: 6) == "Commu…")
    #expect(TextFit.truncate("short", to: 6) == "short")
    #expect(TextFit.truncate("日本語テキスト", to: 5) == "日本…")
    #expect(TextFit.left("ab", 4) == "ab  ")
    #expect(TextFit.right("ab", 4) == "  ab")
    #expect(TextFit.truncate("abc", to: 0) == "")
  }

  @Test func progressBarWholeAndPartialCells() {
    #expect(ProgressBar(fraction: 0.4).segments(width: 10) == ("████", "░░░░░░"))
    #expect(ProgressBar(fraction: nil).segments(width: 4) == ("", "░░░░"))
    #expect(ProgressBar(fraction: 1.7).segments(width: 3) == ("███", ""))
    let ascii = ProgressBar(fraction: 0.25, filled: "#", empty: "-")
    #expect(ascii.segments(width: 8) == ("##", "------"))
    let eighths = ProgressBar(fraction: 0.45, partials: ["▏", "▎", "▍", "▌", "▋", "▊", "▉"])
    // 0.45 × 4 cells × 8 = 14.4 → 14 eighths: one full cell and 6/8.
    #expect(eighths.segments(width: 4) == ("█▊", "░░"))
    var buffer = Buffer(width: 12, height: 1)
    ascii.render(into: &buffer, x: 2, y: 0, width: 8)
    #expect(buffer.line(0) == "  ##------")
    #expect(buffer[2, 0].style == .plain && buffer[4, 0].style == Style(.muted))
  }

  @Test func treeRendersIndentMarkersTrailingAndSelection() {
    let rows = [
      TreeWidget.Row(
        depth: 0, expander: .expanded, label: [Span("O1 Customers understand what we offer")],
        trailing: [Span("40%")]),
      TreeWidget.Row(depth: 1, expander: .collapsed, label: [Span("KR1 Reach 60")], trailing: [Span("12%")]),
      TreeWidget.Row(depth: 2, expander: .leaf, label: [Span("A1 Newsletter")], trailing: [Span("100%")]),
    ]
    var buffer = Buffer(width: 30, height: 4)
    TreeWidget(rows: rows, selected: 1, markers: markers).render(into: &buffer, area: buffer.area)
    #expect(
      buffer.lines == [
        "▾ O1 Customers understand… 40%",
        "  ▸ KR1 Reach 60           12%",
        "    · A1 Newsletter       100%",
        "",
      ])
    #expect(buffer[5, 1].style.role == .selection)
    #expect(buffer[5, 0].style.role != .selection)
  }

  @Test func treeScrollKeepsSelectionInView() {
    #expect(TreeWidget.scrollOffset(selected: 0, previous: 0, height: 5, count: 3) == 0)
    #expect(TreeWidget.scrollOffset(selected: 7, previous: 0, height: 5, count: 20) == 3)
    #expect(TreeWidget.scrollOffset(selected: 4, previous: 3, height: 5, count: 20) == 3)
    #expect(TreeWidget.scrollOffset(selected: 2, previous: 3, height: 5, count: 20) == 2)
    #expect(TreeWidget.scrollOffset(selected: 19, previous: 18, height: 5, count: 20) == 15)
  }

  @Test func tableAlignsColumnsAndSharesFlexibleWidth() {
    let table = TableWidget(
      columns: [
        .init("Theme", width: 6, flexible: true), .init("Cust", width: 4, alignment: .right),
        .init("Gap", width: 8, alignment: .right),
      ],
      rows: [
        [Span("Communication"), Span("48"), Span("-12 under")],
        [Span("Influence"), Span("-"), Span("n/a")],
      ], selected: 0)
    var buffer = Buffer(width: 26, height: 3)
    table.render(into: &buffer, area: buffer.area)
    #expect(table.widths(total: 26) == [12, 4, 8])
    #expect(
      buffer.lines == [
        "Theme        Cust      Gap",
        "Communicati…   48 -12 und…",
        "Influence       -      n/a",
      ])
    #expect(buffer[0, 1].style.reverse && !buffer[0, 2].style.reverse)
    #expect(buffer[0, 0].style == Style(.header, bold: true))
  }

  @Test func flexibleColumnsGiveWhatTheirCapLeavesToTheOthers() {
    func widths(_ columns: [TableWidget.Column], _ total: Int) -> [Int] {
      TableWidget(columns: columns, rows: []).widths(total: total)
    }
    let title = TableWidget.Column("Title", width: 10, flexible: true, maxWidth: 60)
    let owner = TableWidget.Column("Owner", width: 6, flexible: true, maxWidth: 8)
    let due = TableWidget.Column("Due", width: 10)
    // 100 − 10 fixed − 2 gaps = 88 to share: the owner stops at 8, the title takes the
    // rest up to its cap (an even split would have left it at 44).
    #expect(widths([title, owner, due], 100) == [60, 8, 10])
    #expect(widths([title, owner, due], 60) == [40, 8, 10])
    // Too narrow for the floors: each keeps its given width.
    #expect(widths([title, owner, due], 20) == [10, 6, 10])
    // Uncapped columns share evenly.
    let notes = TableWidget.Column("Notes", width: 4, flexible: true)
    #expect(widths([title, notes], 41) == [20, 20])
  }

  @Test func dialogDrawsBorderTitleBodyAndHint() {
    let dialog = Dialog(
      title: "Conflict", lines: [[Span("theirs 60")], [Span("yours  50")]], hint: "m mine", border: .ascii)
    var buffer = Buffer(width: 20, height: 6)
    dialog.render(into: &buffer, area: buffer.area)
    #expect(
      buffer.lines == [
        "",
        "   +- Conflict -+",
        "   | theirs 60  |",
        "   | yours  50  |",
        "   +--- m mine -+",
        "",
      ])
  }

  @Test func helpOverlayListsEveryKeyAligned() {
    let words = HelpOverlay.Words(title: "Keys", hint: "Esc close", pagingHint: "j/k scroll, Esc close")
    let help = HelpOverlay(sections: [
      .init("Move", [.init("↑ ↓ j k", "up / down"), .init("g G", "first / last")]),
      .init("Edit", [.init("+ -", "progress ±10")]),
    ])
    #expect(
      help.lines.map { $0.map(\.text).joined() } == [
        "Move", "↑ ↓ j k  up / down", "g G      first / last", "", "Edit", "+ -      progress ±10",
      ])
    let short = help.dialog(words: words, border: .ascii, ellipsis: "…", height: 4, scroll: 1)
    #expect(short.lines.count == 2)
    #expect(short.lines[0].map(\.text).joined() == "↑ ↓ j k  up / down")
    #expect(short.hint.contains("scroll"))
  }

  @Test func helpOverlayKeepsItsWidthWhilePagedAndEndsOnItsLastLine() {
    let words = HelpOverlay.Words(title: "Keys", hint: "Esc close", pagingHint: "j/k scroll, Esc close")
    // The widest line is on the last page: paging there must not widen the box, nor paging
    // back narrow it.
    let help = HelpOverlay(sections: [
      .init("Move", [.init("j", "down"), .init("k", "up")]),
      .init("Edit", [.init("+", "progress +10 on the selected action, saved at once")]),
    ])
    let area = Rect(x: 0, y: 0, width: 80, height: 5)
    let last = help.lastScroll(height: area.height)
    #expect(last == help.lines.count - 3)
    let frames = (0...last).map {
      help.dialog(words: words, border: .ascii, ellipsis: "...", height: area.height, scroll: $0).frame(
        in: area)
    }
    #expect(Set(frames.map(\.width)).count == 1, "\(frames)")
    #expect(Set(frames.map(\.x)).count == 1)
    var buffer = Buffer(width: area.width, height: area.height)
    help.dialog(words: words, border: .ascii, ellipsis: "...", height: area.height, scroll: last).render(
      into: &buffer, area: area)
    #expect(buffer.line(3).contains("+  progress +10 on the selected action, saved at once"))
    // A scroll past the end shows the last page, not less.
    #expect(
      help.dialog(words: words, border: .ascii, ellipsis: "...", height: area.height, scroll: last + 5).lines
        == help.dialog(words: words, border: .ascii, ellipsis: "...", height: area.height, scroll: last).lines
    )
  }

  @Test func spansClipAtMaxWidthAndDropControls() {
    var buffer = Buffer(width: 10, height: 1)
    buffer.put([Span("ab\u{1B}c"), Span("d\u{202E}efghij", Style(.accent))], x: 0, y: 0, maxWidth: 6)
    #expect(buffer.line(0) == "abcdef")
  }
}
