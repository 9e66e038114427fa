import PeiliCore
import PeiliUI

/// The one place the model changes: takes a message, returns the side effects for the loop.
/// Pure: no I/O, no clock; the same model and message always give the same result.
public func update(_ model: inout Model, _ msg: Msg) -> [Command] {
  let commands = step(&model, msg)
  // Whatever the screen now shows and is not known yet is asked for, once.
  return commands + QueryPlan.missing(&model)
}

private func step(_ model: inout Model, _ msg: Msg) -> [Command] {
  switch msg {
  case .key(let key):
    return handleKey(&model, key)
  case .resize(let width, let height):
    model.width = width
    model.height = height
    model.scrollToCursor()
    model.scrollMirrorToCursor()
    return []
  case .tick:
    model.statusAge += 1
    return [.pollExternalChanges(since: model.seenAudit), .idle]
  case .presence(let others):
    model.others = others
    return []
  case .snapshotLoaded(let snapshot, let external, let changes):
    model.load(snapshot)
    if external { model.noteExternal(changes) }
    return []
  case .editFinished(let request, .applied(let action)):
    // A write went through: whatever made the workspace read-only has been lifted.
    model.readOnlyReason = nil
    model.status = StatusMessage(describe(request, now: action, glyphs: model.glyphs))
    // The store's own write is no external change (the poll never sees it), so an edit of
    // one action is applied in place; anything wider is read back in full.
    return model.apply(edited: action) ? [] : [.reload]
  case .editFinished(let request, .conflict(let current)):
    // Someone else got there first with the very values asked for: nothing to choose.
    if AlreadySo.holds(request.change, in: current) {
      model.status = StatusMessage(AlreadySo.describe(request.change, current, glyphs: model.glyphs))
      return model.apply(edited: current) ? [] : [.reload]
    }
    model.overlay = .conflict(Conflict(mine: request, theirs: current))
    return [.reload]
  case .editFailed(_, let message):
    model.status = StatusMessage(message, isError: true)
    return [.reload]
  case .undoFinished(let report):
    switch report {
    case .undone(_, let fields):
      model.status = StatusMessage(ChangeText(glyphs: model.glyphs).undone(fields))
      return [.reload]
    case .conflict(_, let id, let field, _, let current):
      let now = current.map { " (now \($0))" } ?? ""
      model.status = StatusMessage(
        "cannot undo: \(field) of \(id) was changed since\(now)", isError: true)
      return [.reload]
    case .nothingToUndo:
      model.status = StatusMessage("nothing of yours to undo in this session")
    }
    return []
  case .answered(let query, let answer):
    QueryPlan.receive(&model, query, answer)
    return []
  case .loadFailed(let message):
    model.status = StatusMessage("could not read the workspace: \(message)", isError: true)
    return []
  }
}

/// "A4 progress 60% → 70%" for the status line.
private func describe(_ request: EditRequest, now: Action, glyphs: Glyphs) -> String {
  let arrow = ScoreText(glyphs: glyphs).arrow
  let id = now.id
  switch request.change {
  case .status:
    return "\(id) status \(request.before.status.rawValue) \(arrow) \(now.status.rawValue)"
  case .progress, .checkIn:
    return "\(id) progress \(request.before.progress)% \(arrow) \(now.progress)%"
  }
}

