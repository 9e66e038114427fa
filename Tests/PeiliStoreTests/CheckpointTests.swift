import Foundation
import GRDB
import PeiliCore
import Testing

@testable import PeiliStore

@Suite("WAL checkpoints wait for an idle moment")
struct CheckpointTests {
  /// The progress of A1 as the main database file alone holds it (what a checkpoint moved
  /// there), read from a copy without its -wal file.
  static func progressInMainFile(_ fx: StoreFixture, _ ws: Workspace) throws -> Int? {
    let copy = fx.path("main-only-\(UUID().uuidString).peili")
    try FileManager.default.copyItem(atPath: ws.path, toPath: copy)
    let queue = try DatabaseQueue(path: copy)
    defer { try? queue.close() }
    return try queue.read { try Int.fetchOne($0, sql: "SELECT progress FROM action WHERE id = 'A1'") }
  }

  @Test func deferredEditsStayInTheLogUntilTidy() throws {
    let fx = try StoreFixture()
    let ws = try fx.exampleWorkspace()
    try ws.tidy()
    try ws.deferCheckpointsToIdle()
    let autocheckpoint = try ws.writer.writeWithoutTransaction {
      try Int.fetchOne($0, sql: "PRAGMA wal_autocheckpoint")
    }
    #expect(autocheckpoint == 0)
    let before = try #require(try Self.progressInMainFile(fx, ws))
    var a1 = try #require(try ws.snapshot().actions.first { $0.id == "A1" })
    for p in [before + 1, before + 2, before + 3] {
      guard
        case .applied(let now) = try ws.apply(
          .progress(p % 101), toAction: "A1", basedOn: a1.version, by: "aino")
      else { throw StoreError.invalid("conflict") }
      a1 = now
    }
    #expect(try Self.progressInMainFile(fx, ws) == before, "the edits are only in the log")
    try ws.tidy()
    #expect(try Self.progressInMainFile(fx, ws) == a1.progress, "tidy moved them into the file")
  }

  @Test func aReadOnlyWorkspaceLeavesTheFileAlone() throws {
    let fx = try StoreFixture()
    let ws = try fx.exampleWorkspace()
    try ws.tidy()
    try ws.deferCheckpointsToIdle()
    let a1 = try #require(try ws.snapshot().actions.first { $0.id == "A1" })
    let before = try #require(try Self.progressInMainFile(fx, ws))
    _ = try ws.apply(.progress((before + 7) % 101), toAction: "A1", basedOn: a1.version, by: "aino")
    let reader = try Workspace.open(path: fx.path("ws.peili"), readOnly: true)
    try reader.deferCheckpointsToIdle()
    try reader.tidy()
    #expect(try Self.progressInMainFile(fx, ws) == before, "a reader does not checkpoint another's edit")
    #expect(try reader.snapshot().actions.first { $0.id == "A1" }?.progress == (before + 7) % 101)
  }
}
