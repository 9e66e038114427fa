import Yams

/// A YAML text composed into its node tree, libyaml's errors worded by `YAMLProblem` (its own
/// words only in `detail`, for `--verbose`).
enum YAMLDocument {
  /// The root node of `text`; a text without content (only comments) is `YAMLText.empty`.
  static func root(of text: String, expected: String) throws(YAMLFailure) -> Node {
    let root: Node?
    do {
      root = try Yams.compose(yaml: text)
    } catch let error as YamlError {
      throw failure(error)
    } catch {
      // Yams throws only its YamlError; anything else is named, its words kept for --verbose.
      throw YAMLFailure(
        line: 1, message: "the file could not be read as YAML; expected \(expected)", detail: "\(error)")
    }
    guard let root else { throw YAMLText.empty(expected) }
    return root
  }

  /// A libyaml error at its line and column, in words that say what was expected.
  static func failure(_ error: YamlError) -> YAMLFailure {
    var failure: YAMLFailure
    switch error {
    case .scanner(let context, let problem, let mark, _), .parser(let context, let problem, let mark, _),
      .composer(let context, let problem, let mark, _):
      // Where the construct started, when libyaml says: an unclosed value is found far below it.
      let start = context.map { " (in what starts at line \($0.mark.line), column \($0.mark.column))" } ?? ""
      failure = YAMLFailure(
        line: mark.line, column: mark.column,
        message: "YAML syntax error: \(YAMLProblem.explain(problem))\(start)")
    case .duplicatedKeysInMapping(let duplicates, let context):
      failure = YAMLFailure(
        line: context.mark.line, column: context.mark.column,
        message:
          "YAML error: the field \(duplicates.map { "`\($0)`" }.joined(separator: ", ")) appears twice "
          + "in one mapping; expected each field once")
    case .reader(let problem, let offset, _, let yaml):
      var line = 1
      var column = 1
      if let offset {
        for (i, ch) in yaml.utf8.enumerated() where i < offset {
          if ch == 0x0A {
            line += 1
            column = 1
          } else {
            column += 1
          }
        }
      }
      failure = YAMLFailure(
        line: line, column: column, message: "YAML error: \(YAMLProblem.explain(problem))")
    default:
      failure = YAMLFailure(line: 1, message: "YAML error: \(YAMLProblem.explain(""))")
    }
    failure.detail = "libyaml: \(error)"
    return failure
  }
}
