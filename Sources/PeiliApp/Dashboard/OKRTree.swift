import PeiliCore

/// What an item of the OKR tree is.
public enum NodeKind: String, Hashable, Sendable {
  case objective, keyResult, action
}

/// The OKR hierarchy of one snapshot, indexed once per load so that keys never scan it:
/// objective ▸ (key results ▸ their actions, actions directly under it, aligned child objectives).
///
/// Every distinct id gets one slot, the only hash per item of a load (hashing ids into several
/// dictionaries was most of it). The hierarchy is kept as slot numbers and the items as
/// positions in the snapshot's arrays, not copied.
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

  /// Items of one kind by id: a view of the tree's index (nothing is copied until read).
  public struct Lookup<Value: Sendable>: Sendable {
    fileprivate let index: Index
    fileprivate let has: @Sendable (Index, Int) -> Bool
    fileprivate let read: @Sendable (Index, Int) -> Value
    /// Values replaced since the index was built (another session's check-in).
    fileprivate var replaced: [String: Value] = [:]

    public subscript(id: String) -> Value? {
      guard let s = index.slot[id].map(Int.init), has(index, s) else { return nil }
      return replaced[id] ?? read(index, s)
    }
    /// The ids that have a value, in no particular order.
    public var keys: [String] { index.ids.indices.filter { has(index, $0) }.map { index.ids[$0] } }
    public var count: Int { index.ids.indices.reduce(0) { has(index, $1) ? $0 + 1 : $0 } }
  }

  private let index: Index
  /// Top-level objectives in position order.
  public let roots: [String]
  /// The snapshot's actions in snapshot order: the same storage as the snapshot's, never
  /// written, so that neither copy is ever copied (an edit written here would copy all of
  /// them, 60,000 on a large workspace, on the key path).
  let actionList: [Action]
  /// Actions changed in place since the tree was built (`replace(action:)`).
  private var replacedActions: [String: Action] = [:]

  /// Every item in the tree by id (one node per id: a key result's wins over an objective's,
  /// an objective's over an action's).
  public var nodes: Lookup<Node> {
    Lookup(index: index, has: { $0.slots[$1].kind != nil }, read: { $0.node($1) })
  }
  /// Every objective by id (of duplicates, the one first in position order).
  public var objectives: Lookup<Objective> {
    Lookup(
      index: index, has: { $0.slots[$1].objective >= 0 },
      read: { $0.objectives[Int($0.slots[$1].objective)] })
  }
  /// Every key result by id, also one whose objective is missing (it has no node).
  public var keyResults: Lookup<KeyResult> {
    Lookup(
      index: index, has: { $0.slots[$1].keyResult >= 0 },
      read: { $0.keyResults[Int($0.slots[$1].keyResult)] }, replaced: replacedKeyResults)
  }
  /// Key results changed in place since the tree was built (`replace(keyResult:)`).
  private var replacedKeyResults: [String: KeyResult] = [:]
  /// Where each action sits in `actionList` and in the snapshot's `actions`.
  public var snapshotIndex: Lookup<Int> {
    Lookup(index: index, has: { $0.slots[$1].action >= 0 }, read: { Int($0.slots[$1].action) })
  }

  public init(snapshot: Snapshot) {
    let objectives = snapshot.objectives
    let keyResults = snapshot.keyResults
    let actions = snapshot.actions
    var t = Interner(capacity: objectives.count + keyResults.count + actions.count)

    // Of objectives and of key results sharing an id the lowest (position, id) wins, the first
    // of equals; of actions the first.
    let objectiveSlot = t.intern(
      objectives.count, as: \.objective, id: { objectives[$0].id }, position: { objectives[$0].position })
    let keyResultSlot = t.intern(
      keyResults.count, as: \.keyResult, id: { keyResults[$0].id }, position: { keyResults[$0].position })
    let actionSlot = t.intern(actions.count, as: \.action, id: { actions[$0].id }, position: { _ in 0 })
    let count = t.ids.count

    // Objectives in (position, id) order: the store's order already, sorted only if not.
    var order: [Int32] = []
    order.reserveCapacity(objectives.count)
    var inOrder = true
    for i in objectives.indices where t.slots[Int(objectiveSlot[i])].objective == Int32(i) {
      if let last = order.last.map(Int.init),
        (objectives[i].position, objectives[i].id) < (objectives[last].position, objectives[last].id)
      {
        inOrder = false
      }
      order.append(Int32(i))
    }
    if !inOrder {
      order.sort {
        (objectives[Int($0)].position, objectives[Int($0)].id)
          < (objectives[Int($1)].position, objectives[Int($1)].id)
      }
    }

    // Each item's parent slot (-1: none), and how many children of each part a slot has.
    var keyResultCount = [Int32](repeating: 0, count: count)
    var actionCount = [Int32](repeating: 0, count: count)
    var childCount = [Int32](repeating: 0, count: count)
    var objectiveParent = [Int32](repeating: -1, count: objectives.count)
    for i in order.lazy.map(Int.init) {
      guard let p = objectives[i].parentID, let ps = t.slot[p], ps != objectiveSlot[i],
        t.slots[Int(ps)].objective >= 0
      else { continue }
      objectiveParent[i] = ps
      childCount[Int(ps)] += 1
    }
    // Neighbours mostly share their parent: the last lookup is reused.
    var objectiveCache = Interner.Cache()
    var keyResultParent = [Int32](repeating: -1, count: keyResults.count)
    for j in keyResults.indices where t.slots[Int(keyResultSlot[j])].keyResult == Int32(j) {
      guard let o = t.cachedSlot(keyResults[j].objectiveID, &objectiveCache), t.slots[o].objective >= 0
      else { continue }
      keyResultParent[j] = Int32(o)
      keyResultCount[o] += 1
    }
    var keyResultCache = Interner.Cache()
    var actionParent = [Int32](repeating: -1, count: actions.count)
    for i in actions.indices where t.slots[Int(actionSlot[i])].action == Int32(i) {
      var parent = -1
      if let k = actions[i].keyResultID, let s = t.cachedSlot(k, &keyResultCache), t.slots[s].keyResult >= 0 {
        parent = s
      } else if let s = t.cachedSlot(actions[i].objectiveID, &objectiveCache), t.slots[s].objective >= 0 {
        parent = s
      }
      guard parent >= 0 else { continue }
      actionParent[i] = Int32(parent)
      actionCount[parent] += 1
    }

    // A slot's children lie together: its key results, its actions, its child objectives. The
    // counts become write cursors; once filled, each ends where the next part begins.
    var total: Int32 = 0
    for s in 0..<count {
      t.slots[s].first = total
      let k = keyResultCount[s]
      let a = actionCount[s]
      let c = childCount[s]
      keyResultCount[s] = total
      actionCount[s] = total + k
      childCount[s] = total + k + a
      total += k + a + c
    }
    var keyResultEnd = keyResultCount
    var actionEnd = actionCount
    var childEnd = childCount
    var children = [Int32](repeating: 0, count: Int(total))
    // Filled in snapshot order, then sorted by (position, id) where that order was not it.
    var unsortedKeyResults = Set<Int>()
    for j in keyResults.indices where keyResultParent[j] >= 0 {
      let p = Int(keyResultParent[j])
      let at = Int(keyResultEnd[p])
      if at > Int(t.slots[p].first) {
        let prev = Int(t.slots[Int(children[at - 1])].keyResult)
        if (keyResults[j].position, keyResults[j].id) < (keyResults[prev].position, keyResults[prev].id) {
          unsortedKeyResults.insert(p)
        }
      }
      children[at] = keyResultSlot[j]
      keyResultEnd[p] += 1
    }
    var unsortedActions = Set<Int>()
    for i in actions.indices where actionParent[i] >= 0 {
      let p = Int(actionParent[i])
      let at = Int(actionEnd[p])
      if at > Int(keyResultEnd[p]) {
        let prev = Int(t.slots[Int(children[at - 1])].action)
        if (actions[i].position, actions[i].id) < (actions[prev].position, actions[prev].id) {
          unsortedActions.insert(p)
        }
      }
      children[at] = actionSlot[i]
      actionEnd[p] += 1
    }
    for i in order.lazy.map(Int.init) where objectiveParent[i] >= 0 {
      let p = Int(objectiveParent[i])
      children[Int(childEnd[p])] = objectiveSlot[i]
      childEnd[p] += 1
    }
    do {
      // Scoped: `slots` shares `t.slots`, which is written below.
      let slots = t.slots
      for p in unsortedKeyResults {
        children[Int(slots[p].first)..<Int(keyResultEnd[p])].sort {
          let a = Int(slots[Int($0)].keyResult)
          let b = Int(slots[Int($1)].keyResult)
          return (keyResults[a].position, keyResults[a].id) < (keyResults[b].position, keyResults[b].id)
        }
      }
      for p in unsortedActions {
        children[Int(keyResultEnd[p])..<Int(actionEnd[p])].sort {
          let a = Int(slots[Int($0)].action)
          let b = Int(slots[Int($1)].action)
          return (actions[a].position, actions[a].id) < (actions[b].position, actions[b].id)
        }
      }
    }

    var roots: [Int32] = []
    for i in order.lazy.map(Int.init) where objectiveParent[i] < 0 { roots.append(objectiveSlot[i]) }
    // Objectives only reachable through a parent cycle would vanish: show them at the top.
    var reached = [Bool](repeating: false, count: count)
    func reach(from root: Int32) {
      var stack = [root]
      while let s = stack.popLast().map(Int.init) {
        guard !reached[s] else { continue }
        reached[s] = true
        stack += children[Int(actionEnd[s])..<Int(childEnd[s])]
      }
    }
    for r in roots { reach(from: r) }
    for i in order.lazy.map(Int.init) where !reached[Int(objectiveSlot[i])] {
      roots.append(objectiveSlot[i])
      reach(from: objectiveSlot[i])
    }
    var isRoot = [Bool](repeating: false, count: count)
    for r in roots { isRoot[Int(r)] = true }

    // One node per id: a key result's replaces an objective's, which replaces an action's.
    var withChildren = 0
    var nestsKeyResults = false
    for s in 0..<count {
      let kr = Int(t.slots[s].keyResult)
      let objective = Int(t.slots[s].objective)
      let action = Int(t.slots[s].action)
      if kr >= 0 && keyResultParent[kr] >= 0 {
        t.slots[s].kind = .keyResult
        t.slots[s].parent = keyResultParent[kr]
        t.slots[s].first = keyResultEnd[s]
        t.slots[s].end = actionEnd[s]
        // An action with this id is this key result wherever it is listed.
        if action >= 0 && actionParent[action] >= 0 { nestsKeyResults = true }
      } else if objective >= 0 {
        t.slots[s].kind = .objective
        t.slots[s].parent = isRoot[s] ? -1 : objectiveParent[objective]
        t.slots[s].end = childEnd[s]
      } else if action >= 0 && actionParent[action] >= 0 {
        t.slots[s].kind = .action
        t.slots[s].parent = actionParent[action]
        t.slots[s].end = t.slots[s].first
      } else {
        t.slots[s].end = t.slots[s].first
      }
      if t.slots[s].end > t.slots[s].first { withChildren += 1 }
    }
    self.index = Index(
      t, children: children, objectives: objectives, keyResults: keyResults, roots: roots,
      withChildren: withChildren, nestsKeyResults: nestsKeyResults)
    self.roots = roots.map { t.ids[Int($0)] }
    self.actionList = actions
    // The widest row when everything is open: indent, marker, id and title (scalars stand
    // for columns: titles are text, rarely wide characters), for the layout's tree width.
    var widest = 0
    for row in visibleRows(expanded: Set(self.index.ids)) {
      let title: Int
      switch row.kind {
      case .objective: title = self.objectives[row.id]?.title.unicodeScalars.count ?? 0
      case .keyResult: title = keyResult(row.id)?.title.unicodeScalars.count ?? 0
      case .action: title = action(row.id)?.title.unicodeScalars.count ?? 0
      }
      widest = max(widest, row.depth * 2 + 2 + row.id.unicodeScalars.count + 1 + min(title, 120))
    }
    self.widestRow = widest
    for a in actions {
      widestAction.title = max(widestAction.title, a.title.unicodeScalars.count)
      widestAction.owner = max(widestAction.owner, a.owner?.unicodeScalars.count ?? 0)
      widestAction.themes = max(
        widestAction.themes, a.themeIDs.reduce(max(0, a.themeIDs.count - 1)) { $0 + $1.unicodeScalars.count })
    }
  }

  /// Columns the widest row's indent, marker, id and title take when every item is open.
  public private(set) var widestRow = 0
  /// The widest action title, owner and theme list (scalars, as `widestRow`): how wide the
  /// Actions table's columns may grow.
  public private(set) var widestAction = (title: 0, owner: 0, themes: 0)

  /// The action with `id`, if the snapshot has it.
  public func action(_ id: String) -> Action? {
    guard let s = index.slot[id].map(Int.init), index.slots[s].action >= 0 else { return nil }
    return replacedActions[id] ?? actionList[Int(index.slots[s].action)]
  }

  /// The key result with `id`, if the snapshot has it.
  public func keyResult(_ id: String) -> KeyResult? {
    guard let s = index.slot[id].map(Int.init), index.slots[s].kind == .keyResult else { return nil }
    return replacedKeyResults[id] ?? index.keyResults[Int(index.slots[s].keyResult)]
  }

  /// Replaces a key result in place when its place in the tree and its search text stay
  /// the same (a check-in: value, done, confidence); false, and unchanged, otherwise.
  mutating func replace(keyResult new: KeyResult) -> Bool {
    guard let old = keyResult(new.id),
      old.objectiveID == new.objectiveID, old.position == new.position, old.title == new.title,
      old.owner == new.owner
    else { return false }
    replacedKeyResults[new.id] = new
    return true
  }

  /// Replaces an action in place when its place in the tree and its search text stay the
  /// same (an edit of progress, status or confidence); false, and unchanged, otherwise.
  mutating func replace(action new: Action) -> Bool {
    guard let s = index.slot[new.id].map(Int.init), index.slots[s].action >= 0, index.slots[s].kind != nil
    else { return false }
    let old = replacedActions[new.id] ?? actionList[Int(index.slots[s].action)]
    guard
      old.objectiveID == new.objectiveID, old.keyResultID == new.keyResultID, old.position == new.position,
      old.title == new.title, old.owner == new.owner
    else { return false }
    replacedActions[new.id] = new
    return true
  }

  /// Ids from the root down to the item's parent.
  public func ancestors(of id: String) -> [String] {
    guard let s = index.slot[id] else { return [] }
    return index.ancestors(of: Int(s)).reversed().map { index.ids[$0] }
  }

  /// The objective an item belongs to (itself for an objective).
  public func objectiveID(of id: String) -> String? {
    guard let s = index.slot[id].map(Int.init), let kind = index.slots[s].kind else { return nil }
    switch kind {
    case .objective: return id
    case .keyResult: return index.keyResults[Int(index.slots[s].keyResult)].objectiveID
    case .action: return actionList[Int(index.slots[s].action)].objectiveID
    }
  }

  /// Ids whose id, title or owner contain `text` (case-insensitive). Lower-cased here, not at
  /// load: a filter is typed rarely, a load happens on every start and external change.
  public func matches(_ text: String) -> Set<String> {
    Set(matchingSlots(text).map { index.ids[$0] })
  }

  /// The slots of `matches`.
  private func matchingSlots(_ text: String) -> [Int] {
    let needle = text.lowercased()
    guard !needle.isEmpty else { return [] }
    func hit(_ parts: String?...) -> Bool {
      parts.compactMap { $0 }.joined(separator: " ").lowercased().contains(needle)
    }
    var out: [Int] = []
    for s in index.slots.indices {
      let slot = index.slots[s]
      let found: Bool
      switch slot.kind {
      case .objective?:
        let o = index.objectives[Int(slot.objective)]
        found = hit(o.id, o.title, o.owner)
      case .keyResult?:
        let kr = index.keyResults[Int(slot.keyResult)]
        found = hit(kr.id, kr.title, kr.owner)
      case .action?:
        let a = actionList[Int(slot.action)]
        found = hit(a.id, a.title, a.owner)
      case nil: found = false
      }
      if found { out.append(s) }
    }
    return out
  }

  /// The rows in view, depth first. Without a filter an item's children show when it is in
  /// `expanded`; with one, only matches, their ancestors (opened) and their descendants show.
  public func visibleRows(expanded: Set<String>, filter: String = "") -> [Row] {
    var walk = Walk(index: index, expanded: expanded)
    // Looking the open ids up once is cheaper than a set lookup per item with children.
    if expanded.count <= index.withChildren {
      var open = [Bool](repeating: false, count: index.ids.count)
      for id in expanded { if let s = index.slot[id] { open[Int(s)] = true } }
      walk.open = open
    }
    if !filter.isEmpty {
      let hits = matchingSlots(filter)
      var keep = [Bool](repeating: false, count: index.ids.count)
      for h in hits { keep[h] = true }
      // Descendants before ancestors: an item kept as another match's ancestor still has
      // all of its own subtree kept when it is a match's descendant.
      for h in hits {
        var stack = Array(index.children(of: h))
        while let c = stack.popLast().map(Int.init) {
          guard !keep[c] else { continue }
          keep[c] = true
          stack += index.children(of: c)
        }
      }
      var forcedOpen = [Bool](repeating: false, count: index.ids.count)
      for h in hits {
        // An ancestor already opened has its own ancestors opened: stop there (also ends a cycle).
        var p = index.parent(of: h)
        while p >= 0 && !forcedOpen[p] {
          keep[p] = true
          forcedOpen[p] = true
          p = index.parent(of: p)
        }
      }
      walk.keep = keep
      walk.forcedOpen = forcedOpen
    }
    for r in index.roots { walk.visit(Int(r), 0) }
    return walk.rows
  }

  /// The rows of an item and of everything open beneath it at `depth`, as the unfiltered
  /// `visibleRows` has them: opening or closing one item changes only these.
  public func rows(from id: String, depth: Int, expanded: Set<String>) -> [Row] {
    guard let s = index.slot[id].map(Int.init) else { return [] }
    var walk = Walk(index: index, expanded: expanded)
    for a in index.ancestors(of: s) where index.slots[a].kind == .objective { walk.onPath[a] = true }
    walk.visit(s, depth)
    return walk.rows
  }
}

