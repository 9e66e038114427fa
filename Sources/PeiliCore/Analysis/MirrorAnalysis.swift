/// Everything derived from a snapshot for screens and report; built once per snapshot load.
/// Built in one pass over the actions: what is per action (its pace, its impact on the
/// themes it links) is read from the `Action` when asked, so that 6,000 actions cost one
/// loop at load and an edit of one of them next to nothing (see `update(action:was:)`).
public struct MirrorAnalysis: Sendable {
  /// Everything that does not depend on the actions.
  private let basis: MirrorBasis
  public var today: Day { basis.today }
  public var minimumGroup: Int { basis.minimumGroup }
  public var materialThreshold: Double { basis.materialThreshold }
  /// Oldest wave (or chosen).
  public var baseline: Wave? { basis.baseline }
  /// Latest wave (or chosen).
  public var followUp: Wave? { basis.followUp }
  /// In theme position order.
  public var themes: [ThemeMirror] { basis.mirrors }
  /// Every wave, oldest first.
  public var waves: [Wave] { basis.waves }
  /// Objectives without a theme (position order), then blind spots (theme order).
  public private(set) var warnings: [CoverageWarning]
  /// The snapshot's key results in snapshot order (for target gaps).
  public var keyResults: [KeyResult] { basis.keyResults }

  /// What links to each theme, indexed once per load so that screens ranking themes never
  /// scan the tree on a key.
  private let linksByTheme: [String: ThemeLinks]
  /// By index in the snapshot's objectives (`MirrorBasis.objectiveIndex`).
  private let objectiveThemes: [[String]]
  /// By index in `keyResults` (`MirrorBasis.keyResultIndex`).
  private let keyResultThemes: [[String]]
  /// Each theme id's rank: theme order, then ids no theme has in the order first met.
  let themeOrder: [String: Int]
  /// How many links of actions that are not dropped each theme has: zero is untargeted.
  private(set) var targeting: [String: Int]
  private let objectiveWarnings: [CoverageWarning]

  private typealias WavePair = MirrorBasis.WavePair

  /// `baselineWave`/`followUpWave` pick the compared waves by id (default: the cycle's baseline
  /// and the latest wave, as `MirrorBasis` says).
  public init(
    snapshot: Snapshot, today: Day, minimumGroup: Int = 5, materialThreshold: Double = 5,
    baselineWave: String? = nil, followUpWave: String? = nil
  ) {
    self.init(
      basis: MirrorBasis(
        snapshot: snapshot, today: today, minimumGroup: minimumGroup, materialThreshold: materialThreshold,
        baselineWave: baselineWave, followUpWave: followUpWave),
      snapshot: snapshot)
  }

