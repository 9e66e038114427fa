import PeiliCore
import PeiliUI

/// The check-in dialog (`c`) on an action or a key result: a form of the fields that item
/// takes, prefilled with its values, each checked as it is typed.
public struct CheckInDialog: Hashable, Sendable {
  public var item: CheckInRequest.Item
  public var form: Form

  init(action: Action, text: Catalogue) {
    let t = text.checkIn
    item = .action(action)
    form = Form(fields: [
      .init(name: "progress", label: t.progress, input: TextInput("\(action.progress)", limit: 3)),
      .init(
        name: "confidence", label: t.confidence,
        input: TextInput(action.confidence.map { "\($0)" } ?? "", limit: 2)),
      .init(
        name: "status", label: t.status, input: TextInput(text.name(action.status)),
        choices: ActionStatus.allCases.map { text.name($0) }),
      .init(
        name: "communicated", label: t.communicatedOn,
        input: TextInput(action.communicated.map { Numerals(text.language).date($0.on) } ?? "", limit: 10)),
      .init(
        name: "channel", label: t.channel,
        input: TextInput(action.communicated?.channel ?? "", limit: Communication.maxChannelLength)),
      .init(name: "note", label: t.note, input: TextInput("", multiline: true, limit: Bounds.maxNoteLength)),
    ])
  }

  init(keyResult k: KeyResult, text: Catalogue) {
    let t = text.checkIn
    item = .keyResult(k)
    var fields: [Form.Field] = []
    switch k.measure {
    case .metric(_, _, let current, _):
      fields.append(
        .init(name: "value", label: t.value, input: TextInput(Self.number(current, text.language), limit: 24))
      )
    case .milestone(let done):
      let choices = [text.messages.done, text.messages.notDone]
      fields.append(
        .init(name: "done", label: t.done, input: TextInput(done ? choices[0] : choices[1]), choices: choices)
      )
    case .perception:
      break
    }
    fields.append(
      .init(
        name: "confidence", label: t.confidence,
        input: TextInput(k.confidence.map { "\($0)" } ?? "", limit: 2)))
    fields.append(
      .init(name: "note", label: t.note, input: TextInput("", multiline: true, limit: Bounds.maxNoteLength)))
    form = Form(fields: fields)
  }

  /// A number as the field shows it in the language: no ".0" on whole numbers, "7,5" in Finnish.
  static func number(_ x: Double, _ language: Language) -> String {
    Numerals(language).localized(x == x.rounded() && abs(x) < 1e15 ? String(Int(x)) : String(x))
  }

  /// Checks the field just edited (all of them when nil) and says why a value is refused.
  mutating func validate(_ text: Catalogue, field: String? = nil) {
    // The date and the channel go together: a change of one may settle or raise the other's.
    let together = ["communicated", "channel"]
    for f in form.fields
    where field == nil || f.name == field || (together.contains(f.name) && together.contains(field ?? "")) {
      form.setProblem(f.name, problem(f.name, f.value, text))
    }
  }

  private func problem(_ name: String, _ value: String, _ text: Catalogue) -> String? {
    let t = text.checkIn
    let v = value.trimmingCharacters(in: .whitespaces)
    switch name {
    case "progress":
      guard let n = Int(v), (0...100).contains(n) else { return t.notWhole(0, 100) }
    case "confidence":
      if v.isEmpty { return nil }
      guard let n = Int(v), (1...10).contains(n) else { return t.notWhole(1, 10) }
    case "value":
      guard Self.parse(v) != nil else { return t.notNumber }
    case "communicated":
      let channel = (form.value("channel") ?? "").trimmingCharacters(in: .whitespaces)
      if v.isEmpty { return channel.isEmpty ? nil : t.dateNeeded }
      guard Numerals.day(v) != nil else { return t.notDate }
    case "channel":
      let day = (form.value("communicated") ?? "").trimmingCharacters(in: .whitespaces)
      switch Communication.problem(channel: v) {
      case .empty: return day.isEmpty ? nil : t.channelNeeded
      case .tooLong: return t.channelTooLong(Communication.maxChannelLength)
      case .unsafe: return t.channelUnsafe
      case nil: return nil
      }
    default:
      break
    }
    return nil
  }

  /// The communication the date and channel fields hold (nil when either is empty or bad).
  func communication() -> Communication? {
    let day = (form.value("communicated") ?? "").trimmingCharacters(in: .whitespaces)
    let channel = (form.value("channel") ?? "").trimmingCharacters(in: .whitespaces)
    guard let on = Numerals.day(day), Communication.problem(channel: channel) == nil else { return nil }
    return Communication(on: on, channel: channel)
  }

  /// A decimal number with a point or a comma ("7.5", "7,5"), negative with a hyphen or the
  /// minus sign ("−2,5", as Finnish numbers are shown).
  static func parse(_ text: String) -> Double? {
    let t = text.trimmingCharacters(in: .whitespaces).replacingOccurrences(of: ",", with: ".")
      .replacingOccurrences(of: "\u{2212}", with: "-")
    guard let x = Double(t), x.isFinite else { return nil }
    return x
  }

  /// The request the form stands for; nil when nothing would change and there is no note.
  func request(_ text: Catalogue) -> CheckInRequest? {
    let note = (form.value("note") ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
    let confidence = form.value("confidence").flatMap { Int($0.trimmingCharacters(in: .whitespaces)) }
    var r = CheckInRequest(before: item, note: note)
    switch item {
    case .action(let a):
      let progress = form.value("progress").flatMap { Int($0.trimmingCharacters(in: .whitespaces)) }
      if progress != a.progress { r.progress = progress }
      let status = ActionStatus.allCases.first { text.name($0) == form.value("status") }
      if status != a.status { r.status = status }
      if confidence != a.confidence { r.confidence = confidence }
      let told = communication()
      if told != a.communicated { r.communicated = .some(told) }
    case .keyResult(let k):
      switch k.measure {
      case .metric(_, _, let current, _):
        let value = form.value("value").flatMap(Self.parse)
        if value != current { r.value = value }
      case .milestone(let done):
        let now = form.value("done") == text.messages.done
        if now != done { r.value = now ? 1 : 0 }
      case .perception:
        break
      }
      if confidence != k.confidence { r.confidence = confidence }
    }
    let changes =
      r.progress != nil || r.status != nil || r.value != nil || r.confidence != nil || r.communicated != nil
    return changes || !note.isEmpty ? r : nil
  }
}

extension CheckInDialog {
  /// The dialog again after a conflict: on the stored item, with the user's values typed in.
  init(resuming c: Conflict, text: Catalogue) {
    switch c.theirs {
    case .action(let a): self.init(action: a, text: text)
    case .keyResult(let k): self.init(keyResult: k, text: text)
    }
    if let p = c.mine.progress { set("progress", "\(p)") }
    if let s = c.mine.status { set("status", text.name(s)) }
    if let v = c.mine.confidence { set("confidence", "\(v)") }
    if let told = c.mine.communicated {
      set("communicated", told.map { Numerals(text.language).date($0.on) } ?? "")
      set("channel", told?.channel ?? "")
    }
    if let v = c.mine.value {
      if case .keyResult(let k) = c.theirs, case .milestone = k.measure {
        set("done", v != 0 ? text.messages.done : text.messages.notDone)
      } else {
        set("value", Self.number(v, text.language))
      }
    }
    set("note", c.mine.note)
    form.focus(0)
  }

  private mutating func set(_ name: String, _ value: String) {
    if let i = form.fields.firstIndex(where: { $0.name == name }) { form.fields[i].input.set(value) }
  }
}
