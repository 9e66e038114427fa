import PeiliCore

extension Catalogue {
  /// The analysis's facts in words, for every screen: audiences, readings, gap classes,
  /// blind-spot reasons, gap kinds, quadrants and the kinds of OKR items.
  public struct AnalysisText: Sendable {
    /// "customer", "staff", "mirror".
    public var audience: @Sendable (Audience) -> String
    /// "Customer": an audience as a label at the start of a line.
    public var audienceTitle: @Sendable (Audience) -> String
    /// "C", "S", "M": an audience in one letter (the dumbbell, "n C/S/M").
    public var audienceLetter: @Sendable (Audience) -> String
    /// The mirror gap in a sentence, with the theme's name and the gap's size ("17 ± 4").
    public var notEnoughData: @Sendable (_ theme: String) -> String
    public var agree: @Sendable (_ theme: String) -> String
    public var staffUnderestimate: @Sendable (_ theme: String, _ size: String) -> String
    public var staffOverestimate: @Sendable (_ theme: String, _ size: String) -> String
    /// A gap's class after its number: "under", "over", "aligned"; `notAvailable` for a gap
    /// without enough data.
    public var under: String, over: String, aligned: String, notAvailable: String
    /// Why a theme is a blind spot: "customer index 47 < 50", "mirror gap −12 ± 5", …
    public var weakCustomerIndex: @Sendable (_ index: String, _ threshold: String) -> String
    public var markedMirrorGap: @Sendable (_ gap: String) -> String
    public var unlinked: String
    /// Between two reasons of one blind spot.
    public var reasonSeparator: String
    /// "mirror gap", "weakness", … as the gaps screen's choices.
    public var gapKind: @Sendable (GapKind) -> String
    /// "concentrate here", … as the grid's corners.
    public var quadrant: @Sendable (Quadrant) -> String
    /// "Concentrate here", … as a heading of the quadrant lists.
    public var quadrantTitle: @Sendable (Quadrant) -> String
    /// Why there is no importance–performance grid for an audience (its name given).
    public var gridUnavailable: @Sendable (ImportanceGrid.Unavailable, _ audience: String) -> String
    /// "committed", "aspirational".
    public var objectiveKind: @Sendable (ObjectiveKind) -> String

    /// A blind spot's reasons in a line ("customer index 47 < 50; mirror gap −12 ± 5"), the
    /// numbers written by `numbers`.
    public func reasons(_ reasons: [BlindSpotReason], numbers: ScoreText) -> String {
      reasons.map { reason($0, numbers: numbers) }.joined(separator: reasonSeparator)
    }

    /// One blind-spot reason in words.
    public func reason(_ reason: BlindSpotReason, numbers: ScoreText) -> String {
      switch reason {
      case .weakCustomerIndex(let index, let threshold):
        weakCustomerIndex("\(Int(index.rounded()))", "\(Int(threshold.rounded()))")
      case .markedMirrorGap(let gap):
        markedMirrorGap((gap.diff < 0 ? numbers.minus : "+") + numbers.size(gap))
      case .unlinked: unlinked
      }
    }

    /// A theme's reading in a sentence.
    public func reading(_ reading: ThemeMirror.Reading, theme: String, numbers: ScoreText) -> String {
      switch reading {
      case .notEnoughData: notEnoughData(theme)
      case .agree: agree(theme)
      case .staffUnderestimate(let gap): staffUnderestimate(theme, numbers.size(gap))
      case .staffOverestimate(let gap): staffOverestimate(theme, numbers.size(gap))
      }
    }

    /// The word of a gap's class.
    public func word(_ c: GapClass) -> String {
      switch c {
      case .under: under
      case .over: over
      case .aligned: aligned
      case .notEnoughData: notAvailable
      }
    }
  }
}

extension Catalogue.AnalysisText {
  /// English.
  public static let english = Catalogue.AnalysisText(
    audience: {
      switch $0 {
      case .customer: "customer"
      case .staff: "staff"
      case .mirror: "mirror"
      }
    },
    audienceTitle: {
      switch $0 {
      case .customer: "Customer"
      case .staff: "Staff"
      case .mirror: "Mirror"
      }
    },
    audienceLetter: {
      switch $0 {
      case .customer: "C"
      case .staff: "S"
      case .mirror: "M"
      }
    },
    notEnoughData: { "Not enough data on \($0)" },
    agree: { "Staff and customers agree on \($0)" },
    staffUnderestimate: { "Staff underestimate customers on \($0) by \($1)" },
    staffOverestimate: { "Staff overestimate customers on \($0) by \($1)" },
    under: "under", over: "over", aligned: "aligned", notAvailable: "n/a",
    weakCustomerIndex: { "customer index \($0) < \($1)" },
    markedMirrorGap: { "mirror gap \($0)" },
    unlinked: "no objective, key result or action links to it",
    reasonSeparator: "; ",
    gapKind: {
      switch $0 {
      case .mirror: "mirror gap"
      case .experience: "experience gap"
      case .target: "target gap"
      case .weakness: "weakness"
      case .change: "change"
      }
    },
    quadrant: {
      switch $0 {
      case .concentrateHere: "concentrate here"
      case .keepUp: "keep up"
      case .lowPriority: "low priority"
      case .possibleOverkill: "possible overkill"
      }
    },
    quadrantTitle: {
      switch $0 {
      case .concentrateHere: "Concentrate here"
      case .keepUp: "Keep up"
      case .lowPriority: "Low priority"
      case .possibleOverkill: "Possible overkill"
      }
    },
    gridUnavailable: { unavailable, audience in
      switch unavailable {
      case .noOutcomeQuestion: "no outcome question for \(audience)"
      case .tooFewRespondents: "too few respondents"
      case .tooFewThemes: "too few themes with both importance and performance"
      }
    },
    objectiveKind: {
      switch $0 {
      case .committed: "committed"
      case .aspirational: "aspirational"
      }
    })
}

extension Catalogue.AnalysisText {
  /// Every entry rewritten by `m` (see `Catalogue.mapped`).
  func mapped(_ m: TextMapping) -> Self {
    Self(
      audience: m(audience),
      audienceTitle: m(audienceTitle),
      audienceLetter: m(audienceLetter),
      notEnoughData: m(notEnoughData),
      agree: m(agree),
      staffUnderestimate: m(staffUnderestimate),
      staffOverestimate: m(staffOverestimate),
      under: m(under),
      over: m(over),
      aligned: m(aligned),
      notAvailable: m(notAvailable),
      weakCustomerIndex: m(weakCustomerIndex),
      markedMirrorGap: m(markedMirrorGap),
      unlinked: m(unlinked),
      reasonSeparator: m(reasonSeparator),
      gapKind: m(gapKind),
      quadrant: m(quadrant),
      quadrantTitle: m(quadrantTitle),
      gridUnavailable: m(gridUnavailable),
      objectiveKind: m(objectiveKind))
  }
}
