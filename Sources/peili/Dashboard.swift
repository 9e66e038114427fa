import Foundation
import PeiliApp
import PeiliCore
import PeiliStore
import PeiliTerminal
import PeiliUI

/// Runs the dashboard on `store` until the user quits; returns the exit status. The terminal
/// is restored on every way out (return, thrown error; signals via the terminal layer).
func runDashboard(
  store: any WorkspaceStore, theme: PeiliUI.Theme, noColor: Bool, user: String, warnings: [String] = []
) throws -> Int32 {
  // What does not need the actions is derived while the store reads them.
  let today = DashboardLoop.today()
  let (first, basis) = try store.snapshot { MirrorBasis(snapshot: $0, today: today) }
  let workspacePath = first.workspacePath
  let terminal = try Terminal.open(theme: theme, noColor: noColor)
  defer { terminal.close() }
  let size = terminal.size
  // Consumed: the model is then the snapshot's only holder, so an edit applied in place
  // changes it without copying every action first (and no second copy stays alive).
  var model = Model(
    snapshot: consume first, today: today, user: user, glyphs: terminal.glyphs,
    text: .of(StartLanguage.current),
    width: size.width,
    height: size.height, readOnlyReason: DashboardLoop.readOnlyReason(store, path: workspacePath),
    basis: consume basis)
  // Start-up warnings (an unknown TERM, a broken theme file) stay visible on the status line.
  let shown = warnings + [terminal.warning].compactMap { $0 }
  if !shown.isEmpty { model.shared.status = StatusMessage(shown.joined(separator: "; ")) }
  // Presence starts with the first tick, after the first frame is on screen.
  let presence = PresenceBeat(
    session: Workspace.currentSession(user: user), interval: Workspace.heartbeatInterval,
    expiry: Workspace.presenceExpiry)
  defer { try? store.leave(presence.session) }
  model.shared.sessionID = presence.session.id
  var runner = CommandRunner(store: store, user: user, presence: presence)
  // A load is derived on the worker for the day the model judges by.
  runner.today = model.shared.today
  runner.describe = {
    String(describing: StoreFailure.explain($0, path: workspacePath, doing: .reading))
  }
  // Commands run on a worker; the loop only reads keys, updates and paints.
  let effects = Effects(runner: runner)
  // Whatever is left to write when the user quits is written before the terminal is given
  // back (a slow store may still have an edit queued).
  defer { effects.finish(within: 10) }
  var buffer = Buffer(width: size.width, height: size.height)
  view(model, into: &buffer)
  terminal.paint(buffer)
  // The first frame was derived here; the worker now reads the workspace once more and
  // derives what each screen would otherwise work out on its first visit (Impact's rows).
  effects.submit([.reload])
  var nextTick = PresenceBeat.monotonicSeconds() + DashboardLoop.tickSeconds
  var nextFollow = nextTick
  while !model.isQuitting {
    var messages: [Msg] = []
    // While the worker has answers to come, keys are read in short slices so that answers
    // show promptly; idle, the read waits for the next tick.
    let untilTick = DashboardLoop.milliseconds(until: nextTick)
    var wait = effects.pending > 0 ? min(untilTick, DashboardLoop.answerPollMilliseconds) : untilTick
    // A follower looks at the presenter's lease every 50 ms: a presenter's key shows at once.
    let following = model.shared.follow.isOn
    if following {
      wait = min(wait, DashboardLoop.milliseconds(until: nextFollow))
    }
    switch terminal.readKey(timeoutMilliseconds: wait) {
    // No key will come again: leave (the defers drop this session's presence and restore
    // what can be restored) instead of spinning on reads that fail at once.
    case nil where terminal.inputGone: return DashboardLoop.terminalGoneStatus
    case nil: break
    case .resize?:
      let s = terminal.size
      messages.append(.resize(width: s.width, height: s.height))
    case .ctrl("l")?:
      terminal.invalidate()
      messages.append(.key(.ctrl("l")))
    case let key?: messages.append(.key(key))
    }
    // A follow tick, like the tick, changes the screen only through the answers it brings.
    var changed = !messages.isEmpty
    if following, PresenceBeat.monotonicSeconds() >= nextFollow {
      messages.append(.followTick)
      nextFollow = PresenceBeat.monotonicSeconds() + Double(DashboardLoop.followPollMilliseconds) / 1000
    }
    if PresenceBeat.monotonicSeconds() >= nextTick {
      messages.append(.tick)
      nextTick = PresenceBeat.monotonicSeconds() + DashboardLoop.tickSeconds
    }
    let answers = effects.drain()
    changed = changed || !answers.isEmpty
    for msg in messages + answers {
      effects.submit(update(&model, msg))
      if model.isQuitting { break }
    }
    guard changed, !model.isQuitting else { continue }
    let s = terminal.size
    if buffer.width != s.width || buffer.height != s.height {
      buffer = Buffer(width: s.width, height: s.height)
      model.shared.width = s.width
      model.shared.height = s.height
    }
    view(model, into: &buffer)
    terminal.paint(buffer)
  }
  return 0
}

/// Wiring between the executable and the app: read-only wording, today's date.
enum DashboardLoop {
  /// The exit status when the terminal went away under the dashboard (a hang-up's 129 is the
  /// shell's, for a signal; this is an ordinary failure: the session ended without a quit).
  static let terminalGoneStatus: Int32 = 1
  /// How often an idle dashboard polls for other sessions' changes and beats its presence.
  static let tickSeconds = 0.25
  /// How long a key read waits while the worker still owes answers.
  static let answerPollMilliseconds = 10
  /// How often a follower reads the presenter's lease.
  static let followPollMilliseconds = 50

  /// Milliseconds from now to `moment` (monotonic seconds), rounded up: a wait rounded down
  /// to 0 would spin through the last fraction of a millisecond before every tick.
  static func milliseconds(until moment: Double) -> Int {
    max(0, Int(((moment - PresenceBeat.monotonicSeconds()) * 1000).rounded(.up)))
  }

  /// The store's own wording of why it is read-only, if it is.
  static func readOnlyReason(_ store: any WorkspaceStore, path: String) -> String? {
    guard store.isReadOnly else { return nil }
    return (store as? Workspace)?.readOnlyReason ?? StoreError.readOnly(path: path, reason: nil).description
  }

  /// Today in the local calendar (pace is judged against it).
  static func today() -> Day {
    let c = Calendar.current.dateComponents([.year, .month, .day], from: Date())
    return Day(year: c.year ?? 2026, month: c.month ?? 1, day: c.day ?? 1) ?? Day(ordinal: 0)
  }
}
