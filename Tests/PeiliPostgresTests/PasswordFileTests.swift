import Foundation
import PeiliPostgres
import Testing

@Suite("~/.pgpass, looked up by libpq's rules")
struct PasswordFileTests {
  let text = """
    # comment line
    db.example.com:5432:okrs:aino:first
    *:5432:okrs:aino:second
    db.example.com:*:*:eero:pa\\:ss\\\\word
    localhost:5432:*:*:socket
    """

  @Test func theFirstMatchingLineWinsAndStarMatchesAnything() {
    #expect(
      PasswordFile.lookup(text: text, host: "db.example.com", port: 5432, database: "okrs", user: "aino")
        == .found("first"))
    #expect(
      PasswordFile.lookup(text: text, host: "other", port: 5432, database: "okrs", user: "aino")
        == .found("second"))
    #expect(
      PasswordFile.lookup(text: text, host: "other", port: 5433, database: "okrs", user: "aino") == .noMatch)
  }

  @Test func escapedColonsAndBackslashesAreUnescaped() {
    #expect(
      PasswordFile.lookup(text: text, host: "db.example.com", port: 1, database: "x", user: "eero")
        == .found("pa:ss\\word"))
  }

  @Test func aSocketConnectionLooksUpLocalhost() throws {
    let url = try PostgresURL("postgres://juho@/okrs", environment: [:])
    #expect(
      PasswordFile.lookup(text: text, host: url.hostForLookup, port: url.port, database: "okrs", user: "juho")
        == .found("socket"))
  }

  @Test func aFileOthersMayReadIsNotRead() throws {
    let dir = FileManager.default.temporaryDirectory.appendingPathComponent("peili-pgpass-\(UUID())")
    try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: dir) }
    let path = dir.appendingPathComponent(".pgpass").path
    try Data(text.utf8).write(to: URL(fileURLWithPath: path))
    try FileManager.default.setAttributes([.posixPermissions: 0o644], ofItemAtPath: path)
    #expect(
      PasswordFile.lookup(path: path, host: "other", port: 5432, database: "okrs", user: "aino")
        == .tooOpen(path: path))
    try FileManager.default.setAttributes([.posixPermissions: 0o600], ofItemAtPath: path)
    #expect(
      PasswordFile.lookup(path: path, host: "other", port: 5432, database: "okrs", user: "aino")
        == .found("second"))
    #expect(
      PasswordFile.lookup(path: dir.path, host: "other", port: 5432, database: "okrs", user: "aino")
        == .noMatch,
      "a directory is not a password file")
  }

  @Test func theFileIsPGPASSFILEElseTheHomes() {
    #expect(PasswordFile.path(environment: ["PGPASSFILE": "/x/p", "HOME": "/h"]) == "/x/p")
    #expect(PasswordFile.path(environment: ["HOME": "/h"]) == "/h/.pgpass")
    #expect(PasswordFile.path(environment: [:]) == nil)
  }
}
