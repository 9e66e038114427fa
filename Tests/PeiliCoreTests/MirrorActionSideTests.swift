import Foundation
import Testing

@testable import PeiliCore

/// The actions' side of `MirrorAnalysis` (`init(basis:snapshot:)`) against a reference copy
/// of the straightforward algorithm it replaced, on the fixture and on generated workspaces
/// of the benchmark's size with every odd case the store could hand it.
@Suite struct MirrorActionSideTests {
  @Test func fixtureEqualsTheReference() throws {
    let f = try MirrorFixture()
    expectSameActionSide(f.snapshot, today: f.today)
    var dropped = f.snapshot
    for i in dropped.actions.indices { dropped.actions[i].status = .dropped }
    expectSameActionSide(dropped, today: f.today)
  }

  @Test func generatedWorkspaceEqualsTheReference() throws {
    let f = try MirrorFixture()
    // A few ids no theme has (all ranks fit one 64-bit set), then many (they do not).
    for (seed, ghosts) in [(1, 5), (2, 80)] as [(UInt64, Int)] {
      let snapshot = GeneratedWorkspace.snapshot(from: f.snapshot, seed: seed, ghostThemes: ghosts)
      #expect(snapshot.objectives.count >= 300 && snapshot.keyResults.count >= 1_500)
      #expect(snapshot.actions.count == 6_000)
      let reference = expectSameActionSide(snapshot, today: f.today)
      // What makes the comparison worth its while: ranks beyond one 64-bit set (with many
      // ids no theme has), objectives without a theme and an untargeted theme.
      #expect((reference.themeOrder.count > 64) == (ghosts > 52))
      #expect(reference.warnings.contains(.objectiveWithoutTheme(objectiveID: "bare0")))
      #expect(reference.warnings.contains { if case .blindSpot("influence", _) = $0 { true } else { false } })
    }
  }

  @discardableResult
  private func expectSameActionSide(_ snapshot: Snapshot, today: Day) -> ReferenceActionSide {
    let basis = MirrorBasis(snapshot: snapshot, today: today)
    let analysis = MirrorAnalysis(basis: basis, snapshot: snapshot)
    let reference = ReferenceActionSide(basis: basis, snapshot: snapshot)
    #expect(analysis.warnings == reference.warnings)
    let objectiveIDs = snapshot.objectives.map(\.id) + ["no-such-objective"]
    expectSame(objectiveIDs, analysis.themeIDs(objective:)) { reference.objectiveThemes[$0] ?? [] }
    let keyResultIDs = snapshot.keyResults.map(\.id) + ["no-such-key-result"]
    expectSame(keyResultIDs, analysis.themeIDs(keyResult:)) { reference.keyResultThemes[$0] ?? [] }
    let none = ThemeLinks(objectives: [], keyResults: [], actions: [])
    let themeIDs = reference.themeOrder.keys.sorted() + ["no-such-theme"]
    expectSame(themeIDs, analysis.links(theme:)) { reference.linksByTheme[$0] ?? none }
    // The ranks every action's links are put in order by (`themeIDs(of:)`).
    #expect(analysis.themeOrder == reference.themeOrder)
    // What the actions' impacts (difference-in-differences) read from the action side.
    #expect(analysis.targeting == reference.targeting)
    let impacts = snapshot.actions.map { analysis.impactDetails(of: $0) }
    #expect(impacts.joined().contains { $0.didDelta != nil })
    return reference
  }

  /// Each key's answer from both, the first difference only (thousands of keys).
  private func expectSame<Key, Value: Equatable>(
    _ keys: [Key], _ new: (Key) -> Value, _ reference: (Key) -> Value,
    sourceLocation: SourceLocation = #_sourceLocation
  ) {
    let different = keys.first { new($0) != reference($0) }
    #expect(
      different == nil, "\(different.map { "\($0): \(new($0)) ≠ \(reference($0))" } ?? "")",
      sourceLocation: sourceLocation)
  }
}

/// `MirrorAnalysis.init(basis:snapshot:)` as it was before it worked on bit sets and slots
/// (dictionaries keyed by id throughout), with the accessors that read what it built.
private struct ReferenceActionSide {
  let basis: MirrorBasis
  let warnings: [CoverageWarning]
  let linksByTheme: [String: ThemeLinks]
  let objectiveThemes: [String: [String]]
  let keyResultThemes: [String: [String]]
  let themeOrder: [String: Int]
  let targeting: [String: Int]

