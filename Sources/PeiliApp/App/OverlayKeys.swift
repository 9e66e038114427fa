import PeiliCore
import PeiliUI

/// The keys of the open box, declared once for dispatch and the footer like a screen's.
enum OverlayKeys {
  static func handle(_ m: inout Model, _ overlay: Overlay, _ key: Key) -> [Command] {
    switch overlay {
    case .help(let scroll):
      m.overlay = HelpPaging.overlay(after: key, scroll: scroll, in: m)
      return []
    case .segmentPicker(let attribute, let cursor):
      return SegmentChoice.key(&m, attribute: attribute, cursor: cursor, key)
    case .checkIn(var dialog):
      switch dialog.form.handle(key) {
      case .none:
        m.overlay = .checkIn(dialog)
      case .edited(let field):
        dialog.validate(m.shared.text, field: field)
        m.overlay = .checkIn(dialog)
      case .cancel:
        m.overlay = nil
      case .save:
        dialog.validate(m.shared.text)
        guard dialog.form.isValid else {
          m.overlay = .checkIn(dialog)
          return []
        }
        guard let request = dialog.request(m.shared.text) else {
          m.overlay = .checkIn(dialog)
          m.shared.status = StatusMessage(m.shared.text.checkIn.nothingChanged)
          return []
        }
        m.overlay = nil
        return send(&m, request)
      }
      return []
    case .reviewForm(var dialog):
      switch dialog.form.handle(key) {
      case .none:
        m.overlay = .reviewForm(dialog)
      case .edited(let field):
        dialog.validate(m.shared.text, field: field)
        m.overlay = .reviewForm(dialog)
      case .cancel:
        m.overlay = nil
      case .save:
        dialog.validate(m.shared.text)
        guard let request = dialog.request(m.shared.text, today: m.shared.today) else {
          m.overlay = .reviewForm(dialog)
          return []
        }
        m.overlay = nil
        return [.review(request)]
      }
      return []
    case .conflict, .confirmRevert, .confirmCloseReview:
      return KeyBindings.dispatch(bindings(m, overlay), &m, key) ?? []
    }
  }

  /// Sends a check-in, shown as pending until the store answers.
  static func send(_ m: inout Model, _ request: CheckInRequest) -> [Command] {
    m.shared.inFlight.append(request.before.id)
    m.shared.status = StatusMessage(m.shared.text.messages.saving(request.before.id))
    return [.checkIn(request)]
  }

  /// The keys of `overlay` (for the footer; the conflict and confirmation dispatch by them).
  static func bindings(_ m: Model, _ overlay: Overlay) -> [KeyBinding] {
    let t = m.shared.text.keys
    let l = KeyLabels(glyphs: m.shared.glyphs)
    switch overlay {
    case .help:
      return [
        .act([], label: l.upDown, help: t.scrollLine, short: t.scrollShort) { _, _ in },
        .act([], label: "Esc", help: t.close, short: t.closeShort, priority: .essential) { _, _ in },
      ]
    case .segmentPicker(let attribute, _):
      return [
        .act([], label: l.upDown, help: t.move, short: attribute == nil ? t.attributeShort : t.choose) {
          _, _ in
        },
        .act([], label: "Enter", help: t.choose, short: attribute == nil ? t.choose : t.apply) { _, _ in },
        .act([], label: "F", help: t.clearSegment, short: t.clearAll) { _, _ in },
        .act([], label: "Esc", help: t.close, short: attribute == nil ? t.closeShort : t.backShort) { _, _ in
        },
      ]
    case .checkIn, .reviewForm:
      return [
        .act([], label: "Tab", help: t.nextField, short: t.nextFieldShort) { _, _ in },
        .act([], label: "Enter", help: t.saveShort, short: t.saveShort, priority: .essential) { _, _ in },
        .act([], label: "Esc", help: t.cancelShort, short: t.cancelShort, priority: .essential) { _, _ in },
        .act([], label: "Ctrl-J", help: t.newLine, short: t.newLine, priority: .low) { _, _ in },
      ]
    case .conflict(let c):
      return [
        KeyBinding([.char("m"), .char("M")], label: "m", help: t.mine, short: t.mine, priority: .essential) {
          m, _ in
          m.overlay = nil
          if let edit = c.edit, case .action(let stored) = c.theirs {
            return EditKeys.send(
              &m,
              EditRequest(
                actionID: edit.actionID, change: edit.change, basedOn: stored.version, before: stored))
          }
          var again = c.mine
          again.before = c.theirs
          return send(&m, again)
        },
        .act([.char("e"), .char("E")], label: "e", help: t.editAgain, short: t.editAgain) { m, _ in
          m.overlay = .checkIn(CheckInDialog(resuming: c, text: m.shared.text))
        },
        .act(
          [.char("t"), .char("T"), .escape], label: "t Esc", help: t.theirs, short: t.theirs,
          priority: .essential
        ) {
          m, _ in
          m.overlay = nil
          m.shared.status = StatusMessage(m.shared.text.messages.conflictKept(c.theirs.id))
        },
      ]
    case .confirmCloseReview:
      return [
        KeyBinding(
          [.char("y"), .char("Y"), .enter], label: "y Enter", help: t.confirm, short: t.confirm,
          priority: .essential
        ) { m, _ in
          m.overlay = nil
          return [.review(.close)]
        },
        .act(
          [.char("n"), .char("N"), .escape], label: "n Esc", help: t.cancel, short: t.cancel,
          priority: .essential
        ) { m, _ in m.overlay = nil },
      ]
    case .confirmRevert(let preview):
      return [
        KeyBinding(
          [.char("y"), .char("Y"), .enter], label: "y Enter", help: t.confirm, short: t.confirm,
          priority: .essential
        ) { m, _ in
          m.overlay = nil
          return [.revert(changeID: preview.changeID)]
        },
        .act(
          [.char("n"), .char("N"), .escape], label: "n Esc", help: t.cancel, short: t.cancel,
          priority: .essential
        ) {
          m, _ in m.overlay = nil
        },
      ]
    }
  }
}