/// What one id is in the tree: the objective, key result and action with it (indices into the
/// snapshot's arrays, -1 for none), and its node, if it has one.
private struct Slot {
  var objective: Int32 = -1
  var keyResult: Int32 = -1
  var action: Int32 = -1
  var parent: Int32 = -1
  /// The node's children: `first..<end` in `Index.children`.
  var first: Int32 = 0
  var end: Int32 = 0
  var kind: NodeKind?
}

/// Numbers ids as they first appear.
private struct Interner {
  var slot: [String: Int32]
  var ids: [String] = []
  var slots: [Slot] = []

  /// The last id looked up and its slot.
  struct Cache {
    var id: String?
    var slot: Int?
  }

  init(capacity: Int) {
    slot = Dictionary(minimumCapacity: capacity)
    ids.reserveCapacity(capacity)
    slots.reserveCapacity(capacity)
  }

  /// The slot of `id`, a new one the first time (one hash either way).
  mutating func intern(_ id: String) -> Int {
    let next = Int32(ids.count)
    let s = Self.claim(&slot[id, default: -1], next)
    if s == next {
      ids.append(id)
      slots.append(Slot())
    }
    return Int(s)
  }

  /// Interns `count` items of one kind, returning each one's slot; of items sharing an id the
  /// one with the lowest position, the first of equals, is the slot's `kind` item.
  mutating func intern(
    _ count: Int, as kind: WritableKeyPath<Slot, Int32>, id: (Int) -> String, position: (Int) -> Int
  ) -> [Int32] {
    var slotOf = [Int32](repeating: 0, count: count)
    for i in 0..<count {
      let s = intern(id(i))
      slotOf[i] = Int32(s)
      let w = Int(slots[s][keyPath: kind])
      if w < 0 || position(i) < position(w) { slots[s][keyPath: kind] = Int32(i) }
    }
    return slotOf
  }

