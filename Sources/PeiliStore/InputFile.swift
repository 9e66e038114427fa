import Foundation

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// An input file (OKR YAML, survey CSV, mapping) read only when it is what it claims to be: a
/// regular file of text. Its problems are facts worded for the importers' messages.
public enum InputFile {
  /// Why `path` cannot be an input file, when it is not a regular file: found with `stat`,
  /// without opening it (opening a FIFO would wait for a writer).
  public static func notRegular(_ path: String) -> String? {
    var info = stat()
    guard stat(path, &info) == 0 else {
      return errno == ENOENT ? "no such file" : String(cString: strerror(errno))
    }
    switch info.st_mode & S_IFMT {
    case S_IFREG: return nil
    case S_IFDIR: return "is a directory, not a file"
    case S_IFCHR: return "is a character device (like /dev/null), not a file"
    case S_IFBLK: return "is a block device, not a file"
    case S_IFIFO: return "is a named pipe (FIFO), not a file"
    case S_IFSOCK: return "is a socket, not a file"
    default: return "is not a regular file"
    }
  }

  /// The bytes of the regular file at `path`, or why not (`message` says what it is).
  public static func read(_ path: String) -> Result<Data, Problem> {
    var info = stat()
    if stat(path, &info) != 0 {
      let reason = errno == ENOENT ? "no such file" : String(cString: strerror(errno))
      return .failure(Problem(message: "cannot read the file: \(reason)"))
    }
    if let problem = notRegular(path) {
      return .failure(Problem(message: problem + "; expected a regular file"))
    }
    guard let handle = FileHandle(forReadingAtPath: path) else {
      let reason = access(path, R_OK) != 0 ? "permission denied" : "cannot be opened"
      return .failure(Problem(message: "cannot read the file: \(reason)"))
    }
    defer { try? handle.close() }
    do {
      return .success(try handle.readToEnd() ?? Data())
    } catch {
      return .failure(
        Problem(
          message: "cannot read the file: \(readFailure(error)); expected a readable file", detail: "\(error)"
        ))
    }
  }

  /// A read error in words: the system's reason by its errno (Foundation's own sentence is
  /// kept for `--verbose` only).
  static func readFailure(_ error: any Error) -> String {
    let ns = error as NSError
    let code =
      ns.domain == NSPOSIXErrorDomain
      ? Int32(ns.code)
      : (ns.userInfo[NSUnderlyingErrorKey] as? NSError).flatMap {
        $0.domain == NSPOSIXErrorDomain ? Int32($0.code) : nil
      }
    switch code {
    case EIO?: return "the disk or device reported an input/output error while reading it"
    case EACCES?, EPERM?: return "permission denied while reading it"
    case EISDIR?: return "it is a directory"
    case ENOMEM?: return "out of memory while reading it"
    case let c?: return "the system refused to read it (\(String(cString: strerror(c))))"
    case nil: return "the system refused to read it"
    }
  }

  /// Why an input could not be read, worded for a message after the file name.
  public struct Problem: Error, Hashable, Sendable {
    public let message: String
    /// The system's own words, for `--verbose`.
    public var detail: String? = nil
  }

  /// "UTF-16 LE" or "UTF-16 BE" when the bytes look like UTF-16 without a byte-order mark:
  /// mostly ASCII text with a zero byte beside every character.
  public static func utf16WithoutBOM(_ data: Data) -> String? {
    let sample = data.prefix(1024)
    guard sample.count >= 4 else { return nil }
    var zeroEven = 0
    var zeroOdd = 0
    for (i, byte) in sample.enumerated() where byte == 0 {
      if i % 2 == 0 { zeroEven += 1 } else { zeroOdd += 1 }
    }
    let pairs = sample.count / 2
    if zeroOdd * 10 >= pairs * 8 && zeroEven * 10 < pairs { return "UTF-16 LE" }
    if zeroEven * 10 >= pairs * 8 && zeroOdd * 10 < pairs { return "UTF-16 BE" }
    return nil
  }

  /// The refusal of a file in `utf16` (as `utf16WithoutBOM` named it), with the fix.
  public static func utf16Refusal(_ utf16: String, path: String) -> String {
    let name = utf16.replacingOccurrences(of: " ", with: "")
    return "the file looks like \(utf16) text without a byte-order mark; expected UTF-8 "
      + "(convert it with `iconv -f \(name) -t UTF-8 \(path) > utf8-copy`)"
  }

  /// What a binary file is, when its first bytes say it is not text: a known format by its
  /// signature, else "a binary file" when control bytes fill more than a tenth of the start.
  public static func binaryKind(_ data: Data) -> String? {
    let signatures: [([UInt8], String)] = [
      ([0x50, 0x4B, 0x03, 0x04], "a ZIP archive (an Excel .xlsx or OpenDocument file?)"),
      ([0xD0, 0xCF, 0x11, 0xE0], "an old Excel .xls (OLE) file"),
      (Array("%PDF".utf8), "a PDF file"),
      ([0x89, 0x50, 0x4E, 0x47], "a PNG image"),
      ([0x1F, 0x8B], "a gzip archive"),
      (Array("SQLite format 3".utf8), "an SQLite database"),
    ]
    for (magic, name) in signatures where data.starts(with: magic) { return name }
    let sample = data.prefix(8192)
    guard !sample.isEmpty else { return nil }
    let controls = sample.reduce(0) { n, b in
      n + (b < 0x20 && b != 0x09 && b != 0x0A && b != 0x0D && b != 0x0C ? 1 : 0)
    }
    return controls * 10 > sample.count ? "a binary file" : nil
  }
}
