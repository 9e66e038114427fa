/// Identifies a cached theme (or question) score: which theme, audience and wave.
public struct ScoreKey: Hashable, Sendable, Codable {
  public var themeID: String
  /// nil for the theme as a whole.
  public var questionID: String?
  public var audience: Audience
  public var waveID: String
  public init(themeID: String, questionID: String? = nil, audience: Audience, waveID: String) {
    self.themeID = themeID
    self.questionID = questionID
    self.audience = audience
    self.waveID = waveID
  }
}

/// Counts behind one score, computed once per import and cached by the store; every
/// interval and test in the UI and the report is derived from these.
public struct ScoreSummary: Hashable, Sendable, Codable {
  /// Respondent scores on the 0–100 index (a respondent's score is the mean of the indexed
  /// answers they gave to the theme's questions); n counts respondents.
  public var index: SampleSummary
  /// The same on the native scale, when all the theme's questions share one scale.
  public var native: SampleSummary?
  public var scale: Scale?
  /// Answers in the top two options, out of `favourableN` answers.
  public var favourable: Int
  public var favourableN: Int
  /// Themes only: each respondent's favourable share (their favourable answers / the theme's
  /// items they answered, 0…1) as a sample, n = respondents. A respondent's answers to one theme
  /// are correlated, so the theme's favourable % and its interval come from these, not from the
  /// pooled answer counts above (see `ScoreEstimate`). nil for a question (one answer each).
  public var favourableShares: SampleSummary?
  /// NPS items only: promoters (9–10) and detractors (0–6) out of `npsN` answers.
  public var promoters: Int
  public var detractors: Int
  public var npsN: Int
  /// Answers per option for a single question (index 0 = scale.min); empty for themes.
  public var distribution: [Int]

  public init(
    index: SampleSummary, native: SampleSummary? = nil, scale: Scale? = nil, favourable: Int = 0,
    favourableN: Int = 0, favourableShares: SampleSummary? = nil, promoters: Int = 0, detractors: Int = 0,
    npsN: Int = 0, distribution: [Int] = []
  ) {
    self.index = index
    self.native = native
    self.scale = scale
    self.favourable = favourable
    self.favourableN = favourableN
    self.favourableShares = favourableShares
    self.promoters = promoters
    self.detractors = detractors
    self.npsN = npsN
    self.distribution = distribution
  }

  public var n: Int { index.n }
}