  private static func claim(_ value: inout Int32, _ next: Int32) -> Int32 {
    if value < 0 { value = next }
    return value
  }

  func cachedSlot(_ id: String, _ cache: inout Cache) -> Int? {
    if id != cache.id {
      cache.id = id
      cache.slot = slot[id].map(Int.init)
    }
    return cache.slot
  }
}

/// The built tree, shared by copies of it (an edit only adds to the replaced items).
private final class Index: Sendable {
  let slot: [String: Int32]
  let ids: [String]
  let slots: [Slot]
  let children: [Int32]
  let objectives: [Objective]
  let keyResults: [KeyResult]
  let roots: [Int32]
  /// How many nodes have children.
  let withChildren: Int
  /// Whether an action shares a key result's id: only then can a key result be its own
  /// descendant without an objective between.
  let nestsKeyResults: Bool

  init(
    _ t: Interner, children: [Int32], objectives: [Objective], keyResults: [KeyResult], roots: [Int32],
    withChildren: Int, nestsKeyResults: Bool
  ) {
    slot = t.slot
    ids = t.ids
    slots = t.slots
    self.children = children
    self.objectives = objectives
    self.keyResults = keyResults
    self.roots = roots
    self.withChildren = withChildren
    self.nestsKeyResults = nestsKeyResults
  }

