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
    /// Lower-cased id, title and owner, what `/` matches against.
    let searchText: String
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
  public private(set) var actions: [String: Action]

  public init(snapshot: Snapshot) {
    func byPosition<T>(_ items: [T], _ position: (T) -> Int, _ id: (T) -> String) -> [T] {
      // Sorts the keys' indices, not the items: moving an Action copies a dozen fields
      // (the stable sort gives the same order either way).
      let keys = items.map { (position($0), id($0)) }
      return keys.indices.sorted { keys[$0] < keys[$1] }.map { items[$0] }
    }
    let objectives = byPosition(snapshot.objectives, \.position, \.id)
    let keyResults = byPosition(snapshot.keyResults, \.position, \.id)
    let actions = byPosition(snapshot.actions, \.position, \.id)
    let objectiveByID = Dictionary(objectives.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
    let keyResultByID = Dictionary(keyResults.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })

    var krsOf: [String: [String]] = [:]
    for kr in keyResults where objectiveByID[kr.objectiveID] != nil {
      krsOf[kr.objectiveID, default: []].append(kr.id)
    }
    var actionsOfKR: [String: [String]] = [:]
    var actionsOfObjective: [String: [String]] = [:]
    var actionParent: [String: String] = [:]
    for a in actions {
      if let kr = a.keyResultID, keyResultByID[kr] != nil {
        actionsOfKR[kr, default: []].append(a.id)
        actionParent[a.id] = kr
      } else if objectiveByID[a.objectiveID] != nil {
        actionsOfObjective[a.objectiveID, default: []].append(a.id)
        actionParent[a.id] = a.objectiveID
      }
    }
    var childObjectives: [String: [String]] = [:]
    var roots: [String] = []
    for o in objectives {
      if let p = o.parentID, p != o.id, objectiveByID[p] != nil {
        childObjectives[p, default: []].append(o.id)
      } else {
        roots.append(o.id)
      }
    }
    // Objectives only reachable through a parent cycle would vanish: show them at the top.
    var reachable = Set<String>()
    var stack = roots
    while let id = stack.popLast() {
      guard reachable.insert(id).inserted else { continue }
      stack += childObjectives[id] ?? []
    }
    for o in objectives where !reachable.contains(o.id) {
      roots.append(o.id)
      var more = [o.id]
      while let id = more.popLast() {
        guard reachable.insert(id).inserted else { continue }
        more += childObjectives[id] ?? []
      }
    }
    let rootSet = Set(roots)

    func search(_ parts: String?...) -> String { parts.compactMap { $0 }.joined(separator: " ").lowercased() }
    var nodes: [String: Node] = [:]
    for o in objectives {
      let kids = (krsOf[o.id] ?? []) + (actionsOfObjective[o.id] ?? []) + (childObjectives[o.id] ?? [])
      nodes[o.id] = Node(
        id: o.id, kind: .objective, parentID: rootSet.contains(o.id) ? nil : o.parentID, children: kids,
        searchText: search(o.id, o.title, o.owner))
    }
    for kr in keyResults where objectiveByID[kr.objectiveID] != nil {
      nodes[kr.id] = Node(
        id: kr.id, kind: .keyResult, parentID: kr.objectiveID, children: actionsOfKR[kr.id] ?? [],
        searchText: search(kr.id, kr.title, kr.owner))
    }
    for a in actions {
      guard let parent = actionParent[a.id] else { continue }
      nodes[a.id] = Node(
        id: a.id, kind: .action, parentID: parent, children: [], searchText: search(a.id, a.title, a.owner))
    }
    self.nodes = nodes
    self.roots = roots
    self.objectives = objectiveByID
    self.keyResults = keyResultByID
    self.actions = Dictionary(actions.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
  }

  /// Replaces an action in place when its place in the tree and its search text stay the
  /// same (an edit of progress, status or confidence); false, and unchanged, otherwise.
  mutating func replace(action new: Action) -> Bool {
    guard let old = actions[new.id], nodes[new.id] != nil, old.objectiveID == new.objectiveID,
      old.keyResultID == new.keyResultID, old.position == new.position, old.title == new.title,
      old.owner == new.owner
    else { return false }
    actions[new.id] = new
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
    case .action: return actions[id]?.objectiveID
    }
  }

  /// Ids whose id, title or owner contain `text` (case-insensitive).
  public func matches(_ text: String) -> Set<String> {
    let needle = text.lowercased()
    guard !needle.isEmpty else { return [] }
    return Set(nodes.values.filter { $0.searchText.contains(needle) }.map(\.id))
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
