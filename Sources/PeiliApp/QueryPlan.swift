import PeiliCore

/// Which survey queries the model needs for what it shows, and what to do with the answers:
/// the screens never query; `update` asks through commands and caches the answers.
enum QueryPlan {
  /// The queries the current screen needs that are neither answered nor asked; marks them asked.
  static func missing(_ m: inout Model) -> [Command] {
    var wanted: [SurveyQuery] = []
    if m.filterIsStale { wanted.append(.scores(m.segmentFilter)) }
    if let f = m.requestedFilter { wanted.append(.scores(f)) }
    if case .segmentPicker = m.overlay { wanted.append(.attributes) }
    let wave = m.analysis.followUp?.id
    switch m.screen {
    case .dashboard:
      break
    case .gaps:
      if m.gapsView == .grid, let wave {
        wanted.append(.importance(audience: m.gridAudience, waveID: wave, filter: m.segmentFilter))
      }
    case .theme(let id):
      wanted.append(.attributes)
      if let wave, let attribute = DrillRows.attribute(m) {
        for audience in attribute.audiences {
          wanted.append(
            .breakdown(
              themeID: id, audience: audience, waveID: wave, attribute: attribute.name,
              filter: m.segmentFilter))
        }
      }
      wanted.append(
        .comments(
          themeID: id, audience: m.drill?.commentAudience, waveID: m.drill?.commentWave,
          filter: m.segmentFilter))
    }
    var out: [Command] = []
    for q in wanted where m.answers[q] == nil && !m.pending.contains(q) {
      m.pending.insert(q)
      out.append(.query(q))
    }
    return out
  }

  /// Takes an answer: filtered scores are applied (or refused), the rest cached.
  static func receive(_ m: inout Model, _ query: SurveyQuery, _ answer: SurveyAnswer) {
    m.pending.remove(query)
    switch (query, answer) {
    case (.scores(let f), .scores(let filtered)):
      if f == m.requestedFilter {
        m.requestedFilter = nil
        SegmentChoice.decide(&m, filtered)
      } else if f == m.segmentFilter && m.filterIsStale {
        SegmentChoice.decide(&m, filtered)
      }
    case (.scores(let f), .failed(let message)):
      if f == m.requestedFilter { m.requestedFilter = nil }
      if f == m.segmentFilter && m.filterIsStale { m.clearSegmentFilter() }
      m.status = StatusMessage("could not filter: \(message)", isError: true)
    case (_, .failed(let message)):
      // Kept, so that a failing query is not asked again on every tick.
      m.answers[query] = answer
      m.status = StatusMessage("could not read the survey: \(message)", isError: true)
    default:
      m.answers[query] = answer
    }
  }
}
