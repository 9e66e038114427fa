import PeiliUI

/// The keys of the open help (`?`): it scrolls between its first and its last page and
/// closes; the scroll never passes the end, so the first key back up moves it at once.
enum HelpPaging {
  /// The help after `key`, or nil when the key closes it.
  static func overlay(after key: Key, scroll: Int, in m: Model) -> Overlay? {
    let last = HelpOverlay(sections: HelpContent.sections(m)).lastScroll(height: boxHeight(m))
    let at = min(max(0, scroll), last)
    let page = max(1, boxHeight(m) - 3)
    switch key {
    case .down, .char("j"): return .help(scroll: min(last, at + 1))
    case .up, .char("k"): return .help(scroll: max(0, at - 1))
    case .pageDown, .char(" "): return .help(scroll: min(last, at + page))
    case .pageUp: return .help(scroll: max(0, at - page))
    case .home, .char("g"): return .help(scroll: 0)
    case .end, .char("G"): return .help(scroll: last)
    case .escape, .enter, .char("?"), .char("q"): return nil
    default: return .help(scroll: at)
    }
  }

  /// The rows the help box may take: the screen without its header and footer rows, as
  /// `overlay(_:into:)` lays it out.
  static func boxHeight(_ m: Model) -> Int { max(0, m.shared.height - 2) }
}