  func children(of s: Int) -> ArraySlice<Int32> { children[Int(slots[s].first)..<Int(slots[s].end)] }

  /// The parent slot of a node, -1 for a root or a slot without a node.
  func parent(of s: Int) -> Int { slots[s].kind == nil ? -1 : Int(slots[s].parent) }

  /// Parent slots upwards, stopping at the first repeat.
  func ancestors(of s: Int) -> [Int] {
    var out: [Int] = []
    var seen: Set<Int>? = nil
    var p = parent(of: s)
    while p >= 0 {
      // Paths are short: a scan until one is long.
      if out.count < 16 {
        if out.contains(p) { break }
      } else {
        if seen == nil { seen = Set(out) }
        guard seen?.insert(p).inserted == true else { break }
      }
      out.append(p)
      p = parent(of: p)
    }
    return out
  }

  func node(_ s: Int) -> OKRTree.Node {
    let slot = slots[s]
    return OKRTree.Node(
      id: ids[s], kind: slot.kind ?? .action, parentID: slot.parent >= 0 ? ids[Int(slot.parent)] : nil,
      children: children(of: s).map { ids[Int($0)] })
  }
}

/// One depth-first pass over the nodes, appending the rows in view.
private struct Walk {
  let index: Index
  let expanded: Set<String>
  /// `expanded` by slot, when looked up beforehand.
  var open: [Bool] = []
  /// Under a filter: what shows, and the ancestors of matches (open whatever `expanded` says).
  var keep: [Bool] = []
  var forcedOpen: [Bool] = []
  var onPath: [Bool]
  /// The key results on the path, those since its last objective from `run` on.
  var keyResultPath: [Int] = []
  var run = 0
  var rows: [OKRTree.Row] = []