  /// Completes `basis`, derived from the same snapshot (its actions aside), with the actions'
  /// side: theme links and unions, what is targeted, the coverage warnings.
  ///
  /// It runs on the first frame, so it hashes as few strings as it can: theme links are
  /// ranks (theme order; ids no theme has, which the store's foreign keys rule out, after
  /// them in the order first met) gathered in bit sets, and key results and objectives are
  /// slots by index (`MirrorBasis`), an action's parent looked up only when it differs from
  /// the previous action's (a snapshot lists actions by objective and key result).
  public init(basis: MirrorBasis, snapshot: Snapshot) {
    self.basis = basis
    var themes = ThemeRanker(basis)
    // Locals, not the basis's fields, in the loops: no retain per access.
    let keyResults = basis.keyResults
    let objectives = snapshot.objectives
    let keyResultIndex = basis.keyResultIndex
    let objectiveIndex = basis.objectiveIndex
    let perceptionRanks = basis.perceptionRanks
    let keyResultsByObjective = basis.keyResultsByObjective
    // Slots are indices, or (should an id repeat) the id's last index.
    let krSlotIsIndex = keyResultIndex.count == keyResults.count
    let objectiveSlotIsIndex = objectiveIndex.count == objectives.count

    // One pass over the actions: their links by parent and by theme, and the themes
    // targeted by actions that are not dropped.
    var krLinks = [RankSet](repeating: RankSet(), count: keyResults.count)
    var objectiveLinks = [RankSet](repeating: RankSet(), count: objectives.count)
    var linkedActions = PerRank<String>(count: themes.count)
    var targetingByRank = [Int](repeating: 0, count: themes.count)
    // By index, reading fields in place: copying each `Action` retains all its strings.
    let actions = snapshot.actions
    var links = RankSet()
    var lastKR: String?
    var krSlot: Int?
    var lastObjective: String?
    var objectiveSlot: Int?
    for i in actions.indices where !actions[i].themeIDs.isEmpty {
      links.removeAll()
      let targets = actions[i].status != .dropped
      for id in actions[i].themeIDs {
        let r = themes.rank(id)
        links.insert(r)
        if targets {
          if r >= targetingByRank.count {
            targetingByRank += Array(repeating: 0, count: r + 1 - targetingByRank.count)
          }
          targetingByRank[r] += 1
        }
      }
      if let kr = actions[i].keyResultID {
        if kr != lastKR {
          lastKR = kr
          krSlot = keyResultIndex[kr]
        }
        if let krSlot { krLinks[krSlot].formUnion(links) }
      }
      let objective = actions[i].objectiveID
      if objective != lastObjective {
        lastObjective = objective
        objectiveSlot = objectiveIndex[objective]
      }
      if let objectiveSlot { objectiveLinks[objectiveSlot].formUnion(links) }
      let id = actions[i].id
      links.forEachRank { linkedActions.append(id, at: $0) }
    }

    func ids(_ set: RankSet) -> [String] {
      var out: [String] = []
      out.reserveCapacity(set.mask.nonzeroBitCount + set.overflow.count)
      set.forEachRank { out.append(themes.id($0)) }
      return out
    }
    // Objectives share a few sets of themes (each nearly all of them): one array for each.
    var idsByMask: [UInt64: [String]] = [:]
    func sharedIDs(_ set: RankSet) -> [String] {
      guard set.overflow.isEmpty else { return ids(set) }
      if let known = idsByMask[set.mask] { return known }
      let out = ids(set)
      idsByMask[set.mask] = out
      return out
    }

    var krThemes: [[String]] = []
    krThemes.reserveCapacity(keyResults.count)
    var linkedKeyResults = PerRank<String>(count: themes.count)
    for i in keyResults.indices {
      var set = krLinks[krSlotIsIndex ? i : keyResultIndex[keyResults[i].id] ?? i]
      let p = perceptionRanks[i]
      if p >= 0 {
        set.insert(p)
      } else if p == MirrorBasis.unknownTheme, case .perception(let t, _, _, _) = keyResults[i].measure {
        set.insert(themes.rank(t))
      }
      krThemes.append(ids(set))
      let id = keyResults[i].id
      set.forEachRank { linkedKeyResults.append(id, at: $0) }
    }
    var objThemes: [[String]] = []
    objThemes.reserveCapacity(objectives.count)
    var linkedObjectives = PerRank<String>(count: themes.count)
    for j in objectives.indices {
      var set = RankSet()
      for t in objectives[j].themeIDs { set.insert(themes.rank(t)) }
      for k in keyResultsByObjective[objectives[j].id] ?? [] {
        let p = perceptionRanks[k]
        if p >= 0 {
          set.insert(p)
        } else if p == MirrorBasis.unknownTheme, case .perception(let t, _, _, _) = keyResults[k].measure {
          set.insert(themes.rank(t))
        }
      }
      set.formUnion(objectiveLinks[objectiveSlotIsIndex ? j : objectiveIndex[objectives[j].id] ?? j])
      objThemes.append(sharedIDs(set))
      let id = objectives[j].id
      set.forEachRank { linkedObjectives.append(id, at: $0) }
    }
    var targeting: [String: Int] = [:]
    for (r, count) in targetingByRank.enumerated() where count > 0 { targeting[themes.id(r)] = count }
    self.targeting = targeting
    self.themeOrder = themes.order
    keyResultThemes = krThemes
    objectiveThemes = objThemes
    var byTheme: [String: ThemeLinks] = [:]
    for r in 0..<themes.count {
      let o = linkedObjectives[r]
      let k = linkedKeyResults[r]
      let a = linkedActions[r]
      if !o.isEmpty || !k.isEmpty || !a.isEmpty {
        byTheme[themes.id(r)] = ThemeLinks(objectives: o, keyResults: k, actions: a)
      }
    }
    linksByTheme = byTheme

    // Coverage: objectives without a theme, then the themes that are blind spots whenever
    // nothing targets them (a dropped action targets nothing).
    objectiveWarnings = basis.objectivesInOrder.compactMap { j in
      let id = objectives[j].id
      let slot = objectiveSlotIsIndex ? j : objectiveIndex[id] ?? j
      return objThemes[slot].isEmpty ? .objectiveWithoutTheme(objectiveID: id) : nil
    }
    warnings = Self.warnings(objectiveWarnings, basis.blindSpotReasons, targeting)
  }

