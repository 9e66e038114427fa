import Foundation
import PeiliCore

/// This session's side of presence: refreshes its row at most every `interval` seconds and
/// reports the other sessions only when they changed, so an idle dashboard repaints nothing.
/// Owned by the main loop's `CommandRunner` (one thread), hence no lock.
public final class PresenceBeat {
  public let session: WorkspaceSession
  public let interval: Double
  private var lastBeat: Double?
  private var others: [WorkspaceSession]?

  public init(session: WorkspaceSession, interval: Double) {
    self.session = session
    self.interval = interval
  }

  /// The other sessions when they changed since the last beat; nil when it is not time yet
  /// or nothing changed. `now` is a monotonic clock in seconds.
  public func beat(_ store: any WorkspaceStore, now: Double = PresenceBeat.monotonicSeconds()) throws
    -> [WorkspaceSession]?
  {
    if let last = lastBeat, now - last < interval { return nil }
    lastBeat = now
    let seen = try store.heartbeat(session)
    guard seen != others else { return nil }
    others = seen
    return seen
  }

  public static func monotonicSeconds() -> Double {
    Double(DispatchTime.now().uptimeNanoseconds) / 1e9
  }
}
