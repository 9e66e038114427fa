import PeiliCore
import Testing

@testable import PeiliApp

/// The tree built from snapshots in any order, with duplicate ids, orphans and parent cycles,
/// against `ReferenceOKRTree` (the algorithm before items were numbered).
@Suite("OKR tree order and oddities")
struct OKRTreeOrderTests {
  /// Shuffled, with duplicates, orphans, a cycle and equal positions, written by hand.
  static func odd() -> Snapshot {
    func o(_ id: String, _ parent: String? = nil, _ position: Int, _ title: String = "objective") -> Objective
    {
      Objective(
        id: id, cycleID: "c", parentID: parent, title: title, owner: "Owner \(id)", position: position)
    }
    func k(_ id: String, _ objective: String, _ position: Int, _ title: String = "key result") -> KeyResult {
      KeyResult(
        id: id, objectiveID: objective, title: title, measure: .milestone(done: false), position: position)
    }
    func a(_ id: String, _ objective: String, _ kr: String? = nil, _ position: Int, _ title: String = "task")
      -> Action
    {
      Action(id: id, objectiveID: objective, keyResultID: kr, title: title, position: position)
    }
    let objectives = [
      o("O3", nil, 2, "Grow the network"),
      o("C1", "C2", 5),  // C1 ↔ C2: a cycle with nothing above it
      o("O1", nil, 0),
      o("O2", "O1", 1),
      o("C2", "C1", 4),
      o("O1", nil, 7, "second O1, later position: loses"),
      o("O4", "missing", 1),  // missing parent: a root
      o("O5", "O5", 1),  // its own parent: a root
      o("O6", "O1", 1),  // equal position with O2 under O1: id order
      o("D1", "C1", 0, "below the cycle"),
    ]
    let keyResults = [
      k("K2", "O1", 1), k("K1", "O1", 1), k("K0", "O1", 0, "grow reach"),
      k("K9", "gone", 0),  // orphan key result: no node, still in `keyResults`
      k("K1", "O3", 0, "duplicate K1 at a lower position: wins, under O3"),
      k("K5", "C2", 0),
    ]
    let actions = [
      a("A5", "O1", "K1", 2), a("A4", "O1", "K1", 0), a("A3", "O1", "K1", 0, "grow it"),
      a("A9", "O1", "K9", 0),  // under the orphan key result
      a("A8", "O1", "missing", 1, "grow"),  // its key result is missing: directly under O1
      a("A7", "O1", nil, 0),
      a("A6", "gone", nil, 0),  // nothing to hang on
      a("A3", "O2", nil, 0, "duplicate A3: the first wins"),
      a("A1", "C1", "K5", 0), a("A2", "D1", nil, 0, "grow"),
    ]
    return Snapshot(
      workspacePath: ":memory:", objectives: objectives, keyResults: keyResults, actions: actions)
  }