  /// Theme ids and their ranks: theme order, then ids no theme has as they are met.
  ///
  /// Thousands of links name a dozen themes, so a rank is first looked for by the id's
  /// representation (two words: a short id's bytes, or a longer one's storage), which equal
  /// ids share whenever they are short or the same string; only a miss hashes the id.
  private struct ThemeRanker {
    private(set) var order: [String: Int]
    private var ids: [String]
    /// Recently met ids by a slot of their representation: its two words and the rank,
    /// apart from the ids themselves, kept so that their storage stays theirs.
    private var recentWords = [UInt64](repeating: 0, count: 128)
    private var recentRanks = [Int](repeating: -1, count: 64)
    private var recentIDs = [String](repeating: "", count: 64)

    init(_ basis: MirrorBasis) {
      order = basis.themeOrder
      ids = basis.mirrors.map(\.theme.id)
    }

    var count: Int { ids.count }
    func id(_ rank: Int) -> String { ids[rank] }

    mutating func rank(_ id: String) -> Int {
      guard MemoryLayout<String>.size == 16 else { return hashedRank(id) }
      let (word0, word1) = withUnsafeBytes(of: id) {
        ($0.load(fromByteOffset: 0, as: UInt64.self), $0.load(fromByteOffset: 8, as: UInt64.self))
      }
      let slot = Int(truncatingIfNeeded: ((word0 ^ word1) &* 0x9E37_79B9_7F4A_7C15) >> 58)
      if recentRanks[slot] >= 0 && recentWords[2 * slot] == word0 && recentWords[2 * slot + 1] == word1 {
        return recentRanks[slot]
      }
      let rank = hashedRank(id)
      recentIDs[slot] = id
      recentWords[2 * slot] = word0
      recentWords[2 * slot + 1] = word1
      recentRanks[slot] = rank
      return rank
    }

    private mutating func hashedRank(_ id: String) -> Int {
      if let r = order[id] { return r }
      order[id] = ids.count
      ids.append(id)
      return ids.count - 1
    }
  }

  /// A set of theme ranks: the first 64 as bits (bit order is rank order), any further
  /// ones (more than 64 themes) listed as met.
  private struct RankSet {
    private(set) var mask: UInt64 = 0
    private(set) var overflow: [Int] = []

    mutating func insert(_ rank: Int) {
      if rank < 64 { mask |= 1 << UInt64(rank) } else { overflow.append(rank) }
    }

    mutating func formUnion(_ other: RankSet) {
      mask |= other.mask
      if !other.overflow.isEmpty { overflow += other.overflow }
    }

    mutating func removeAll() {
      mask = 0
      if !overflow.isEmpty { overflow.removeAll(keepingCapacity: true) }
    }

