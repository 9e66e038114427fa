/// Why a survey import was refused: the file, the line and column where it applies, and what
/// was expected. Nothing was written to the workspace.
public struct SurveyImportError: Error, Hashable, Sendable, CustomStringConvertible {
  public let file: String
  /// 1-based physical line, when the problem sits on one.
  public let line: Int?
  /// For CSV: the header name and 1-based index, e.g. `q3 (#5)`; for YAML: the 1-based column.
  public let column: String?
  public let message: String

  public init(file: String, line: Int? = nil, column: String? = nil, message: String) {
    self.file = file
    self.line = line
    self.column = column
    self.message = message
  }

  public var description: String {
    var place = file
    if let line { place += ": line \(line)" }
    if let column { place += ", column \(column)" }
    return "\(place): \(message)"
  }
}
