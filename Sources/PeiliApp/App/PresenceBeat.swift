import Foundation
import PeiliCore

/// This session's side of presence: refreshes its row at most every `interval` seconds and
/// reports the other sessions only when they changed, so an idle dashboard repaints nothing.
/// Owned by the `CommandRunner`, whose commands run one at a time (on `Effects`' serial
/// queue, or the caller's thread in tests), hence no lock.
public final class PresenceBeat: @unchecked Sendable {
  public let session: WorkspaceSession
  public let interval: Double
  /// Seconds after its last heartbeat that another session stops counting as present.
  public let expiry: Double
  private var lastBeat: Double?
  private var others: [WorkspaceSession]?

  public init(session: WorkspaceSession, interval: Double, expiry: Double = 30) {
    self.session = session
    self.interval = interval
    self.expiry = expiry
  }

  /// The other sessions when they changed since the last beat; nil when it is not time yet
  /// or nothing changed. `now` is a monotonic clock in seconds, `wall` seconds since 1970.
  /// Between beats, a session whose last heartbeat passes the expiry is dropped at once, so
  /// a frozen client leaves the header `expiry` seconds after its last beat, not up to one
  /// interval later.
  public func beat(
    _ store: any WorkspaceStore, now: Double = PresenceBeat.monotonicSeconds(),
    wall: Double = Date().timeIntervalSince1970
  ) throws -> [WorkspaceSession]? {
    if let last = lastBeat, now - last < interval {
      guard let others else { return nil }
      let live = others.filter { ($0.seenAt ?? wall) >= wall - expiry }
      guard live.count != others.count else { return nil }
      self.others = live
      return live
    }
    lastBeat = now
    let seen = try store.heartbeat(session)
    guard seen != others else {
      others = seen  // the same sessions, with their latest heartbeats
      return nil
    }
    others = seen
    return seen
  }

  public static func monotonicSeconds() -> Double {
    Double(DispatchTime.now().uptimeNanoseconds) / 1e9
  }
}
