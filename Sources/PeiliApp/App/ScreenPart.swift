import PeiliCore
import PeiliUI

/// A screen's name in the model, the registry and a published view state ("dashboard").
public struct ScreenID: RawRepresentable, Hashable, Codable, Sendable, CustomStringConvertible {
  public let rawValue: String
  public init(rawValue: String) { self.rawValue = rawValue }
  public init(_ rawValue: String) { self.rawValue = rawValue }
  public var description: String { rawValue }
}

/// What one screen remembers between visits: a value the review presenter can publish.
public protocol ScreenState: Codable, Sendable, Equatable {
  init()
}

/// One screen of the app: its state, keys, view and the survey data it needs. Adding a screen
/// is a folder with a type conforming to this, a line in `ScreenRegistry.all` and its tests.
protocol ScreenPart: Sendable {
  associatedtype State: ScreenState
  static var id: ScreenID { get }
  /// The digit that opens the screen from anywhere.
  static var digit: Int { get }
  static func title(_ t: Catalogue) -> String
  /// Every key of the screen, for dispatch, the footer and the help at once (those that do
  /// not apply now have `isEnabled` false: the help still lists them).
  static func bindings(_ m: Model) -> [KeyBinding]
  static func view(_ m: Model, area: Rect, into buffer: inout Buffer)
  /// The survey queries the screen needs for what it shows now.
  static func queries(_ m: Model) -> [SurveyQuery]
  /// Other reads the screen needs for what it shows now, marked as asked (asked once).
  static func needs(_ m: inout Model) -> [Command]
  /// Its digit was pressed: show the screen (or say why it cannot be shown).
  static func open(_ m: inout Model)
  /// A new snapshot arrived: keep the selection valid.
  static func reloaded(_ m: inout Model)
  /// Off the key path, on the worker that read a snapshot: what the screen would otherwise
  /// derive on its first frame after the load (nil: nothing). Handed to `adopt`.
  static func prepare(_ snapshot: Snapshot, analysis: MirrorAnalysis, today: Day) -> (any Sendable)?
  /// Takes what `prepare` made for the snapshot just loaded (before `reloaded`).
  static func adopt(_ prepared: any Sendable, _ m: inout Model)
  /// After every message on this screen: derive what its view and keys read (rows sorted
  /// and filtered once, not on every key and frame); cheap when nothing changed.
  static func settle(_ m: inout Model)
  /// A prompt being typed on the status line (it goes before any message).
  static func prompt(_ m: Model) -> [Span]?
  /// What the status line shows on this screen when there is no message (nil: nothing).
  static func idleStatus(_ m: Model) -> [Span]?
  /// A follower just took the presenter's published states: derive what the screen shows at
  /// this terminal's size (rows, scrolls). Defaults to `reloaded`.
  static func followed(_ m: inout Model)
  /// Keys an input of the screen takes before the bindings (a prompt being typed); true
  /// when taken.
  static func typing(_ m: inout Model, _ key: Key) -> Bool
}

extension ScreenPart {
  static func queries(_ m: Model) -> [SurveyQuery] { [] }
  static func needs(_ m: inout Model) -> [Command] { [] }
  static func open(_ m: inout Model) { Navigation.go(&m, to: id) }
  static func reloaded(_ m: inout Model) {}
  static func prepare(_ snapshot: Snapshot, analysis: MirrorAnalysis, today: Day) -> (any Sendable)? { nil }
  static func adopt(_ prepared: any Sendable, _ m: inout Model) {}
  static func settle(_ m: inout Model) {}
  static func prompt(_ m: Model) -> [Span]? { nil }
  static func idleStatus(_ m: Model) -> [Span]? { nil }
  static func typing(_ m: inout Model, _ key: Key) -> Bool { false }
  static func followed(_ m: inout Model) { reloaded(&m) }
}

/// The screens of the app, in digit order: the header, the help and dispatch read this list.
enum ScreenRegistry {
  static let all: [any ScreenPart.Type] = [
    DashboardScreen.self,
    GapsScreen.self,
    ThemeScreen.self,
    ActionsScreen.self,
    ImpactScreen.self,
    ReviewScreen.self,
    HistoryScreen.self,
  ]

  private static let byID: [ScreenID: any ScreenPart.Type] = Dictionary(
    uniqueKeysWithValues: all.map { ($0.id, $0) })

  /// The screen part of `id` (the dashboard for an id no screen has, e.g. from a newer peili).
  static func part(_ id: ScreenID) -> any ScreenPart.Type { byID[id] ?? DashboardScreen.self }

  static func part(digit: Int) -> (any ScreenPart.Type)? { all.first { $0.digit == digit } }
}

/// Each screen's state, kept by screen id so that a screen's state is declared in its own
/// folder; encodes as one JSON object keyed by screen id.
public struct ScreenStates: Sendable, Equatable, Codable {
  private var states: [ScreenID: any ScreenState] = [:]

  public init() {}

  subscript<S: ScreenPart>(_ part: S.Type) -> S.State {
    get { states[S.id] as? S.State ?? S.State() }
    // Taken out while it is changed, so large arrays in a state are changed in place.
    _modify {
      var state = states.removeValue(forKey: S.id) as? S.State ?? S.State()
      defer { states[S.id] = state }
      yield &state
    }
  }

  /// Takes the states of `ids` from `other` (keeping every other screen's own).
  mutating func take(_ ids: Set<ScreenID>, from other: ScreenStates) {
    for id in ids { states[id] = other.states[id] }
  }

  /// The screens whose state differs between `self` and `other`.
  func changed(from other: ScreenStates) -> [ScreenID] {
    Set(states.keys).union(other.states.keys).filter { id in
      guard let mine = states[id], let theirs = other.states[id] else { return true }
      return !mine.isEqual(to: theirs)
    }.sorted { $0.rawValue < $1.rawValue }
  }

  public static func == (a: ScreenStates, b: ScreenStates) -> Bool {
    guard a.states.keys == b.states.keys else { return false }
    return a.states.allSatisfy { key, value in b.states[key].map { value.isEqual(to: $0) } ?? false }
  }

  private struct Key: CodingKey {
    var stringValue: String
    var intValue: Int? { nil }
    init(stringValue: String) { self.stringValue = stringValue }
    init?(intValue: Int) { nil }
  }

  public func encode(to encoder: any Encoder) throws {
    var container = encoder.container(keyedBy: Key.self)
    for (id, state) in states.sorted(by: { $0.key.rawValue < $1.key.rawValue }) {
      try container.encode(state, forKey: Key(stringValue: id.rawValue))
    }
  }

  public init(from decoder: any Decoder) throws {
    let container = try decoder.container(keyedBy: Key.self)
    for part in ScreenRegistry.all {
      if let state = try part.decodeState(container, key: Key(stringValue: part.id.rawValue)) {
        states[part.id] = state
      }
    }
  }
}

extension ScreenPart {
  fileprivate static func decodeState<K: CodingKey>(_ c: KeyedDecodingContainer<K>, key: K) throws
    -> (any ScreenState)?
  {
    try c.decodeIfPresent(State.self, forKey: key)
  }
}

extension ScreenState {
  fileprivate func isEqual(to other: any ScreenState) -> Bool { (other as? Self) == self }
}
