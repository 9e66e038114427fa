import PeiliCore

extension Catalogue {
  /// The Impact screen: verdicts, design labels, quadrants, rollups and the action's detail.
  public struct ImpactText: Sendable {
    public var verdict: @Sendable (ImpactVerdict) -> String
    public var design: @Sendable (ImpactDesign) -> String
    public var quadrant: @Sendable (ImpactQuadrant) -> String
    public var tally: @Sendable (ImpactTally) -> String
    /// "3 moved": a rollup's count with its tally word.
    public var tallyCount: @Sendable (_ count: Int, _ tally: String) -> String
    /// Between a rollup's counts.
    public var tallySeparator: String
    /// "O1 Customers understand…: 3 moved, 1 busy, no change".
    public var rollup: @Sendable (_ item: String, _ counts: String) -> String
    public var nothingJudged: String
    /// The top line: how many actions, judged how.
    public var count: Plural
    public var judgedBy: String
    /// The chip of the quadrant shown: "only moved".
    public var only: String
    /// The chip of the previous cycle's actions: "last cycle Latausverkko 2025, judged a year later".
    public var lastCycle: String
    public var aYearLater: @Sendable (_ cycle: String) -> String
    /// The activity × impact grid: its axes and corners.
    public var busy: String, notBusy: String, movedAxis: String, notMovedAxis: String
    /// Column titles.
    public var action: String, progress: String, verdictTitle: String, theme: String, change: String,
      did: String, designTitle: String
    /// Marks beside a verdict.
    public var interim: String, busyNoChange: String, moreThemes: @Sendable (Int) -> String
    public var noActions: String, noMatch: String, noWaves: String
    /// The detail of one action.
    public var detailTitle: @Sendable (_ id: String, _ title: String) -> String
    public var themeHeading: @Sendable (_ theme: String, _ audience: String) -> String
    public var waves: @Sendable (_ baseline: String, _ arrow: String, _ followUp: String) -> String
    public var interimNote: String
    public var noFollowUp: String
    public var noThemes: String
    public var changeLine: @Sendable (_ difference: String) -> String
    public var didLine: @Sendable (_ difference: String, _ comparison: String) -> String
    public var comparedWith: @Sendable (_ themes: String) -> String
    public var noComparison: String
    public var unbalanced: String
    public var favourableChange: @Sendable (_ difference: String) -> String
    public var npsChange: @Sendable (_ difference: String) -> String
    public var trend: @Sendable (_ audience: String) -> String
    /// What a verdict can and cannot claim.
    public var claimSampling: String
    public var claimShared: Plural
    public var claimDropped: String, claimNotStarted: String, claimTooEarly: String, claimInterim: String
    public var claimBeforeAfter: String
    public var verdictLine: @Sendable (_ verdict: String, _ design: String) -> String
    /// The dashboard's reading of a theme under an action: its verdict there and its DiD.
    public var actionReading: @Sendable (_ id: String, _ verdict: String) -> String
    public var didShort: @Sendable (_ difference: String) -> String
    /// Communication (DESIGN §1): the list's column and its cells, the top line's count,
    /// the detail's line and its association of communicated and uncommunicated actions.
    public var toldTitle: String, told: String, never: String
    public var neverCommunicated: Plural
    public var communicatedLine: @Sendable (_ day: String, _ channel: String) -> String
    public var doneNeverCommunicated: String
    public var toldComparison:
      @Sendable (_ told: String, _ toldCount: String, _ untold: String, _ untoldCount: String) -> String
  }
}

