import PeiliUI

/// The keys that work on every screen (after the screen's own): screens by digit, back,
/// the segment filter, help and quit.
enum GlobalKeys {
  static func bindings(_ m: Model) -> [KeyBinding] {
    let t = m.shared.text.keys
    let everywhere = t.everywhere
    var out: [KeyBinding] = [
      .act(
        [.char("f")], label: "f", help: t.segment, short: t.segmentShort, group: everywhere, priority: .low
      ) {
        m, _ in
        m.overlay = .segmentPicker(attribute: nil, cursor: 0)
      },
      .act(
        [.char("F")], label: "F", help: t.clearSegment,
        short: m.shared.segmentFilter.isEmpty ? nil : t.clearSegmentShort,
        group: everywhere, priority: .low
      ) { m, _ in SegmentChoice.clear(&m) },
      .act(
        [.escape, .backspace], label: "Esc Backspace", footerLabel: "Esc", help: t.back,
        short: m.back.isEmpty ? nil : t.backShort,
        group: everywhere
      ) { m, _ in Navigation.back(&m) },
    ]
    for part in ScreenRegistry.all {
      let digit = Character(String(part.digit))
      out.append(
        .act(
          [.char(digit)], label: String(digit), help: t.screen(part.title(m.shared.text)), group: everywhere
        ) {
          m, _ in part.open(&m)
        })
    }
    let cycles = m.shared.snapshot.cycles
    out.append(
      KeyBinding(
        [.char("C")], label: "C", help: t.cycle, short: nil, group: everywhere, priority: .low,
        when: cycles.count > 1
      ) { m, _ in
        let at = cycles.firstIndex { $0.id == m.shared.snapshot.cycle?.id } ?? -1
        let next = cycles[(at + 1) % cycles.count]
        m.shared.status = StatusMessage(m.shared.text.messages.showingCycle(next.id, next.name))
        return [.selectCycle(next.id)]
      })
    out += [
      .act(
        [.char("?"), .function(1)], label: "? F1", footerLabel: "?", help: t.help, short: t.helpShort,
        group: everywhere,
        priority: .essential
      ) { m, _ in m.overlay = .help(scroll: 0) },
      KeyBinding(
        [.char("q"), .ctrl("c")], label: "q", help: t.quit, short: t.quitShort, group: everywhere,
        priority: .essential
      ) { m, _ in
        m.isQuitting = true
        return [.quit]
      },
    ]
    return out
  }
}
