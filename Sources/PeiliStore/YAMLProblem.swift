/// libyaml's problem phrases ("mapping values are not allowed in this context") in words that
/// say what is wrong and what was expected: no library text reaches a user. One table for the
/// OKR file and the survey mapping.
enum YAMLProblem {
  /// What the user reads for libyaml's `problem`, without "YAML syntax error: ".
  static func explain(_ problem: String) -> String {
    for (phrase, words) in table where problem.contains(phrase) { return words }
    if problem.contains("UTF-8") || problem.contains("UTF-16") || problem.contains("Unicode") {
      return "the file is not valid UTF-8 text here; save it as UTF-8"
    }
    return "the YAML is not well-formed here; expected a `key: value` line, a `- item` line or a quoted value"
  }

  /// The phrases libyaml uses most, first match wins.
  static let table: [(String, String)] = [
    (
      "mapping values are not allowed",
      "a `:` where a value was expected; quote a value that contains `: ` (e.g. title: \"Goal: more\")"
    ),
    ("mapping keys are not allowed", "a `?` key where a value was expected; quote the value"),
    (
      "block sequence entries are not allowed",
      "a `- ` list item where a value was expected; indent it under a key that ends with `:`"
    ),
    (
      "did not find expected key",
      "this line's indentation does not line up with the keys above it; expected `key: value` at the same indentation"
    ),
    ("could not find expected ':'", "a key without `:`; expected `key: value`"),
    ("did not find expected '-' indicator", "expected a `- ` list item at this indentation"),
    ("did not find expected node content", "expected a value here"),
    ("did not find expected ',' or ']'", "a list in `[ ]` is not closed; expected `,` or `]`"),
    ("did not find expected ',' or '}'", "a mapping in `{ }` is not closed; expected `,` or `}`"),
    ("found unexpected end of stream", "the file ends inside a quoted value or a `[ ]`/`{ }`; close it"),
    ("found a tab character", "a tab used for indentation; indent with spaces"),
    (
      "found character that cannot start any token",
      "a character that cannot start a value here (a tab, or an unquoted `@` or `` ` ``); quote the value or indent with spaces"
    ),
    (
      "found unknown escape character",
      "an unknown `\\` escape in a double-quoted value; write `\\\\` for a backslash"
    ),
    ("control characters are not allowed", "a control character, which YAML does not allow; remove it"),
    ("found unexpected ':'", "an unexpected `:`; quote the value"),
    ("found undefined tag handle", "an unknown `!` tag; quote a value that starts with `!`"),
    (
      "did not find expected alphabetic or numeric character", "an `&` or `*` without a name; quote the value"
    ),
    ("found unexpected document indicator", "a `---` or `...` inside a value; quote it"),
    ("did not find expected comment or line break", "text after a closing quote; put it inside the quotes"),
  ]
}