private func handleKey(_ m: inout Model, _ key: Key) -> [Command] {
  if key == .resize { return [] }
  // Below the minimum size nothing but the request to enlarge is drawn: a key must not
  // change what the user cannot see.
  if !DashboardLayout(width: m.width, height: m.height, readOnly: m.isReadOnly).fits {
    return tooSmallKey(&m, key)
  }
  if let overlay = m.overlay { return overlayKey(&m, overlay, key) }
  if m.isEditingFilter { return filterKey(&m, key) }
  m.status = nil
  switch key {
  case .char("q"), .ctrl("c"):
    m.isQuitting = true
    return [.quit]
  case .char("?"), .function(1):
    m.overlay = .help(scroll: 0)
    return []
  case .char("f"):
    m.overlay = .segmentPicker(attribute: nil, cursor: 0)
    return []
  case .char("F"):
    SegmentChoice.clear(&m)
    return []
  case .char(let c) where c.isWholeNumber:
    Navigation.digit(&m, c)
    return []
  case .backspace:
    Navigation.back(&m)
    return []
  default:
    break
  }
  switch m.screen {
  case .dashboard: return dashboardKey(&m, key)
  case .gaps:
    GapsKeys.handle(&m, key)
    return []
  case .theme:
    DrillKeys.handle(&m, key)
    return []
  }
}

/// The keys that act while the terminal is too small: quit and help.
private func tooSmallKey(_ m: inout Model, _ key: Key) -> [Command] {
  switch key {
  case .char("q"), .ctrl("c"):
    m.isQuitting = true
    return [.quit]
  case .char("?"), .function(1):
    if m.overlay == nil {
      m.overlay = .help(scroll: 0)
    } else if case .help? = m.overlay {
      m.overlay = nil
    }
    return []
  default:
    return []
  }
}

private func dashboardKey(_ m: inout Model, _ key: Key) -> [Command] {
  switch key {
  case .char("/"):
    m.isEditingFilter = true
    return []
  case .char("u"):
    return [.undo]
  case .char("+"), .char("-"), .char(">"), .char("<"), .char("s"):
    return edit(&m, key)
  case .tab, .backTab:
    m.focus = m.focus == .tree ? .mirror : .tree
    return []
  default:
    break
  }
  switch m.focus {
  case .tree: treeKey(&m, key)
  case .mirror: mirrorKey(&m, key)
  }
  return []
}

private func treeKey(_ m: inout Model, _ key: Key) {
  let page = max(
    1, DashboardLayout(width: m.width, height: m.height, readOnly: m.isReadOnly).treeRows.height - 1)
  switch key {
  case .up, .char("k"): select(&m, m.cursor - 1)
  case .down, .char("j"): select(&m, m.cursor + 1)
  case .pageUp: select(&m, m.cursor - page)
  case .pageDown: select(&m, m.cursor + page)
  case .home, .char("g"): select(&m, 0)
  case .end, .char("G"): select(&m, m.rows.count - 1)
  case .right, .char("l"):
    guard let row = m.selectedRow, row.hasChildren else { return }
    if row.isExpanded { select(&m, m.cursor + 1) } else { setExpanded(&m, row.id, true) }
  case .left, .char("h"):
    guard let row = m.selectedRow else { return }
    if row.isExpanded {
      setExpanded(&m, row.id, false)
    } else if let parent = m.tree.nodes[row.id]?.parentID,
      let i = m.rows.firstIndex(where: { $0.id == parent })
    {
      select(&m, i)
    }
  case .enter:
    guard let row = m.selectedRow, row.hasChildren else { return }
    setExpanded(&m, row.id, !row.isExpanded)
  case .escape:
    if !m.filter.isEmpty { setFilter(&m, "") } else { Navigation.back(&m) }
  default:
    break
  }
}

private func mirrorKey(_ m: inout Model, _ key: Key) {
  let count = m.mirrorThemeIDs.count
  func move(_ to: Int) {
    m.mirrorCursor = max(0, min(count - 1, to))
    m.scrollMirrorToCursor()
  }
  switch key {
  case .up, .char("k"): move(m.mirrorCursor - 1)
  case .down, .char("j"): move(m.mirrorCursor + 1)
  case .pageUp: move(m.mirrorCursor - 5)
  case .pageDown: move(m.mirrorCursor + 5)
  case .home, .char("g"): move(0)
  case .end, .char("G"): move(count - 1)
  case .enter, .right, .char("l"):
    let ids = m.mirrorThemeIDs
    if ids.indices.contains(m.mirrorCursor), m.analysis.mirror(theme: ids[m.mirrorCursor]) != nil {
      Navigation.openTheme(&m, ids[m.mirrorCursor])
    }
  case .escape, .left, .char("h"):
    m.focus = .tree
  default:
    break
  }
}