  @Test func theOddSnapshotHasTheExpectedShape() {
    let tree = OKRTree(snapshot: Self.odd())
    // D1 comes first in (position, id) order and is not reachable from a root then: it
    // becomes one, as C2 does (the first of its cycle); C1 hangs under C2.
    #expect(tree.roots == ["O1", "O4", "O5", "O3", "D1", "C2"])
    #expect(tree.nodes["O1"]?.children == ["K0", "K2", "A7", "A8", "O2", "O6"])
    // K1 is the duplicate under O3 (position 0), not the one under O1.
    #expect(tree.nodes["O3"]?.children == ["K1"])
    #expect(tree.keyResults["K1"]?.objectiveID == "O3")
    #expect(tree.nodes["K1"]?.children == ["A3", "A4", "A5"])
    #expect(tree.objectives["O1"]?.position == 0)
    #expect(tree.action("A3")?.objectiveID == "O1")
    #expect(tree.nodes["C2"]?.parentID == nil && tree.nodes["C1"]?.parentID == "C2")
    #expect(tree.nodes["C2"]?.children == ["K5", "C1"])
    #expect(tree.nodes["C1"]?.children == ["D1", "C2"])
    #expect(tree.nodes["K9"] == nil && tree.keyResults["K9"] != nil && tree.nodes["A9"]?.parentID == "K9")
    #expect(tree.nodes["A6"] == nil && tree.snapshotIndex["A6"] == 6)
    #expect(tree.ancestors(of: "A2") == ["D1"])
    #expect(tree.ancestors(of: "D1") == [])
    #expect(tree.ancestors(of: "C1") == ["C2"])
    #expect(tree.objectiveID(of: "K5") == "C2")
    // The cycle shows once: C2 opens onto C1, whose C2 would close it.
    let rows = tree.visibleRows(expanded: ["C1", "C2"]).map { "\($0.depth)\($0.id)" }
    #expect(rows == ["0O1", "0O4", "0O5", "0O3", "0D1", "0C2", "1K5", "1C1", "2D1"])
    #expect(tree.matches("GROW") == ["O3", "K0", "A3", "A8", "A2"])
    // All of O3's subtree shows, though K1 is also the opened ancestor of the match A3.
    let filtered = tree.visibleRows(expanded: [], filter: "grow").map { "\($0.depth)\($0.id)" }
    #expect(filtered == ["0O1", "1K0", "1A8", "0O3", "1K1", "2A3", "2A4", "2A5", "0D1", "1A2"])
    #expect(Self.sameAsReference(Self.odd(), filters: ["", "grow", "o", "a3"]) == [])
  }

  @Test func theDemoWorkspaceMatchesTheReference() throws {
    let demo = try DemoDashboard()
    defer { demo.remove() }
    let snapshot = try demo.workspace.snapshot()
    #expect(snapshot.actions.count >= 20)
    #expect(Self.sameAsReference(snapshot, filters: ["", "grow", "o1", "a", "kr", "zzz"]) == [])
    var shuffled = snapshot
    var rng = SplitMix(seed: 7)
    shuffled.objectives.shuffle(using: &rng)
    shuffled.keyResults.shuffle(using: &rng)
    shuffled.actions.shuffle(using: &rng)
    #expect(Self.sameAsReference(shuffled, filters: ["", "grow", "a"]) == [])
    // Order does not change the tree.
    let a = OKRTree(snapshot: snapshot)
    let b = OKRTree(snapshot: shuffled)
    let all = Set(a.nodes.keys)
    #expect(a.visibleRows(expanded: all) == b.visibleRows(expanded: all))
  }

  @Test func aLargeShuffledWorkspaceMatchesTheReference() {
    var rng = SplitMix(seed: 42)
    var snapshot = Self.large(objectives: 300, keyResultsEach: 5, actionsEach: 4, rng: &rng)
    #expect(snapshot.actions.count == 6000)
    #expect(Self.sameAsReference(snapshot, filters: ["", "o12", "task 7"], rowsFrom: 150) == [])
    snapshot.objectives.shuffle(using: &rng)
    snapshot.keyResults.shuffle(using: &rng)
    snapshot.actions.shuffle(using: &rng)
    #expect(Self.sameAsReference(snapshot, filters: ["", "o12", "task 7"], rowsFrom: 150) == [])
  }

  @Test func aKeyResultWhoseActionSharesItsIDShowsOnce() {
    let snapshot = Snapshot(
      workspacePath: ":memory:", objectives: [Objective(id: "O1", cycleID: "c", title: "o", position: 0)],
      keyResults: [KeyResult(id: "X1", objectiveID: "O1", title: "kr", measure: .milestone(done: false))],
      actions: [
        Action(id: "X1", objectiveID: "O1", keyResultID: "X1", title: "a"),
        Action(id: "A1", objectiveID: "O1", keyResultID: "X1", title: "b", position: 1),
      ])
    let tree = OKRTree(snapshot: snapshot)
    #expect(tree.nodes["X1"]?.kind == .keyResult)
    #expect(tree.nodes["X1"]?.children == ["X1", "A1"])
    // The action X1 is the key result again: it does not open into itself.
    let rows = tree.visibleRows(expanded: ["O1", "X1"]).map { "\($0.depth)\($0.id)" }
    #expect(rows == ["0O1", "1X1", "2A1"])
    #expect(tree.rows(from: "X1", depth: 1, expanded: ["O1", "X1"]).map(\.id) == ["X1", "A1"])
  }