    /// Each rank once, in rank order.
    func forEachRank(_ body: (Int) -> Void) {
      var m = mask
      while m != 0 {
        body(m.trailingZeroBitCount)
        m &= m &- 1
      }
      if overflow.isEmpty { return }
      var last = -1
      for r in overflow.sorted() where r != last {
        body(r)
        last = r
      }
    }
  }

  /// A list for each rank, growing as ranks are met.
  private struct PerRank<Element> {
    private var lists: [[Element]]

    init(count: Int) { lists = Array(repeating: [], count: count) }

    subscript(rank: Int) -> [Element] { rank < lists.count ? lists[rank] : [] }

    mutating func append(_ element: Element, at rank: Int) {
      if rank >= lists.count { lists += Array(repeating: [], count: rank + 1 - lists.count) }
      lists[rank].append(element)
    }
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
    _ objectiveWarnings: [CoverageWarning], _ reasons: [(themeID: String, reasons: [BlindSpotReason])],
    _ targeting: [String: Int]
  ) -> [CoverageWarning] {
    objectiveWarnings
      + reasons.filter { targeting[$0.themeID, default: 0] == 0 }.map {
        .blindSpot(themeID: $0.themeID, reasons: $0.reasons)
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
      warnings = Self.warnings(objectiveWarnings, basis.blindSpotReasons, targeting)
    }
    return true
  }

  public func mirror(theme id: String) -> ThemeMirror? { basis.mirrorsByID[id] }

  /// The objectives, key results and actions linking the theme, each in snapshot order.
  public func links(theme id: String) -> ThemeLinks {
    linksByTheme[id] ?? ThemeLinks(objectives: [], keyResults: [], actions: [])
  }

  /// The perception key results measuring the theme, in snapshot order.
  public func perceptionKeyResults(theme id: String) -> [KeyResult] { basis.perceptionKeyResults[id] ?? [] }

  /// Union of its own, its KRs' (perception theme) and its actions' links.
  public func themeIDs(objective id: String) -> [String] {
    basis.objectiveIndex[id].map { objectiveThemes[$0] } ?? []
  }
  /// Its perception theme and its actions' links.
  public func themeIDs(keyResult id: String) -> [String] {
    basis.keyResultIndex[id].map { keyResultThemes[$0] } ?? []
  }
  /// The action's theme links, deduplicated, in theme order.
  public func themeIDs(of action: Action) -> [String] { Self.ordered(action.themeIDs, themeOrder) }

  /// 0…1 rollup (weighted KRs + aligned child objectives); nil when nothing under it is measured.
  public func progress(objective id: String) -> Double? { basis.objectiveProgress[id] }
  /// 0…1 clamped; perception uses the latest shown index of its theme and audience.
  public func progress(keyResult id: String) -> Double? { basis.keyResultProgress[id] }
  /// The KR's current value (metric current, or a perception KR's latest index).
  public func current(keyResult id: String) -> Double? { basis.keyResultCurrent[id] }
  /// The wave a perception key result's current score is of (nil for other kinds, or no score).
  public func currentWave(keyResult id: String) -> String? { basis.keyResultWave[id] }
  /// True when the segment filter withholds a perception key result's current (or start)
  /// score: its current, progress and status are then the unfiltered ones.
  public func isWithheldUnderFilter(keyResult id: String) -> Bool { basis.withheldKeyResults.contains(id) }

  public func status(objective id: String) -> PaceStatus { basis.objectiveStatus[id] ?? .notStarted }
  public func status(keyResult id: String) -> PaceStatus { basis.keyResultStatus[id] ?? .notStarted }
  /// The action's pace, read from the action itself (its progress, status and confidence).
  public func status(of action: Action) -> PaceStatus {
    let s = Pace.status(
      progress: OKRProgress.action(action.progress), cycle: basis.cycle, today: today,
      isDone: action.status == .done,
      isPlanned: action.status == .planned, confidence: action.confidence)
    // A blocked action is never on track, whatever its pace.
    return action.status == .blocked && s == .onTrack ? .atRisk : s
  }

