import PeiliCore
import PeiliUI

/// The one place the model changes: takes a message, returns the side effects for the loop.
/// Pure: no I/O, no clock; the same model and message always give the same result.
public func update(_ model: inout Model, _ msg: Msg) -> [Command] {
  let commands = step(&model, msg)
  model.part.settle(&model)
  // Whatever the screen now shows and is not known yet is asked for, once.
  return commands + QueryPlan.missing(&model) + model.part.needs(&model) + Following.publish(&model)
}

private func step(_ m: inout Model, _ msg: Msg) -> [Command] {
  let text = m.shared.text
  switch msg {
  case .key(let key):
    return handleKey(&m, key)
  case .resize(let width, let height):
    m.shared.width = width
    m.shared.height = height
    DashboardScreen.scrollToCursor(&m)
    DashboardScreen.scrollMirrorToCursor(&m)
    return []
  case .tick:
    m.shared.statusAge += 1
    // While a review is open, who presents is shown on every screen.
    let lease: [Command] = m.shared.review?.isOpen == true ? [.pollPresenter] : []
    return [.pollExternalChanges(since: m.shared.seenAudit), .idle] + lease
  case .followTick:
    return m.shared.follow.isOn ? [.pollPresenter] : []
  case .presenter(let lease, let gone):
    return Following.receive(&m, lease, gone: gone)
  case .leaseTaken(.taken(let lease)):
    m.shared.presenter = lease
    m.shared.presenterGone = false
    m.shared.follow = .off
    m.shared.published = nil
    m.shared.status = StatusMessage(text.review.youPresent)
    return []
  case .leaseTaken(.heldBy(let lease)):
    m.shared.presenter = lease
    m.shared.status = StatusMessage(text.review.heldBy(lease.holder.user), isError: true)
    return []
  case .leaseFailed(let message):
    m.shared.status = StatusMessage(message, isError: true)
    return []
  case .leaseLost:
    m.shared.status = StatusMessage(text.review.lostLease, isError: true)
    return [.pollPresenter]
  case .reviewWritten(let request, let review):
    return ReviewScreen.written(&m, request, review)
  case .reviewFailed(_, let message):
    m.shared.status = StatusMessage(message ?? text.review.noStore, isError: true)
    return []
  case .presence(let others):
    m.shared.others = others
    return []
  case .snapshotLoaded(let snapshot, let external, let changes, let derived):
    // The model as it was is then the only holder of the old snapshot's objects: they are
    // freed off the key path.
    let before = m
    m.load(snapshot, derived: derived)
    Retirement.later(consume before)
    if external { m.noteExternal(changes) }
    HistoryScreen.invalidate(&m)
    return []
  case .itemsChanged(let items, let changes):
    HistoryScreen.invalidate(&m)
    let applied = m.apply(changed: items)
    m.noteExternal(changes, fields: items.newest)
    return applied ? [] : [.reload]
  case .editFinished(let request, .applied(let action)):
    m.shared.landed(request.actionID)
    // A write went through: whatever made the workspace read-only has been lifted.
    m.shared.readOnlyReason = nil
    m.shared.status = StatusMessage(
      ChangeText(glyphs: m.shared.glyphs, text: text).done(request, now: action))
    // The store's own write is no external change (the poll never sees it), so an edit of
    // one action is applied in place; anything wider is read back in full.
    HistoryScreen.invalidate(&m)
    return m.apply(edited: action) ? [] : [.reload]
  case .editFinished(let request, .conflict(let current)):
    m.shared.landed(request.actionID)
    return conflict(&m, Conflict(mine: request, theirs: current))
  case .editFailed(let request, let message):
    m.shared.landed(request.actionID)
    m.shared.status = StatusMessage(message, isError: true)
    return [.reload]
  case .checkInFinished(let request, .applied(let item)):
    m.shared.landed(request.before.id)
    m.shared.readOnlyReason = nil
    m.shared.status = StatusMessage(text.messages.checkInDone(item.id))
    HistoryScreen.invalidate(&m)
    if case .action(let action) = item, m.apply(edited: action) { return [] }
    return [.reload]
  case .checkInFinished(let request, .conflict(let current)):
    m.shared.landed(request.before.id)
    return conflict(&m, Conflict(mine: request, theirs: current))
  case .checkInFailed(let request, let message):
    m.shared.landed(request.before.id)
    m.shared.status = StatusMessage(message, isError: true)
    return [.reload]
  case .undoFinished(let report), .revertFinished(let report):
    switch report {
    case .undone(_, let fields):
      let words = ChangeText(glyphs: m.shared.glyphs, text: text).undone(fields)
      if case .revertFinished = msg {
        m.shared.status = StatusMessage(text.messages.reverted(words))
      } else {
        m.shared.status = StatusMessage(words)
      }
      return [.reload]
    case .conflict(_, let id, let field, _, let current):
      m.shared.status = StatusMessage(text.messages.cannotUndo(id, text.field(field), current), isError: true)
      return [.reload]
    case .nothingToUndo:
      m.shared.status = StatusMessage(text.messages.nothingToUndo)
    }
    return []
  case .historyLoaded(let page):
    HistoryScreen.receive(&m, page)
    return []
  case .answered(let query, let answer):
    QueryPlan.receive(&m, query, answer)
    return []
  case .loadFailed(let message):
    m.shared.status = StatusMessage(text.messages.couldNotRead(message), isError: true)
    return []
  }
}

/// A stale edit: nothing to choose when the stored values already are the ones asked for,
/// else the conflict dialog.
private func conflict(_ m: inout Model, _ c: Conflict) -> [Command] {
  let text = m.shared.text
  if AlreadySo.holds(c, text) {
    m.shared.status = StatusMessage(AlreadySo.describe(c, text))
    if case .action(let a) = c.theirs, m.apply(edited: a) { return [] }
    return [.reload]
  }
  m.overlay = .conflict(c)
  return [.reload]
}

private func handleKey(_ m: inout Model, _ key: Key) -> [Command] {
  if key == .resize { return [] }
  // Below the minimum size nothing but the request to enlarge is drawn: a key must not
  // change what the user cannot see.
  if !DashboardLayout(width: m.shared.width, height: m.shared.height, readOnly: m.shared.isReadOnly).fits {
    return tooSmallKey(&m, key)
  }
  if let overlay = m.overlay { return OverlayKeys.handle(&m, overlay, key) }
  let part = m.part
  if part.typing(&m, key) { return [] }
  // A message answers the key before; the next key clears it (an edit in flight keeps its own).
  if m.shared.inFlight.isEmpty { m.shared.status = nil }
  // A move leaves follow, then moves as usual (the follower looks around on its own).
  let leaving = Following.leave(&m, on: key)
  if let commands = KeyBindings.dispatch(m.part.bindings(m), &m, key) { return leaving + commands }
  return leaving + (KeyBindings.dispatch(GlobalKeys.bindings(m), &m, key) ?? [])
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

extension Shared {
  /// An edit of `id` got its answer.
  mutating func landed(_ id: String) {
    if let i = inFlight.firstIndex(of: id) { inFlight.remove(at: i) }
  }
}
