import PeiliCore
import PeiliUI

extension ScreenID {
  public static let gaps = ScreenID("gaps")
}

/// What the gaps screen shows: the ranked list or the importance–performance grid.
public enum GapsMode: String, Hashable, Sendable, Codable {
  case ranking, grid
}

/// Every theme ranked by a gap, or the importance–performance grid of one audience.
enum GapsScreen: ScreenPart {
  /// The gap ranked by, the view, the selected theme (by id: the order changes with the
  /// ranking) and the grid's audience.
  struct State: ScreenState {
    var gapKind: GapKind = .mirror
    var mode: GapsMode = .ranking
    var themeID: String?
    var gridAudience: Audience = .customer
  }

  static let id = ScreenID.gaps
  static let digit = 2
  static func title(_ t: Catalogue) -> String { t.title(id) }

  static func view(_ m: Model, area: Rect, into buffer: inout Buffer) {
    GapsView.render(m, area: area, into: &buffer)
  }

  static func queries(_ m: Model) -> [SurveyQuery] {
    let s = m[Self.self]
    guard s.mode == .grid, let wave = m.shared.analysis.followUp?.id else { return [] }
    return [.importance(audience: s.gridAudience, waveID: wave, filter: m.shared.segmentFilter)]
  }

  static func bindings(_ m: Model) -> [KeyBinding] {
    let t = m.shared.text.keys
    let l = KeyLabels(glyphs: m.shared.glyphs)
    let s = m[Self.self]
    let ranked = GapsRows.ranking(m)
    let i = GapsRows.cursor(m, in: ranked)
    let ranking = s.mode == .ranking
    func select(_ m: inout Model, _ j: Int) {
      guard !ranked.isEmpty else { return }
      m[Self.self].themeID = ranked[max(0, min(ranked.count - 1, j))].themeID
    }
    let kinds = GapKind.allCases
    let k = kinds.firstIndex(of: s.gapKind) ?? 0
    return [
      .act(
        [.up, .char("k"), .down, .char("j")], label: l.upDownLong, footerLabel: l.upDown, help: t.gapsMove,
        short: ranking ? t.themeShort : nil
      ) { m, key in
        select(&m, i + (key == .up || key == .char("k") ? -1 : 1))
      },
      .act([.pageUp, .pageDown], label: "PgUp PgDn", help: t.page) { m, key in
        select(&m, i + (key == .pageUp ? -10 : 10))
      },
      .act([.home, .char("g"), .end, .char("G")], label: "g G  Home End", help: t.firstLast) { m, key in
        select(&m, key == .home || key == .char("g") ? 0 : ranked.count - 1)
      },
      .act(
        [.enter, .right, .char("l")], label: "Enter", help: t.openTheme, short: ranking ? t.openShort : nil,
        priority: .high
      ) { m, _ in
        guard ranked.indices.contains(i) else { return }
        m[Self.self].themeID = ranked[i].themeID
        ThemeScreen.openTheme(&m, ranked[i].themeID)
      },
      .act(
        [.tab, .backTab], label: "Tab Shift-Tab", footerLabel: "Tab", help: t.rankBy, short: t.rankByShort,
        priority: .low
      ) {
        m, key in
        m[Self.self].gapKind = kinds[(k + (key == .tab ? 1 : kinds.count - 1)) % kinds.count]
        m[Self.self].mode = .ranking
      },
      .act(
        [.char("i")], label: "i", help: t.grid, short: ranking ? t.gridShort : t.rankingShort, priority: .high
      ) {
        m, _ in
        m[Self.self].mode = m[Self.self].mode == .ranking ? .grid : .ranking
      },
      .act([.char("a")], label: "a", help: t.audience, short: ranking ? nil : t.audienceShort) { m, _ in
        let all = Audience.allCases
        m[Self.self].gridAudience =
          all[((all.firstIndex(of: m[Self.self].gridAudience) ?? 0) + 1) % all.count]
        m[Self.self].mode = .grid
      },
      .act([.escape, .left, .char("h")], label: "Esc", help: t.back) { m, _ in Navigation.back(&m) },
    ]
  }
}