  @Test func randomOddSnapshotsMatchTheReference() {
    var rng = SplitMix(seed: 2026)
    for round in 0..<300 {
      let snapshot = Self.random(rng: &rng)
      let differences = Self.sameAsReference(snapshot, filters: ["", "a", "grow", "x1", "o"])
      #expect(differences == [], "round \(round)")
      if !differences.isEmpty { break }
    }
  }

  /// A generated workspace of the benchmark's shape: objectives in a forest, each with key
  /// results, actions under the key results and one directly under the objective.
  static func large(objectives: Int, keyResultsEach: Int, actionsEach: Int, rng: inout SplitMix) -> Snapshot {
    var os: [Objective] = []
    var krs: [KeyResult] = []
    var actions: [Action] = []
    for i in 0..<objectives {
      let parent = i < objectives / 5 ? nil : "O\(Int.random(in: 0..<(objectives / 5), using: &rng))"
      os.append(Objective(id: "O\(i)", cycleID: "c", parentID: parent, title: "Objective \(i)", position: i))
      for j in 0..<keyResultsEach {
        let kr = "KR\(i)-\(j)"
        krs.append(
          KeyResult(
            id: kr, objectiveID: "O\(i)", title: "Result \(j)", measure: .milestone(done: false), position: j)
        )
        for n in 0..<(actionsEach - 1) {
          actions.append(
            Action(
              id: "A\(i)-\(j)-\(n)", objectiveID: "O\(i)", keyResultID: kr, title: "Task \(n)",
              owner: "Owner \(j)",
              position: n))
        }
      }
      for n in 0..<keyResultsEach {
        actions.append(Action(id: "A\(i)-\(n)", objectiveID: "O\(i)", title: "Direct task \(n)", position: n))
      }
    }
    return Snapshot(workspacePath: ":memory:", objectives: os, keyResults: krs, actions: actions)
  }

  /// A small snapshot of random shape drawn from few ids, so that duplicates (also across
  /// kinds), orphans, cycles and equal positions are common.
  static func random(rng: inout SplitMix) -> Snapshot {
    let titles = ["grow", "Grow more", "ship", "a plan", "x"]
    func pick(_ ids: [String]) -> String { ids[Int.random(in: 0..<ids.count, using: &rng)] }
    let objectiveIDs = ["O1", "O2", "O3", "O4", "O5", "X1"]
    let keyResultIDs = ["K1", "K2", "K3", "K4", "X1", "O5"]
    let actionIDs = ["A1", "A2", "A3", "A4", "A5", "A6", "A7", "X1", "K4"]
    var objectives: [Objective] = []
    for _ in 0..<Int.random(in: 0...7, using: &rng) {
      let parent: String? = Bool.random(using: &rng) ? nil : pick(objectiveIDs + ["none"])
      objectives.append(
        Objective(
          id: pick(objectiveIDs), cycleID: "c", parentID: parent, title: pick(titles),
          owner: Bool.random(using: &rng) ? nil : pick(titles), position: Int.random(in: 0...3, using: &rng)))
    }
    var keyResults: [KeyResult] = []
    for _ in 0..<Int.random(in: 0...8, using: &rng) {
      keyResults.append(
        KeyResult(
          id: pick(keyResultIDs), objectiveID: pick(objectiveIDs + ["none"]), title: pick(titles),
          measure: .milestone(done: false), position: Int.random(in: 0...3, using: &rng)))
    }
    var actions: [Action] = []
    for _ in 0..<Int.random(in: 0...12, using: &rng) {
      let kr: String? = Bool.random(using: &rng) ? nil : pick(keyResultIDs + ["none"])
      actions.append(
        Action(
          id: pick(actionIDs), objectiveID: pick(objectiveIDs + ["none"]), keyResultID: kr,
          title: pick(titles),
          position: Int.random(in: 0...3, using: &rng)))
    }
    return Snapshot(
      workspacePath: ":memory:", objectives: objectives, keyResults: keyResults, actions: actions)
  }

