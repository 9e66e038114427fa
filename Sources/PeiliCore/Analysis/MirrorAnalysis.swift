/// Everything derived from a snapshot for screens and report; built once per snapshot load.
/// Built in one pass over the actions: what is per action (its pace, its impact on the
/// themes it links) is read from the `Action` when asked, so that 6,000 actions cost one
/// loop at load and an edit of one of them next to nothing (see `update(action:was:)`).
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
  /// Objectives without a theme (position order), then blind spots (theme order).
  public private(set) var warnings: [CoverageWarning]
  /// The snapshot's key results in snapshot order (for target gaps).
  public let keyResults: [KeyResult]

  private let mirrorsByID: [String: ThemeMirror]
  /// What links to each theme, and its perception key results, indexed once per load so that
  /// screens ranking themes never scan the tree on a key.
  private let linksByTheme: [String: ThemeLinks]
  private let perceptionKeyResultsByTheme: [String: [KeyResult]]
  private let objectiveThemes: [String: [String]]
  private let keyResultThemes: [String: [String]]
  /// Each theme id's rank: theme order, then ids no theme has in the order first met.
  private let themeOrder: [String: Int]
  private let objectiveProgress: [String: Double]
  private let keyResultProgress: [String: Double]
  private let keyResultCurrent: [String: Double]
  private let objectiveStatus: [String: PaceStatus]
  private let keyResultStatus: [String: PaceStatus]
  /// The cycle actions are paced against and their impact measured from.
  private let cycle: Cycle?
  /// Every wave, oldest first (the compared pair of an action is found among them).
  private let waves: [Wave]
  /// How many links of actions that are not dropped each theme has: zero is untargeted.
  private var targeting: [String: Int]
  private let objectiveWarnings: [CoverageWarning]
  /// Themes (in order) that are a blind spot whenever no action targets them, and why.
  private let blindSpotReasons: [(themeID: String, reason: String)]
  /// The audience each theme's impact is judged on (customer, staff when customers were not asked).
  private let impactAudience: [String: Audience]
  /// Per compared wave pair: each theme's change in its impact audience, and each theme's
  /// index change per audience (the control themes' side of difference-in-differences).
  private let pairChanges: [WavePair: [String: Gap]]
  private let pairIndexChanges: [WavePair: [Audience: [String: Double]]]

  /// A theme in one audience.
  private struct ThemeAudience: Hashable {
    let themeID: String
    let audience: Audience
  }

  /// Two waves by their place in `waves`.
  private struct WavePair: Hashable, Sendable {
    let before: Int
    let after: Int
  }

  /// `baselineWave`/`followUpWave` pick the compared waves by id (default oldest and latest).
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
    let followUp = followUpWave.flatMap { id in waves.first { $0.id == id } } ?? waves.last
    let baseline = baselineWave.flatMap { id in waves.first { $0.id == id } } ?? waves.first
    self.baseline = baseline
    self.followUp = followUp
    let themes = snapshot.themes.sorted { ($0.position, $0.id) < ($1.position, $1.id) }
    let themeOrder = Dictionary(themes.enumerated().map { ($1.id, $0) }, uniquingKeysWith: { a, _ in a })

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
    func gap(_ a: ScoreSummary?, _ b: ScoreSummary?) -> Gap? {
      Gap.between(a, b, minimumGroup: minimumGroup, materialThreshold: materialThreshold)
    }
    func change(_ theme: String, _ audience: Audience, _ from: Wave, _ to: Wave) -> Gap? {
      gap(summary(theme, audience, from), summary(theme, audience, to))
    }

    // Theme mirrors.
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
          experienceGap: gap(customer, summary(theme.id, .staff, followUp)), change: changes))
    }
    self.themes = mirrors
    mirrorsByID = Dictionary(mirrors.map { ($0.theme.id, $0) }, uniquingKeysWith: { a, _ in a })

    // Theme links are handled as ranks (theme order; ids no theme has, which the store's
    // foreign keys rule out, after them in the order first met): a link list is then a
    // few integers to sort, and per-theme tallies are arrays, not dictionaries.
    var themeRank = themeOrder
    var rankedIDs = themes.map(\.id)
    func rank(_ id: String) -> Int {
      if let r = themeRank[id] { return r }
      themeRank[id] = rankedIDs.count
      rankedIDs.append(id)
      return rankedIDs.count - 1
    }
    func ids(_ ranks: [Int]) -> [String] {
      if ranks.count < 2 { return ranks.map { rankedIDs[$0] } }
      var out: [String] = []
      var last = -1
      for r in ranks.sorted() where r != last {
        out.append(rankedIDs[r])
        last = r
      }
      return out
    }

    // One pass over the actions: their links grouped by parent and by theme, and the themes
    // targeted by actions that are not dropped.
    let cycle = snapshot.cycle
    var actionRanksByKR: [String: [Int]] = [:]
    var actionRanksByObjective: [String: [Int]] = [:]
    var linkedActions: [[String]] = Array(repeating: [], count: themes.count)
    var targetingByRank = [Int](repeating: 0, count: themes.count)
    // By index, reading fields in place: copying each `Action` retains all its strings.
    let actions = snapshot.actions
    var ranks: [Int] = []
    for i in actions.indices where !actions[i].themeIDs.isEmpty {
      ranks.removeAll(keepingCapacity: true)
      for id in actions[i].themeIDs { ranks.append(rank(id)) }
      if linkedActions.count < rankedIDs.count {
        linkedActions += Array(repeating: [], count: rankedIDs.count - linkedActions.count)
        targetingByRank += Array(repeating: 0, count: rankedIDs.count - targetingByRank.count)
      }
      if let kr = actions[i].keyResultID { actionRanksByKR[kr, default: []] += ranks }
      actionRanksByObjective[actions[i].objectiveID, default: []] += ranks
      for (n, r) in ranks.enumerated() where !ranks[..<n].contains(r) {
        linkedActions[r].append(actions[i].id)
      }
      if actions[i].status != .dropped { for r in ranks { targetingByRank[r] += 1 } }
    }

    // Indices, not copies: there are thousands of key results.
    var krsByObjective: [String: [Int]] = [:]
    for i in snapshot.keyResults.indices {
      krsByObjective[snapshot.keyResults[i].objectiveID, default: []].append(i)
    }
    var childrenByObjective: [String: [Int]] = [:]
    for i in snapshot.objectives.indices {
      if let p = snapshot.objectives[i].parentID { childrenByObjective[p, default: []].append(i) }
    }
    var krThemes = [String: [String]](minimumCapacity: snapshot.keyResults.count)
    var linkedKeyResults: [String: [String]] = [:]
    var perceptionKRs: [String: [KeyResult]] = [:]
    for kr in snapshot.keyResults {
      var ranks = actionRanksByKR[kr.id] ?? []
      if case .perception(let t, _, _, _) = kr.measure {
        ranks.append(rank(t))
        perceptionKRs[t, default: []].append(kr)
      }
      let ordered = ids(ranks)
      krThemes[kr.id] = ordered
      for t in ordered { linkedKeyResults[t, default: []].append(kr.id) }
    }
    var objThemes = [String: [String]](minimumCapacity: snapshot.objectives.count)
    var linkedObjectives: [String: [String]] = [:]
    for o in snapshot.objectives {
      var ranks = o.themeIDs.map(rank)
      for k in krsByObjective[o.id] ?? [] {
        if case .perception(let t, _, _, _) = snapshot.keyResults[k].measure { ranks.append(rank(t)) }
      }
      ranks += actionRanksByObjective[o.id] ?? []
      let ordered = ids(ranks)
      objThemes[o.id] = ordered
      for t in ordered { linkedObjectives[t, default: []].append(o.id) }
    }
    var targeting: [String: Int] = [:]
    for (r, count) in targetingByRank.enumerated() where count > 0 { targeting[rankedIDs[r]] = count }
    self.targeting = targeting
    self.themeOrder = themeRank
    var linkedActionsByID: [String: [String]] = [:]
    for (r, list) in linkedActions.enumerated() where !list.isEmpty { linkedActionsByID[rankedIDs[r]] = list }
    keyResultThemes = krThemes
    objectiveThemes = objThemes
    var links: [String: ThemeLinks] = [:]
    for t in Set(linkedObjectives.keys).union(linkedKeyResults.keys).union(linkedActionsByID.keys) {
      links[t] = ThemeLinks(
        objectives: linkedObjectives[t] ?? [], keyResults: linkedKeyResults[t] ?? [],
        actions: linkedActionsByID[t] ?? [])
    }
    linksByTheme = links
    perceptionKeyResultsByTheme = perceptionKRs

    // Key result progress.
    let wavesUpToFollowUp = waves.filter { w in followUp.map { w.date <= $0.date } ?? true }
    var krCurrent = [String: Double](minimumCapacity: snapshot.keyResults.count)
    var krProgress = [String: Double](minimumCapacity: snapshot.keyResults.count)
    // Hundreds of perception KRs share a few themes: their latest shown index once per pair.
    var latest: [ThemeAudience: ScoreEstimate?] = [:]
    func latestShown(_ theme: String, _ audience: Audience) -> ScoreEstimate? {
      let key = ThemeAudience(themeID: theme, audience: audience)
      if let known = latest[key] { return known }
      let e = wavesUpToFollowUp.reversed().lazy.compactMap({ estimate(theme, audience, $0) }).first
      latest[key] = .some(e)
      return e
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
        guard let current = latestShown(theme, audience) else { continue }
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

    // Coverage: objectives without a theme, then the themes that are blind spots whenever
    // nothing targets them (a dropped action targets nothing).
    objectiveWarnings = snapshot.objectives.sorted { ($0.position, $0.id) < ($1.position, $1.id) }
      .filter { objThemes[$0.id, default: []].isEmpty }.map { .objectiveWithoutTheme(objectiveID: $0.id) }
    var reasons: [(themeID: String, reason: String)] = []
    for m in mirrors {
      var why: [String] = []
      // The latest shown customer index (a theme not asked in the follow-up keeps its last one).
      if let c = latestShown(m.theme.id, .customer), c.index < 50 {
        why.append("customer index \(Int(c.index.rounded())) < 50")
      }
      if let g = m.mirrorGap, g.isMarked {
        let sign = g.diff < 0 ? "−" : "+"
        why.append("mirror gap \(sign)\(Int(abs(g.diff).rounded())) ± \(Int(g.margin.rounded()))")
      }
      if !why.isEmpty { reasons.append((m.theme.id, why.joined(separator: "; "))) }
    }
    blindSpotReasons = reasons
    warnings = Self.warnings(objectiveWarnings, reasons, targeting)

    // Impact: an action compares the last wave before its start with the first after it,
    // so only neighbouring waves (and oldest–latest, for actions without a date) are ever
    // compared. Their changes are computed here once per theme, not once per action.
    var audiences: [String: Audience] = [:]
    for t in themes {
      audiences[t.id] =
        waves.contains { snapshot.score(t.id, .customer, wave: $0.id) != nil } ? .customer : .staff
    }
    impactAudience = audiences
    var pairs = Set<WavePair>()
    for i in waves.indices.dropLast() { pairs.insert(WavePair(before: i, after: i + 1)) }
    if waves.count > 1 { pairs.insert(WavePair(before: 0, after: waves.count - 1)) }
    var pairChanges: [WavePair: [String: Gap]] = [:]
    var pairIndexChanges: [WavePair: [Audience: [String: Double]]] = [:]
    for pair in pairs {
      let b = waves[pair.before]
      let f = waves[pair.after]
      var changes: [String: Gap] = [:]
      var indexChanges: [Audience: [String: Double]] = [:]
      for t in themes {
        if let g = change(t.id, audiences[t.id] ?? .staff, b, f) { changes[t.id] = g }
        for audience in [Audience.customer, .staff] {
          if let x = estimate(t.id, audience, b), let y = estimate(t.id, audience, f) {
            indexChanges[audience, default: [:]][t.id] = y.index - x.index
          }
        }
      }
      pairChanges[pair] = changes
      pairIndexChanges[pair] = indexChanges
    }
    self.pairChanges = pairChanges
    self.pairIndexChanges = pairIndexChanges
  }

  /// Theme ids deduplicated and in rank order (see `init`; ids the snapshot never had last,
  /// as met). Used for one action's links when asked: a handful long, so a linear dedupe and
  /// an insertion sort.
  private static func ordered(_ ids: [String], _ themeOrder: [String: Int]) -> [String] {
    if ids.count < 2 { return ids }
    var out: [(rank: Int, id: String)] = []
    out.reserveCapacity(ids.count)
    for id in ids where !out.contains(where: { $0.id == id }) {
      let rank = themeOrder[id] ?? Int.max
      // Stable: after every entry of the same rank (unknown ids keep the order met).
      var i = out.count
      while i > 0 && out[i - 1].rank > rank { i -= 1 }
      out.insert((rank, id), at: i)
    }
    return out.map(\.id)
  }

  private static func warnings(
    _ objectiveWarnings: [CoverageWarning], _ reasons: [(themeID: String, reason: String)],
    _ targeting: [String: Int]
  ) -> [CoverageWarning] {
    objectiveWarnings
      + reasons.filter { targeting[$0.themeID, default: 0] == 0 }.map {
        .blindSpot(themeID: $0.themeID, reason: $0.reason)
      }
  }

  /// Takes an edit of one action (`old` → `new`) into account in place: for a move to or
  /// from dropped, the targeted themes (blind spots, control themes); its pace and impact
  /// are read from the action when asked. False, and
  /// nothing changed, when the edit reaches further — its theme links or its place in the
  /// tree (the links and theme unions of its key result and objective): rebuild then.
  public mutating func update(action new: Action, was old: Action) -> Bool {
    guard
      old.id == new.id, old.themeIDs == new.themeIDs, old.objectiveID == new.objectiveID,
      old.keyResultID == new.keyResultID
    else { return false }
    let wasTargeting = old.status != .dropped
    let isTargeting = new.status != .dropped
    if wasTargeting != isTargeting {
      for t in new.themeIDs { targeting[t, default: 0] += isTargeting ? 1 : -1 }
      warnings = Self.warnings(objectiveWarnings, blindSpotReasons, targeting)
    }
    return true
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
  /// The action's theme links, deduplicated, in theme order.
  public func themeIDs(of action: Action) -> [String] { Self.ordered(action.themeIDs, themeOrder) }

  /// 0…1 rollup (weighted KRs + aligned child objectives); nil when nothing under it is measured.
  public func progress(objective id: String) -> Double? { objectiveProgress[id] }
  /// 0…1 clamped; perception uses the latest shown index of its theme and audience.
  public func progress(keyResult id: String) -> Double? { keyResultProgress[id] }
  /// The KR's current value (metric current, or a perception KR's latest index).
  public func current(keyResult id: String) -> Double? { keyResultCurrent[id] }

  public func status(objective id: String) -> PaceStatus { objectiveStatus[id] ?? .notStarted }
  public func status(keyResult id: String) -> PaceStatus { keyResultStatus[id] ?? .notStarted }
  /// The action's pace, read from the action itself (its progress, status and confidence).
  public func status(of action: Action) -> PaceStatus {
    let s = Pace.status(
      progress: OKRProgress.action(action.progress), cycle: cycle, today: today,
      isDone: action.status == .done,
      isPlanned: action.status == .planned, confidence: action.confidence)
    // A blocked action is never on track, whatever its pace.
    return action.status == .blocked && s == .onTrack ? .atRisk : s
  }

  /// The action's impact on each theme it links, in theme order: its change in the theme's
  /// impact audience between the last wave before the action's start (or the cycle's) and
  /// the first after it, and that change less the mean change of the untargeted themes.
  public func impactDetails(of action: Action) -> [ActionImpact] {
    let start = action.start ?? cycle?.start
    var before: Int?
    var after: Int?
    if let start {
      before = waves.lastIndex { $0.date <= start } ?? (waves.isEmpty ? nil : 0)
      after = waves.firstIndex { $0.date > start }
    } else if waves.count > 1 {
      before = 0
      after = waves.count - 1
    }
    return themeIDs(of: action).map { themeID in
      let audience = impactAudience[themeID] ?? .staff
      guard let b = before, let f = after else {
        return ActionImpact(
          themeID: themeID, verdict: .tooEarly, audience: audience,
          baselineWaveID: before.map { waves[$0].id },
          followUpWaveID: nil, change: nil, didDelta: nil)
      }
      guard b != f else {
        return ActionImpact(
          themeID: themeID, verdict: .noEvidenceYet, audience: audience, baselineWaveID: waves[b].id,
          followUpWaveID: waves[f].id, change: nil, didDelta: nil)
      }
      let pair = WavePair(before: b, after: f)
      let change = pairChanges[pair]?[themeID]
      let verdict: ImpactVerdict =
        switch change?.gapClass {
        case .over: .moved
        case .under: .worse
        default: .noEvidenceYet
        }
      var did: Double?
      if let change, change.gapClass != .notEnoughData, let control = controlChange(themeID, audience, pair) {
        did = change.diff - control
      }
      return ActionImpact(
        themeID: themeID, verdict: verdict, audience: audience, baselineWaveID: waves[b].id,
        followUpWaveID: waves[f].id, change: change, didDelta: did)
    }
  }

  /// The same without the audience and waves.
  public func impact(of action: Action) -> [(
    themeID: String, verdict: ImpactVerdict, change: Gap?, didDelta: Double?
  )] {
    impactDetails(of: action).map { ($0.themeID, $0.verdict, $0.change, $0.didDelta) }
  }

  /// Mean change of the audience's untargeted themes other than `themeID` (nil: none shown).
  private func controlChange(_ themeID: String, _ audience: Audience, _ pair: WavePair) -> Double? {
    guard let changes = pairIndexChanges[pair]?[audience] else { return nil }
    let others = themes.compactMap { m -> Double? in
      let t = m.theme.id
      guard t != themeID, targeting[t, default: 0] == 0 else { return nil }
      return changes[t]
    }
    return others.isEmpty ? nil : others.reduce(0, +) / Double(others.count)
  }
}
