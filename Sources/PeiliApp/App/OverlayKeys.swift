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
    case .checkIn(let dialog):
      return formKey(
        &m, dialog, key, form: \.form, wrap: Overlay.checkIn, validate: { $0.validate($1, field: $2) }
      ) { m, dialog in
        guard let request = dialog.request(m.shared.text) else {
          m.overlay = .checkIn(dialog)
          m.shared.status = StatusMessage(m.shared.text.checkIn.nothingChanged)
          return []
        }
        return send(&m, request)
      }
    case .reviewForm(let dialog):
      return formKey(
        &m, dialog, key, form: \.form, wrap: Overlay.reviewForm, validate: { $0.validate($1, field: $2) }
      ) { m, dialog in
        guard let request = dialog.request(m.shared.text, today: m.shared.today) else {
          m.overlay = .reviewForm(dialog)
          return []
        }
        return [.review(request)]
      }
    case .conflict, .confirmRevert, .confirmCloseReview:
      return KeyBindings.dispatch(bindings(m, overlay), &m, key) ?? []
    }
  }

  /// A form box's keys, alike for every form: typing checks the field, Esc cancels, Enter
  /// checks every field and, when none is refused, closes the box and `save`s.
  private static func formKey<Dialog>(
    _ m: inout Model, _ dialog: Dialog, _ key: Key, form: WritableKeyPath<Dialog, Form>,
    wrap: (Dialog) -> Overlay, validate: (inout Dialog, Catalogue, String?) -> Void,
    save: (inout Model, Dialog) -> [Command]
  ) -> [Command] {
    var dialog = dialog
    switch dialog[keyPath: form].handle(key) {
    case .none:
      m.overlay = wrap(dialog)
    case .edited(let field):
      validate(&dialog, m.shared.text, field)
      m.overlay = wrap(dialog)
    case .cancel:
      m.overlay = nil
    case .save:
      validate(&dialog, m.shared.text, nil)
      guard dialog[keyPath: form].isValid else {
        m.overlay = wrap(dialog)
        return []
      }
      m.overlay = nil
      return save(&m, dialog)
    }
    return []
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
