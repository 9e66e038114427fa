import PeiliCore

/// What an item of the OKR tree is.
public enum NodeKind: String, Hashable, Sendable {
  case objective, keyResult, action
}

/// The OKR hierarchy of one snapshot, indexed once per load so that keys never scan it:
/// objective ▸ (key results ▸ their actions, actions directly under it, aligned child objectives).
public struct OKRTree: Sendable {
  /// One item with its place in the hierarchy.
  public struct Node: Sendable {
    public let id: String
    public let kind: NodeKind
    public let parentID: String?
    public let children: [String]
  }

  /// One visible row: which item, how deep, and whether it opens.
  public struct Row: Hashable, Sendable {
    public let id: String
    public let kind: NodeKind
    public let depth: Int
    public let hasChildren: Bool
    public let isExpanded: Bool
  }

  public let nodes: [String: Node]
  /// Top-level objectives in position order.
  public let roots: [String]
  public let objectives: [String: Objective]
  public let keyResults: [String: KeyResult]
  /// The snapshot's actions in snapshot order (the same storage: not copied at load).
  public private(set) var actionList: [Action]
  /// Where each action sits in `actionList` and in the snapshot's `actions`.
  public let snapshotIndex: [String: Int]

  public init(snapshot: Snapshot) {
    // Children are listed in (position, id) order. Only indices are sorted, and actions only
    // within their parent: moving 6,000 `Action` values, or sorting them all, was most of the
    // time of a load.
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

    // Actions grouped by parent in snapshot order, then each group sorted.
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
    var nodes = [String: Node](
      minimumCapacity: objectiveByID.count + keyResultByID.count + snapshotIndex.count)
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
      for id in ids { nodes[id] = Node(id: id, kind: .action, parentID: parent, children: []) }
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
    // Objectives only reachable through a parent cycle would vanish: show them at the top.
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
      nodes[id] = Node(
        id: id, kind: .objective, parentID: rootSet.contains(id) ? nil : objectiveByID[id]?.parentID,
        children: kids)
    }
    for (id, kr) in keyResultByID where objectiveByID[kr.objectiveID] != nil {
      nodes[id] = Node(id: id, kind: .keyResult, parentID: kr.objectiveID, children: actionsOf[id] ?? [])
    }
    self.nodes = nodes
    self.roots = roots
    self.objectives = objectiveByID
    self.keyResults = keyResultByID
    self.actionList = actionList
    self.snapshotIndex = snapshotIndex
  }

  /// The action with `id`, if the snapshot has it.
  public func action(_ id: String) -> Action? { snapshotIndex[id].map { actionList[$0] } }

  /// Replaces an action in place when its place in the tree and its search text stay the
  /// same (an edit of progress, status or confidence); false, and unchanged, otherwise.
  mutating func replace(action new: Action) -> Bool {
    guard let i = snapshotIndex[new.id], nodes[new.id] != nil else { return false }
    let old = actionList[i]
    guard
      old.objectiveID == new.objectiveID, old.keyResultID == new.keyResultID, old.position == new.position,
      old.title == new.title, old.owner == new.owner
    else { return false }
    actionList[i] = new
    return true
  }

  /// Ids from the root down to the item's parent.
  public func ancestors(of id: String) -> [String] {
    var out: [String] = []
    var seen = Set<String>()
    var current = nodes[id]?.parentID
    while let p = current, seen.insert(p).inserted {
      out.append(p)
      current = nodes[p]?.parentID
    }
    return out.reversed()
  }

  /// The objective an item belongs to (itself for an objective).
  public func objectiveID(of id: String) -> String? {
    guard let node = nodes[id] else { return nil }
    switch node.kind {
    case .objective: return id
    case .keyResult: return keyResults[id]?.objectiveID
    case .action: return action(id)?.objectiveID
    }
  }

  /// Ids whose id, title or owner contain `text` (case-insensitive). Lower-cased here, not at
  /// load: a filter is typed rarely, a load happens on every start and external change.
  public func matches(_ text: String) -> Set<String> {
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

  /// The rows in view, depth first. Without a filter an item's children show when it is in
  /// `expanded`; with one, only matches, their ancestors (opened) and their descendants show.
  public func visibleRows(expanded: Set<String>, filter: String = "") -> [Row] {
    var keep: Set<String>? = nil
    var forcedOpen = Set<String>()
    if !filter.isEmpty {
      let hits = matches(filter)
      var k = hits
      for id in hits {
        for a in ancestors(of: id) {
          k.insert(a)
          forcedOpen.insert(a)
        }
        var stack = nodes[id]?.children ?? []
        while let c = stack.popLast() {
          guard k.insert(c).inserted else { continue }
          stack += nodes[c]?.children ?? []
        }
      }
      keep = k
    }
    var rows: [Row] = []
    var onPath = Set<String>()
    for r in roots { visit(r, 0, expanded, keep, forcedOpen, &onPath, &rows) }
    return rows
  }

  /// The rows of an item and of everything open beneath it at `depth`, as the unfiltered
  /// `visibleRows` has them: opening or closing one item changes only these.
  public func rows(from id: String, depth: Int, expanded: Set<String>) -> [Row] {
    var onPath = Set(ancestors(of: id).filter { nodes[$0]?.kind == .objective })
    var rows: [Row] = []
    visit(id, depth, expanded, nil, [], &onPath, &rows)
    return rows
  }

  private func visit(
    _ id: String, _ depth: Int, _ expanded: Set<String>, _ keep: Set<String>?, _ forcedOpen: Set<String>,
    _ onPath: inout Set<String>, _ rows: inout [Row]
  ) {
    guard let node = nodes[id] else { return }
    // Only objectives can sit on a parent cycle (key results and actions have fixed parents),
    // so only they pay for the guard: opening an item rebuilds thousands of rows.
    let guardsCycle = node.kind == .objective
    if guardsCycle && !onPath.insert(id).inserted { return }
    defer { if guardsCycle { onPath.remove(id) } }
    if let keep, !keep.contains(id) { return }
    let kids = keep.map { k in node.children.filter { k.contains($0) } } ?? node.children
    let open = !kids.isEmpty && (expanded.contains(id) || forcedOpen.contains(id))
    rows.append(Row(id: id, kind: node.kind, depth: depth, hasChildren: !kids.isEmpty, isExpanded: open))
    if open { for c in kids { visit(c, depth + 1, expanded, keep, forcedOpen, &onPath, &rows) } }
  }
}
