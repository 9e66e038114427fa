import PeiliCore
import PeiliUI

extension ScreenID {
  public static let theme = ScreenID("theme")
}

/// One theme's drill-down: its scores, questions, segments and comments.
enum ThemeScreen: ScreenPart {
  typealias State = DrillState

  static let id = ScreenID.theme
  static let digit = 3
  static func title(_ t: Catalogue) -> String { t.title(id) }

  /// `3`: the last theme opened, else the one selected on the gaps screen, else the first.
  static func open(_ m: inout Model) {
    let last = m[Self.self].themeID
    guard
      let id = [
        last.isEmpty ? nil : last, m[GapsScreen.self].themeID, m.shared.analysis.themes.first?.theme.id,
      ]
      .compactMap({ $0 }).first,
      m.shared.analysis.mirror(theme: id) != nil
    else {
      m.shared.status = StatusMessage(m.shared.text.messages.noTheme)
      return
    }
    openTheme(&m, id)
  }

  /// Opens the drill-down of theme `id` (where it was left, if it is the last one opened).
  static func openTheme(_ m: inout Model, _ id: String) {
    if m[Self.self].themeID != id { m[Self.self] = DrillState(themeID: id) }
    Navigation.go(&m, to: Self.id)
  }

  static func view(_ m: Model, area: Rect, into buffer: inout Buffer) {
    DrillView.render(m, themeID: m[Self.self].themeID, area: area, into: &buffer)
  }

  static func queries(_ m: Model) -> [SurveyQuery] {
    let id = m[Self.self].themeID
    let filter = m.shared.segmentFilter
    var wanted: [SurveyQuery] = [.attributes]
    if let wave = m.shared.analysis.followUp?.id, let attribute = DrillRows.attribute(m) {
      for audience in attribute.audiences {
        wanted.append(
          .breakdown(themeID: id, audience: audience, waveID: wave, attribute: attribute.name, filter: filter)
        )
      }
    }
    let s = m[Self.self]
    wanted.append(.comments(themeID: id, audience: s.commentAudience, waveID: s.commentWave, filter: filter))
    return wanted
  }

  static func bindings(_ m: Model) -> [KeyBinding] {
    let t = m.shared.text.keys
    let l = KeyLabels(glyphs: m.shared.glyphs)
    let id = m[Self.self].themeID
    let page = DrillRows.page(m, themeID: id, width: m.shared.width)
    let height = DrillView.bodyHeight(m)
    let last = DrillView.lastScroll(page, height: height)
    let at = m[Self.self].scroll
    func scroll(_ m: inout Model, _ to: Int) { m[Self.self].scroll = max(0, min(last, to)) }
    return [
      .act(
        [.up, .char("k"), .down, .char("j")], label: l.upDownLong, footerLabel: l.upDown, help: t.scrollLine,
        short: t.scrollShort, priority: .low
      ) { m, key in
        scroll(&m, at + (key == .up || key == .char("k") ? -1 : 1))
      },
      .act([.pageUp, .pageDown, .char(" ")], label: "PgUp PgDn Space", help: t.scrollPage) { m, key in
        scroll(&m, at + (key == .pageUp ? -1 : 1) * max(1, height - 1))
      },
      .act([.home, .char("g"), .end, .char("G")], label: "g G  Home End", help: t.firstLast) { m, key in
        scroll(&m, key == .home || key == .char("g") ? 0 : last)
      },
      .act(
        [.tab, .backTab], label: "Tab Shift-Tab", footerLabel: "Tab", help: t.section, short: t.sectionShort,
        priority: .low
      ) { m, key in
        if key == .tab {
          if let next = page.sections.first(where: { $0.start > at }) { scroll(&m, next.start) }
        } else if let previous = page.sections.last(where: { $0.start < at }) {
          scroll(&m, previous.start)
        }
      },
      .act([.char("a")], label: "a", help: t.attribute, short: t.attributeShort, priority: .low) { m, _ in
        let names = (m.shared.segmentAttributes ?? []).map(\.name)
        guard !names.isEmpty else {
          m.shared.status = StatusMessage(m.shared.text.drill.noAttributesStatus)
          return
        }
        let current = DrillRows.attribute(m).flatMap { names.firstIndex(of: $0.name) } ?? 0
        m[Self.self].attribute = names[(current + 1) % names.count]
      },
      .act([.char("c")], label: "c w", help: t.commentsAudience, short: t.commentsShort, priority: .low) {
        m, _ in
        let all: [Audience?] = [nil] + Audience.allCases
        let i = all.firstIndex(of: m[Self.self].commentAudience) ?? 0
        m[Self.self].commentAudience = all[(i + 1) % all.count]
      },
      .act([.char("w")], label: "w", help: t.commentsWave) { m, _ in
        let all: [String?] = [nil] + m.shared.snapshot.waves.map(\.id)
        let i = all.firstIndex(of: m[Self.self].commentWave) ?? 0
        m[Self.self].commentWave = all[(i + 1) % all.count]
      },
      .act([.escape, .left, .char("h")], label: "Esc", help: t.back) { m, _ in Navigation.back(&m) },
    ]
  }
}
