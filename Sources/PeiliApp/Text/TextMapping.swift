/// A rewrite of a language's texts, entry by entry (`Catalogue.mapped`): a test marks every
/// word of English and then finds on screen the words that did not come from the catalogue.
/// What is not the language's own is kept as it is: the `{n}` of a plural and the values a
/// sentence is given (names, ids, numbers).
public struct TextMapping: Sendable {
  let rewrite: @Sendable (String) -> String

  /// `rewrite` gets each stretch of a text between placeholders and values.
  public init(_ rewrite: @escaping @Sendable (String) -> String) { self.rewrite = rewrite }

  /// A stored text.
  public func callAsFunction(_ text: String) -> String { apply(text, keeping: []) }

  /// Both forms of a plural, `{n}` kept.
  public func callAsFunction(_ plural: Catalogue.Plural) -> Catalogue.Plural {
    Catalogue.Plural(one: self(plural.one), other: self(plural.other))
  }

  /// A list of texts.
  public func callAsFunction(_ texts: [String]) -> [String] { texts.map { self($0) } }

  /// Texts by key (stored names, enum cases): the keys are kept.
  public func callAsFunction<Key: Hashable>(_ texts: [Key: String]) -> [Key: String] {
    texts.mapValues { self($0) }
  }

  /// A sentence with values: its own words rewritten, the text values it is given kept
  /// wherever they appear in it.
  public func callAsFunction<each Value>(
    _ sentence: @escaping @Sendable (repeat each Value) -> String
  ) -> @Sendable (repeat each Value) -> String {
    { (values: repeat each Value) in
      var kept: [String] = []
      for value in repeat each values { kept += Self.texts(of: value) }
      return apply(sentence(repeat each values), keeping: kept)
    }
  }

  /// The text a value puts into a sentence: a string or a number as written; an enum case
  /// (a status, an audience) puts its word, which the sentence itself says.
  static func texts(of value: Any) -> [String] {
    switch value {
    case let s as String: [s]
    case let n as Int: [String(n)]
    case let n as Int64: [String(n)]
    case let x as Double: [String(x)]
    default: []
    }
  }

  /// `text` rewritten stretch by stretch, the `{…}` placeholders and the `kept` values left
  /// as they are (the longest value first where two start at one place).
  func apply(_ text: String, keeping kept: [String]) -> String {
    let kept = kept.filter { !$0.isEmpty }.sorted { $0.count > $1.count }
    var out = ""
    var pending = ""
    func flush() {
      if !pending.isEmpty { out += rewrite(pending) }
      pending = ""
    }
    var i = text.startIndex
    while i < text.endIndex {
      let rest = text[i...]
      if let value = kept.first(where: { rest.hasPrefix($0) }) {
        flush()
        out += value
        i = text.index(i, offsetBy: value.count)
      } else if text[i] == "{", let close = rest.firstIndex(of: "}") {
        flush()
        out += text[i...close]
        i = text.index(after: close)
      } else {
        pending.append(text[i])
        i = text.index(after: i)
      }
    }
    flush()
    return out
  }
}
