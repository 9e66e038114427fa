import PeiliCore
import PeiliUI

/// The keys that change an action or key result — `+ - > < s` on an action, `c` check-in on
/// either, `u` undo — shared by every screen that selects one (the tree, the Actions screen).
enum EditKeys {
  static func bindings(_ m: Model, action: Action?, keyResult: KeyResult?, group: String) -> [KeyBinding] {
    let t = m.shared.text.keys
    let canWrite = !m.shared.isReadOnly
    let onAction = action != nil
    // A read-only workspace still sends the edit: the store checks the permission again (it
    // may have been granted since), and its refusal names the file that blocks it.
    func progress(_ delta: Int) -> (inout Model, Key) -> [Command] {
      { m, _ in
        guard let action else { return [] }
        return edit(&m, action, .progress(min(100, max(0, action.progress + delta))))
      }
    }
    let needAction: (inout Model, Key) -> [Command] = { m, _ in
      m.shared.status = StatusMessage(m.shared.text.messages.selectAction)
      return []
    }
    return [
      KeyBinding(
        [.char("+")], label: "+ -", help: t.progress10, short: canWrite ? t.progress10Short : nil,
        group: group,
        when: onAction, run: progress(10)),
      KeyBinding(
        [.char("-")], label: "+ -", help: t.progress10, group: group, when: onAction, run: progress(-10)),
      KeyBinding(
        [.char(">")], label: "> <", help: t.progress1, short: canWrite ? t.progress1Short : nil, group: group,
        priority: .low, when: onAction, run: progress(1)),
      KeyBinding(
        [.char("<")], label: "> <", help: t.progress1, group: group, when: onAction, run: progress(-1)),
      KeyBinding(
        [.char("s")], label: "s", help: t.nextStatus, short: canWrite ? t.statusShort : nil, group: group,
        when: onAction
      ) { m, _ in
        guard let action else { return [] }
        return edit(&m, action, .status(action.status.next))
      },
      KeyBinding(
        [.char("c")], label: "c", help: t.checkIn, short: canWrite ? t.checkInShort : nil, group: group,
        priority: .high,
        when: onAction || keyResult != nil
      ) { m, _ in
        if let action {
          m.overlay = .checkIn(CheckInDialog(action: action, text: m.shared.text))
        } else if let keyResult {
          m.overlay = .checkIn(CheckInDialog(keyResult: keyResult, text: m.shared.text))
        }
        return []
      },
      // Without a selected action the keys say what they need instead of doing nothing.
      KeyBinding(
        [.char("+"), .char("-"), .char(">"), .char("<"), .char("s")], label: "+ -", help: t.progress10,
        group: group, when: !onAction, run: needAction),
      KeyBinding(
        [.char("c")], label: "c", help: t.checkIn, group: group, when: !onAction && keyResult == nil
      ) { m, _ in
        m.shared.status = StatusMessage(m.shared.text.messages.selectItem)
        return []
      },
      KeyBinding(
        [.char("u")], label: "u", help: t.undo, short: canWrite && onAction ? t.undoShort : nil, group: group
      ) { _, _ in [.undo] },
    ]
  }

  /// Sends `change` of `action`, shown as pending until the store answers.
  static func edit(_ m: inout Model, _ action: Action, _ change: ActionChange) -> [Command] {
    if change == .progress(action.progress) {
      m.shared.status = StatusMessage(m.shared.text.messages.alreadyAt(action.id, action.progress))
      return []
    }
    let request = EditRequest(actionID: action.id, change: change, basedOn: action.version, before: action)
    return send(&m, request)
  }

  /// Marks `request` in flight and asks the store to write it.
  static func send(_ m: inout Model, _ request: EditRequest) -> [Command] {
    m.shared.inFlight.append(request.actionID)
    let what = ChangeText(glyphs: m.shared.glyphs, text: m.shared.text).requested(request)
    m.shared.status = StatusMessage(m.shared.text.messages.saving(what))
    return [.save(request)]
  }
}
