import PeiliUI

/// The moving keys of a screen that is one list (Actions, History): a row, a page, the first
/// and last row; `select` moves the selection to an index (clamped by the caller's list).
enum ListKeys {
  static func bindings(
    _ m: Model, count: Int, at i: Int, page: Int, group: String,
    select: @escaping (inout Model, Int) -> Void
  ) -> [KeyBinding] {
    let t = m.shared.text.keys
    let l = KeyLabels(glyphs: m.shared.glyphs)
    return [
      .act(
        [.up, .char("k"), .down, .char("j")], label: l.upDownLong, footerLabel: l.upDown, help: t.move,
        short: t.moveShort, group: group, priority: .low
      ) { m, key in
        select(&m, i + (key == .up || key == .char("k") ? -1 : 1))
      },
      .act([.pageUp, .pageDown], label: "PgUp PgDn", help: t.page, group: group) { m, key in
        select(&m, i + (key == .pageUp ? -page : page))
      },
      .act([.home, .char("g"), .end, .char("G")], label: "g G  Home End", help: t.firstLast, group: group) {
        m, key in
        select(&m, key == .home || key == .char("g") ? 0 : count - 1)
      },
    ]
  }

  /// The next value of a filter that steps through `all` and back to nil (no filter).
  static func next<T: Equatable>(_ value: T?, in all: [T]) -> T? {
    guard let v = value, let at = all.firstIndex(of: v) else { return all.first }
    return at + 1 < all.count ? all[at + 1] : nil
  }
}

/// The line above a list: how many rows, then each filter in force as a reversed chip.
enum FilterLine {
  static func spans(count: String, chips: [(label: String, value: String?)]) -> [Span] {
    var line = [Span(" " + count + " ", Style(.header, bold: true))]
    for chip in chips {
      guard let value = chip.value else { continue }
      line += [Span(" "), Span(" \(chip.label) \(value) ", Style(.accent, bold: true, reverse: true))]
    }
    return line
  }
}