  /// The action's impact on each theme it links, in theme order (DESIGN §8): the change in
  /// the theme's impact audience between the last wave before the action's start (or the
  /// cycle's) and the first after its finish — while unfinished, the latest wave (interim) —
  /// beside that change less the mean change of the audience's untargeted themes.
  public func impactDetails(of action: Action) -> [ActionImpact] {
    var memo = ImpactMemo()
    return impactDetails(of: action, memo: &memo)
  }

  /// Every action's outcome, in the order given: what one theme's change between two waves
  /// yields (its comparison, DiD, balance) is worked out once for all the actions sharing it.
  public func outcomes(of actions: [Action]) -> [ActionOutcome] {
    var memo = ImpactMemo()
    return actions.map { ActionOutcome(action: $0, impacts: impactDetails(of: $0, memo: &memo)) }
  }

  /// A theme's change between two waves and what it is compared with.
  private struct ThemeChange {
    let change: Gap?
    let did: DifferenceInDifferences?
    let comparison: [String]
    let balanced: Bool?
  }

  /// Theme changes already worked out, by theme and wave places.
  private struct ImpactMemo {
    struct Key: Hashable {
      let themeID: String
      let before: Int
      let after: Int
    }
    var changes: [Key: ThemeChange] = [:]
  }

  private func impactDetails(of action: Action, memo: inout ImpactMemo) -> [ActionImpact] {
    let waves = basis.waves
    let (before, after, interim) = Self.comparedWaves(action, waves: basis.waveDates, cycle: basis.cycle)
    let isLive = action.status != .dropped
    return themeIDs(of: action).map { themeID in
      let audience = basis.impactAudience[themeID] ?? .staff
      let shared = max(0, targeting[themeID, default: 0] - (isLive ? 1 : 0))
      var facts = ImpactRule.Facts(
        status: action.status, progress: action.progress, hasFollowUp: after != nil, sharedWith: shared)
      var judged: ThemeChange?
      if let b = before, let f = after {
        let key = ImpactMemo.Key(themeID: themeID, before: b, after: f)
        let c = memo.changes[key] ?? themeChange(themeID, audience, before: b, after: f)
        memo.changes[key] = c
        facts.comparisonBalanced = c.balanced
        facts.change = c.change?.gapClass
        judged = c
      }
      let (design, verdict) = ImpactRule.judge(facts)
      return ActionImpact(
        themeID: themeID, verdict: verdict, design: design, audience: audience,
        baselineWaveID: before.map { waves[$0].id }, followUpWaveID: after.map { waves[$0].id },
        isInterim: after != nil && interim, change: judged?.change, did: judged?.did,
        comparisonThemeIDs: judged?.did == nil ? [] : judged?.comparison ?? [], sharedWith: shared)
    }
  }

  /// The theme's change, its comparison (the audience's untargeted themes with a change) and
  /// the DiD against it.
  private func themeChange(_ themeID: String, _ audience: Audience, before b: Int, after f: Int)
    -> ThemeChange
  {
    let changes = basis.pairChanges[MirrorBasis.WavePair(before: b, after: f)]?[audience] ?? [:]
    let comparison = themes.compactMap { m -> String? in
      let t = m.theme.id
      guard t != themeID, targeting[t, default: 0] == 0, let g = changes[t], g.gapClass != .notEnoughData
      else { return nil }
      return t
    }
    let change = changes[themeID]
    let did = change.flatMap {
      DifferenceInDifferences(
        target: $0, comparison: comparison.compactMap { changes[$0] },
        materialThreshold: basis.materialThreshold)
    }
    return ThemeChange(
      change: change, did: did, comparison: comparison,
      balanced: balanced(themeID, comparison, audience, wave: b))
  }

