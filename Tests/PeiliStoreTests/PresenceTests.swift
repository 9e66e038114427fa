import Foundation
import GRDB
import PeiliCore
import Testing

@testable import PeiliStore

@Suite("Presence: who else has the workspace open")
struct PresenceTests {
  static func session(_ id: String, _ user: String) -> WorkspaceSession {
    WorkspaceSession(id: id, user: user, host: "server", pid: 1)
  }

  @Test func eachSessionSeesTheOthersUntilTheyLeaveOrGoQuiet() throws {
    let fx = try StoreFixture()
    let first = try fx.exampleWorkspace()
    let second = try Workspace.open(path: fx.path("ws.peili"))
    let aino = Self.session("s1", "aino")
    let mikko = Self.session("s2", "mikko")
    #expect(try first.heartbeat(aino, now: 1000) == [])
    #expect(try second.heartbeat(mikko, now: 1001) == [aino])
    #expect(try first.heartbeat(aino, now: 1005) == [mikko])
    // Mikko's session stops beating (a dropped connection): gone after the expiry.
    #expect(try first.heartbeat(aino, now: 1001 + Workspace.presenceExpiry) == [mikko])
    #expect(try first.heartbeat(aino, now: 1002 + Workspace.presenceExpiry) == [])
    // Back, then quitting properly.
    #expect(try second.heartbeat(mikko, now: 1040).map(\.user) == ["aino"])
    #expect(try first.heartbeat(aino, now: 1041) == [mikko])
    try second.leave(mikko)
    #expect(try first.heartbeat(aino, now: 1042) == [])
  }

  @Test func theLastSessionToLeaveTruncatesTheLog() throws {
    let fx = try StoreFixture()
    let path = fx.path("ws.peili")
    let first = try fx.exampleWorkspace()
    let second = try Workspace.open(path: path)
    try first.deferCheckpointsToIdle()
    let now = Date().timeIntervalSince1970
    _ = try first.heartbeat(Self.session("s1", "aino"), now: now)
    _ = try second.heartbeat(Self.session("s2", "mikko"), now: now)
    var version = try #require(try first.snapshot().actions.first { $0.id == "A1" }?.version)
    for p in stride(from: 0, through: 100, by: 5) {
      guard case .applied(let a) = try first.apply(.progress(p), toAction: "A1", basedOn: version, by: "aino")
      else { throw StoreError.invalid("conflict") }
      version = a.version
    }
    func logSize() -> Int {
      var st = stat()
      return stat(path + "-wal", &st) == 0 ? Int(st.st_size) : -1
    }
    #expect(logSize() > 0)
    try first.leave(Self.session("s1", "aino"))
    #expect(logSize() > 0, "mikko is still there: his session keeps the log")
    try second.leave(Self.session("s2", "mikko"))
    #expect(logSize() == 0)
    #expect(try Workspace.open(path: path).snapshot().actions.first { $0.id == "A1" }?.progress == 100)
  }

  @Test func presenceIsNoContentChangeButEveryKindOfWriteIs() throws {
    let fx = try StoreFixture()
    let first = try fx.exampleWorkspace()
    let second = try Workspace.open(path: fx.path("ws.peili"))
    #expect(try !second.hasExternalChanges())
    _ = try first.heartbeat(Self.session("s1", "aino"))
    #expect(try !second.hasExternalChanges(), "another session's heartbeat is not a change")

    let a1 = try #require(try first.snapshot().actions.first { $0.id == "A1" })
    _ = try first.apply(
      .progress(a1.progress == 50 ? 60 : 50), toAction: "A1", basedOn: a1.version, by: "aino")
    _ = try first.heartbeat(Self.session("s1", "aino"))
    #expect(try second.hasExternalChanges(), "an edit, even followed by a heartbeat")
    _ = try first.undoLastOfThisSession(by: "aino")
    #expect(try second.hasExternalChanges(), "an undo")
    let kr = try #require(try first.snapshot().keyResults.first)
    _ = try first.checkIn(keyResult: kr.id, value: nil, confidence: 4, note: "", by: "aino")
    #expect(try second.hasExternalChanges(), "a key result check-in")
    var okrs = try String(contentsOfFile: StoreFixture.examplePath, encoding: .utf8)
    okrs = okrs.replacingOccurrences(of: "Monthly customer newsletter", with: "Monthly newsletter")
    _ = try first.importOKRs(file: try fx.file("changed.yaml", okrs), by: "aino", update: true)
    #expect(try second.hasExternalChanges(), "an OKR import")
    let examples = URL(fileURLWithPath: StoreFixture.examplePath).deletingLastPathComponent()
    _ = try first.importSurvey(
      csv: examples.appendingPathComponent("survey-customers.csv").path,
      mapping: examples.appendingPathComponent("survey-mapping.yaml").path, wave: "2099-01",
      date: Day("2099-01-15"), audience: .customer, by: "aino")
    #expect(try second.hasExternalChanges(), "a survey import")
    #expect(try !second.hasExternalChanges(), "reported once")
  }

  @Test func aReadOnlyWorkspaceSeesOthersWithoutWriting() throws {
    let fx = try StoreFixture()
    let writer = try fx.exampleWorkspace()
    _ = try writer.heartbeat(Self.session("s1", "aino"))
    let reader = try Workspace.open(path: fx.path("ws.peili"), readOnly: true)
    let before = try StoreFixture.dump(writer)
    #expect(try reader.heartbeat(Self.session("s2", "guest")).map(\.user) == ["aino"])
    try reader.leave(Self.session("s2", "guest"))
    #expect(try StoreFixture.dump(writer) == before)
    #expect(try writer.heartbeat(Self.session("s1", "aino")) == [], "the reader left no row")
  }

  @Test func aBusyWorkspaceSkipsTheBeatInsteadOfWaiting() throws {
    let fx = try StoreFixture()
    let ws = try fx.exampleWorkspace()
    let other = try Workspace.open(path: fx.path("ws.peili"))
    // Another session holds the write lock (a long import, say) while this one beats and
    // quits: without waiting the busy timeout and without an error, the writes are skipped.
    let importer = try DatabaseQueue(path: fx.path("ws.peili"))
    try importer.writeWithoutTransaction { db in
      try db.execute(sql: "BEGIN IMMEDIATE")
      defer { try? db.execute(sql: "ROLLBACK") }
      #expect(try ws.heartbeat(Self.session("s1", "aino"), now: 1000) == [])
      try ws.leave(Self.session("s1", "aino"))
    }
    #expect(try other.heartbeat(Self.session("s2", "mikko"), now: 1001) == [], "nothing was written")
    // Free again: the next beat is written, and writes wait for the lock as before.
    _ = try ws.heartbeat(Self.session("s1", "aino"), now: 1002)
    #expect(try other.heartbeat(Self.session("s2", "mikko"), now: 1003).map(\.user) == ["aino"])
    let a1 = try #require(try ws.snapshot().actions.first { $0.id == "A1" })
    _ = try ws.apply(.progress(a1.progress == 50 ? 60 : 50), toAction: "A1", basedOn: a1.version, by: "aino")
  }
}
