import PeiliText

/// A dialog's fields and which one has the keyboard: Tab / Shift-Tab (and ↑ ↓) move between
/// fields, Enter asks to save from any field, Esc to cancel; other keys edit the focused
/// field. Validation belongs to the caller, which sets each field's `problem` after an edit;
/// the form only refuses to save while one is set.
public struct Form: Hashable, Sendable, Codable {
  /// One labelled field: free text, or one of `choices` (Space and ← → step through them).
  public struct Field: Hashable, Sendable, Codable {
    /// The caller's name for it (never shown).
    public var name: String
    public var label: String
    public var input: TextInput
    public var choices: [String]?
    /// Why the value cannot be saved, shown under the field (nil: fine).
    public var problem: String?

    public init(name: String, label: String, input: TextInput, choices: [String]? = nil) {
      self.name = name
      self.label = label
      self.input = input
      self.choices = choices
    }

    public var value: String { input.text }
  }

  /// What a key did to the form.
  public enum Event: Hashable, Sendable {
    case none, edited(field: String), save, cancel
  }

  public var fields: [Field]
  public var focus: Int = 0

  /// The first field has the keyboard, its value selected (typing replaces it).
  public init(fields: [Field]) {
    self.fields = fields
    if !fields.isEmpty { self.fields[0].input.selectAll() }
  }

  /// Gives the keyboard to field `i`, its value selected.
  public mutating func focus(_ i: Int) {
    guard fields.indices.contains(i) else { return }
    focus = i
    fields[i].input.selectAll()
  }

  public var isValid: Bool { fields.allSatisfy { $0.problem == nil } }

  public func value(_ name: String) -> String? { fields.first { $0.name == name }?.value }

  public mutating func setProblem(_ name: String, _ problem: String?) {
    if let i = fields.firstIndex(where: { $0.name == name }) { fields[i].problem = problem }
  }

  public mutating func handle(_ key: Key) -> Event {
    guard fields.indices.contains(focus) else { return key == .escape ? .cancel : .none }
    switch key {
    case .escape: return .cancel
    case .enter:
      // A save with a problem goes to the first field that has one.
      if let bad = fields.firstIndex(where: { $0.problem != nil }) {
        focus(bad)
        return .none
      }
      return .save
    case .tab, .down:
      focus((focus + 1) % fields.count)
      return .none
    case .backTab, .up:
      focus((focus + fields.count - 1) % fields.count)
      return .none
    default:
      break
    }
    if let choices = fields[focus].choices, !choices.isEmpty {
      let at = choices.firstIndex(of: fields[focus].value) ?? 0
      switch key {
      case .char(" "), .right, .char("l"):
        fields[focus].input.set(choices[(at + 1) % choices.count])
      case .left, .char("h"):
        fields[focus].input.set(choices[(at + choices.count - 1) % choices.count])
      case .char(let c):
        // Type-ahead: the next choice starting with the letter.
        let order = choices.indices.map { (at + 1 + $0) % choices.count }
        guard let hit = order.first(where: { choices[$0].lowercased().hasPrefix(String(c).lowercased()) })
        else { return .none }
        fields[focus].input.set(choices[hit])
      default:
        return .none
      }
      return .edited(field: fields[focus].name)
    }
    return fields[focus].input.handle(key) ? .edited(field: fields[focus].name) : .none
  }

  /// The form as dialog lines: each field's label and value, its problem below it.
  public func lines(width: Int, glyphs: Glyphs) -> [[Span]] {
    let labelWidth = min(width / 2, (fields.map { DisplayWidth.of($0.label) }.max() ?? 0) + 2)
    let valueWidth = max(4, width - labelWidth)
    var out: [[Span]] = []
    for (i, field) in fields.enumerated() {
      let focused = i == focus
      let label = Span(
        TextFit.left(field.label, labelWidth), focused ? Style(.accent, bold: true) : Style(.muted))
      var value: [Span]
      if field.choices != nil {
        let shown = "\(glyphs.isUnicode ? "‹" : "<") \(field.value) \(glyphs.isUnicode ? "›" : ">")"
        value = [Span(shown, focused ? Style(.accent, bold: true, reverse: true) : Style(.text))]
      } else {
        value = field.input.spans(
          width: valueWidth, focused: focused, style: Style(.text), breakGlyph: glyphs.isUnicode ? "↵" : "/",
          cursorGlyph: glyphs.textCursor)
      }
      out.append([label] + value)
      if let problem = field.problem {
        out.append([Span(TextFit.left("", labelWidth)), Span(problem, Style(.bad, bold: true))])
      }
    }
    return out
  }
}
