import PeiliCore
import PeiliUI

/// Pure builder of the segment filter picker's body: the attributes (with the audiences they
/// apply to and the current choice), or one attribute's values with respondent counts.
public enum SegmentPickerRows {
  public static func lines(_ m: Model, attribute: String?, cursor: Int, height: Int) -> [[Span]] {
    let t = m.shared.text.segments
    guard let attributes = m.shared.segmentAttributes else {
      return [[Span(m.shared.glyphs.plain(t.reading), Style(.muted))]]
    }
    guard !attributes.isEmpty else { return [[Span(t.noAttributes, Style(.muted))]] }
    var rows: [[Span]] = []
    let wave = m.shared.analysis.followUp?.id
    if let attribute, let a = attributes.first(where: { $0.name == attribute }) {
      let current = m.shared.segmentFilter.constraints[attribute]
      rows.append([
        Span(t.anyValue, Style(.text)),
        Span("  " + (current == nil ? t.now : t.removesConstraint), Style(.muted)),
      ])
      for value in a.values {
        // Group sizes in the follow-up wave; a small group shows only as "<5".
        let counts = a.audiences.compactMap { audience -> String? in
          guard let wave else { return nil }
          let n = a.respondents(value: value, audience: audience, waveID: wave)
          return n < m.shared.analysis.minimumGroup ? "<\(m.shared.analysis.minimumGroup)" : "\(n)"
        }
        rows.append([
          Span(
            TextFit.left(value, 24, ellipsis: m.shared.glyphs.ellipsis),
            Style(.text, bold: true)),
          Span(" " + t.respondents(counts.joined(separator: "/")), Style(.muted)),
          Span(value == current ? "  " + t.now : "", Style(.accent)),
        ])
      }
    } else {
      for a in attributes {
        let now = m.shared.segmentFilter.constraints[a.name].map { " = \($0)" } ?? ""
        rows.append([
          Span(
            TextFit.left(a.name + now, 26, ellipsis: m.shared.glyphs.ellipsis),
            Style(.text, bold: true)),
          Span(
            " " + t.attributeSummary(t.values(a.values.count), audiences(a.audiences, m.shared.text)),
            Style(.muted)),
        ])
      }
    }
    let room = max(1, height)
    let offset = TreeWidget.scrollOffset(selected: cursor, previous: 0, height: room, count: rows.count)
    return rows.enumerated().dropFirst(offset).prefix(room).map { i, row in
      i == cursor
        ? Highlight.focused.apply([Span("> ", Style(.accent, bold: true))] + row) : [Span("  ")] + row
    }
  }

  /// "customer/staff".
  static func audiences(_ audiences: [Audience], _ text: Catalogue) -> String {
    audiences.map(text.analysis.audience).joined(separator: "/")
  }
}
