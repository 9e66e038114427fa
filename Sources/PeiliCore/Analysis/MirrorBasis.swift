/// The part of a `MirrorAnalysis` that does not depend on the actions: theme mirrors, key
/// result and objective progress and pace, blind-spot reasons and the wave changes actions
/// are judged by. Apart so that it can be derived while a store still reads the actions
/// (`WorkspaceStore.snapshot(meanwhile:)`): on a large workspace those are most of the read.
public struct MirrorBasis: Sendable {
  let today: Day
  let minimumGroup: Int
  let materialThreshold: Double
  let baseline: Wave?
  let followUp: Wave?
  /// Every wave, oldest first.
  let waves: [Wave]
  /// Their dates, for choosing an action's waves without a copy per action.
  let waveDates: [Day]
  let cycle: Cycle?
  /// In theme position order.
  let mirrors: [ThemeMirror]
  let mirrorsByID: [String: ThemeMirror]
  /// Each theme id's rank in theme order.
  let themeOrder: [String: Int]
  let keyResults: [KeyResult]
  let perceptionKeyResults: [String: [KeyResult]]
  /// Indices into `keyResults` by objective id.
  let keyResultsByObjective: [String: [Int]]
  /// Each key result id's index in `keyResults` (the last, should an id repeat).
  let keyResultIndex: [String: Int]
  /// Each key result's perception theme rank in theme order (by index in `keyResults`):
  /// `notPerception`, or `unknownTheme` for a theme id no theme has.
  let perceptionRanks: [Int]
  /// Each objective id's index in the snapshot's objectives (the last, should an id repeat).
  let objectiveIndex: [String: Int]
  /// Indices of the snapshot's objectives in (position, id) order.
  let objectivesInOrder: [Int]
  static let notPerception = -1
  static let unknownTheme = -2
  let keyResultProgress: [String: Double]
  let keyResultCurrent: [String: Double]
  /// The wave each perception key result's current score comes from.
  let keyResultWave: [String: String]
  /// Perception key results whose current (or start) score the segment filter withholds:
  /// their current, progress and status are the unfiltered ones.
  let withheldKeyResults: Set<String>
  let objectiveProgress: [String: Double]
  let keyResultStatus: [String: PaceStatus]
  let objectiveStatus: [String: PaceStatus]
  /// Themes (in order) that are a blind spot whenever no action targets them, and why.
  let blindSpotReasons: [(themeID: String, reasons: [BlindSpotReason])]
  /// The audience each theme's impact is judged on (customer, staff when customers were not asked).
  let impactAudience: [String: Audience]
  /// Every theme's change per audience between any two waves.
  let pairChanges: [WavePair: [Audience: [String: Gap]]]
  /// Each shown score's index mean and SD, by wave place, audience and theme.
  let waveIndex: [Int: [Audience: [String: IndexSpread]]]
  /// Each shown score's estimate, by wave place, audience and theme: a theme's trend.
  let waveEstimates: [Int: [Audience: [String: ScoreEstimate]]]
  /// The summaries behind them, for favourable % and NPS changes between any two waves.
  let waveSummaries: [Int: [Audience: [String: ScoreSummary]]]

  /// A shown score's index mean and respondent SD.
  struct IndexSpread: Hashable, Sendable {
    let mean: Double
    let sd: Double
  }

  /// Two waves by their place in `waves`.
  struct WavePair: Hashable, Sendable {
    let before: Int
    let after: Int
  }

  /// A theme in one audience.
  private struct ThemeAudience: Hashable {
    let themeID: String
    let audience: Audience
  }

