import PeiliCore
import PeiliUI

/// Pure builder of the segment filter picker's body: the attributes (with the audiences they
/// apply to and the current choice), or one attribute's values with respondent counts.
public enum SegmentPickerRows {
  public static func lines(_ m: Model, attribute: String?, cursor: Int, height: Int) -> [[Span]] {
    guard let attributes = m.shared.segmentAttributes else {
      return [[Span("reading the segments" + m.shared.glyphs.ellipsis, Style(.muted))]]
    }
    guard !attributes.isEmpty else { return [[Span("The survey has no segment attributes.", Style(.muted))]] }
    var rows: [[Span]] = []
    let wave = m.shared.analysis.followUp?.id
    if let attribute, let a = attributes.first(where: { $0.name == attribute }) {
      let current = m.shared.segmentFilter.constraints[attribute]
      rows.append([
        Span("any value", Style(.text)),
        Span(current == nil ? "  (now)" : "  removes this constraint", Style(.muted)),
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
          Span(" n \(counts.joined(separator: "/"))", Style(.muted)),
          Span(value == current ? "  (now)" : "", Style(.accent)),
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
            " \(a.values.count) values, \(a.audiences.map(\.rawValue).joined(separator: "/"))", Style(.muted)),
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
}
