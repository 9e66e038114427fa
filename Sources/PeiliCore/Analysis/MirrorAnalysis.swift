/// Everything derived from a snapshot for screens and report; built once per snapshot load.
public struct MirrorAnalysis: Sendable {
  public let today: Day
  public let minimumGroup: Int
  public let materialThreshold: Double
  /// Oldest wave (or chosen).
  public let baseline: Wave?
  /// Latest wave (or chosen).
  public let followUp: Wave?
  /// In theme position order.
  public let themes: [ThemeMirror]
  public let warnings: [CoverageWarning]
  /// The snapshot's key results, objective ids and action ids in snapshot order (for
  /// rankings that list what links to a theme, and target gaps).
  public let keyResults: [KeyResult]
  public let objectiveIDs: [String]
  public let actionIDs: [String]

  private let mirrorsByID: [String: ThemeMirror]
  /// What links to each theme, and its perception key results, indexed once per load so that
  /// screens ranking themes never scan the tree on a key.
  private let linksByTheme: [String: ThemeLinks]
  private let perceptionKeyResultsByTheme: [String: [KeyResult]]
  private let objectiveThemes: [String: [String]]
  private let keyResultThemes: [String: [String]]
  private let actionThemes: [String: [String]]
  private let objectiveProgress: [String: Double]
  private let keyResultProgress: [String: Double]
  private let keyResultCurrent: [String: Double]
  private let objectiveStatus: [String: PaceStatus]
  private let keyResultStatus: [String: PaceStatus]
  private var actionStatus: [String: PaceStatus]
  /// The cycle actions are paced against (kept for `updating(action:was:)`).
  private let cycle: Cycle?
  private let impacts: [String: [ActionImpact]]

