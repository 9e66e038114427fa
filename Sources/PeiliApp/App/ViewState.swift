import Foundation
import PeiliCore

/// What a presenter publishes and a follower renders at its own size (DESIGN §9): the screen,
/// every screen's state (item, selection, filters, scrolls), the segment filter and the cycle.
/// Never a copy of the screen, and never an edit.
public struct ViewState: Sendable, Equatable, Codable {
  public var screen: ScreenID
  public var states: ScreenStates
  public var filter: SegmentFilter
  public var cycle: String?

  /// The view `m` shows now.
  init(_ m: Model) {
    screen = m.screen
    states = m.states
    filter = m.shared.segmentFilter
    cycle = m.shared.snapshot.cycle?.id
  }

  /// The published form (JSON; the store keeps it opaque).
  func encoded() -> String? {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.sortedKeys]
    return (try? encoder.encode(self)).map { String(decoding: $0, as: UTF8.self) }
  }

  /// A published state (nil: not one this peili can read).
  static func decoded(_ text: String) -> ViewState? {
    try? JSONDecoder().decode(ViewState.self, from: Data(text.utf8))
  }
}
