import Foundation

/// The text of a YAML input file (the OKR file, a survey mapping), read only when it is what it
/// claims to be: a regular file of UTF-8 text. Each refusal says what the file is and what was
/// expected; the system's words are kept for `--verbose`.
enum YAMLText {
  /// The text of the file at `path`; `expected` names what it should hold, e.g. "an OKR file
  /// with `cycle:` and `objectives:`".
  static func read(_ path: String, expected: String) throws(YAMLFailure) -> String {
    switch InputFile.read(path) {
    case .success(let data): return try decode(data, path: path, expected: expected)
    case .failure(let problem): throw YAMLFailure(line: 0, message: problem.message, detail: problem.detail)
    }
  }

  /// `data` as UTF-8 text without its byte-order mark; refuses UTF-16 without a BOM, binary
  /// files, bytes that are not UTF-8 (with their line and column) and files of only whitespace.
  static func decode(_ data: Data, path: String, expected: String) throws(YAMLFailure) -> String {
    if let utf16 = InputFile.utf16WithoutBOM(data) {
      throw YAMLFailure(line: 1, message: InputFile.utf16Refusal(utf16, path: path))
    }
    if let kind = InputFile.binaryKind(data) {
      throw YAMLFailure(line: 1, message: "the file is \(kind), not a YAML text file; expected \(expected)")
    }
    var bytes = [UInt8](data)
    if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes.removeFirst(3) }
    if let offset = firstInvalidUTF8(bytes) {
      let line = bytes[..<offset].reduce(1) { $1 == 0x0A ? $0 + 1 : $0 }
      let lineStart = bytes[..<offset].lastIndex(of: 0x0A).map { $0 + 1 } ?? 0
      throw YAMLFailure(
        line: line, column: offset - lineStart + 1,
        message:
          "the file is not valid UTF-8 text (invalid byte 0x\(String(bytes[offset], radix: 16, uppercase: true)) "
          + "at byte \(offset + 1)); save it as UTF-8")
    }
    let text = String(decoding: bytes, as: UTF8.self)
    if text.allSatisfy({ $0.isWhitespace }) { throw empty(expected) }
    return text
  }

  /// A file without content: blank, or only comments.
  static func empty(_ expected: String) -> YAMLFailure {
    YAMLFailure(line: 1, message: "the file is empty; expected \(expected)")
  }

  /// The offset of the first byte that starts no valid UTF-8 sequence, nil when all are valid.
  private static func firstInvalidUTF8(_ bytes: [UInt8]) -> Int? {
    var iterator = bytes.makeIterator()
    var parser = Unicode.UTF8.ForwardParser()
    var offset = 0
    while true {
      switch parser.parseScalar(from: &iterator) {
      case .valid(let scalar): offset += scalar.count
      case .emptyInput: return nil
      case .error: return offset
      }
    }
  }
}
