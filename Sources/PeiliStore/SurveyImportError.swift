/// Why a survey import was refused: the file, the line and column where it applies, and what
/// was expected. Nothing was written to the workspace.
public struct SurveyImportError: Error, Hashable, Sendable, CustomStringConvertible {
  public let file: String
  /// 1-based physical line, when the problem sits on one.
  public let line: Int?
  /// For CSV: the header name and 1-based index, e.g. `q3 (#5)`; for YAML: the 1-based column.
  public let column: String?
  public let message: String
  /// The underlying library's own words (an XML parser's, SQLite's), for `--verbose` only.
  public let detail: String?

  public init(file: String, line: Int? = nil, column: String? = nil, message: String, detail: String? = nil) {
    self.file = file
    self.line = line
    self.column = column
    self.message = message
    self.detail = detail
  }

  public var description: String {
    var place = file
    if let line { place += ": line \(line)" }
    if let column { place += ", column \(column)" }
    return "\(place): \(message)"
  }
}
