import Testing

@testable import PeiliUI

/// The tree's selection covers the marker and the label (one style when focused), not the
/// indent or the trailing columns: a move rewrites those cells of two rows only.
@Suite("Tree selection")
struct TreeSelectionTests {
  let markers = TreeWidget.Markers(expanded: "▾", collapsed: "▸", leaf: "·", ellipsis: "…")
  let rows = [
    TreeWidget.Row(
      depth: 0, expander: .expanded,
      label: [Span("O1 ", Style(.muted)), Span("Grow", Style(.text, bold: true))],
      trailing: [Span("✓", Style(.good, bold: true)), Span(" 40%")]),
    TreeWidget.Row(
      depth: 1, expander: .leaf, label: [Span("A1 ", Style(.muted)), Span("Newsletter")],
      trailing: [Span("!", Style(.warn, bold: true)), Span(" 12%")]),
  ]

  @Test func focusedSelectionIsOneStyleFromMarkerToOneCellAfterTheLabel() {
    var buffer = Buffer(width: 30, height: 2)
    TreeWidget(rows: rows, selected: 1, markers: markers).render(into: &buffer, area: buffer.area)
    #expect(buffer.lines == ["▾ O1 Grow                ✓ 40%", "  · A1 Newsletter        ! 12%"])
    let selected = (0..<30).filter { buffer[$0, 1].style.role == .selection }
    // "· A1 Newsletter" is columns 2–16, and one cell after it.
    #expect(selected == Array(2...17))
    #expect(Set(selected.map { buffer[$0, 1].style }) == [Style(.selection)])
    #expect(buffer[25, 1].style == Style(.warn, bold: true), "trailing columns keep their colours")
    #expect(!(0..<30).contains { buffer[$0, 0].style.role == .selection })
  }

  @Test func aBoldLabelStaysBoldAndUnfocusedSelectionUnderlines() {
    var buffer = Buffer(width: 30, height: 2)
    TreeWidget(rows: rows, selected: 0, markers: markers).render(into: &buffer, area: buffer.area)
    #expect(
      buffer[0, 0].style == Style(.selection, bold: true)
        && buffer[9, 0].style == Style(.selection, bold: true))
    #expect(buffer[10, 0].style == .plain)

    TreeWidget(rows: rows, selected: 0, markers: markers, highlight: .unfocused).render(
      into: &buffer, area: buffer.area)
    #expect(buffer[0, 0].style == Style(.muted, bold: true, underline: true))
    #expect(buffer[5, 0].style == Style(.text, bold: true, underline: true))
    #expect(!buffer[27, 0].style.underline)
  }

  @Test func aLabelCutShortStillLeavesTheTrailingColumnsUnselected() {
    var buffer = Buffer(width: 14, height: 2)
    TreeWidget(rows: rows, selected: 1, markers: markers).render(into: &buffer, area: buffer.area)
    #expect(buffer.line(1) == "  · A1 … ! 12%")
    #expect(buffer[8, 1].style.role == .selection, "the cell after the label")
    #expect(buffer[9, 1].style.role != .selection, "the first trailing column")
  }
}