  init(index: Index, expanded: Set<String>) {
    self.index = index
    self.expanded = expanded
    onPath = [Bool](repeating: false, count: index.ids.count)
  }

  mutating func visit(_ s: Int, _ depth: Int) {
    guard let kind = index.slots[s].kind else { return }
    // Only objectives can sit on a parent cycle (key results and actions have fixed parents),
    // so only they are guarded. But an action sharing a key result's id stands for that key
    // result: a key result can come back with no objective between, which recursed forever.
    // Stopping only there leaves every other tree's rows as they were; and only a tree with
    // such an action pays for tracking them.
    let savedRun = run
    let tracked = kind == .keyResult && index.nestsKeyResults
    if kind == .objective {
      if onPath[s] { return }
      onPath[s] = true
      run = keyResultPath.count
    } else if tracked {
      if keyResultPath[run...].contains(s) { return }
      keyResultPath.append(s)
    }
    defer {
      if kind == .objective {
        onPath[s] = false
        run = savedRun
      } else if tracked {
        keyResultPath.removeLast()
      }
    }
    let filtered = !keep.isEmpty
    if filtered && !keep[s] { return }
    let kids = Int(index.slots[s].first)..<Int(index.slots[s].end)
    let hasKids = filtered ? kids.contains { keep[Int(index.children[$0])] } : !kids.isEmpty
    let isOpen =
      hasKids
      && ((open.isEmpty ? expanded.contains(index.ids[s]) : open[s]) || (filtered && forcedOpen[s]))
    rows.append(
      OKRTree.Row(id: index.ids[s], kind: kind, depth: depth, hasChildren: hasKids, isExpanded: isOpen))
    if isOpen {
      for c in kids {
        let k = Int(index.children[c])
        if !filtered || keep[k] { visit(k, depth + 1) }
      }
    }
  }
}