  /// `baselineWave`/`followUpWave` pick the compared waves by id (default oldest and latest).
  public init(
    snapshot: Snapshot, today: Day, minimumGroup: Int = 5, materialThreshold: Double = 5,
    baselineWave: String? = nil, followUpWave: String? = nil
  ) {
    self.today = today
    cycle = snapshot.cycle
    keyResults = snapshot.keyResults
    objectiveIDs = snapshot.objectives.map(\.id)
    actionIDs = snapshot.actions.map(\.id)
    self.minimumGroup = minimumGroup
    self.materialThreshold = materialThreshold
    let waves = snapshot.waves.sorted { $0.date < $1.date }
    let followUp = followUpWave.flatMap { id in waves.first { $0.id == id } } ?? waves.last
    let baseline = baselineWave.flatMap { id in waves.first { $0.id == id } } ?? waves.first
    self.baseline = baseline
    self.followUp = followUp
    let themes = snapshot.themes.sorted { ($0.position, $0.id) < ($1.position, $1.id) }
    let themeOrder = Dictionary(themes.enumerated().map { ($1.id, $0) }, uniquingKeysWith: { a, _ in a })

    func summary(_ theme: String, _ audience: Audience, _ wave: Wave?) -> ScoreSummary? {
      wave.flatMap { snapshot.score(theme, audience, wave: $0.id) }
    }
    // Each estimate and change is computed once: t quantiles are not free, and thousands of
    // actions share the same few themes and waves.
    var estimates: [ScoreKey: ScoreEstimate?] = [:]
    func estimate(_ theme: String, _ audience: Audience, _ wave: Wave?) -> ScoreEstimate? {
      guard let wave else { return nil }
      let key = ScoreKey(themeID: theme, audience: audience, waveID: wave.id)
      if let known = estimates[key] { return known }
      let e = snapshot.scores[key].flatMap { ScoreEstimate($0, minimumGroup: minimumGroup) }
      estimates[key] = .some(e)
      return e
    }
    var changeCache: [[String]: Gap?] = [:]
    func changeOf(_ theme: String, _ audience: Audience, _ from: Wave, _ to: Wave) -> Gap? {
      let key = [theme, audience.rawValue, from.id, to.id]
      if let known = changeCache[key] { return known }
      let g = gap(summary(theme, audience, from), summary(theme, audience, to))
      changeCache[key] = .some(g)
      return g
    }
    func gap(_ a: ScoreSummary?, _ b: ScoreSummary?) -> Gap? {
      Gap.between(a, b, minimumGroup: minimumGroup, materialThreshold: materialThreshold)
    }

    // Theme mirrors.
    var mirrors: [ThemeMirror] = []
    for theme in themes {
      var scores: [Audience: ScoreEstimate] = [:]
      var baseScores: [Audience: ScoreEstimate] = [:]
      var change: [Audience: Gap] = [:]
      for audience in Audience.allCases {
        scores[audience] = estimate(theme.id, audience, followUp)
        baseScores[audience] = estimate(theme.id, audience, baseline)
        if let b = baseline, let f = followUp, b.id != f.id, let g = changeOf(theme.id, audience, b, f) {
          change[audience] = g
        }
      }
      let customer = summary(theme.id, .customer, followUp)
      mirrors.append(
        ThemeMirror(
          theme: theme, scores: scores, baselineScores: baseScores,
          mirrorGap: gap(customer, summary(theme.id, .mirror, followUp)),
          experienceGap: gap(customer, summary(theme.id, .staff, followUp)), change: change))
    }
    self.themes = mirrors
    mirrorsByID = Dictionary(mirrors.map { ($0.theme.id, $0) }, uniquingKeysWith: { a, _ in a })

    // Theme links, deduplicated in theme order (unknown ids last, as met).
    func ordered(_ ids: [String]) -> [String] {
      if ids.count < 2 { return ids }
      var seen = Set<String>()
      let unique = ids.filter { seen.insert($0).inserted }
      return unique.enumerated().sorted {
        (themeOrder[$0.element] ?? Int.max, $0.offset) < (themeOrder[$1.element] ?? Int.max, $1.offset)
      }.map(\.element)
    }
    // Grouped once so that large trees stay linear; only the actions' theme links are
    // gathered (grouping the actions themselves copies every field of 6,000 of them).
    var actionThemesByKR: [String: [String]] = [:]
    var actionThemesByObjective: [String: [String]] = [:]
    for a in snapshot.actions {
      if let kr = a.keyResultID { actionThemesByKR[kr, default: []] += a.themeIDs }
      actionThemesByObjective[a.objectiveID, default: []] += a.themeIDs
    }
    let krsByObjective = Dictionary(grouping: snapshot.keyResults, by: \.objectiveID)
    let childrenByObjective = Dictionary(
      grouping: snapshot.objectives.filter { $0.parentID != nil }, by: { $0.parentID! })
    var actionThemes: [String: [String]] = [:]
    for a in snapshot.actions { actionThemes[a.id] = ordered(a.themeIDs) }
    var krThemes: [String: [String]] = [:]
    for kr in snapshot.keyResults {
      var ids: [String] = []
      if case .perception(let t, _, _, _) = kr.measure { ids.append(t) }
      ids += actionThemesByKR[kr.id] ?? []
      krThemes[kr.id] = ordered(ids)
    }
    var objThemes: [String: [String]] = [:]
    for o in snapshot.objectives {
      var ids = o.themeIDs
      for kr in krsByObjective[o.id] ?? [] {
        if case .perception(let t, _, _, _) = kr.measure { ids.append(t) }
      }
      ids += actionThemesByObjective[o.id] ?? []
      objThemes[o.id] = ordered(ids)
    }
    self.actionThemes = actionThemes
    keyResultThemes = krThemes
    objectiveThemes = objThemes
    var linkedObjectives: [String: [String]] = [:]
    var linkedKeyResults: [String: [String]] = [:]
    var linkedActions: [String: [String]] = [:]
    var perceptionKRs: [String: [KeyResult]] = [:]
    for o in snapshot.objectives {
      for t in objThemes[o.id] ?? [] { linkedObjectives[t, default: []].append(o.id) }
    }
    for kr in snapshot.keyResults {
      for t in krThemes[kr.id] ?? [] { linkedKeyResults[t, default: []].append(kr.id) }
      if case .perception(let t, _, _, _) = kr.measure { perceptionKRs[t, default: []].append(kr) }
    }
    for a in snapshot.actions {
      for t in actionThemes[a.id] ?? [] { linkedActions[t, default: []].append(a.id) }
    }
    var links: [String: ThemeLinks] = [:]
    for t in Set(linkedObjectives.keys).union(linkedKeyResults.keys).union(linkedActions.keys) {
      links[t] = ThemeLinks(
        objectives: linkedObjectives[t] ?? [], keyResults: linkedKeyResults[t] ?? [],
        actions: linkedActions[t] ?? [])
    }
    linksByTheme = links
    perceptionKeyResultsByTheme = perceptionKRs

    // Key result progress.
    let wavesUpToFollowUp = waves.filter { w in followUp.map { w.date <= $0.date } ?? true }
    var krCurrent: [String: Double] = [:]
    var krProgress: [String: Double] = [:]
    for kr in snapshot.keyResults {
      switch kr.measure {
      case .metric(let start, let target, let current, _):
        krCurrent[kr.id] = current
        krProgress[kr.id] = OKRProgress.metric(start: start, target: target, current: current)
      case .milestone(let done):
        krProgress[kr.id] = OKRProgress.milestone(done: done)
      case .perception(let theme, let audience, let baselineWave, let target):
        // Current = the latest wave with a shown score; start = the baseline wave's (or 0).
        guard
          let current = wavesUpToFollowUp.reversed().lazy.compactMap({ estimate(theme, audience, $0) }).first
        else { continue }
        let startWave = baselineWave.flatMap { id in waves.first { $0.id == id } }
        let start = estimate(theme, audience, startWave)?.index ?? 0
        krCurrent[kr.id] = current.index
        krProgress[kr.id] = OKRProgress.metric(start: start, target: target, current: current.index)
      }
    }
    keyResultCurrent = krCurrent
    keyResultProgress = krProgress

    // Objective rollup: weighted KRs plus aligned child objectives (weight = child's weight).
    var objProgress: [String: Double] = [:]
    var visiting = Set<String>()
    func rollup(_ id: String) -> Double? {
      if let done = objProgress[id] { return done }
      guard visiting.insert(id).inserted else { return nil }  // a parent cycle: ignore the back edge
      defer { visiting.remove(id) }
      var parts: [(progress: Double?, weight: Double)] = []
      for kr in krsByObjective[id] ?? [] { parts.append((krProgress[kr.id], kr.weight)) }
      for child in childrenByObjective[id] ?? [] where child.id != id {
        parts.append((rollup(child.id), child.weight))
      }
      let p = OKRProgress.weightedMean(parts)
      if let p { objProgress[id] = p }
      return p
    }
    for o in snapshot.objectives { _ = rollup(o.id) }
    objectiveProgress = objProgress

    // Pace.
    let cycle = snapshot.cycle
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
    var actStatus: [String: PaceStatus] = [:]
    for a in snapshot.actions { actStatus[a.id] = Self.pace(of: a, cycle: cycle, today: today) }
    keyResultStatus = krStatus
    objectiveStatus = objStatus
    actionStatus = actStatus

    // Coverage: objectives without a theme, then blind spots (a dropped action targets nothing).
    let targeted = Set(snapshot.actions.filter { $0.status != .dropped }.flatMap(\.themeIDs))
    var warnings: [CoverageWarning] = []
    for o in snapshot.objectives.sorted(by: { ($0.position, $0.id) < ($1.position, $1.id) })
    where objThemes[o.id, default: []].isEmpty {
      warnings.append(.objectiveWithoutTheme(objectiveID: o.id))
    }
    for m in mirrors where !targeted.contains(m.theme.id) {
      var reasons: [String] = []
      // The latest shown customer index (a theme not asked in the follow-up keeps its last one).
      let latestCustomer = wavesUpToFollowUp.reversed().lazy.compactMap {
        estimate(m.theme.id, .customer, $0)
      }.first
      if let c = latestCustomer, c.index < 50 {
        reasons.append("customer index \(Int(c.index.rounded())) < 50")
      }
      if let g = m.mirrorGap, g.isMarked {
        let sign = g.diff < 0 ? "−" : "+"
        reasons.append("mirror gap \(sign)\(Int(abs(g.diff).rounded())) ± \(Int(g.margin.rounded()))")
      }
      if !reasons.isEmpty {
        warnings.append(.blindSpot(themeID: m.theme.id, reason: reasons.joined(separator: "; ")))
      }
    }
    self.warnings = warnings

    // Impact per action and linked theme.
    // Per theme and per (theme, audience, waves) once: thousands of actions share them.
    var audiences: [String: Audience] = [:]
    func audienceFor(_ theme: String) -> Audience {
      if let known = audiences[theme] { return known }
      let a: Audience =
        waves.contains { snapshot.score(theme, .customer, wave: $0.id) != nil } ? .customer : .staff
      audiences[theme] = a
      return a
    }
    let untargeted = themes.map(\.id).filter { !targeted.contains($0) }
    // Mean change of the audience's untargeted themes other than `themeID` (nil: none shown).
    var controlCache: [[String]: Double?] = [:]
    func controlChange(_ themeID: String, _ audience: Audience, _ b: Wave, _ f: Wave) -> Double? {
      let key = [themeID, audience.rawValue, b.id, f.id]
      if let known = controlCache[key] { return known }
      let others = untargeted.filter { $0 != themeID }.compactMap { t -> Double? in
        guard let x = estimate(t, audience, b), let y = estimate(t, audience, f) else { return nil }
        return y.index - x.index
      }
      let mean = others.isEmpty ? nil : others.reduce(0, +) / Double(others.count)
      controlCache[key] = .some(mean)
      return mean
    }
    var impacts: [String: [ActionImpact]] = [:]
    for a in snapshot.actions {
      let start = a.start ?? cycle?.start
      var before: Wave?
      var after: Wave?
      if let start {
        before = waves.last { $0.date <= start } ?? waves.first
        after = waves.first { $0.date > start }
      } else if waves.count > 1 {
        before = waves.first
        after = waves.last
      }
      impacts[a.id] = actionThemes[a.id, default: []].map { themeID in
        let audience = audienceFor(themeID)
        guard let b = before, let f = after else {
          return ActionImpact(
            themeID: themeID, verdict: .tooEarly, audience: audience, baselineWaveID: before?.id,
            followUpWaveID: nil, change: nil, didDelta: nil)
        }
        guard b.id != f.id else {
          return ActionImpact(
            themeID: themeID, verdict: .noEvidenceYet, audience: audience, baselineWaveID: b.id,
            followUpWaveID: f.id, change: nil, didDelta: nil)
        }
        let change = changeOf(themeID, audience, b, f)
        let verdict: ImpactVerdict =
          switch change?.gapClass {
          case .over: .moved
          case .under: .worse
          default: .noEvidenceYet
          }
        var did: Double?
        if let change, change.gapClass != .notEnoughData {
          if let control = controlChange(themeID, audience, b, f) { did = change.diff - control }
        }
        return ActionImpact(
          themeID: themeID, verdict: verdict, audience: audience, baselineWaveID: b.id, followUpWaveID: f.id,
          change: change, didDelta: did)
      }
    }
    self.impacts = impacts
  }