  /// Reads everything of `snapshot` but its actions (which may be missing).
  /// `baselineWave`/`followUpWave` pick the compared waves by id (default: the cycle's
  /// baseline — the last wave on or before its start, else the oldest — and the latest).
  public init(
    snapshot: Snapshot, today: Day, minimumGroup: Int = 5, materialThreshold: Double = 5,
    baselineWave: String? = nil, followUpWave: String? = nil
  ) {
    self.today = today
    cycle = snapshot.cycle
    keyResults = snapshot.keyResults
    self.minimumGroup = minimumGroup
    self.materialThreshold = materialThreshold
    let waves = snapshot.waves.sorted { $0.date < $1.date }
    self.waves = waves
    waveDates = waves.map(\.date)
    let followUp = followUpWave.flatMap { id in waves.first { $0.id == id } } ?? waves.last
    // A workspace of several cycles holds earlier waves: a cycle is judged from its own start.
    let cycleBaseline = snapshot.cycle.flatMap { c in waves.last { $0.date <= c.start } } ?? waves.first
    let baseline = baselineWave.flatMap { id in waves.first { $0.id == id } } ?? cycleBaseline
    self.baseline = baseline
    self.followUp = followUp
    let themes = snapshot.themes.sorted { ($0.position, $0.id) < ($1.position, $1.id) }
    themeOrder = Dictionary(themes.enumerated().map { ($1.id, $0) }, uniquingKeysWith: { a, _ in a })

    func summary(_ theme: String, _ audience: Audience, _ wave: Wave?) -> ScoreSummary? {
      wave.flatMap { snapshot.score(theme, audience, wave: $0.id) }
    }
    // Each estimate is computed once: t quantiles are not free.
    var estimates: [ScoreKey: ScoreEstimate?] = [:]
    func estimate(_ theme: String, _ audience: Audience, _ wave: Wave?) -> ScoreEstimate? {
      guard let wave else { return nil }
      let key = ScoreKey(themeID: theme, audience: audience, waveID: wave.id)
      if let known = estimates[key] { return known }
      let e = snapshot.scores[key].flatMap { ScoreEstimate($0, minimumGroup: minimumGroup) }
      estimates[key] = .some(e)
      return e
    }
    // The unfiltered scores (the same as `snapshot.scores` without a filter): which wave a
    // key result's current score is of never depends on the filter.
    let unfiltered = snapshot.unfilteredScores ?? snapshot.scores
    let isFiltered = snapshot.unfilteredScores != nil
    var unfilteredEstimates: [ScoreKey: ScoreEstimate?] = [:]
    func unfilteredEstimate(_ theme: String, _ audience: Audience, _ wave: Wave?) -> ScoreEstimate? {
      guard isFiltered else { return estimate(theme, audience, wave) }
      guard let wave else { return nil }
      let key = ScoreKey(themeID: theme, audience: audience, waveID: wave.id)
      if let known = unfilteredEstimates[key] { return known }
      let e = unfiltered[key].flatMap { ScoreEstimate($0, minimumGroup: minimumGroup) }
      unfilteredEstimates[key] = .some(e)
      return e
    }
    func gap(_ a: ScoreSummary?, _ b: ScoreSummary?) -> Gap? {
      Gap.between(a, b, minimumGroup: minimumGroup, materialThreshold: materialThreshold)
    }
    func change(_ theme: String, _ audience: Audience, _ from: Wave, _ to: Wave) -> Gap? {
      gap(summary(theme, audience, from), summary(theme, audience, to))
    }

    // Theme mirrors. The weakest theme of customers (of staff among themes customers were
    // not asked) leads its reading.
    func weakest(_ audience: Audience, _ candidates: [Theme]) -> String? {
      let shown = candidates.compactMap { t in estimate(t.id, audience, followUp).map { (t.id, $0.index) } }
      // Weakest of one is no news.
      return shown.count < 2 ? nil : shown.min { $0.1 < $1.1 }?.0
    }
    // Whether customers were asked a theme is the unfiltered scores' fact: a filter that
    // withholds a customer score does not make the theme staff-only.
    let customersAsked = Set(unfiltered.keys.lazy.filter { $0.audience == .customer }.map(\.themeID))
    let customerWeakest = weakest(.customer, themes)
    let staffWeakest = weakest(.staff, themes.filter { !customersAsked.contains($0.id) })
    var mirrors: [ThemeMirror] = []
    for theme in themes {
      var scores: [Audience: ScoreEstimate] = [:]
      var baseScores: [Audience: ScoreEstimate] = [:]
      var changes: [Audience: Gap] = [:]
      for audience in Audience.allCases {
        scores[audience] = estimate(theme.id, audience, followUp)
        baseScores[audience] = estimate(theme.id, audience, baseline)
        if let b = baseline, let f = followUp, b.id != f.id, let g = change(theme.id, audience, b, f) {
          changes[audience] = g
        }
      }
      let customer = summary(theme.id, .customer, followUp)
      mirrors.append(
        ThemeMirror(
          theme: theme, scores: scores, baselineScores: baseScores,
          mirrorGap: gap(customer, summary(theme.id, .mirror, followUp)),
          experienceGap: gap(customer, summary(theme.id, .staff, followUp)), change: changes,
          points: PointGaps.of(baseline: baseline, followUp: followUp, minimumGroup: minimumGroup) {
            summary(theme.id, $0, $1)
          },
          isWeakest: theme.id == (customersAsked.contains(theme.id) ? customerWeakest : staffWeakest),
          weakAudience: customersAsked.contains(theme.id) ? .customer : .staff))
    }
    self.mirrors = mirrors
    mirrorsByID = Dictionary(mirrors.map { ($0.theme.id, $0) }, uniquingKeysWith: { a, _ in a })

    // Indices, not copies: there are thousands of key results.
    var krsByObjective: [String: [Int]] = [:]
    var perceptionKRs: [String: [KeyResult]] = [:]
    // Positional indices for the actions' side too, which runs on the first frame: hashing
    // each id there would cost more than the rest of it.
    var krIndex = [String: Int](minimumCapacity: snapshot.keyResults.count)
    var perceptionRanks = [Int](repeating: Self.notPerception, count: snapshot.keyResults.count)
    for i in snapshot.keyResults.indices {
      let kr = snapshot.keyResults[i]
      krsByObjective[kr.objectiveID, default: []].append(i)
      krIndex[kr.id] = i
      if case .perception(let t, _, _, _) = kr.measure {
        perceptionKRs[t, default: []].append(kr)
        perceptionRanks[i] = themeOrder[t] ?? Self.unknownTheme
      }
    }
    keyResultsByObjective = krsByObjective
    perceptionKeyResults = perceptionKRs
    keyResultIndex = krIndex
    self.perceptionRanks = perceptionRanks
    var childrenByObjective: [String: [Int]] = [:]
    var objIndex = [String: Int](minimumCapacity: snapshot.objectives.count)
    for i in snapshot.objectives.indices {
      if let p = snapshot.objectives[i].parentID { childrenByObjective[p, default: []].append(i) }
      objIndex[snapshot.objectives[i].id] = i
    }
    objectiveIndex = objIndex
    objectivesInOrder = snapshot.objectives.indices.sorted {
      (snapshot.objectives[$0].position, snapshot.objectives[$0].id)
        < (snapshot.objectives[$1].position, snapshot.objectives[$1].id)
    }

    // Key result progress.
    let wavesUpToFollowUp = waves.filter { w in followUp.map { w.date <= $0.date } ?? true }
    var krCurrent = [String: Double](minimumCapacity: snapshot.keyResults.count)
    var krProgress = [String: Double](minimumCapacity: snapshot.keyResults.count)
    var krWave: [String: String] = [:]
    var krWithheld = Set<String>()
    // Hundreds of perception KRs share a few themes: their latest wave once per pair.
    var latest: [ThemeAudience: Wave?] = [:]
    /// The latest wave (up to the follow-up) with a shown unfiltered score: the wave a
    /// theme's current score is of, with or without a filter.
    func latestWave(_ theme: String, _ audience: Audience) -> Wave? {
      let key = ThemeAudience(themeID: theme, audience: audience)
      if let known = latest[key] { return known }
      let w = wavesUpToFollowUp.last { unfilteredEstimate(theme, audience, $0) != nil }
      latest[key] = .some(w)
      return w
    }
    /// The current score of a theme: of its latest wave, nil when the filter withholds it
    /// (never an older wave's).
    func latestShown(_ theme: String, _ audience: Audience) -> ScoreEstimate? {
      estimate(theme, audience, latestWave(theme, audience))
    }
    for kr in snapshot.keyResults {
      switch kr.measure {
      case .metric(let start, let target, let current, _):
        krCurrent[kr.id] = current
        krProgress[kr.id] = OKRProgress.metric(start: start, target: target, current: current)
      case .milestone(let done):
        krProgress[kr.id] = OKRProgress.milestone(done: done)
      case .perception(let theme, let audience, let baselineWave, let target):
        // Current = the latest wave with a shown score; start = the baseline wave's (or 0).
        guard let wave = latestWave(theme, audience), let whole = unfilteredEstimate(theme, audience, wave)
        else { continue }
        let startWave = baselineWave.flatMap { id in waves.first { $0.id == id } }
        let wholeStart = unfilteredEstimate(theme, audience, startWave)
        var current = whole.index
        var start = wholeStart?.index ?? 0
        if isFiltered {
          // Under a filter: the filtered scores of the same waves, or (when the filter
          // withholds either) the unfiltered progress and status, said so.
          let filteredStart = estimate(theme, audience, startWave)
          if let now = estimate(theme, audience, wave), (filteredStart == nil) == (wholeStart == nil) {
            current = now.index
            start = filteredStart?.index ?? 0
          } else {
            krWithheld.insert(kr.id)
          }
        }
        krWave[kr.id] = wave.id
        krCurrent[kr.id] = current
        krProgress[kr.id] = OKRProgress.metric(start: start, target: target, current: current)
      }
    }
    keyResultCurrent = krCurrent
    keyResultProgress = krProgress
    keyResultWave = krWave
    withheldKeyResults = krWithheld

    // Objective rollup: weighted KRs plus aligned child objectives (weight = child's weight).
    var objProgress: [String: Double] = [:]
    var visiting = Set<String>()
    func rollup(_ id: String) -> Double? {
      if let done = objProgress[id] { return done }
      guard visiting.insert(id).inserted else { return nil }  // a parent cycle: ignore the back edge
      defer { visiting.remove(id) }
      var parts: [(progress: Double?, weight: Double)] = []
      for k in krsByObjective[id] ?? [] {
        let kr = snapshot.keyResults[k]
        parts.append((krProgress[kr.id], kr.weight))
      }
      for c in childrenByObjective[id] ?? [] where snapshot.objectives[c].id != id {
        let child = snapshot.objectives[c]
        parts.append((rollup(child.id), child.weight))
      }
      let p = OKRProgress.weightedMean(parts)
      if let p { objProgress[id] = p }
      return p
    }
    for o in snapshot.objectives { _ = rollup(o.id) }
    objectiveProgress = objProgress

    // Pace of key results and objectives.
    var krStatus: [String: PaceStatus] = [:]
    for kr in snapshot.keyResults {
      var done = false
      if case .milestone(let d) = kr.measure { done = d }
      krStatus[kr.id] = Pace.status(
        progress: krProgress[kr.id], cycle: cycle, today: today, isDone: done, confidence: kr.confidence)
    }
    var objStatus: [String: PaceStatus] = [:]
    for o in snapshot.objectives {
      objStatus[o.id] = Pace.status(progress: objProgress[o.id], cycle: cycle, today: today)
    }
    keyResultStatus = krStatus
    objectiveStatus = objStatus

    // The themes that are blind spots whenever nothing targets them.
    var reasons: [(themeID: String, reasons: [BlindSpotReason])] = []
    for m in mirrors {
      var why: [BlindSpotReason] = []
      // The latest shown customer index (a theme not asked in the follow-up keeps its last
      // one; under a filter that withholds it, none: never an older wave's).
      if let c = latestShown(m.theme.id, .customer), c.index < BlindSpotReason.weakIndex {
        why.append(.weakCustomerIndex(index: c.index, threshold: BlindSpotReason.weakIndex))
      }
      if let g = m.mirrorGap, g.isMarked { why.append(.markedMirrorGap(g)) }
      if !why.isEmpty { reasons.append((m.theme.id, why)) }
    }
    blindSpotReasons = reasons

    // Impact: an action compares the last wave before its start with the first after its
    // finish (or the latest), so any two waves may be compared. Their changes are computed
    // here once per theme and audience, not once per action: there are few waves.
    var audiences: [String: Audience] = [:]
    for t in themes {
      audiences[t.id] =
        waves.contains { snapshot.score(t.id, .customer, wave: $0.id) != nil } ? .customer : .staff
    }
    impactAudience = audiences
    var baselines: [Int: [Audience: [String: IndexSpread]]] = [:]
    var shown: [Int: [Audience: [String: ScoreEstimate]]] = [:]
    var shownSummaries: [Int: [Audience: [String: ScoreSummary]]] = [:]
    for i in waves.indices {
      for audience in Audience.allCases {
        for t in themes {
          guard let e = estimate(t.id, audience, waves[i]) else { continue }
          shown[i, default: [:]][audience, default: [:]][t.id] = e
          shownSummaries[i, default: [:]][audience, default: [:]][t.id] = summary(t.id, audience, waves[i])
          guard audience != .mirror, let s = summary(t.id, audience, waves[i]), let v = s.index.variance
          else { continue }
          baselines[i, default: [:]][audience, default: [:]][t.id] = IndexSpread(
            mean: s.index.mean, sd: v.squareRoot())
        }
      }
    }
    waveIndex = baselines
    waveEstimates = shown
    waveSummaries = shownSummaries
    var pairChanges: [WavePair: [Audience: [String: Gap]]] = [:]
    for after in waves.indices {
      for before in waves.indices where before < after {
        var changes: [Audience: [String: Gap]] = [:]
        for audience in [Audience.customer, .staff] {
          for t in themes {
            if let g = change(t.id, audience, waves[before], waves[after]) {
              changes[audience, default: [:]][t.id] = g
            }
          }
        }
        pairChanges[WavePair(before: before, after: after)] = changes
      }
    }
    self.pairChanges = pairChanges
  }
}
