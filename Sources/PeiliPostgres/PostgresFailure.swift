/// What went wrong with a PostgreSQL workspace, as facts: the driver's and the server's own
/// texts never reach a user (they are English, may quote SQL, and change between versions).
public enum PostgresFailure: Error, Hashable, Sendable, CustomStringConvertible {
  /// What is wrong with a `postgres://` URL.
  public enum URLProblem: Hashable, Sendable {
    case notPostgres
    case unreadable
    case noUser
    case badPort(String)
    case badDatabase(String)
    case badTLSMode(String)
    case badWorkspaceName(String)
    case unknownParameter(String)
    case repeatedParameter(String)
  }

  case badURL(URLProblem)
  /// No server answered at the address (down, wrong port, a firewall).
  case unreachable(String)
  /// The server refused the user or the password (or none was found to give).
  case authenticationFailed(user: String)
  /// The server needs a password and neither the URL, `PGPASSWORD` nor `~/.pgpass` gave one.
  case passwordNeeded(user: String)
  /// A password was needed and `~/.pgpass` had one, but the file may be read by others, so
  /// it was not read (as libpq refuses it).
  case passwordFileTooOpen(path: String, user: String)
  case noDatabase(String)
  /// `sslmode=require` and the server offers no TLS, or the TLS handshake failed.
  case tlsUnavailable(String)
  /// The role may not do what was asked (SQLSTATE class 42501).
  case permissionDenied(user: String)
  /// The workspace has no tables yet (`peili init` or `peili migrate` makes them).
  case noWorkspace(String)
  /// The workspace's schema was written by a newer peili.
  case newerSchema(found: Int, known: Int)
  /// The connection was lost in the middle of a call; nothing of that call was kept.
  case connectionLost
  /// Another error of the server's, by its SQLSTATE code (documented by PostgreSQL).
  case server(sqlState: String)

  public var description: String {
    switch self {
    case .badURL(let problem): "the PostgreSQL URL is not usable: " + Self.words(problem)
    case .unreachable(let address):
      "no PostgreSQL server answers at \(address); is it running, and is the port right?"
    case .authenticationFailed(let user):
      "PostgreSQL refused user \(user): check the password (URL, PGPASSWORD or ~/.pgpass) and the server's pg_hba.conf"
    case .passwordNeeded(let user):
      "PostgreSQL wants a password for \(user): give it in PGPASSWORD or ~/.pgpass (mode 0600)"
    case .passwordFileTooOpen(let path, let user):
      "PostgreSQL wants a password for \(user), and \(path) is not read while others may read it: chmod 0600 \(path)"
    case .noDatabase(let name): "the PostgreSQL server has no database \(name)"
    case .tlsUnavailable(let address): "no TLS connection could be made to \(address) (sslmode=require)"
    case .permissionDenied(let user):
      "the PostgreSQL role \(user) may not do this (ask for the GRANTs in the README)"
    case .noWorkspace(let name):
      "the database has no workspace \(name); create it with `peili init` or `peili migrate --to`"
    case .newerSchema(let found, let known):
      "the workspace was written by a newer peili (schema \(found), this one knows \(known)); upgrade peili"
    case .connectionLost: "the connection to PostgreSQL was lost; nothing of the last change was written"
    case .server(let code): "PostgreSQL refused the request (SQLSTATE \(code))"
    }
  }

  private static func words(_ problem: URLProblem) -> String {
    switch problem {
    case .notPostgres: "it must start with postgres:// or postgresql://"
    case .unreadable: "it is not a URL"
    case .noUser: "it names no user and none is logged in"
    case .badPort(let p): "the port \(p) is not a number from 1 to 65535"
    case .badDatabase(let d): "the database name \(d) has a slash"
    case .badTLSMode(let m): "sslmode=\(m) is not one of disable, prefer, require"
    case .badWorkspaceName(let n):
      "the workspace name \(n) must be 1 to 40 letters, digits, _ or - (e.g. ?workspace=acme)"
    case .unknownParameter(let p): "peili does not know the parameter \(p)"
    case .repeatedParameter(let p): "the parameter \(p) is given twice"
    }
  }
}
