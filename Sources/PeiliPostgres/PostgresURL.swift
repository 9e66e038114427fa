import Foundation

/// Where a PostgreSQL workspace lives: `postgres://user[:password]@host[:port]/db?workspace=NAME&sslmode=…`
/// (also `postgresql://`), read as libpq reads such a URL.
public struct PostgresURL: Hashable, Sendable, CustomStringConvertible {
  /// libpq's `sslmode` values peili knows; the stricter certificate checks are not offered.
  public enum TLSMode: String, Hashable, Sendable, CaseIterable {
    /// Never TLS.
    case disable
    /// TLS when the server offers it (libpq's default).
    case prefer
    /// TLS or no connection.
    case require
  }

  public var user: String
  /// The password written in the URL (nil: `PGPASSWORD`, then `~/.pgpass`, are asked).
  public var password: String?
  /// A host name or address; nil with `socketDirectory` set (a Unix socket).
  public var host: String?
  /// The directory of the server's Unix socket (`?host=/run/postgresql`, or no host at all).
  public var socketDirectory: String?
  public var port: Int
  public var database: String
  /// The workspace's name inside the database (`?workspace=acme`); its tables are in schema
  /// `peili_<name>`, so that several workspaces share one database.
  public var workspace: WorkspaceName
  public var tls: TLSMode

  /// libpq's default port.
  public static let defaultPort = 5432
  /// Where Debian's server puts its socket when the URL names no host.
  public static let defaultSocketDirectory = "/var/run/postgresql"

  /// True for a text that means PostgreSQL rather than a file name.
  public static func isPostgres(_ text: String) -> Bool {
    text.hasPrefix("postgres://") || text.hasPrefix("postgresql://")
  }

  /// Reads `text`; `environment` supplies `PGUSER` and the login name when the URL has no user.
  public init(_ text: String, environment: [String: String] = ProcessInfo.processInfo.environment) throws {
    guard Self.isPostgres(text) else { throw PostgresFailure.badURL(.notPostgres) }
    guard let parts = URLComponents(string: text) else { throw PostgresFailure.badURL(.unreadable) }
    if let u = parts.user, !u.isEmpty {
      user = u
    } else if let u = environment["PGUSER"] ?? environment["USER"] ?? environment["LOGNAME"], !u.isEmpty {
      user = u
    } else {
      throw PostgresFailure.badURL(.noUser)
    }
    password = parts.password
    var query: [String: String] = [:]
    for item in parts.queryItems ?? [] {
      guard query[item.name] == nil else { throw PostgresFailure.badURL(.repeatedParameter(item.name)) }
      query[item.name] = item.value ?? ""
    }
    let known: Set<String> = ["workspace", "sslmode", "host", "port", "user", "password", "dbname"]
    if let unknown = query.keys.sorted().first(where: { !known.contains($0) }) {
      throw PostgresFailure.badURL(.unknownParameter(unknown))
    }
    if let u = query["user"], !u.isEmpty { user = u }
    if let p = query["password"] { password = p }
    var hostText = parts.host.map { $0.removingPercentEncoding ?? $0 } ?? ""
    if let h = query["host"], !h.isEmpty { hostText = h }
    // An IPv6 address comes bracketed, as in any URL.
    if hostText.hasPrefix("["), hostText.hasSuffix("]") { hostText = String(hostText.dropFirst().dropLast()) }
    if hostText.isEmpty {
      host = nil
      socketDirectory = Self.defaultSocketDirectory
    } else if hostText.hasPrefix("/") {
      host = nil
      socketDirectory = hostText
    } else {
      host = hostText
      socketDirectory = nil
    }
    let portText = query["port"] ?? parts.port.map(String.init)
    if let portText {
      guard let p = Int(portText), (1...65535).contains(p) else {
        throw PostgresFailure.badURL(.badPort(portText))
      }
      port = p
    } else {
      port = Self.defaultPort
    }
    let path = parts.path.hasPrefix("/") ? String(parts.path.dropFirst()) : parts.path
    if let d = query["dbname"], !d.isEmpty {
      database = d
    } else {
      database = path.isEmpty ? user : path
    }
    guard !database.contains("/") else { throw PostgresFailure.badURL(.badDatabase(database)) }
    workspace = try WorkspaceName(query["workspace"] ?? WorkspaceName.default.text)
    if let mode = query["sslmode"] {
      guard let m = TLSMode(rawValue: mode) else { throw PostgresFailure.badURL(.badTLSMode(mode)) }
      tls = m
    } else {
      tls = .prefer
    }
  }

  /// The host as `.pgpass` and messages name it: `localhost` for a Unix socket, as libpq does.
  public var hostForLookup: String { host ?? "localhost" }

  /// The URL again without its password, for messages and the header.
  public var description: String {
    let where_ = host.map { $0.contains(":") ? "[\($0)]" : $0 } ?? ""
    var text = "postgres://\(user)@\(where_):\(port)/\(database)?workspace=\(workspace.text)"
    if let socketDirectory { text += "&host=\(socketDirectory)" }
    return text
  }
}

/// A workspace's name in a database: letters, digits, `_` and `-`, at most 40 characters,
/// so that the schema name it gives is a safe identifier.
public struct WorkspaceName: Hashable, Sendable {
  public let text: String

  /// The workspace a URL without `?workspace=` opens.
  public static let `default` = WorkspaceName(checked: "default")

  public init(_ text: String) throws {
    let allowed = text.unicodeScalars.allSatisfy {
      ("a"..."z").contains($0) || ("A"..."Z").contains($0) || ("0"..."9").contains($0) || $0 == "_"
        || $0 == "-"
    }
    guard !text.isEmpty, text.count <= 40, allowed else {
      throw PostgresFailure.badURL(.badWorkspaceName(text))
    }
    self.text = text
  }

  private init(checked: String) { text = checked }

  /// The PostgreSQL schema that holds the workspace's tables (lower case: PostgreSQL folds
  /// unquoted names, and a name should mean one schema however it is typed).
  public var schema: String { "peili_" + text.lowercased() }

  /// `schema` as a quoted identifier; safe to splice into SQL because the name was checked.
  public var quotedSchema: String { "\"\(schema)\"" }

  /// The LISTEN/NOTIFY channel of the workspace.
  public var channel: String { schema + "_changes" }
}
