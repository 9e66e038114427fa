import Foundation
import PeiliCore

/// Runs the commands `update` returns off the key path, as bubbletea runs its commands: one
/// serial worker performs them against the store, in the order given (an edit, then the
/// reload it asks for), and their answers wait in an inbox until the loop takes them. The
/// loop never waits for the store, so keys and painting go on while a slow disk or a
/// network database answers.
public final class Effects: @unchecked Sendable {
  private let runner: CommandRunner
  private let worker = DispatchQueue(label: "peili.effects", qos: .userInitiated)
  private let lock = NSLock()
  // Guarded by `lock`.
  private var inbox: [Msg] = []
  private var running = 0
  /// Housekeeping already queued: another of the same kind adds nothing while it waits.
  private var queuedChores: Set<String> = []

  public init(runner: CommandRunner) { self.runner = runner }

  /// Queues `commands`; a poll, a reload, a tidy-up or a read already waiting is not
  /// queued twice (ticks keep coming while a slow store answers the first).
  public func submit(_ commands: [Command]) {
    for command in commands {
      if case .quit = command { continue }
      let chore = Self.chore(command)
      let take = lock.withLock { () -> Bool in
        if let chore, !queuedChores.insert(chore).inserted { return false }
        running += 1
        return true
      }
      guard take else { continue }
      worker.async { [self] in
        if let chore { lock.withLock { _ = queuedChores.remove(chore) } }
        let answer = runner.perform(command)
        lock.withLock {
          if let answer { inbox.append(answer) }
          running -= 1
        }
      }
    }
  }

  /// The answers that arrived, oldest first.
  public func drain() -> [Msg] {
    lock.withLock {
      defer { inbox.removeAll() }
      return inbox
    }
  }

  /// Commands queued or running.
  public var pending: Int { lock.withLock { running } }

  /// Waits until every queued command has run, at most `seconds` (on quit: no edit is left
  /// unwritten). True when none is left.
  @discardableResult
  public func finish(within seconds: Double) -> Bool {
    let done = DispatchSemaphore(value: 0)
    worker.async { done.signal() }
    return done.wait(timeout: .now() + seconds) == .success
  }

  /// Commands that only refresh what is shown, by kind: a second one while the first waits
  /// is redundant (a poll reads from the newest audit row it knows whatever `since` says).
  private static func chore(_ c: Command) -> String? {
    switch c {
    case .pollExternalChanges: "poll"
    case .idle: "idle"
    case .reload: "reload"
    case .history(let q): "history \(q)"
    case .query(let q): "query \(q)"
    case .pollPresenter: "lease"
    // Each publish is the view at its moment: sent in order, never dropped.
    case .save, .checkIn, .undo, .revert, .selectCycle, .quit, .review, .takePresenter, .releasePresenter,
      .publish, .follow:
      nil
    }
  }
}
