import Dispatch

/// Lets go of a replaced value on a background queue, a moment later. A snapshot replaced by
/// a load, with its analysis, tree and screens' rows, is tens of thousands of objects on a
/// large workspace: freeing them took milliseconds of the frame that applied the load, and
/// freeing them on another core while that frame was drawn still slowed it (`peili-bench
/// impact`: p99 3.6 ms against 1.2 ms when the freeing waits until the frame is painted).
public enum Retirement {
  private static let queue = DispatchQueue(label: "peili.retirement", qos: .utility)
  private static let pending = DispatchGroup()
  /// Long enough for the frame that applied the load to be painted.
  static let delay = 0.05

  /// The value moves into a box only the queue then clears, so the last reference — and the
  /// freeing — is the queue's, whichever thread runs first.
  static func later(_ value: consuming some Sendable) {
    let box = Box(value)
    pending.enter()
    queue.asyncAfter(deadline: .now() + delay) {
      box.value = nil
      pending.leave()
    }
  }

  /// Waits until everything retired so far is freed (a benchmark measures the next frame
  /// apart from this work, as a person's next key comes long after it is done).
  public static func settle() { pending.wait() }

  private final class Box: @unchecked Sendable {
    // Written once by the queue; never read.
    var value: (any Sendable)?
    init(_ value: consuming any Sendable) { self.value = value }
  }
}
