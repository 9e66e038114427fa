import PeiliPostgres
import Testing

@Suite("postgres:// URLs, read as libpq reads them")
struct PostgresURLTests {
  let env = ["USER": "login"]

  @Test func aFullURLGivesEveryPart() throws {
    let u = try PostgresURL(
      "postgres://aino:s%40cret@db.example.com:6543/okrs?workspace=acme&sslmode=require", environment: env)
    #expect(u.user == "aino")
    #expect(u.password == "s@cret")
    #expect(u.host == "db.example.com")
    #expect(u.socketDirectory == nil)
    #expect(u.port == 6543)
    #expect(u.database == "okrs")
    #expect(u.workspace.text == "acme")
    #expect(u.workspace.schema == "peili_acme")
    #expect(u.tls == .require)
    #expect(!u.description.contains("s@cret"), "the password never shows")
  }

  @Test func defaultsAreLibpqs() throws {
    let u = try PostgresURL("postgresql://eero@localhost", environment: env)
    #expect(u.port == 5432)
    #expect(u.database == "eero", "the database defaults to the user's name")
    #expect(u.workspace == .default)
    #expect(u.tls == .prefer)
    #expect(u.password == nil)
    let login = try PostgresURL("postgres://localhost/x", environment: env)
    #expect(login.user == "login")
    let pguser = try PostgresURL("postgres://localhost/x", environment: ["PGUSER": "pg", "USER": "login"])
    #expect(pguser.user == "pg")
  }

  @Test func aSocketDirectoryOrNoHostMeansAUnixSocket() throws {
    let none = try PostgresURL("postgres://aino@/okrs", environment: env)
    #expect(none.host == nil)
    #expect(none.socketDirectory == PostgresURL.defaultSocketDirectory)
    #expect(none.hostForLookup == "localhost")
    let dir = try PostgresURL("postgres://aino@/okrs?host=/tmp/pg", environment: env)
    #expect(dir.socketDirectory == "/tmp/pg")
    let v6 = try PostgresURL("postgres://aino@[::1]:5433/okrs", environment: env)
    #expect(v6.host == "::1")
    #expect(v6.port == 5433)
  }

  @Test(arguments: [
    ("mysql://x@y/z", PostgresFailure.URLProblem.notPostgres),
    ("postgres://x@y:99999/z", .badPort("99999")),
    ("postgres://x@y/z?sslmode=verify-full", .badTLSMode("verify-full")),
    ("postgres://x@y/z?workspace=a%20b", .badWorkspaceName("a b")),
    ("postgres://x@y/z?workspace=", .badWorkspaceName("")),
    ("postgres://x@y/z?workspace=%22%3Bdrop", .badWorkspaceName("\";drop")),
    ("postgres://x@y/z?application_name=p", .unknownParameter("application_name")),
    ("postgres://x@y/z?workspace=a&workspace=b", .repeatedParameter("workspace")),
  ])
  func aBadURLIsRefusedWithTheReason(_ text: String, _ problem: PostgresFailure.URLProblem) {
    #expect(throws: PostgresFailure.badURL(problem)) { try PostgresURL(text, environment: env) }
  }

  @Test func workspaceNamesFoldToOneSchema() throws {
    #expect(try WorkspaceName("Acme-2").schema == "peili_acme-2")
    #expect(try WorkspaceName("Acme-2").quotedSchema == "\"peili_acme-2\"")
  }
}
