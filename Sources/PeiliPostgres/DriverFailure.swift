import PostgresNIO

extension PostgresFailure {
  /// The fact behind an error of postgres-nio or of the server (by its SQLSTATE), for `url`.
  init(driverError error: any Error, url: PostgresURL) {
    if let failure = error as? PostgresFailure {
      self = failure
      return
    }
    guard let error = error as? PSQLError else {
      self = error is PostgresDecodingError ? .server(sqlState: "decoding") : .connectionLost
      return
    }
    let address = url.host.map { "\($0):\(url.port)" } ?? (url.socketDirectory ?? "") + " (socket)"
    switch error.code {
    case .server:
      let state = error.serverInfo?[.sqlState] ?? ""
      switch state {
      case "28P01", "28000": self = .authenticationFailed(user: url.user)
      case "3D000": self = .noDatabase(url.database)
      case "42501": self = .permissionDenied(user: url.user)
      case "3F000": self = .noWorkspace(url.workspace.text)
      // admin_shutdown, crash_shutdown, cannot_connect_now: the server is going away.
      case "57P01", "57P02", "57P03": self = .connectionLost
      default: self = .server(sqlState: state)
      }
    case .authMechanismRequiresPassword: self = .passwordNeeded(user: url.user)
    case .sslUnsupported, .failedToAddSSLHandler, .receivedUnencryptedDataAfterSSLRequest:
      self = .tlsUnavailable(address)
    case .connectionError: self = .unreachable(address)
    default: self = .connectionLost
    }
  }
}
