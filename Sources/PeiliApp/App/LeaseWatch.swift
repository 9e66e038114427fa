import Foundation
import PeiliCore

/// The presenter's lease as the runner last reported it, so a poll answers only when it
/// changed (a follower polls every 50 ms and must not repaint for nothing). Used by commands
/// that run one at a time (on `Effects`' serial queue, or the caller's thread in tests).
final class LeaseWatch: @unchecked Sendable {
  private var last: (lease: PresenterLease?, gone: Bool)?

  /// The message for `lease` read at `now`, nil when it says what the last one said.
  func report(_ lease: PresenterLease?, now: Double = Date().timeIntervalSince1970) -> Msg? {
    let gone = lease?.isGone(now: now) ?? false
    // The holder's heartbeat moves `seenAt` every 10 s: no news unless it changes `gone`.
    var seen = lease
    seen?.seenAt = 0
    if let last, last.lease == seen, last.gone == gone { return nil }
    last = (seen, gone)
    return .presenter(lease, gone: gone)
  }

  /// Forget what was reported: the next poll answers (after this session's own lease change).
  func reset() { last = nil }
}