extension Catalogue.ImpactText {
  /// English.
  public static let english = Catalogue.ImpactText(
    verdict: {
      switch $0 {
      case .moved: "moved"
      case .worse: "worse"
      case .noEvidenceYet: "no evidence yet"
      case .tooEarly: "too early"
      case .notStarted: "not started"
      case .notJudged: "not judged"
      }
    },
    design: {
      switch $0 {
      case .dropped: "dropped"
      case .notStarted: "not started"
      case .tooEarly: "too early"
      case .shared: "shared"
      case .withComparison: "with comparison"
      case .beforeAfterOnly: "before/after only"
      }
    },
    quadrant: {
      switch $0 {
      case .moved: "moved"
      case .busyNoChange: "busy, no change"
      case .movedWithoutMuchDone: "moved without much done"
      case .notYet: "not yet"
      }
    },
    tally: {
      switch $0 {
      case .moved: "moved"
      case .busyNoChange: "busy, no change"
      case .worse: "worse"
      case .noEvidenceYet: "no evidence yet"
      case .tooEarly: "too early"
      case .notStarted: "not started"
      case .dropped: "dropped"
      }
    },
    tallyCount: { "\($0) \($1)" },
    tallySeparator: ", ",
    rollup: { "\($0): \($1)" },
    nothingJudged: "no action linked to a theme",
    count: Catalogue.Plural(one: "{n} action", other: "{n} actions"),
    judgedBy: "judged by what moved, not by what was done",
    only: "only",
    lastCycle: "last cycle",
    aYearLater: { "\($0), judged a year later" },
    busy: "done or ≥ 80%", notBusy: "less done", movedAxis: "moved", notMovedAxis: "not moved",
    action: "Action", progress: "Done", verdictTitle: "Verdict", theme: "Theme", change: "Δ", did: "DiD",
    designTitle: "Design",
    interim: "interim", busyNoChange: "busy, no change", moreThemes: { "+\($0)" },
    noActions: "No actions in this cycle yet: `peili import okrs FILE.yaml`, or try `peili demo`.",
    noMatch: "No action in this quadrant.",
    noWaves: "No survey wave yet: impact is judged between the waves before and after an action.",
    detailTitle: { "Impact of \($0) \($1)" },
    themeHeading: { "\($0) · \($1)" },
    waves: { "waves \($0) \($1) \($2)" },
    interimNote: "interim: the action is not finished, the latest wave stands in for the follow-up",
    noFollowUp: "no wave since it started",
    noThemes: "This action links no theme: nothing to judge it by. Link one in the OKR file.",
    changeLine: { "change \($0)" },
    didLine: { "less the change of the untargeted themes (\($1)): DiD \($0)" },
    comparedWith: { "compared with \($0)" },
    noComparison: "no untargeted theme to compare with",
    unbalanced: "the comparison themes started far from this one: before/after only",
    favourableChange: { "favourable \($0) points" },
    npsChange: { "NPS \($0)" },
    trend: { "trend (\($0))" },
    claimSampling:
      "The intervals cover sampling error only: not other causes, who answered, or a changed questionnaire.",
    claimShared: Catalogue.Plural(
      one: "Shared with {n} other action on this theme: the credit is shared.",
      other: "Shared with {n} other actions on this theme: the credit is shared."),
    claimDropped: "Dropped: never judged and never credited.",
    claimNotStarted: "Not started: whatever moved, it was not this action.",
    claimTooEarly: "Too early: no survey wave since it started.",
    claimInterim: "Unfinished: a verdict from the latest wave, to be judged again after it finishes.",
    claimBeforeAfter: "Before/after only: without a comparison, a change of the whole audience counts too.",
    verdictLine: { "\($0) (\($1))" },
    actionReading: { "\($0) here: \($1)" },
    didShort: { "DiD \($0)" },
    toldTitle: "Told", told: "yes", never: "never",
    neverCommunicated: Catalogue.Plural(
      one: "{n} done, never communicated", other: "{n} done, never communicated"),
    communicatedLine: { "communicated \($0) by \($1)" },
    doneNeverCommunicated:
      "Done but never communicated: if its audience does not know of it, it may not feel its benefit.",
    toldComparison: {
      "Finished actions that were communicated: their themes changed \($0) on average (\($1)), "
        + "the others \($2) (\($3)). An association, not proof."
    })
}

extension Catalogue.ImpactText {
  /// Every entry rewritten by `m` (see `Catalogue.mapped`).
  func mapped(_ m: TextMapping) -> Self {
    Self(
      verdict: m(verdict), design: m(design), quadrant: m(quadrant), tally: m(tally),
      tallyCount: m(tallyCount),
      tallySeparator: m(tallySeparator), rollup: m(rollup), nothingJudged: m(nothingJudged), count: m(count),
      judgedBy: m(judgedBy), only: m(only), lastCycle: m(lastCycle), aYearLater: m(aYearLater), busy: m(busy),
      notBusy: m(notBusy),
      movedAxis: m(movedAxis), notMovedAxis: m(notMovedAxis), action: m(action), progress: m(progress),
      verdictTitle: m(verdictTitle), theme: m(theme), change: m(change), did: m(did),
      designTitle: m(designTitle), interim: m(interim), busyNoChange: m(busyNoChange),
      moreThemes: m(moreThemes), noActions: m(noActions), noMatch: m(noMatch), noWaves: m(noWaves),
      detailTitle: m(detailTitle), themeHeading: m(themeHeading), waves: m(waves),
      interimNote: m(interimNote),
      noFollowUp: m(noFollowUp), noThemes: m(noThemes), changeLine: m(changeLine), didLine: m(didLine),
      comparedWith: m(comparedWith), noComparison: m(noComparison), unbalanced: m(unbalanced),
      favourableChange: m(favourableChange), npsChange: m(npsChange), trend: m(trend),
      claimSampling: m(claimSampling), claimShared: m(claimShared), claimDropped: m(claimDropped),
      claimNotStarted: m(claimNotStarted), claimTooEarly: m(claimTooEarly), claimInterim: m(claimInterim),
      claimBeforeAfter: m(claimBeforeAfter), verdictLine: m(verdictLine),
      actionReading: m(actionReading), didShort: m(didShort), toldTitle: m(toldTitle), told: m(told),
      never: m(never), neverCommunicated: m(neverCommunicated), communicatedLine: m(communicatedLine),
      doneNeverCommunicated: m(doneNeverCommunicated), toldComparison: m(toldComparison))
  }

  /// A rollup's counts in a line ("3 moved, 1 busy, no change"), or `nothingJudged`.
  public func counts(_ r: ImpactRollup) -> String {
    r.isEmpty
      ? nothingJudged
      : r.entries.map { tallyCount($0.count, tally($0.tally)) }.joined(separator: tallySeparator)
  }
}