  /// Where the tree and the reference differ on `snapshot` (empty: nowhere). `rowsFrom`
  /// limits how many items `rows(from:)` is compared for.
  static func sameAsReference(
    _ snapshot: Snapshot, filters: [String] = ["", "a", "grow"], rowsFrom: Int = .max
  )
    -> [String]
  {
    let tree = OKRTree(snapshot: snapshot)
    let reference = ReferenceOKRTree(snapshot: snapshot)
    var out: [String] = []
    func check(_ same: Bool, _ what: @autoclosure () -> String) { if !same { out.append(what()) } }
    check(tree.roots == reference.roots, "roots \(tree.roots) \(reference.roots)")
    check(Set(tree.nodes.keys) == Set(reference.nodes.keys), "node ids")
    check(tree.nodes.count == reference.nodes.count, "node count")
    for (id, node) in reference.nodes {
      let mine = tree.nodes[id]
      check(
        mine?.id == node.id && mine?.kind == node.kind && mine?.parentID == node.parentID
          && mine?.children == node.children,
        "node \(id): \(String(describing: mine)) \(node)")
    }
    check(Set(tree.objectives.keys) == Set(reference.objectives.keys), "objective ids")
    for (id, o) in reference.objectives { check(tree.objectives[id] == o, "objective \(id)") }
    check(Set(tree.keyResults.keys) == Set(reference.keyResults.keys), "key result ids")
    for (id, kr) in reference.keyResults { check(tree.keyResults[id] == kr, "key result \(id)") }
    check(Set(tree.snapshotIndex.keys) == Set(reference.snapshotIndex.keys), "action ids")
    for (id, i) in reference.snapshotIndex {
      check(tree.snapshotIndex[id] == i && tree.action(id) == snapshot.actions[i], "action \(id)")
    }
    let ids =
      Set(snapshot.objectives.map(\.id) + snapshot.keyResults.map(\.id) + snapshot.actions.map(\.id))
      .union(["none", ""]).sorted()
    for id in ids {
      check(tree.ancestors(of: id) == reference.ancestors(of: id), "ancestors of \(id)")
      check(tree.objectiveID(of: id) == reference.objectiveID(of: id), "objective of \(id)")
    }
    let nodeIDs = Set(reference.nodes.keys)
    let objectiveIDs = Set(reference.objectives.keys)
    let someIDs = Set(ids.enumerated().filter { $0.offset % 3 == 0 }.map(\.element))
    for expanded in [[], objectiveIDs, nodeIDs, someIDs] {
      for filter in filters {
        check(
          tree.visibleRows(expanded: expanded, filter: filter)
            == reference.visibleRows(expanded: expanded, filter: filter),
          "rows, filter \"\(filter)\", \(expanded.count) open")
      }
    }
    for filter in filters { check(tree.matches(filter) == reference.matches(filter), "matches \(filter)") }
    for id in ids.prefix(rowsFrom) {
      for expanded in [objectiveIDs, nodeIDs] {
        for depth in [0, 2] {
          check(
            tree.rows(from: id, depth: depth, expanded: expanded)
              == reference.rows(from: id, depth: depth, expanded: expanded), "rows from \(id)")
        }
      }
    }
    return out
  }
}

/// A seeded generator: the same shuffles and shapes on every run.
struct SplitMix: RandomNumberGenerator {
  var state: UInt64
  init(seed: UInt64) { state = seed }
  mutating func next() -> UInt64 {
    state &+= 0x9E37_79B9_7F4A_7C15
    var z = state
    z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE5_E9B9
    z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
    return z ^ (z >> 31)
  }
}

/// The tree as it was built before items were numbered (dictionaries keyed by id), kept as
/// the independent reference. Two deliberate changes, where the old one gave no answer: in
/// `visibleRows` descendants of matches are collected before their ancestors, and `visit` stops
/// at a key result met again with no objective between (it recursed until the stack overflowed).
struct ReferenceOKRTree {
  typealias Row = OKRTree.Row

