extension Catalogue {
  /// A theme's drill-down: its scores, questions, segment breakdown and comments.
  public struct DrillText: Sendable {
    /// The title row: "Theme: Reliability".
    public var title: @Sendable (_ theme: String) -> String
    /// Section names, for the title and the list of sections.
    public var scores: String, questions: String, segments: String, comments: String
    public var gone: String
    /// Scores.
    public var scoresHeading: String, scoresHint: String
    /// The hint when earlier waves show too: "every wave, Δ against 2025-09".
    public var trendHint: @Sendable (_ delta: String, _ baseline: String) -> String
    public var noWave: String
    /// A score's facts: "n 211", "fav 34%", "NPS −12".
    public var respondents: String, favourable: String, nps: String
    public var withheld: @Sendable (_ reason: String) -> String
    public var noAnswers: String
    /// A group below the minimum: "n<5".
    public var tooFew: @Sendable (_ minimum: Int) -> String
    /// A breakdown row withheld by the complement rule (at least the minimum itself) or
    /// because the filter it is a part of is withheld: what shows in place of "n<5".
    public var complementRule: String, filterWithheld: String
    /// The gap lines under the scores; they are aligned on the widest.
    public var mirrorGap: String, experienceGap: String
    /// The favourable % and NPS table under the scores: its heading, its column heads and the
    /// row label of an audience's change ("Δ Customer", the glyph set's delta given).
    public var pointsHeading: String, pointsFavourable: String, pointsNPS: String
    public var pointsChange: @Sendable (_ delta: String, _ audience: String) -> String
    /// Questions.
    public var questionsHeading: @Sendable (_ count: Int) -> String
    public var negative: String, neutral: String, positive: String
    public var npsMark: String
    public var noAnswersIn: @Sendable (_ wave: String) -> String
    /// Segments.
    public var segmentsBy: @Sendable (_ attribute: String) -> String
    public var nextAttribute: @Sendable (_ attributes: String) -> String
    public var noAttributes: String
    public var noAttributesStatus: String
    public var loading: String
    public var noRespondents: String
    public var couldNotRead: @Sendable (String) -> String
    /// Comments: the heading names the audience and wave shown (or `all`).
    public var commentsHeading: @Sendable (_ audience: String, _ wave: String) -> String
    public var all: String
    public var commentsHint: String
    public var commentsWithheld: @Sendable (_ reason: String) -> String
    public var noComments: String
    public var moreComments: @Sendable (_ more: Int, _ total: Int) -> String
  }
}

extension Catalogue.DrillText {
  /// English.
  public static let english = Catalogue.DrillText(
    title: { "Theme: \($0)" },
    scores: "Scores", questions: "Questions", segments: "Segments", comments: "Comments",
    gone: "This theme is no longer in the workspace.",
    scoresHeading: "Scores: index 0–100 with 95% CI", scoresHint: "baseline, then follow-up",
    trendHint: { "every wave, \($0) against \($1)" },
    noWave: "No survey wave imported yet.",
    respondents: "n", favourable: "fav", nps: "NPS",
    withheld: { "withheld: \($0)" },
    noAnswers: "no answers",
    tooFew: { "n<\($0)" },
    complementRule: "withheld (complement rule)", filterWithheld: "withheld under this filter",
    mirrorGap: "Mirror gap (mirror − customer)", experienceGap: "Experience gap (staff − customer)",
    pointsHeading: "Favourable % and NPS, in points", pointsFavourable: "fav", pointsNPS: "NPS",
    pointsChange: { "\($0) \($1)" },
    questionsHeading: { "Questions (\($0))" },
    negative: "negative", neutral: "neutral", positive: "positive",
    npsMark: "(NPS)",
    noAnswersIn: { "no answers in \($0)" },
    segmentsBy: { "Segments by \($0)" },
    nextAttribute: { "a: next attribute (\($0))" },
    noAttributes: "The survey has no segment attributes.",
    noAttributesStatus: "the survey has no segment attributes",
    loading: "loading…",
    noRespondents: "no respondents",
    couldNotRead: { "could not read: \($0)" },
    commentsHeading: { "Comments (audience \($0), wave \($1))" },
    all: "all",
    commentsHint: "c: audience  w: wave",
    commentsWithheld: { "Withheld: \($0)" },
    noComments: "No comments.",
    moreComments: { "\($0) more of \($1): narrow with c (audience), w (wave) or f (segment)" })
}

extension Catalogue.DrillText {
  /// Every entry rewritten by `m` (see `Catalogue.mapped`).
  func mapped(_ m: TextMapping) -> Self {
    Self(
      title: m(title),
      scores: m(scores),
      questions: m(questions),
      segments: m(segments),
      comments: m(comments),
      gone: m(gone),
      scoresHeading: m(scoresHeading),
      scoresHint: m(scoresHint),
      trendHint: m(trendHint),
      noWave: m(noWave),
      respondents: m(respondents),
      favourable: m(favourable),
      nps: m(nps),
      withheld: m(withheld),
      noAnswers: m(noAnswers),
      tooFew: m(tooFew),
      complementRule: m(complementRule),
      filterWithheld: m(filterWithheld),
      mirrorGap: m(mirrorGap),
      experienceGap: m(experienceGap),
      pointsHeading: m(pointsHeading),
      pointsFavourable: m(pointsFavourable),
      pointsNPS: m(pointsNPS),
      pointsChange: m(pointsChange),
      questionsHeading: m(questionsHeading),
      negative: m(negative),
      neutral: m(neutral),
      positive: m(positive),
      npsMark: m(npsMark),
      noAnswersIn: m(noAnswersIn),
      segmentsBy: m(segmentsBy),
      nextAttribute: m(nextAttribute),
      noAttributes: m(noAttributes),
      noAttributesStatus: m(noAttributesStatus),
      loading: m(loading),
      noRespondents: m(noRespondents),
      couldNotRead: m(couldNotRead),
      commentsHeading: m(commentsHeading),
      all: m(all),
      commentsHint: m(commentsHint),
      commentsWithheld: m(commentsWithheld),
      noComments: m(noComments),
      moreComments: m(moreComments))
  }
}
