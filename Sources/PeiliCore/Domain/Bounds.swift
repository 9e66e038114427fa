/// The documented limits of what peili accepts, in one place for the importers and the command
/// line: numbers a person could mean, text a screen and a report can hold. Beyond them input is
/// refused with the limit named (docs/okr-format.md, README).
public enum Bounds {
  /// The largest magnitude of a target, current value, start or baseline (and of a check-in
  /// value): 10¹², past any count or amount an OKR tracks and well inside exact doubles.
  public static let maxMagnitude: Double = 1e12
  /// The most characters of a title (objective, key result, action).
  public static let maxTitleLength = 500
  /// The most characters of a note (a check-in's).
  public static let maxNoteLength = 2_000

  /// Whether `value` is finite and at most `maxMagnitude` in size.
  public static func isAllowed(_ value: Double) -> Bool { value.isFinite && abs(value) <= maxMagnitude }

  /// Whether `title` is at most `maxTitleLength` characters.
  public static func isAllowed(title: String) -> Bool { fits(title, maxTitleLength) }

  /// Whether `note` is at most `maxNoteLength` characters.
  public static func isAllowed(note: String) -> Bool { fits(note, maxNoteLength) }

  /// Whether `text` is at most `maxLength` characters.
  public static func isAllowed(_ text: String, maxLength: Int) -> Bool { fits(text, maxLength) }

  /// Counted without walking a huge text to its end: a 10 MB title is refused at once.
  static func fits(_ text: String, _ limit: Int) -> Bool {
    if text.utf8.count <= limit { return true }
    return text.index(text.startIndex, offsetBy: limit, limitedBy: text.endIndex).map { $0 == text.endIndex }
      ?? true
  }
}