  struct ReferenceNode: Equatable, CustomStringConvertible {
    let id: String
    let kind: NodeKind
    let parentID: String?
    let children: [String]
    var description: String { "\(id) \(kind) ↑\(parentID ?? "-") \(children)" }
  }

  let nodes: [String: ReferenceNode]
  let roots: [String]
  let objectives: [String: Objective]
  let keyResults: [String: KeyResult]
  let actionList: [Action]
  let snapshotIndex: [String: Int]

  init(snapshot: Snapshot) {
    func byPosition(_ keys: [(Int, String)]) -> [Int] {
      keys.indices.sorted { keys[$0] < keys[$1] }
    }
    let objectiveList = snapshot.objectives
    let keyResultList = snapshot.keyResults
    let actionList = snapshot.actions
    var objectiveByID = [String: Objective](minimumCapacity: objectiveList.count)
    var objectiveOrder: [String] = []
    for i in byPosition(objectiveList.indices.map { (objectiveList[$0].position, objectiveList[$0].id) })
    where objectiveByID[objectiveList[i].id] == nil {
      objectiveByID[objectiveList[i].id] = objectiveList[i]
      objectiveOrder.append(objectiveList[i].id)
    }
    var keyResultByID = [String: KeyResult](minimumCapacity: keyResultList.count)
    var krsOf: [String: [String]] = [:]
    for i in byPosition(keyResultList.indices.map { (keyResultList[$0].position, keyResultList[$0].id) })
    where keyResultByID[keyResultList[i].id] == nil {
      let kr = keyResultList[i]
      keyResultByID[kr.id] = kr
      if objectiveByID[kr.objectiveID] != nil { krsOf[kr.objectiveID, default: []].append(kr.id) }
    }
    var groups: [String: [Int]] = [:]
    var snapshotIndex = [String: Int](minimumCapacity: actionList.count)
    for i in actionList.indices {
      let id = actionList[i].id
      guard snapshotIndex[id] == nil else { continue }
      snapshotIndex[id] = i
      if let kr = actionList[i].keyResultID, keyResultByID[kr] != nil {
        groups[kr, default: []].append(i)
      } else if objectiveByID[actionList[i].objectiveID] != nil {
        groups[actionList[i].objectiveID, default: []].append(i)
      }
    }
    var nodes = [String: ReferenceNode]()
    var actionsOf: [String: [String]] = [:]
    for (parent, indices) in groups {
      let sorted =
        indices.count < 2
        ? indices
        : indices.sorted {
          (actionList[$0].position, actionList[$0].id) < (actionList[$1].position, actionList[$1].id)
        }
      let ids = sorted.map { actionList[$0].id }
      actionsOf[parent] = ids
      for id in ids { nodes[id] = ReferenceNode(id: id, kind: .action, parentID: parent, children: []) }
    }
    var childObjectives: [String: [String]] = [:]
    var roots: [String] = []
    for id in objectiveOrder {
      if let p = objectiveByID[id]?.parentID, p != id, objectiveByID[p] != nil {
        childObjectives[p, default: []].append(id)
      } else {
        roots.append(id)
      }
    }
    var reachable = Set<String>()
    var stack = roots
    while let id = stack.popLast() {
      guard reachable.insert(id).inserted else { continue }
      stack += childObjectives[id] ?? []
    }
    for id in objectiveOrder where !reachable.contains(id) {
      roots.append(id)
      var more = [id]
      while let id = more.popLast() {
        guard reachable.insert(id).inserted else { continue }
        more += childObjectives[id] ?? []
      }
    }
    let rootSet = Set(roots)
    for id in objectiveOrder {
      let kids = (krsOf[id] ?? []) + (actionsOf[id] ?? []) + (childObjectives[id] ?? [])
      nodes[id] = ReferenceNode(
        id: id, kind: .objective, parentID: rootSet.contains(id) ? nil : objectiveByID[id]?.parentID,
        children: kids)
    }
    for (id, kr) in keyResultByID where objectiveByID[kr.objectiveID] != nil {
      nodes[id] = ReferenceNode(
        id: id, kind: .keyResult, parentID: kr.objectiveID, children: actionsOf[id] ?? [])
    }
    self.nodes = nodes
    self.roots = roots
    self.objectives = objectiveByID
    self.keyResults = keyResultByID
    self.actionList = actionList
    self.snapshotIndex = snapshotIndex
  }

