import PeiliCore
import PeiliUI

/// A stale edit whose every field already holds the value asked for (another session set the
/// same progress or status first): it is treated as applied, with no conflict to resolve.
enum AlreadySo {
  /// True when `current` already is what `change` would make it. A check-in with a note
  /// adds something the other session did not write, so it still conflicts.
  static func holds(_ change: ActionChange, in current: Action) -> Bool {
    switch change {
    case .progress(let p): return current.progress == min(100, max(0, p))
    case .status(let s): return current.status == s
    case .checkIn(let progress, let confidence, let note):
      return note.isEmpty && (progress.map { $0 == current.progress } ?? true)
        && (confidence.map { $0 == current.confidence } ?? true)
    }
  }

  /// "A4 is already done (changed in another session)".
  static func describe(_ change: ActionChange, _ current: Action, glyphs: Glyphs) -> String {
    let what: String
    switch change {
    case .status: what = current.status.rawValue
    case .progress, .checkIn: what = "at \(current.progress)%"
    }
    return "\(current.id) is already \(what) (changed in another session)"
  }
}
