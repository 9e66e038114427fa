import Foundation

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// libpq's password file (`~/.pgpass`, or `PGPASSFILE`): lines
/// `hostname:port:database:username:password`, `*` matching anything, `\:` and `\\` escaped,
/// `#` a comment, the first matching line winning. Like libpq it is ignored when it is not a
/// regular file or when its group or others may read it (mode 0600 or stricter is needed).
public enum PasswordFile {
  /// What the lookup found.
  public enum Lookup: Hashable, Sendable {
    case found(String)
    case noMatch
    /// The file lets group or others read it, so it was not read (libpq refuses it too).
    case tooOpen(path: String)
  }

  /// The file libpq would read.
  public static func path(environment: [String: String]) -> String? {
    if let p = environment["PGPASSFILE"], !p.isEmpty { return p }
    guard let home = environment["HOME"], !home.isEmpty else { return nil }
    return home + "/.pgpass"
  }

  /// The password for a connection, from the file at `path` (none when it is missing).
  public static func lookup(path: String, host: String, port: Int, database: String, user: String) -> Lookup {
    var info = stat()
    guard stat(path, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG else { return .noMatch }
    guard info.st_mode & (S_IRWXG | S_IRWXO) == 0 else { return .tooOpen(path: path) }
    guard let data = FileManager.default.contents(atPath: path) else { return .noMatch }
    let text = String(decoding: data, as: UTF8.self)
    return lookup(text: text, host: host, port: port, database: database, user: user)
  }

  /// The password for a connection from the file's text.
  public static func lookup(text: String, host: String, port: Int, database: String, user: String) -> Lookup {
    let wanted = [host, String(port), database, user]
    for rawLine in text.split(separator: "\n", omittingEmptySubsequences: true) {
      let line = rawLine.hasSuffix("\r") ? rawLine.dropLast() : rawLine
      if line.hasPrefix("#") { continue }
      let fields = split(line)
      guard fields.count == 5 else { continue }
      let matches = zip(fields.prefix(4), wanted).allSatisfy { field, value in field == "*" || field == value
      }
      if matches { return .found(fields[4]) }
    }
    return .noMatch
  }

  /// A line's five fields, unescaped; the fifth (the password) takes the rest of the line.
  private static func split(_ line: Substring) -> [String] {
    var fields: [String] = []
    var current = ""
    var escaped = false
    for c in line {
      if escaped {
        current.append(c)
        escaped = false
      } else if c == "\\" {
        escaped = true
      } else if c == ":" && fields.count < 4 {
        fields.append(current)
        current = ""
      } else {
        current.append(c)
      }
    }
    fields.append(current)
    return fields
  }
}
