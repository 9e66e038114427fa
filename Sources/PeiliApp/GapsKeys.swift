import PeiliCore
import PeiliUI

/// Keys of the gaps screen: move in the ranking, choose the gap, switch to the grid and its
/// audience, open a theme.
enum GapsKeys {
  static func handle(_ m: inout Model, _ key: Key) {
    let ranked = GapsRows.ranking(m)
    let i = GapsRows.cursor(m, in: ranked)
    func select(_ j: Int) {
      guard !ranked.isEmpty else { return }
      m.gapsThemeID = ranked[max(0, min(ranked.count - 1, j))].themeID
    }
    let kinds = GapKind.allCases
    let k = kinds.firstIndex(of: m.gapKind) ?? 0
    switch key {
    case .up, .char("k"): select(i - 1)
    case .down, .char("j"): select(i + 1)
    case .pageUp: select(i - 10)
    case .pageDown: select(i + 10)
    case .home, .char("g"): select(0)
    case .end, .char("G"): select(ranked.count - 1)
    case .tab:
      m.gapKind = kinds[(k + 1) % kinds.count]
      m.gapsView = .ranking
    case .backTab:
      m.gapKind = kinds[(k + kinds.count - 1) % kinds.count]
      m.gapsView = .ranking
    case .char("i"):
      m.gapsView = m.gapsView == .ranking ? .grid : .ranking
    case .char("a"):
      let all = Audience.allCases
      m.gridAudience = all[((all.firstIndex(of: m.gridAudience) ?? 0) + 1) % all.count]
      m.gapsView = .grid
    case .enter, .right, .char("l"):
      guard ranked.indices.contains(i) else { return }
      m.gapsThemeID = ranked[i].themeID
      Navigation.openTheme(&m, ranked[i].themeID)
    case .escape, .left, .char("h"):
      Navigation.back(&m)
    default:
      break
    }
  }
}
