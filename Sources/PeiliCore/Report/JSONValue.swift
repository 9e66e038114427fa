import PeiliText

/// A JSON value with a deterministic writer: keys sorted, two-space indent, no NaN or infinity.
public enum JSONValue: Hashable, Sendable {
  case null
  case bool(Bool)
  case int(Int)
  case number(Double)
  case string(String)
  case array([JSONValue])
  case object([String: JSONValue])

  /// A number, or null when absent or not finite; −0.0 is written as 0.0.
  public static func num(_ x: Double?) -> JSONValue {
    guard let x, x.isFinite else { return .null }
    return .number(x + 0)
  }

  /// Text, or null when absent (the writer escapes what may not reach a terminal).
  public static func text(_ s: String?) -> JSONValue { s.map { .string($0) } ?? .null }

  /// The value as pretty-printed JSON text.
  public var text: String {
    var out = ""
    write(to: &out, indent: 0)
    return out
  }

  private func write(to out: inout String, indent: Int) {
    switch self {
    case .null: out += "null"
    case .bool(let b): out += b ? "true" : "false"
    case .int(let i): out += String(i)
    // `+ 0`: a −0.0 (an `.number` built directly) is written "0.0", never "-0.0".
    case .number(let x): out += x.isFinite ? "\(x + 0)" : "null"
    case .string(let s): JSONValue.quote(s, into: &out)
    case .array(let items):
      guard !items.isEmpty else {
        out += "[]"
        return
      }
      out += "[\n"
      for (i, item) in items.enumerated() {
        out += String(repeating: " ", count: indent + 2)
        item.write(to: &out, indent: indent + 2)
        out += i == items.count - 1 ? "\n" : ",\n"
      }
      out += String(repeating: " ", count: indent) + "]"
    case .object(let fields):
      guard !fields.isEmpty else {
        out += "{}"
        return
      }
      out += "{\n"
      let keys = fields.keys.sorted()
      for (i, key) in keys.enumerated() {
        out += String(repeating: " ", count: indent + 2)
        JSONValue.quote(key, into: &out)
        out += ": "
        fields[key]!.write(to: &out, indent: indent + 2)
        out += i == keys.count - 1 ? "\n" : ",\n"
      }
      out += String(repeating: " ", count: indent) + "}"
    }
  }

  private static func quote(_ s: String, into out: inout String) {
    out += "\""
    for u in s.unicodeScalars {
      switch u {
      case "\"": out += "\\\""
      case "\\": out += "\\\\"
      case "\n": out += "\\n"
      case "\r": out += "\\r"
      case "\t": out += "\\t"
      // Controls, and the bidi and invisible characters the terminal sanitiser judges, are
      // escaped (not removed): the data stays whole and nothing raw reaches a terminal.
      case _ where TerminalText.isSuspect(u):
        for unit in String(u).utf16 {
          let hex = String(unit, radix: 16)
          out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
        }
      default: out.unicodeScalars.append(u)
      }
    }
    out += "\""
  }
}

extension JSONValue: ExpressibleByStringLiteral, ExpressibleByIntegerLiteral, ExpressibleByBooleanLiteral,
  ExpressibleByArrayLiteral, ExpressibleByDictionaryLiteral, ExpressibleByNilLiteral
{
  public init(stringLiteral value: String) { self = .string(value) }
  public init(integerLiteral value: Int) { self = .int(value) }
  public init(booleanLiteral value: Bool) { self = .bool(value) }
  public init(arrayLiteral elements: JSONValue...) { self = .array(elements) }
  public init(dictionaryLiteral elements: (String, JSONValue)...) {
    self = .object(Dictionary(elements, uniquingKeysWith: { _, last in last }))
  }
  public init(nilLiteral: ()) { self = .null }
}
