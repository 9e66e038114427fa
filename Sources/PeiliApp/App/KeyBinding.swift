import PeiliUI

/// One key (or a few that do the same) of a screen or box: what dispatch calls, what the
/// footer shows and what the help explains come from this one declaration, so they cannot drift.
struct KeyBinding {
  /// How much the footer needs it: when room is short the lowest goes first.
  enum Priority: Int, Comparable, Sendable {
    case low, normal, high, essential
    static func < (a: Priority, b: Priority) -> Bool { a.rawValue < b.rawValue }
  }

  var keys: [Key]
  /// The keys as the help prints them ("+ -", "↑ ↓  k j").
  var label: String
  /// The keys as the footer prints them, where shorter than `label` ("?" for "? F1").
  var footerLabel: String
  /// What it does, for the help.
  var help: String
  /// What it does in a word or two, for the footer (nil: in the help only).
  var short: String?
  /// The help section it belongs to within its screen (nil: the screen's first).
  var group: String?
  var priority: Priority
  /// False when it does not apply now: it is neither dispatched nor in the footer.
  var isEnabled: Bool
  var run: (inout Model, Key) -> [Command]

  init(
    _ keys: [Key], label: String, footerLabel: String? = nil, help: String, short: String? = nil,
    group: String? = nil, priority: Priority = .normal, when isEnabled: Bool = true,
    run: @escaping (inout Model, Key) -> [Command]
  ) {
    self.keys = keys
    self.label = label
    self.footerLabel = footerLabel ?? label
    self.help = help
    self.short = short
    self.group = group
    self.priority = priority
    self.isEnabled = isEnabled
    self.run = run
  }

  /// A binding whose action issues no command.
  static func act(
    _ keys: [Key], label: String, footerLabel: String? = nil, help: String, short: String? = nil,
    group: String? = nil, priority: Priority = .normal, when isEnabled: Bool = true,
    _ act: @escaping (inout Model, Key) -> Void
  ) -> KeyBinding {
    KeyBinding(
      keys, label: label, footerLabel: footerLabel, help: help, short: short, group: group,
      priority: priority,
      when: isEnabled
    ) { m, k in
      act(&m, k)
      return []
    }
  }
}

/// Running and showing a list of bindings.
enum KeyBindings {
  /// The first enabled binding of `key` runs; nil when none has it.
  static func dispatch(_ bindings: [KeyBinding], _ m: inout Model, _ key: Key) -> [Command]? {
    guard let b = bindings.first(where: { $0.isEnabled && $0.keys.contains(key) }) else { return nil }
    return b.run(&m, key)
  }

  /// The footer's entries of `bindings`: enabled, with a short text, one per label.
  static func footer(_ bindings: [KeyBinding]) -> [KeyBinding] {
    var seen = Set<String>()
    return bindings.filter { $0.isEnabled && $0.short != nil && seen.insert($0.footerLabel).inserted }
  }

  /// The entries that fit `width` (each costs `cost`): the lowest priority goes first, the
  /// rightmost of equals first; `.essential` ones always stay.
  static func fitting(_ entries: [KeyBinding], width: Int, cost: ([KeyBinding]) -> Int) -> [KeyBinding] {
    var kept = entries
    while cost(kept) > width {
      let droppable = kept.indices.filter { kept[$0].priority < .essential }
      guard let lowest = droppable.map({ kept[$0].priority }).min(),
        let i = droppable.last(where: { kept[$0].priority == lowest })
      else { break }
      kept.remove(at: i)
    }
    return kept
  }
}

/// How keys are printed, in the glyph set in use.
struct KeyLabels {
  let glyphs: Glyphs
  var upDown: String { glyphs.isUnicode ? "↑↓" : "j k" }
  var upDownLong: String { glyphs.isUnicode ? "↑ ↓  k j" : "Up Down  k j" }
  var right: String { glyphs.isUnicode ? "→ l" : "Right l" }
  var left: String { glyphs.isUnicode ? "← h" : "Left h" }
}
