/// Everything the screens and the report read, loaded in one read transaction.
public struct Snapshot: Sendable {
  public var workspacePath: String
  public var cycle: Cycle?
  /// Every cycle of the workspace, oldest first.
  public var cycles: [Cycle] = []
  /// The cycle before `cycle`, with its OKRs (re-evaluation).
  public var previousCycle: CycleOKRs?
  public var objectives: [Objective]
  public var keyResults: [KeyResult]
  public var actions: [Action]
  public var themes: [Theme]
  public var questions: [Question]
  /// Oldest first.
  public var waves: [Wave]
  /// Theme and question scores, by key: unfiltered as loaded, a filter's once
  /// `FilteredScores.applied(to:)` replaced them.
  public var scores: [ScoreKey: ScoreSummary]
  /// The unfiltered scores when `scores` are a segment filter's (nil otherwise): a key result
  /// whose current score the filter withholds keeps its unfiltered progress and status
  /// (`MirrorAnalysis.isWithheldUnderFilter(keyResult:)`) instead of an older wave's.
  public var unfilteredScores: [ScoreKey: ScoreSummary]?
  public var isReadOnly: Bool
  /// Why the store is read-only (which file blocks writing, and the fix), when it says.
  public var readOnlyReason: String?
  /// The newest audit row the snapshot reflects (0: none): where "what changed since" starts.
  public var lastAuditID: Int64 = 0
  /// The latest check-in of each action and of each key result, by its id.
  public var lastActionCheckIns: [String: CheckIn] = [:]
  public var lastKeyResultCheckIns: [String: CheckIn] = [:]
  /// The open review, else the latest closed one (nil: none, or a store without reviews).
  public var review: Review?

  public init(
    workspacePath: String, cycle: Cycle? = nil, objectives: [Objective] = [], keyResults: [KeyResult] = [],
    actions: [Action] = [], themes: [Theme] = [], questions: [Question] = [], waves: [Wave] = [],
    scores: [ScoreKey: ScoreSummary] = [:], isReadOnly: Bool = false, readOnlyReason: String? = nil
  ) {
    self.readOnlyReason = readOnlyReason
    self.workspacePath = workspacePath
    self.cycle = cycle
    self.objectives = objectives
    self.keyResults = keyResults
    self.actions = actions
    self.themes = themes
    self.questions = questions
    self.waves = waves
    self.scores = scores
    self.isReadOnly = isReadOnly
  }

  public func score(_ themeID: String, _ audience: Audience, wave: String) -> ScoreSummary? {
    scores[ScoreKey(themeID: themeID, audience: audience, waveID: wave)]
  }
}
