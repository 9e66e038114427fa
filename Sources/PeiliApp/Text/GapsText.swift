extension Catalogue {
  /// The gaps screen: the ranking, the facts of its selection and the importance grid.
  public struct GapsText: Sendable {
    /// The choice line: "Rank by" the gap kinds, "Importance vs performance of" the audiences.
    public var rankBy: String
    public var gridOf: String
    public var noThemes: String
    /// Column titles; the dumbbell's title is `scores` between "0" and "100" rules.
    public var theme: String, scores: String, gap: String, gapClass: String, respondents: String,
      linked: String
    /// A gap's class for its kind: a change's (with the audience letter), a target gap's and
    /// a weakness's. The mirror and experience gaps' are the analysis's `under`/`over`/
    /// `aligned`, the one pair of direction words of every screen.
    public var drop: @Sendable (_ audience: String) -> String
    public var rise: @Sendable (_ audience: String) -> String
    public var noChange: String
    public var belowTarget: String, reached: String, noKeyResult: String
    public var weak: String, low: String
    public var noData: String
    /// Links: the mark of a theme nothing links to.
    public var blindSpotMark: String
    /// The selection's facts: each kind of gap in a sentence (the difference with its margin).
    public var experience: @Sendable (_ theme: String, _ difference: String) -> String
    public var change: @Sendable (_ audience: String, _ theme: String, _ difference: String) -> String
    public var target: @Sendable (_ keyResult: String, _ gap: String) -> String
    public var weakness: @Sendable (_ theme: String, _ index: String) -> String
    public var notEnoughData: @Sendable (_ theme: String, _ kind: String) -> String
    public var linkedLabel: String, nothing: String, blindSpot: String
    /// The legend under the ranking: the letters' words, the marks' words.
    public var targetLetter: String
    public var targetWord: String, baseline: String, gapMark: String, interval: String
    /// The importance–performance grid.
    public var noWave: String
    public var reading: String
    public var couldNotRead: @Sendable (String) -> String
    public var noGrid: @Sendable (_ audience: String, _ reason: String) -> String
    public var gridHint: String
    public var importanceAxis: @Sendable (_ mean: String) -> String
    /// A theme's importance in the quadrant lists: "r 0.21".
    public var correlation: @Sendable (_ r: String) -> String
    public var performanceAxis: @Sendable (_ arrow: String, _ range: String, _ mean: String) -> String
  }
}

extension Catalogue.GapsText {
  /// English.
  public static let english = Catalogue.GapsText(
    rankBy: "Rank by",
    gridOf: "Importance vs performance of",
    noThemes: "No themes yet: import a survey (`peili import survey ...`) or try `peili demo`.",
    theme: "Theme", scores: "scores", gap: "Gap", gapClass: "Class", respondents: "n", linked: "Linked",
    drop: { "drop \($0)" },
    rise: { "rise \($0)" },
    noChange: "no change",
    belowTarget: "below target", reached: "reached", noKeyResult: "no KR",
    weak: "weak", low: "low",
    noData: "no data",
    blindSpotMark: "blind spot",
    experience: { "Staff − customers on \($0): \($1) (95% CI)" },
    change: { "Change of \($0) on \($1) since the baseline: \($2)" },
    target: { "\($0): target − current = \($1)" },
    weakness: { "Customer index on \($0): \($1)" },
    notEnoughData: { "Not enough data on \($0) for the \($1)" },
    linkedLabel: "Linked", nothing: "nothing", blindSpot: "Blind spot",
    targetLetter: "T",
    targetWord: "target", baseline: "baseline", gapMark: "gap", interval: "95% CI",
    noWave: "No survey wave imported yet.",
    reading: "reading importance…",
    couldNotRead: { "Could not read importance: \($0)" },
    noGrid: { "No importance–performance grid for \($0): \($1)." },
    gridHint:
      "Importance is the correlation of a theme with the audience's outcome question. Press a for another audience.",
    importanceAxis: { "importance (r), mean \($0)" },
    correlation: { "r \($0)" },
    performanceAxis: { "performance (index) \($0)  \($1), mean \($2)" })
}

extension Catalogue.GapsText {
  /// Every entry rewritten by `m` (see `Catalogue.mapped`).
  func mapped(_ m: TextMapping) -> Self {
    Self(
      rankBy: m(rankBy),
      gridOf: m(gridOf),
      noThemes: m(noThemes),
      theme: m(theme),
      scores: m(scores),
      gap: m(gap),
      gapClass: m(gapClass),
      respondents: m(respondents),
      linked: m(linked),
      drop: m(drop),
      rise: m(rise),
      noChange: m(noChange),
      belowTarget: m(belowTarget),
      reached: m(reached),
      noKeyResult: m(noKeyResult),
      weak: m(weak),
      low: m(low),
      noData: m(noData),
      blindSpotMark: m(blindSpotMark),
      experience: m(experience),
      change: m(change),
      target: m(target),
      weakness: m(weakness),
      notEnoughData: m(notEnoughData),
      linkedLabel: m(linkedLabel),
      nothing: m(nothing),
      blindSpot: m(blindSpot),
      targetLetter: m(targetLetter),
      targetWord: m(targetWord),
      baseline: m(baseline),
      gapMark: m(gapMark),
      interval: m(interval),
      noWave: m(noWave),
      reading: m(reading),
      couldNotRead: m(couldNotRead),
      noGrid: m(noGrid),
      gridHint: m(gridHint),
      importanceAxis: m(importanceAxis),
      correlation: m(correlation),
      performanceAxis: m(performanceAxis))
  }
}
