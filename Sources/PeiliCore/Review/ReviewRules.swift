import PeiliText

/// What every store checks of a review's texts and agenda places before it writes, in one
/// place so that each store refuses alike.
public enum ReviewRules {
  /// A review's title as stored (sanitised, trimmed), or the refusal.
  public static func title(_ title: String) throws -> String {
    let title = title.sanitizedForTerminal.trimmingCharacters(in: .whitespacesAndNewlines)
    guard !title.isEmpty else { throw StoreError.invalid("a review needs a title; expected --title TEXT") }
    guard title.count <= Bounds.maxTitleLength else {
      throw StoreError.invalid(
        "the title is \(title.count) characters; expected at most \(Bounds.maxTitleLength)")
    }
    return title
  }

  /// A decision's or note's text as stored, or the refusal.
  public static func entryText(_ text: String, kind: ReviewEntry.Kind) throws -> String {
    let text = text.sanitizedForTerminal.trimmingCharacters(in: .whitespacesAndNewlines)
    guard !text.isEmpty else { throw StoreError.invalid("a \(kind.rawValue) needs its text") }
    guard text.count <= Bounds.maxNoteLength else {
      throw StoreError.invalid(
        "the text is \(text.count) characters; expected at most \(Bounds.maxNoteLength)")
    }
    return text
  }

  /// The new place of every old place when agenda item `position` moves to `target` (clamped)
  /// in an agenda of `count`: those between shift by one. Nil when nothing moves; refused for
  /// a place the agenda does not have.
  public static func places(moving position: Int, to target: Int, count: Int) throws -> [Int: Int]? {
    try requirePosition(position, count: count)
    let target = max(0, min(count - 1, target))
    guard target != position else { return nil }
    var order = Array(0..<count)
    order.insert(order.remove(at: position), at: target)
    return Dictionary(uniqueKeysWithValues: order.enumerated().map { ($0.element, $0.offset) })
  }

  /// Refuses an agenda place the agenda (of `count` items) does not have.
  public static func requirePosition(_ position: Int, count: Int) throws {
    guard (0..<count).contains(position) else {
      throw StoreError.invalid(
        count == 0
          ? "the agenda is empty"
          : "the agenda has items 1–\(count); expected one of them, got \(position + 1)")
    }
  }
}
