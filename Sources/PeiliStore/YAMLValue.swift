import PeiliCore
import PeiliText
import Yams

/// One YAML node read as the value an input file promises: text, a list, a number, a whole
/// number, a boolean, a date, one of a set of words. A node of another shape is a
/// `YAMLFailure` at its place naming `what` (the entry and field, e.g. "objective O1: `weight`")
/// and what was expected.
enum YAMLValue {
  /// The node's 1-based line and column (line 1 when the node has no mark).
  static func place(_ node: Node) -> (line: Int, column: Int?) {
    guard let mark = node.mark else { return (1, nil) }
    return (mark.line, mark.column)
  }

  /// A plain `~`, `null` or empty value: the field is left out.
  static func isNull(_ node: Node) -> Bool {
    guard let scalar = node.scalar else { return false }
    return scalar.style == .plain && ["", "~", "null", "Null", "NULL"].contains(scalar.string)
  }

  /// The text of a scalar, nil for a list or mapping.
  static func scalar(_ node: Node) -> String? { node.scalar?.string }

  /// How a value of the wrong shape is shown in a message.
  static func shown(_ node: Node) -> String { scalar(node)?.shownForTerminal ?? "a list or mapping" }

  static func text(_ node: Node, _ what: String, _ key: String, nonEmpty: Bool = false) throws(YAMLFailure)
    -> String
  {
    guard let text = scalar(node) else {
      throw YAMLFailure(node, "\(what): `\(key)` must be text, not a list or mapping")
    }
    if nonEmpty && text.trimmingCharacters(in: .whitespaces).isEmpty {
      throw YAMLFailure(node, "\(what): `\(key)` must not be empty")
    }
    return text
  }

  /// The items of a list; a null value is the empty list.
  static func list(_ node: Node, _ what: String, _ key: String) throws(YAMLFailure) -> [Node] {
    if isNull(node) { return [] }
    guard let items = node.sequence else {
      throw YAMLFailure(node, "\(what): `\(key)` must be a list (`- item` lines or `[a, b]`)")
    }
    return Array(items)
  }

  /// A finite number within `Bounds` (`1_000` as YAML writes it).
  static func number(_ node: Node, _ what: String, _ key: String) throws(YAMLFailure) -> Double {
    guard let text = scalar(node), let n = Double(text.replacingOccurrences(of: "_", with: "")), n.isFinite
    else {
      throw YAMLFailure(node, "\(what): `\(key)` must be a number, got `\(shown(node))`")
    }
    guard Bounds.isAllowed(n) else {
      throw YAMLFailure(
        node, "\(what): `\(key)` \(text) is out of range; expected a number from -1e12 to 1e12")
    }
    return n
  }

  /// A whole number as YAML resolves one (`-9`, `+5`, `1_000`, `0x1F`), within `range`.
  static func integer(_ node: Node, _ what: String, _ key: String, range: ClosedRange<Int>? = nil)
    throws(YAMLFailure) -> Int
  {
    let span = range.map { " \($0.lowerBound)–\($0.upperBound)" } ?? ""
    guard let n = node.int else {
      throw YAMLFailure(node, "\(what): `\(key)` must be a whole number\(span), got `\(shown(node))`")
    }
    if let range, !range.contains(n) {
      throw YAMLFailure(node, "\(what): \(key) \(n) is outside \(range.lowerBound)–\(range.upperBound)")
    }
    return n
  }

  /// `true`/`false` (or `yes`/`no`, `on`/`off`), in any case.
  static func boolean(_ node: Node, _ what: String, _ key: String) throws(YAMLFailure) -> Bool {
    switch scalar(node)?.lowercased() {
    case "true", "yes", "on": return true
    case "false", "no", "off": return false
    default: throw YAMLFailure(node, "\(what): `\(key)` must be true or false, got `\(shown(node))`")
    }
  }

  /// A date `YYYY-MM-DD`.
  static func day(_ node: Node, _ what: String, _ key: String) throws(YAMLFailure) -> Day {
    guard let text = scalar(node), let d = Day(text) else {
      throw YAMLFailure(
        node, "\(what): bad date `\(scalar(node)?.shownForTerminal ?? "")` for `\(key)`; expected YYYY-MM-DD")
    }
    return d
  }

  /// One of `T`'s words.
  static func choice<T: RawRepresentable & CaseIterable>(
    _ node: Node, _ what: String, _ key: String, _ type: T.Type
  ) throws(YAMLFailure) -> T where T.RawValue == String {
    guard let text = scalar(node), let v = T(rawValue: text) else {
      throw YAMLFailure(
        node,
        "\(what): unknown \(key) `\(scalar(node)?.shownForTerminal ?? "")`; expected one of "
          + T.allCases.map(\.rawValue).joined(separator: ", "))
    }
    return v
  }
}