  private static func pace(of a: Action, cycle: Cycle?, today: Day) -> PaceStatus {
    let s = Pace.status(
      progress: OKRProgress.action(a.progress), cycle: cycle, today: today, isDone: a.status == .done,
      isPlanned: a.status == .planned, confidence: a.confidence)
    // A blocked action is never on track, whatever its pace.
    return a.status == .blocked && s == .onTrack ? .atRisk : s
  }

  /// Whether an edit from `old` to `new` changes only what `update(action:)` recomputes: the
  /// action's own pace. Theme links, start, parent or a move to or from dropped reach further
  /// (links, impacts, blind spots, every action's control themes): rebuild then.
  public static func isLocal(edit new: Action, was old: Action) -> Bool {
    old.id == new.id && old.themeIDs == new.themeIDs && old.start == new.start
      && old.objectiveID == new.objectiveID && old.keyResultID == new.keyResultID
      && (old.status == .dropped) == (new.status == .dropped)
  }

  /// Recomputes one action's pace after a local edit (see `isLocal(edit:was:)`); the rest is
  /// unchanged by it (no progress or status of key results or objectives reads actions).
  public mutating func update(action: Action) {
    guard actionStatus[action.id] != nil else { return }
    actionStatus[action.id] = Self.pace(of: action, cycle: cycle, today: today)
  }

