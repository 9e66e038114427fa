import PeiliCore
import PeiliUI

/// The segment filter: the `f` picker (an attribute, then one of its values), `F` to clear,
/// and whether an answered filter is applied or refused.
enum SegmentChoice {
  /// The picker's rows: the attributes, or the values of `attribute` ("any value" first).
  static func options(_ m: Model, attribute: String?) -> [String] {
    guard let attributes = m.shared.segmentAttributes else { return [] }
    guard let attribute else { return attributes.map(\.name) }
    return [m.shared.text.segments.anyValue] + (attributes.first { $0.name == attribute }?.values ?? [])
  }

  static func key(_ m: inout Model, attribute: String?, cursor: Int, _ key: Key) -> [Command] {
    let count = options(m, attribute: attribute).count
    func move(_ to: Int) {
      m.overlay = .segmentPicker(attribute: attribute, cursor: max(0, min(count - 1, to)))
    }
    switch key {
    case .up, .char("k"): move(cursor - 1)
    case .down, .char("j"): move(cursor + 1)
    case .home, .char("g"): move(0)
    case .end, .char("G"): move(count - 1)
    case .pageUp: move(cursor - 10)
    case .pageDown: move(cursor + 10)
    case .enter, .right, .char("l"):
      let all = options(m, attribute: attribute)
      guard all.indices.contains(cursor) else { return [] }
      if attribute == nil {
        let name = all[cursor]
        let current = m.shared.segmentFilter.constraints[name]
        let start = current.flatMap { v in options(m, attribute: name).firstIndex(of: v) } ?? 0
        m.overlay = .segmentPicker(attribute: name, cursor: start)
      } else if let attribute {
        m.overlay = nil
        choose(&m, m.shared.segmentFilter.setting(attribute, to: cursor == 0 ? nil : all[cursor]))
      }
    case .escape, .left, .char("h"), .backspace:
      if let attribute {
        let i = options(m, attribute: nil).firstIndex(of: attribute) ?? 0
        m.overlay = .segmentPicker(attribute: nil, cursor: i)
      } else {
        m.overlay = nil
      }
    case .char("F"):
      m.overlay = nil
      clear(&m)
    case .char("q"), .char("f"):
      m.overlay = nil
    default:
      break
    }
    return []
  }

  /// Asks for `filter` (or clears when it has no constraint left).
  static func choose(_ m: inout Model, _ filter: SegmentFilter) {
    guard filter != m.shared.segmentFilter else { return }
    if filter.isEmpty {
      clear(&m)
    } else {
      m.shared.requestedFilter = filter
    }
  }

  /// `F`: every respondent again.
  static func clear(_ m: inout Model) {
    m.shared.requestedFilter = nil
    guard !m.shared.segmentFilter.isEmpty else {
      m.shared.status = StatusMessage(m.shared.text.segments.nothingToClear)
      return
    }
    m.clearSegmentFilter()
    m.shared.status = StatusMessage(m.shared.text.segments.cleared)
  }

  /// Applies filtered scores, or refuses them when no score of an audience the filter applies
  /// to survives suppression (then the previous scores stay and the reason shows).
  static func decide(_ m: inout Model, _ filtered: FilteredScores) {
    let t = m.shared.text.segments
    let minimum = m.shared.analysis.minimumGroup
    let audiences = Set(filtered.appliesTo)
    let candidates = m.shared.snapshot.scores.filter {
      $0.key.questionID == nil && audiences.contains($0.key.audience) && $0.value.n >= minimum
    }.keys
    let survivors = candidates.filter { (filtered.scores[$0]?.n ?? 0) >= minimum }
    if audiences.isEmpty || survivors.isEmpty {
      let reason =
        filtered.refused.values.sorted().first
        ?? (audiences.isEmpty ? t.noAudience : t.tooFew(minimum))
      if filtered.filter == m.shared.segmentFilter { m.clearSegmentFilter() }
      m.shared.status = StatusMessage(t.refused("\(filtered.filter)", reason), isError: true)
      return
    }
    m.apply(filtered)
    let audiencesNamed = filtered.appliesTo.map(m.shared.text.analysis.audience).joined(
      separator: m.shared.text.frame.listSeparator)
    var text = t.applied("\(filtered.filter)", audiencesNamed)
    if m.shared.withheldCount > 0, let reason = m.shared.withheldReason {
      text += "; " + t.withheld(m.shared.withheldCount, reason)
    }
    m.shared.status = StatusMessage(text)
  }
}