  init(basis: MirrorBasis, snapshot: Snapshot) {
    self.basis = basis
    let themeCount = basis.mirrors.count
    var themeRank = basis.themeOrder
    var rankedIDs = basis.mirrors.map(\.theme.id)
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

    var actionRanksByKR: [String: [Int]] = [:]
    var actionRanksByObjective: [String: [Int]] = [:]
    var linkedActions: [[String]] = Array(repeating: [], count: themeCount)
    var targetingByRank = [Int](repeating: 0, count: themeCount)
    let actions = snapshot.actions
    var ranks: [Int] = []
    var objectiveRun = RankRun()
    var keyResultRun = RankRun()
    for i in actions.indices where !actions[i].themeIDs.isEmpty {
      ranks.removeAll(keepingCapacity: true)
      for id in actions[i].themeIDs { ranks.append(rank(id)) }
      if linkedActions.count < rankedIDs.count {
        linkedActions += Array(repeating: [], count: rankedIDs.count - linkedActions.count)
        targetingByRank += Array(repeating: 0, count: rankedIDs.count - targetingByRank.count)
      }
      keyResultRun.add(ranks, of: actions[i].keyResultID, into: &actionRanksByKR)
      objectiveRun.add(ranks, of: actions[i].objectiveID, into: &actionRanksByObjective)
      for (n, r) in ranks.enumerated() where !ranks[..<n].contains(r) {
        linkedActions[r].append(actions[i].id)
      }
      if actions[i].status != .dropped { for r in ranks { targetingByRank[r] += 1 } }
    }
    keyResultRun.end(into: &actionRanksByKR)
    objectiveRun.end(into: &actionRanksByObjective)

    let keyResults = basis.keyResults
    var krThemes = [String: [String]](minimumCapacity: keyResults.count)
    var linkedKeyResults: [String: [String]] = [:]
    for kr in keyResults {
      var ranks = actionRanksByKR[kr.id] ?? []
      if case .perception(let t, _, _, _) = kr.measure { ranks.append(rank(t)) }
      let ordered = ids(ranks)
      krThemes[kr.id] = ordered
      for t in ordered { linkedKeyResults[t, default: []].append(kr.id) }
    }
    var objThemes = [String: [String]](minimumCapacity: snapshot.objectives.count)
    var linkedObjectives: [String: [String]] = [:]
    for o in snapshot.objectives {
      var ranks = o.themeIDs.map(rank)
      for k in basis.keyResultsByObjective[o.id] ?? [] {
        if case .perception(let t, _, _, _) = keyResults[k].measure { ranks.append(rank(t)) }
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

    let objectiveWarnings: [CoverageWarning] = snapshot.objectives
      .sorted { ($0.position, $0.id) < ($1.position, $1.id) }
      .filter { objThemes[$0.id, default: []].isEmpty }.map { .objectiveWithoutTheme(objectiveID: $0.id) }
    warnings =
      objectiveWarnings
      + basis.blindSpotReasons.filter { targeting[$0.themeID, default: 0] == 0 }.map {
        .blindSpot(themeID: $0.themeID, reasons: $0.reasons)
      }
  }

  private struct RankRun {
    private var parent: String?
    private var ranks: [Int] = []

    mutating func add(_ more: [Int], of parent: String?, into lists: inout [String: [Int]]) {
      if parent != self.parent {
        end(into: &lists)
        self.parent = parent
      }
      if parent != nil { ranks += more }
    }

    mutating func end(into lists: inout [String: [Int]]) {
      if let parent, !ranks.isEmpty { lists[parent, default: []] += ranks }
      ranks.removeAll(keepingCapacity: true)
    }
  }

}

/// A workspace the size of the benchmark's large one (300 objectives, 1,500 key results,
/// 6,000 actions, 12 themes) built on the fixture's themes, waves and scores, with what the
/// store's foreign keys rule out as well: theme ids no theme has, duplicate links and ids,
/// parents that do not exist, and actions out of tree order.
private enum GeneratedWorkspace {
  static func snapshot(from base: Snapshot, seed: UInt64, ghostThemes: Int) -> Snapshot {
    var random = SplitMix64(seed: seed)
    var snapshot = base
    for n in 5...11 { snapshot.themes.append(Theme(id: "theme\(n)", name: "Theme \(n)", position: n - 1)) }
    // An id too long to be stored inline in a `String`.
    snapshot.themes.append(
      Theme(id: "theme12, a name longer than a short string", name: "Theme 12", position: 11))
    let known = snapshot.themes.map(\.id)
    // Influence is only ever linked by dropped actions: it stays untargeted, so blind spots
    // and every difference-in-differences depend on what is targeted.
    let targetable = known.filter { $0 != "influence" }
    func theme(_ from: [String]) -> String {
      // Many ids no theme has are long, and each link's a string of its own.
      random.next(100) < 6
        ? (ghostThemes > 52
          ? "a theme no workspace has, number \(random.next(ghostThemes))"
          : "ghost\(random.next(ghostThemes))")
        : from[random.next(from.count)]
    }
    func themes(_ count: Int, _ from: [String]) -> [String] {
      var out = (0..<count).map { _ in theme(from) }
      if !out.isEmpty && random.next(10) == 0 { out.append(out[0]) }  // a duplicate link
      return out
    }

    let cycleID = base.cycle?.id ?? "2026"
    snapshot.objectives = (0..<300).map { n in
      Objective(
        id: "O\(n)", cycleID: cycleID, title: "Objective \(n)", themeIDs: themes(random.next(4) / 2, known),
        position: random.next(200))
    }
    snapshot.keyResults = (0..<1_500).map { n in
      let objective = random.next(50) == 0 ? "no-such-objective" : "O\(random.next(300))"
      let measure: KeyResultMeasure =
        random.next(3) == 0
        ? .perception(themeID: theme(known), audience: .customer, baselineWave: nil, target: 60)
        : .metric(start: 0, target: 10, current: Double(random.next(11)), unit: "")
      return KeyResult(id: "KR\(n)", objectiveID: objective, title: "Key result \(n)", measure: measure)
    }
    // Objectives nothing links.
    for n in 0..<5 {
      snapshot.objectives.append(Objective(id: "bare\(n)", cycleID: cycleID, title: "Bare", position: n * 40))
    }
    // Ids repeated (the last one counts).
    snapshot.objectives.append(
      Objective(id: "O7", cycleID: cycleID, title: "Again", themeIDs: [known[1]], position: 3))
    snapshot.keyResults.append(
      KeyResult(
        id: "KR11", objectiveID: "O9", title: "Again",
        measure: .perception(themeID: known[2], audience: .staff, baselineWave: nil, target: 50)))

    // Actions in tree order (runs of the same key result), some of them moved elsewhere.
    let starts: [Day?] = [nil, Day("2025-06-01"), Day("2026-03-01"), Day("2026-10-01")]
    var actions: [Action] = []
    for n in 0..<6_000 {
      let kr = snapshot.keyResults[n / 4]
      var keyResultID: String? = kr.id
      var objectiveID = kr.objectiveID
      switch random.next(40) {
      case 0: keyResultID = nil
      case 1: keyResultID = "no-such-key-result\(random.next(3))"
      case 2: objectiveID = "O\(random.next(300))"
      default: break
      }
      var status = ActionStatus.allCases[random.next(ActionStatus.allCases.count)]
      var links = themes(random.next(4), targetable)
      if random.next(20) == 0 {
        links.append("influence")
        status = .dropped
      }
      actions.append(
        Action(
          id: "A\(n)", objectiveID: objectiveID, keyResultID: keyResultID, title: "Action \(n)",
          status: status,
          progress: random.next(101), start: starts[random.next(starts.count)], themeIDs: links))
    }
    for _ in 0..<600 { actions.swapAt(random.next(actions.count), random.next(actions.count)) }
    snapshot.actions = actions
    return snapshot
  }
}

/// A small seeded generator (SplitMix64), so that a failure can be replayed.
private struct SplitMix64 {
  private var state: UInt64

  init(seed: UInt64) { state = seed }

  /// A number in 0..<bound.
  mutating func next(_ bound: Int) -> Int {
    state &+= 0x9E37_79B9_7F4A_7C15
    var z = state
    z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
    z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
    z ^= z >> 31
    return Int(z % UInt64(bound))
  }
}
