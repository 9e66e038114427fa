import Foundation
import Logging
import PeiliCore
import PostgresNIO

/// One connection to the workspace's server, its tables found through `search_path`, which
/// listens on the workspace's channel. Calls block their thread on the driver's futures
/// (store calls never run on the key path, nor on an event-loop thread); one call at a time
/// holds the connection, so a transaction is never interleaved with another call's query. A
/// connection found closed is made again on the next call, and that is remembered as a
/// reconnect (notifications sent meanwhile are lost: the caller must refresh fully).
final class ServerConnection: Sendable {
  let url: PostgresURL
  private let password: String?
  private let listens: Bool
  private let live = Locked<Live?>(nil)
  private let notices: Locked<Notices>

  /// The open connection and its server process (whose own notifications are not news).
  private struct Live {
    let connection: PostgresConnection
    let backendPID: Int32
  }

  /// What the channel brought since it was last asked.
  struct Notices: Sendable {
    /// Notifications sent by other connections' transactions.
    var fromOthers = 0
    /// The connection was made again (after the first): anything may have changed.
    var reconnected = false
  }

  /// Connects at once (so that a wrong URL or password fails when the workspace opens).
  init(url: PostgresURL, password: String?, listens: Bool) throws {
    self.url = url
    self.password = password
    self.listens = listens
    notices = Locked(Notices())
    try live.withLock { $0 = try connect() }
  }

  deinit {
    if let live = live.withLock({ $0 }) { Self.release(live.connection) }
  }

  /// Takes what the channel brought so far, after one round trip that makes the server send
  /// any notification it holds for this connection (its handler runs before the answer).
  func takeNotices() throws -> Notices {
    try run { sql in try sql.execute("SELECT 1") }
    return notices.withLock { n in
      defer { n = Notices() }
      return n
    }
  }

  /// Runs `body` with the connection (made again first when it was lost).
  func run<T>(_ body: (SQL) throws -> T) throws -> T {
    try live.withLock { live in
      if live == nil || live!.connection.isClosed {
        live = try connect()
        notices.withLock { $0.reconnected = true }
      }
      let sql = SQL(connection: live!.connection, url: url)
      do {
        return try body(sql)
      } catch let failure as PostgresFailure where failure == .connectionLost {
        Self.release(live!.connection)
        live = nil
        throw failure
      }
    }
  }

  /// Runs `body` in one transaction: committed when it returns, rolled back when it throws.
  /// `readOnly`: one REPEATABLE READ snapshot of the workspace, as SQLite's read transaction.
  func transaction<T>(readOnly: Bool = false, _ body: (SQL) throws -> T) throws -> T {
    try run { sql in
      try sql.execute(readOnly ? "BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY" : "BEGIN")
      do {
        let result = try body(sql)
        try sql.execute("COMMIT")
        return result
      } catch {
        try? sql.execute("ROLLBACK")
        throw error
      }
    }
  }

  func close() {
    live.withLock { live in
      if let live { try? (live.connection.close() as EventLoopFuture<Void>).wait() }
      live = nil
    }
  }

  private func connect() throws -> Live {
    let configuration = try Self.configuration(url, password: password)
    do {
      let connection = try PostgresConnection.connect(
        on: MultiThreadedEventLoopGroup.singleton.next(), configuration: configuration,
        id: Self.nextID.withLock { id in
          id += 1
          return id
        }, logger: Self.logger
      ).wait()
      let sql = SQL(connection: connection, url: url)
      do {
        try sql.execute(PostgresQuery(unsafeSQL: "SET search_path TO \(url.workspace.quotedSchema)"))
        let pid = try sql.rows("SELECT pg_backend_pid()").first.map { try $0.decode(Int32.self) } ?? 0
        if listens {
          let notices = notices
          connection.addListener(channel: url.workspace.channel) { _, message in
            guard message.backendPID != pid else { return }
            notices.withLock { $0.fromOthers += 1 }
          }
        }
        return Live(connection: connection, backendPID: pid)
      } catch {
        Self.release(connection)
        throw error
      }
    } catch let failure as PostgresFailure {
      throw failure
    } catch {
      throw PostgresFailure(driverError: error, url: url)
    }
  }

  private static let nextID = Locked(0)

  /// Closes `connection` without waiting, keeping it alive until it is closed (the driver
  /// requires a connection to be closed before it is freed, and its listener's cleanup may
  /// otherwise hold the last reference).
  private static func release(_ connection: PostgresConnection) {
    let closing: EventLoopFuture<Void> = connection.close()
    closing.whenComplete { _ in withExtendedLifetime(connection) {} }
  }

  /// The driver logs nothing: what a user needs to know comes as a `PostgresFailure`.
  static let logger = Logger(label: "peili.postgres", factory: { _ in SwiftLogNoOpLogHandler() })

  /// The driver's settings for `url`. TLS as libpq's `prefer` and `require`: encrypted, the
  /// certificate not verified (libpq's `verify-ca` and `verify-full` are not offered yet).
  static func configuration(_ url: PostgresURL, password: String?) throws -> PostgresConnection.Configuration
  {
    var configuration: PostgresConnection.Configuration
    if let host = url.host {
      let tls: PostgresConnection.Configuration.TLS
      switch url.tls {
      case .disable:
        tls = .disable
      case .prefer, .require:
        var tlsConfiguration = TLSConfiguration.makeClientConfiguration()
        tlsConfiguration.certificateVerification = .none
        let context: NIOSSLContext
        do {
          context = try NIOSSLContext(configuration: tlsConfiguration)
        } catch {
          throw PostgresFailure.tlsUnavailable(url.description)
        }
        tls = url.tls == .require ? .require(context) : .prefer(context)
      }
      configuration = .init(
        host: host, port: url.port, username: url.user, password: password, database: url.database, tls: tls)
    } else {
      let socket = (url.socketDirectory ?? PostgresURL.defaultSocketDirectory) + "/.s.PGSQL.\(url.port)"
      configuration = .init(
        unixSocketPath: socket, username: url.user, password: password, database: url.database)
    }
    configuration.options.connectTimeout = .seconds(10)
    return configuration
  }
}

/// Statements on a held connection; every driver error comes out as a `PostgresFailure`.
struct SQL: Sendable {
  let connection: PostgresConnection
  let url: PostgresURL

  /// The rows of `query`, all read.
  func rows(_ query: PostgresQuery) throws -> [PostgresRow] {
    do {
      return Array(try connection.query(query, logger: ServerConnection.logger).wait().rows)
    } catch {
      throw PostgresFailure(driverError: error, url: url)
    }
  }

  func execute(_ query: PostgresQuery) throws {
    _ = try rows(query)
  }

  /// The first column of the first row (nil: no row, or NULL).
  func value<T: PostgresDecodable>(_ query: PostgresQuery, as type: T.Type = T.self) throws -> T?
  where T._DecodableType == T {
    guard let row = try rows(query).first else { return nil }
    do {
      return try row.decode(T?.self)
    } catch {
      throw PostgresFailure(driverError: error, url: url)
    }
  }
}
