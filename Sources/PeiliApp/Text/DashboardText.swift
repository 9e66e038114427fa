extension Catalogue {
  /// The dashboard: the OKR tree pane and the mirror pane.
  public struct DashboardText: Sendable {
    /// The tree pane's title, and with a filter typed (the count from `rows`).
    public var tree: String
    public var filteredTree: @Sendable (_ filter: String, _ rows: String) -> String
    public var rows: Plural
    public var noObjectives: String
    public var noMatch: String
    /// A confidence in the tree's narrow column: "c7".
    public var confidenceShort: @Sendable (Int) -> String
    /// The mirror pane's title: with nothing selected, of an item, of an objective (which
    /// takes in its key results and actions).
    public var mirror: String
    public var mirrorOf: @Sendable (_ id: String, _ title: String) -> String
    public var mirrorOfObjective: @Sendable (_ id: String, _ title: String) -> String
    /// Where the themes in view are: "3/7 themes".
    public var themesPosition: @Sendable (_ at: Int, _ of: Int) -> String
    public var noSurvey: String
    public var objectiveWithoutMirror: String
    public var noThemeLinked: @Sendable (_ id: String) -> String
    /// The theme table's column titles; a change column is the delta glyph and its audience.
    public var theme: String, customer: String, staff: String, mirrorScore: String
    public var mirrorGap: String, staffGap: String
    public var changeCustomer: String, changeStaff: String
    public var respondents: String
    /// The selection's facts: "objective, committed", "action", "due 2026-05-31", …
    public var objective: @Sendable (_ kind: String) -> String
    public var action: String
    public var due: @Sendable (String) -> String
    public var confidence: @Sendable (Int) -> String
    public var metric: String, milestone: String
    /// A perception key result: "customer Communication", then "target 45".
    public var perception: @Sendable (_ audience: String, _ theme: String) -> String
    public var target: @Sendable (String) -> String
    /// The wave a perception key result's current score is of: "(2026-09)".
    public var ofWave: @Sendable (_ wave: String) -> String
    /// A perception key result whose current score the segment filter withholds: its row and
    /// facts keep the unfiltered progress and status, and say so.
    public var withheldUnderFilter: String
    /// Coverage warnings: after the objective, and before the theme's name.
    public var noThemeLinkedWarning: String
    public var blindSpot: String
  }
}

extension Catalogue.DashboardText {
  /// English.
  public static let english = Catalogue.DashboardText(
    tree: "OKR tree",
    filteredTree: { "OKR tree (filter \"\($0)\": \($1))" },
    rows: Catalogue.Plural(one: "{n} row", other: "{n} rows"),
    noObjectives: "No objectives yet: `peili import okrs FILE.yaml`, or try `peili demo`.",
    noMatch: "Nothing matches the filter; Esc clears it.",
    confidenceShort: { "c\($0)" },
    mirror: "Mirror",
    mirrorOf: { "Mirror of \($0) \($1)" },
    mirrorOfObjective: { "Mirror of \($0) \($1) (with its KRs and actions)" },
    themesPosition: { "\($0)/\($1) themes" },
    noSurvey: "No survey imported yet: `peili import survey FILE.csv --mapping MAP.yaml ...`",
    objectiveWithoutMirror: "No theme linked: this objective has no mirror.",
    noThemeLinked: { "No theme linked to \($0); its objective's mirror shows on the objective." },
    theme: "Theme", customer: "Cust", staff: "Staff", mirrorScore: "Mirr",
    mirrorGap: "Mirror gap", staffGap: "Staff gap",
    changeCustomer: "cust", changeStaff: "staff",
    respondents: "n C/S/M",
    objective: { "objective, \($0)" },
    action: "action",
    due: { "due \($0)" },
    confidence: { "confidence \($0)/10" },
    metric: "metric", milestone: "milestone",
    perception: { "\($0) \($1)" },
    target: { "target \($0)" },
    ofWave: { "(\($0))" },
    withheldUnderFilter: "withheld under this filter",
    noThemeLinkedWarning: "no theme linked (an OKR without a mirror)",
    blindSpot: "Blind spot")
}

extension Catalogue.DashboardText {
  /// Every entry rewritten by `m` (see `Catalogue.mapped`).
  func mapped(_ m: TextMapping) -> Self {
    Self(
      tree: m(tree),
      filteredTree: m(filteredTree),
      rows: m(rows),
      noObjectives: m(noObjectives),
      noMatch: m(noMatch),
      confidenceShort: m(confidenceShort),
      mirror: m(mirror),
      mirrorOf: m(mirrorOf),
      mirrorOfObjective: m(mirrorOfObjective),
      themesPosition: m(themesPosition),
      noSurvey: m(noSurvey),
      objectiveWithoutMirror: m(objectiveWithoutMirror),
      noThemeLinked: m(noThemeLinked),
      theme: m(theme),
      customer: m(customer),
      staff: m(staff),
      mirrorScore: m(mirrorScore),
      mirrorGap: m(mirrorGap),
      staffGap: m(staffGap),
      changeCustomer: m(changeCustomer),
      changeStaff: m(changeStaff),
      respondents: m(respondents),
      objective: m(objective),
      action: m(action),
      due: m(due),
      confidence: m(confidence),
      metric: m(metric),
      milestone: m(milestone),
      perception: m(perception),
      target: m(target),
      ofWave: m(ofWave),
      withheldUnderFilter: m(withheldUnderFilter),
      noThemeLinkedWarning: m(noThemeLinkedWarning),
      blindSpot: m(blindSpot))
  }
}
