/// Why an OKR import was refused: the file, the line and column where the problem sits, and
/// what was expected. Nothing was written to the workspace. All problems found in the file are
/// reported at once: the first here, the rest in `more`.
public struct ImportError: Error, Hashable, Sendable, CustomStringConvertible {
  public let file: String
  /// 1-based; 0 when the problem concerns the file as a whole (it cannot be read).
  public let line: Int
  /// 1-based, when known.
  public let column: Int?
  public let message: String
  /// Further problems in the same file, in file order.
  public var more: [ImportError]
  /// The underlying library's own words (libyaml's, the system's), for `--verbose` only.
  public var detail: String?

  public init(
    file: String, line: Int, column: Int? = nil, message: String, more: [ImportError] = [],
    detail: String? = nil
  ) {
    self.file = file
    self.line = line
    self.column = column
    self.message = message
    self.more = more
    self.detail = detail
  }

  /// This problem and the further ones.
  public var all: [ImportError] {
    [ImportError(file: file, line: line, column: column, message: message, detail: detail)] + more
  }

  /// `FILE:LINE:COLUMN: message`, one line per problem.
  public var description: String {
    ([self.place + ": " + message] + more.map(\.description)).joined(separator: "\n")
  }

  private var place: String {
    guard line > 0 else { return file }
    if let column { return "\(file):\(line):\(column)" }
    return "\(file):\(line)"
  }
}
