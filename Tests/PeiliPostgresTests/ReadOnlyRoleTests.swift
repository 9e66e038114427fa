import Foundation
import PeiliCore
import PeiliPostgres
import Testing

/// A role granted SELECT only opens a workspace read-only, with that reason; on the server
/// `PEILI_TEST_POSTGRES` names (a superuser's URL, as `scripts/with-postgres` gives).
@Suite("PostgreSQL roles")
struct ReadOnlyRoleTests {
  static let server = ProcessInfo.processInfo.environment["PEILI_TEST_POSTGRES"].flatMap {
    try? PostgresURL($0)
  }

  @Test(.enabled(if: server != nil, "skipped: PEILI_TEST_POSTGRES is not set"))
  func aRoleThatMayOnlySelectOpensReadOnly() throws {
    var owner = try #require(Self.server)
    let name = "roles_" + UUID().uuidString.prefix(8).lowercased()
    owner.workspace = try WorkspaceName(name)
    let created = try PostgresWorkspace.open(url: owner, create: true)
    #expect(!created.isReadOnly)
    created.close()
    defer { try? PostgresWorkspace.drop(url: owner) }
    let role = "peili_reader_" + UUID().uuidString.prefix(8).lowercased()
    let schema = owner.workspace.quotedSchema
    try psql(
      owner,
      """
      CREATE ROLE \(role) LOGIN; GRANT USAGE ON SCHEMA \(schema) TO \(role);
      GRANT SELECT ON ALL TABLES IN SCHEMA \(schema) TO \(role);
      """)
    defer { try? psql(owner, "DROP OWNED BY \(role); DROP ROLE \(role);") }
    var reader = owner
    reader.user = role
    let store = try PostgresWorkspace.open(url: reader)
    defer { store.close() }
    #expect(store.isReadOnly)
    #expect(store.readOnlyReason?.contains("may only read") == true)
    #expect(try store.snapshot().isReadOnly)
    do {
      _ = try store.apply(.progress(1), toAction: "A1", basedOn: 1, by: "juho")
      Issue.record("a read-only role wrote")
    } catch let error as StoreError {
      guard case .readOnly = error else {
        Issue.record("expected readOnly, got \(error)")
        return
      }
    }
  }

  /// Runs `sql` with psql as the server's own user (test setup only).
  private func psql(_ url: PostgresURL, _ sql: String) throws {
    let p = Process()
    p.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    p.arguments = [
      "psql", "-v", "ON_ERROR_STOP=1", "-q", "-h", url.host ?? "127.0.0.1", "-p", "\(url.port)", "-U",
      url.user,
      "-d", url.database, "-c", sql,
    ]
    try p.run()
    p.waitUntilExit()
    #expect(p.terminationStatus == 0, "psql: \(sql)")
  }
}
