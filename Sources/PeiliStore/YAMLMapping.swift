import PeiliCore
import Yams

/// A YAML mapping read as an entry of an input file: its fields by name, only the `allowed`
/// ones, each read with the typed getters of `YAMLValue` so that every problem names the entry
/// (`what`, e.g. "objective O1"), the field and what was expected. Unknown fields are collected
/// in `problems` rather than thrown, so that a reader that reports every problem at once (the
/// OKR file) can take them all and one that stops at the first (the mapping) can throw it.
struct YAMLMapping {
  var what: String
  let node: Node
  let allowed: [String]
  /// Each allowed field's key and value nodes, by name.
  private(set) var fields: [String: (key: Node, value: Node)] = [:]
  /// The allowed fields in file order.
  private(set) var order: [String] = []
  /// Keys that are no field name, or no allowed one.
  private(set) var problems: [YAMLFailure] = []

  init(_ node: Node, _ what: String, allowed: [String]) throws(YAMLFailure) {
    guard let mapping = node.mapping else {
      throw YAMLFailure(
        node, "\(what): expected a mapping of fields (\(allowed.map { "`\($0)`" }.joined(separator: ", ")))")
    }
    self.what = what
    self.node = node
    self.allowed = allowed
    for (key, value) in mapping {
      guard let name = key.scalar?.string else {
        problems.append(YAMLFailure(key, "\(what): expected a field name"))
        continue
      }
      guard allowed.contains(name) else {
        problems.append(
          YAMLFailure(
            key,
            "\(what): unknown field `\(name)`; expected one of \(allowed.map { "`\($0)`" }.joined(separator: ", "))"
          ))
        continue
      }
      fields[name] = (key, value)
      order.append(name)
    }
  }

  /// The same fields, named `what` in messages (once the entry's id is known).
  func renamed(_ what: String) -> YAMLMapping {
    var copy = self
    copy.what = what
    return copy
  }

  /// Throws the first problem of the keys, if any.
  func refuseUnknownFields() throws(YAMLFailure) {
    if let first = problems.first { throw first }
  }

  /// The key node of `key`, when present.
  func keyNode(_ key: String) -> Node? { fields[key]?.key }

  /// The value of `key`; nil when absent or null, unless `required` (then a failure at the key,
  /// or at the entry when the key is missing; `expected` says what to write).
  func value(_ key: String, required: Bool = false, expected: String? = nil) throws(YAMLFailure) -> Node? {
    if let pair = fields[key], !YAMLValue.isNull(pair.value) { return pair.value }
    guard required else { return nil }
    throw YAMLFailure(
      fields[key]?.key ?? node,
      "\(what): missing required field `\(key)`" + (expected.map { "; expected \($0)" } ?? ""))
  }

  /// Text; not blank when `nonEmpty` (by default when `required`).
  func text(_ key: String, required: Bool = false, nonEmpty: Bool? = nil, expected: String? = nil)
    throws(YAMLFailure) -> String?
  {
    guard let node = try value(key, required: required, expected: expected) else { return nil }
    return try YAMLValue.text(node, what, key, nonEmpty: nonEmpty ?? required)
  }

  func list(_ key: String) throws(YAMLFailure) -> [Node] {
    guard let node = try value(key) else { return [] }
    return try YAMLValue.list(node, what, key)
  }

  func number(_ key: String, required: Bool = false) throws(YAMLFailure) -> Double? {
    guard let node = try value(key, required: required) else { return nil }
    return try YAMLValue.number(node, what, key)
  }

  func integer(_ key: String, range: ClosedRange<Int>? = nil) throws(YAMLFailure) -> Int? {
    guard let node = try value(key) else { return nil }
    return try YAMLValue.integer(node, what, key, range: range)
  }

  func boolean(_ key: String) throws(YAMLFailure) -> Bool? {
    guard let node = try value(key) else { return nil }
    return try YAMLValue.boolean(node, what, key)
  }

  func day(_ key: String, required: Bool = false) throws(YAMLFailure) -> Day? {
    guard let node = try value(key, required: required) else { return nil }
    return try YAMLValue.day(node, what, key)
  }

  func choice<T: RawRepresentable & CaseIterable>(_ key: String, _ type: T.Type, required: Bool = false)
    throws(YAMLFailure) -> T? where T.RawValue == String
  {
    guard let node = try value(key, required: required) else { return nil }
    return try YAMLValue.choice(node, what, key, type)
  }
}
