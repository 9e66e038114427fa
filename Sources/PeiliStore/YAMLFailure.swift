import Yams

/// A problem of a YAML input file (the OKR file, a survey mapping): where it sits and what was
/// expected. Each importer turns it into its own error type, naming the file.
struct YAMLFailure: Error, Hashable, Sendable {
  /// 1-based; 0 when the problem concerns the file as a whole (it cannot be read).
  var line: Int
  /// 1-based, when known.
  var column: Int?
  var message: String
  /// The underlying library's own words (libyaml's, the system's), for `--verbose` only.
  var detail: String?

  init(line: Int, column: Int? = nil, message: String, detail: String? = nil) {
    self.line = line
    self.column = column
    self.message = message
    self.detail = detail
  }

  /// A problem at `node`'s place.
  init(_ node: Node, _ message: String) {
    let place = YAMLValue.place(node)
    self.init(line: place.line, column: place.column, message: message)
  }
}

extension ImportError {
  /// `failure` in the OKR file `file`.
  init(file: String, _ failure: YAMLFailure) {
    self.init(
      file: file, line: failure.line, column: failure.column, message: failure.message,
      detail: failure.detail)
  }
}

extension SurveyImportError {
  /// `failure` in the mapping file `file`.
  init(file: String, _ failure: YAMLFailure) {
    self.init(
      file: file, line: failure.line > 0 ? failure.line : nil, column: failure.column.map { "\($0)" },
      message: failure.message, detail: failure.detail)
  }
}