private func overlayKey(_ m: inout Model, _ overlay: Overlay, _ key: Key) -> [Command] {
  switch overlay {
  case .help(let scroll):
    m.overlay = HelpPaging.overlay(after: key, scroll: scroll, in: m)
    return []
  case .segmentPicker(let attribute, let cursor):
    return SegmentChoice.key(&m, attribute: attribute, cursor: cursor, key)
  case .conflict(let conflict):
    switch key {
    case .char("m"), .char("M"):
      m.overlay = nil
      let again = EditRequest(
        actionID: conflict.mine.actionID, change: conflict.mine.change, basedOn: conflict.theirs.version,
        before: conflict.theirs)
      return [.save(again)]
    case .char("t"), .char("T"), .escape:
      m.overlay = nil
      m.status = StatusMessage("kept their change to \(conflict.theirs.id)")
      return []
    default:
      return []
    }
  }
}

private func filterKey(_ m: inout Model, _ key: Key) -> [Command] {
  switch key {
  case .enter:
    m.isEditingFilter = false
  case .escape:
    m.isEditingFilter = false
    setFilter(&m, "")
  case .backspace, .delete:
    if !m.filter.isEmpty { setFilter(&m, String(m.filter.dropLast())) }
  case .char(let c):
    setFilter(&m, m.filter + String(c))
  case .up: select(&m, m.cursor - 1)
  case .down: select(&m, m.cursor + 1)
  default:
    break
  }
  return []
}

/// Applies a new filter; the selection stays if still shown, else goes to the first match.
private func setFilter(_ m: inout Model, _ text: String) {
  let clean = String(text.prefix(60))
  let keep = m.selectedID
  // Leaving a filter keeps the selection in view: open the path down to it.
  if clean.isEmpty, let keep { m.expanded.formUnion(m.tree.ancestors(of: keep)) }
  m.filter = clean
  m.rebuildRows(keeping: keep)
  if !clean.isEmpty, keep.map({ id in !m.rows.contains { $0.id == id } }) ?? true {
    let hits = m.tree.matches(clean)
    if let i = m.rows.firstIndex(where: { hits.contains($0.id) }) { select(&m, i) }
  }
}

private func setExpanded(_ m: inout Model, _ id: String, _ open: Bool) {
  m.setExpanded(id, open)
}

private func select(_ m: inout Model, _ index: Int) {
  guard !m.rows.isEmpty else { return }
  let i = max(0, min(m.rows.count - 1, index))
  if i != m.cursor {
    m.mirrorCursor = 0
    m.mirrorScroll = 0
  }
  m.cursor = i
  m.scrollToCursor()
}

private func edit(_ m: inout Model, _ key: Key) -> [Command] {
  guard let action = m.selectedAction else {
    m.status = StatusMessage("+ - > < s change an action: select one in the tree")
    return []
  }
  // A read-only workspace still sends the edit: the store checks the permission again (it
  // may have been granted since), and its refusal names the file that blocks it.
  let change: ActionChange
  switch key {
  case .char("+"): change = .progress(min(100, action.progress + 10))
  case .char("-"): change = .progress(max(0, action.progress - 10))
  case .char(">"): change = .progress(min(100, action.progress + 1))
  case .char("<"): change = .progress(max(0, action.progress - 1))
  default: change = .status(action.status.next)
  }
  if change == .progress(action.progress) {
    m.status = StatusMessage("\(action.id) is already at \(action.progress)%")
    return []
  }
  return [.save(EditRequest(actionID: action.id, change: change, basedOn: action.version, before: action))]
}
