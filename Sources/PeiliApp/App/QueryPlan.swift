import PeiliCore

/// Which survey queries the model needs for what it shows, and what to do with the answers:
/// the screens never query; `update` asks through commands and caches the answers.
enum QueryPlan {
  /// The queries the current screen needs that are neither answered nor asked; marks them asked.
  static func missing(_ m: inout Model) -> [Command] {
    var wanted: [SurveyQuery] = []
    if m.shared.filterIsStale { wanted.append(.scores(m.shared.segmentFilter)) }
    if let f = m.shared.requestedFilter { wanted.append(.scores(f)) }
    if case .segmentPicker = m.overlay { wanted.append(.attributes) }
    wanted += m.part.queries(m)
    var out: [Command] = []
    for q in wanted where m.shared.answers[q] == nil && !m.shared.pending.contains(q) {
      m.shared.pending.insert(q)
      out.append(.query(q))
    }
    return out
  }

  /// Takes an answer: filtered scores are applied (or refused), the rest cached.
  static func receive(_ m: inout Model, _ query: SurveyQuery, _ answer: SurveyAnswer) {
    m.shared.pending.remove(query)
    let text = m.shared.text.messages
    switch (query, answer) {
    case (.scores(let f), .scores(let filtered)):
      if f == m.shared.requestedFilter {
        m.shared.requestedFilter = nil
        SegmentChoice.decide(&m, filtered)
      } else if f == m.shared.segmentFilter && m.shared.filterIsStale {
        SegmentChoice.decide(&m, filtered)
      }
    case (.scores(let f), .failed(let message)):
      if f == m.shared.requestedFilter { m.shared.requestedFilter = nil }
      if f == m.shared.segmentFilter && m.shared.filterIsStale { m.clearSegmentFilter() }
      m.shared.status = StatusMessage(text.couldNotFilter(message), isError: true)
    case (_, .failed(let message)):
      // Kept, so that a failing query is not asked again on every tick.
      m.shared.answers[query] = answer
      m.shared.status = StatusMessage(text.couldNotReadSurvey(message), isError: true)
    default:
      m.shared.answers[query] = answer
    }
  }
}