  func action(_ id: String) -> Action? { snapshotIndex[id].map { actionList[$0] } }

  func ancestors(of id: String) -> [String] {
    var out: [String] = []
    var seen = Set<String>()
    var current = nodes[id]?.parentID
    while let p = current, seen.insert(p).inserted {
      out.append(p)
      current = nodes[p]?.parentID
    }
    return out.reversed()
  }

  func objectiveID(of id: String) -> String? {
    guard let node = nodes[id] else { return nil }
    switch node.kind {
    case .objective: return id
    case .keyResult: return keyResults[id]?.objectiveID
    case .action: return action(id)?.objectiveID
    }
  }

  func matches(_ text: String) -> Set<String> {
    let needle = text.lowercased()
    guard !needle.isEmpty else { return [] }
    func hit(_ parts: String?...) -> Bool {
      parts.compactMap { $0 }.joined(separator: " ").lowercased().contains(needle)
    }
    var out = Set<String>()
    for (id, node) in nodes {
      let found: Bool
      switch node.kind {
      case .objective: found = objectives[id].map { hit($0.id, $0.title, $0.owner) } ?? false
      case .keyResult: found = keyResults[id].map { hit($0.id, $0.title, $0.owner) } ?? false
      case .action: found = action(id).map { hit($0.id, $0.title, $0.owner) } ?? false
      }
      if found { out.insert(id) }
    }
    return out
  }

  func visibleRows(expanded: Set<String>, filter: String = "") -> [Row] {
    var keep: Set<String>? = nil
    var forcedOpen = Set<String>()
    if !filter.isEmpty {
      let hits = matches(filter)
      var k = hits
      // The one change: this loop ran after each match's ancestors were added, so in the
      // set's (random) order a match below another match's ancestor lost its siblings.
      for id in hits {
        var stack = nodes[id]?.children ?? []
        while let c = stack.popLast() {
          guard k.insert(c).inserted else { continue }
          stack += nodes[c]?.children ?? []
        }
      }
      for id in hits {
        for a in ancestors(of: id) {
          k.insert(a)
          forcedOpen.insert(a)
        }
      }
      keep = k
    }
    var rows: [Row] = []
    var onPath = Set<String>()
    var run: [String] = []
    for r in roots { visit(r, 0, expanded, keep, forcedOpen, &onPath, &run, &rows) }
    return rows
  }

  func rows(from id: String, depth: Int, expanded: Set<String>) -> [Row] {
    var onPath = Set(ancestors(of: id).filter { nodes[$0]?.kind == .objective })
    var rows: [Row] = []
    var run: [String] = []
    visit(id, depth, expanded, nil, [], &onPath, &run, &rows)
    return rows
  }

  private func visit(
    _ id: String, _ depth: Int, _ expanded: Set<String>, _ keep: Set<String>?, _ forcedOpen: Set<String>,
    _ onPath: inout Set<String>, _ run: inout [String], _ rows: inout [Row]
  ) {
    guard let node = nodes[id] else { return }
    let guardsCycle = node.kind == .objective
    if guardsCycle && !onPath.insert(id).inserted { return }
    defer { if guardsCycle { onPath.remove(id) } }
    // The second change: key results since the last objective on the path.
    let outer = run
    if node.kind == .objective { run = [] }
    if node.kind == .keyResult {
      if run.contains(id) { return }
      run.append(id)
    }
    defer { run = outer }
    if let keep, !keep.contains(id) { return }
    let kids = keep.map { k in node.children.filter { k.contains($0) } } ?? node.children
    let open = !kids.isEmpty && (expanded.contains(id) || forcedOpen.contains(id))
    rows.append(Row(id: id, kind: node.kind, depth: depth, hasChildren: !kids.isEmpty, isExpanded: open))
    if open { for c in kids { visit(c, depth + 1, expanded, keep, forcedOpen, &onPath, &run, &rows) } }
  }
}
