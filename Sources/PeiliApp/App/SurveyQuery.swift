import PeiliCore

/// One on-demand survey read the screens need; the loop answers it through `store.survey`.
/// Results are cached in the model under this key, so a key includes the filter it ran under.
public enum SurveyQuery: Hashable, Sendable {
  /// The segment attributes and their values (for the filter picker and the breakdown).
  case attributes
  /// Every score under a filter (replaces the snapshot's scores while the filter holds).
  case scores(SegmentFilter)
  /// A theme's score per value of `attribute` for one audience and wave.
  case breakdown(
    themeID: String, audience: Audience, waveID: String, attribute: String, filter: SegmentFilter)
  /// A theme's comments, optionally for one audience and one wave.
  case comments(themeID: String, audience: Audience?, waveID: String?, filter: SegmentFilter)
  /// Derived importance of every theme for an audience in a wave.
  case importance(audience: Audience, waveID: String, filter: SegmentFilter)

  /// The filter the query runs under (none for the attribute list).
  public var filter: SegmentFilter {
    switch self {
    case .attributes: .none
    case .scores(let f): f
    case .breakdown(_, _, _, _, let f), .comments(_, _, _, let f), .importance(_, _, let f): f
    }
  }
}

/// The answer to a `SurveyQuery`.
public enum SurveyAnswer: Sendable {
  case attributes([SegmentAttribute])
  case scores(FilteredScores)
  case breakdown([SegmentRow])
  case comments(rows: [CommentRow], suppressedReason: String?)
  case importance([ThemeImportance])
  /// The store could not answer; the message says why.
  case failed(String)
}

extension SurveyQuerying {
  /// Runs `query`; a thrown error becomes `.failed` with its description.
  public func answer(
    _ query: SurveyQuery, minimumGroup: Int, describe: (any Error) -> String = { String(describing: $0) }
  ) -> SurveyAnswer {
    do {
      switch query {
      case .attributes:
        return .attributes(try segmentAttributes())
      case .scores(let filter):
        return .scores(try scores(filter: filter, minimumGroup: minimumGroup))
      case .breakdown(let theme, let audience, let wave, let attribute, let filter):
        return .breakdown(
          try breakdown(
            themeID: theme, questionID: nil, audience: audience, waveID: wave, attribute: attribute,
            filter: filter, minimumGroup: minimumGroup))
      case .comments(let theme, let audience, let wave, let filter):
        let result = try comments(
          themeID: theme, audience: audience, waveID: wave, filter: filter, minimumGroup: minimumGroup)
        return .comments(rows: result.rows, suppressedReason: result.suppressedReason)
      case .importance(let audience, let wave, let filter):
        return .importance(
          try importance(audience: audience, waveID: wave, filter: filter, minimumGroup: minimumGroup))
      }
    } catch {
      return .failed(describe(error))
    }
  }
}
