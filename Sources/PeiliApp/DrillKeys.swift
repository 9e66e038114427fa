import PeiliCore
import PeiliUI

/// Keys of a theme's drill-down: scroll, jump between sections, choose the breakdown's
/// attribute and the comments' audience and wave, go back.
enum DrillKeys {
  static func handle(_ m: inout Model, _ key: Key) {
    guard case .theme(let id) = m.screen else { return }
    var drill = m.drill?.themeID == id ? m.drill! : DrillState(themeID: id)
    let page = DrillRows.page(m, themeID: id, width: m.width)
    let height = DrillView.bodyHeight(m)
    let last = DrillView.lastScroll(page, height: height)
    func scroll(_ to: Int) { drill.scroll = max(0, min(last, to)) }
    switch key {
    case .up, .char("k"): scroll(drill.scroll - 1)
    case .down, .char("j"): scroll(drill.scroll + 1)
    case .pageUp: scroll(drill.scroll - max(1, height - 1))
    case .pageDown, .char(" "): scroll(drill.scroll + max(1, height - 1))
    case .home, .char("g"): scroll(0)
    case .end, .char("G"): scroll(last)
    case .tab:
      if let next = page.sections.first(where: { $0.start > drill.scroll }) { scroll(next.start) }
    case .backTab:
      if let previous = page.sections.last(where: { $0.start < drill.scroll }) { scroll(previous.start) }
    case .char("a"):
      let names = (m.segmentAttributes ?? []).map(\.name)
      guard !names.isEmpty else {
        m.status = StatusMessage("the survey has no segment attributes")
        return
      }
      let current = DrillRows.attribute(m).flatMap { names.firstIndex(of: $0.name) } ?? 0
      drill.attribute = names[(current + 1) % names.count]
    case .char("c"):
      let all: [Audience?] = [nil] + Audience.allCases
      let i = all.firstIndex(of: drill.commentAudience) ?? 0
      drill.commentAudience = all[(i + 1) % all.count]
    case .char("w"):
      let all: [String?] = [nil] + m.snapshot.waves.map(\.id)
      let i = all.firstIndex(of: drill.commentWave) ?? 0
      drill.commentWave = all[(i + 1) % all.count]
    case .escape, .left, .char("h"):
      m.drill = drill
      Navigation.back(&m)
      return
    default:
      break
    }
    m.drill = drill
  }
}
