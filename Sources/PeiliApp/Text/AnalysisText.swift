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
    /// A theme's reading with nothing weak or marked, with the theme's name.
    public var notEnoughData: @Sendable (_ theme: String) -> String
    public var agree: @Sendable (_ theme: String) -> String
    /// A reading's facts (`ThemeMirror.Reading.Fact`), the numbers given as written: the
    /// weakest theme of an audience, an index below the threshold, a marked mirror or
    /// experience gap (its size "17 ± 4" and its direction, worded `under` or `over`) and a
    /// marked change (its size, up or not).
    public var weakest: @Sendable (_ audience: Audience, _ index: String) -> String
    public var weak: @Sendable (_ audience: Audience, _ index: String, _ threshold: String) -> String
    public var mirrorGapFact: @Sendable (_ size: String, _ direction: GapClass) -> String
    public var experienceGapFact: @Sendable (_ size: String, _ direction: GapClass) -> String
    public var changeFact: @Sendable (_ audience: Audience, _ size: String, _ up: Bool) -> String
    /// Between two facts of a reading.
    public var factSeparator: String
    /// A gap's class after its number: "under", "over", "aligned"; `notAvailable` for a gap
    /// without enough data. `under`/`over` are the one pair of direction words of every
    /// screen: staff (their mirror estimate of customers, or their own score) under or over
    /// what customers said.
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
        weakCustomerIndex(numbers.whole(index), numbers.whole(threshold))
      case .markedMirrorGap(let gap):
        markedMirrorGap((gap.diff < 0 ? numbers.minus : "+") + numbers.size(gap))
      case .unlinked: unlinked
      }
    }

    /// A theme's reading in a sentence: its facts, most important first.
    public func reading(_ reading: ThemeMirror.Reading, theme: String, numbers: ScoreText) -> String {
      switch reading {
      case .notEnoughData: return notEnoughData(theme)
      case .agree: return agree(theme)
      case .facts(let facts):
        let line = facts.map { fact($0, numbers: numbers) }.joined(separator: factSeparator)
        return line.prefix(1).uppercased() + line.dropFirst()
      }
    }

    /// One fact of a reading in words.
    public func fact(_ fact: ThemeMirror.Reading.Fact, numbers: ScoreText) -> String {
      switch fact {
      case .weakest(let audience, let index): weakest(audience, numbers.whole(index))
      case .weak(let audience, let index, let threshold):
        weak(audience, numbers.whole(index), numbers.whole(threshold))
      case .mirrorGap(let g): mirrorGapFact(numbers.size(g), g.gapClass)
      case .experienceGap(let g): experienceGapFact(numbers.size(g), g.gapClass)
      case .change(let audience, let g): changeFact(audience, numbers.size(g), g.diff > 0)
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
    weakest: { audience, index in
      switch audience {
      case .staff: "staff's weakest theme, at \(index)"
      case .customer, .mirror: "customers' weakest theme, at \(index)"
      }
    },
    weak: { audience, index, threshold in
      switch audience {
      case .staff: "staff score it \(index), below \(threshold)"
      case .customer, .mirror: "customers score it \(index), below \(threshold)"
      }
    },
    // The direction words are `under`/`over` below, the one pair of every screen.
    mirrorGapFact: { "staff's mirror estimate \($0) \($1 == .under ? "under" : "over") customers" },
    experienceGapFact: { "staff's own score \($0) \($1 == .under ? "under" : "over") customers" },
    changeFact: { audience, size, up in
      let who =
        switch audience {
        case .staff: "staff"
        case .customer: "customers"
        case .mirror: "mirror"
        }
      return "\(who) \(up ? "up" : "down") \(size)"
    },
    factSeparator: "; ",
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
      weakest: m(weakest),
      weak: m(weak),
      mirrorGapFact: m(mirrorGapFact),
      experienceGapFact: m(experienceGapFact),
      changeFact: m(changeFact),
      factSeparator: m(factSeparator),
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