  public func mirror(theme id: String) -> ThemeMirror? { mirrorsByID[id] }

  /// The objectives, key results and actions linking the theme, each in snapshot order.
  public func links(theme id: String) -> ThemeLinks {
    linksByTheme[id] ?? ThemeLinks(objectives: [], keyResults: [], actions: [])
  }

  /// The perception key results measuring the theme, in snapshot order.
  public func perceptionKeyResults(theme id: String) -> [KeyResult] { perceptionKeyResultsByTheme[id] ?? [] }

  /// Union of its own, its KRs' (perception theme) and its actions' links.
  public func themeIDs(objective id: String) -> [String] { objectiveThemes[id] ?? [] }
  /// Its perception theme and its actions' links.
  public func themeIDs(keyResult id: String) -> [String] { keyResultThemes[id] ?? [] }
  public func themeIDs(action id: String) -> [String] { actionThemes[id] ?? [] }

  /// 0…1 rollup (weighted KRs + aligned child objectives); nil when nothing under it is measured.
  public func progress(objective id: String) -> Double? { objectiveProgress[id] }
  /// 0…1 clamped; perception uses the latest shown index of its theme and audience.
  public func progress(keyResult id: String) -> Double? { keyResultProgress[id] }
  /// The KR's current value (metric current, or a perception KR's latest index).
  public func current(keyResult id: String) -> Double? { keyResultCurrent[id] }

  public func status(objective id: String) -> PaceStatus { objectiveStatus[id] ?? .notStarted }
  public func status(keyResult id: String) -> PaceStatus { keyResultStatus[id] ?? .notStarted }
  public func status(action id: String) -> PaceStatus { actionStatus[id] ?? .notStarted }

  public func impact(action id: String) -> [(
    themeID: String, verdict: ImpactVerdict, change: Gap?, didDelta: Double?
  )] {
    (impacts[id] ?? []).map { ($0.themeID, $0.verdict, $0.change, $0.didDelta) }
  }

  /// The same with the audience and waves compared.
  public func impactDetails(action id: String) -> [ActionImpact] { impacts[id] ?? [] }
}