  /// A theme's shown score in `audience` at every wave, oldest first (nil where withheld or
  /// not asked): the trend the drill-down and the impact detail draw.
  public func trend(theme id: String, audience: Audience) -> [(wave: Wave, estimate: ScoreEstimate?)] {
    basis.waves.indices.map { (basis.waves[$0], basis.waveEstimates[$0]?[audience]?[id]) }
  }

  /// The shown score of a theme in one wave (nil where withheld or not asked).
  public func estimate(theme id: String, audience: Audience, wave waveID: String) -> ScoreEstimate? {
    guard let i = basis.waves.firstIndex(where: { $0.id == waveID }) else { return nil }
    return basis.waveEstimates[i]?[audience]?[id]
  }

  /// The change of a theme's favourable % and NPS in `audience` between two waves, by the
  /// same rule as the drill-down's (nil where neither wave has it).
  public func pointChanges(theme id: String, audience: Audience, from before: String, to after: String)
    -> (favourable: PointGap?, nps: PointGap?)
  {
    let w = basis.waves
    guard let b = w.firstIndex(where: { $0.id == before }), let a = w.firstIndex(where: { $0.id == after })
    else { return (nil, nil) }
    let first = basis.waveSummaries[b]?[audience]?[id]
    let second = basis.waveSummaries[a]?[audience]?[id]
    let nps =
      (first?.npsN ?? 0) > 0 || (second?.npsN ?? 0) > 0
      ? PointGap.nps(first, second, minimumGroup: minimumGroup) : nil
    return (PointGap.favourable(first, second, minimumGroup: minimumGroup), nps)
  }

  /// The same without the audience and waves.
  public func impact(of action: Action) -> [(
    themeID: String, verdict: ImpactVerdict, change: Gap?, didDelta: Double?
  )] {
    impactDetails(of: action).map { ($0.themeID, $0.verdict, $0.change, $0.didDelta) }
  }

  /// The action's outcome across its themes: the verdict that counts, busy-no-change, quadrant.
  public func outcome(of action: Action) -> ActionOutcome {
    ActionOutcome(action: action, impacts: impactDetails(of: action))
  }

  /// The places (in date order) of the baseline and follow-up waves, and whether the follow-up
  /// is interim: the baseline is the last wave on or before the start (the first wave when
  /// none is); the follow-up the first after the finish (due date, else start) of a done
  /// action, otherwise the latest after the start.
  public static func comparedWaves(_ action: Action, waves: [Day], cycle: Cycle?) -> (
    before: Int?, after: Int?, interim: Bool
  ) {
    guard !waves.isEmpty else { return (nil, nil, false) }
    guard let start = action.start ?? cycle?.start else {
      // No dates at all: the oldest against the latest.
      return (0, waves.count > 1 ? waves.count - 1 : nil, action.status != .done)
    }
    let before = waves.lastIndex { $0 <= start } ?? 0
    let later = waves.indices.filter { $0 > before && waves[$0] > start }
    guard let latest = later.last else { return (before, nil, false) }
    if action.status == .done {
      let finish = max(start, action.due ?? start)
      if let first = later.first(where: { waves[$0] > finish }) { return (before, first, false) }
    }
    return (before, latest, true)
  }

  /// Whether the comparison themes' mean baseline lies within 0.25 of the theme's baseline SD
  /// (nil: no comparison, or no baseline spread to measure it by).
  private func balanced(_ themeID: String, _ comparison: [String], _ audience: Audience, wave: Int) -> Bool? {
    guard !comparison.isEmpty, let spreads = basis.waveIndex[wave]?[audience], let own = spreads[themeID]
    else { return nil }
    let others = comparison.compactMap { spreads[$0]?.mean }
    guard !others.isEmpty else { return nil }
    let mean = others.reduce(0, +) / Double(others.count)
    return abs(mean - own.mean) <= ImpactRule.balanceSD * own.sd
  }
}
