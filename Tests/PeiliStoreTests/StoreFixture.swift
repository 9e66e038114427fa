import Foundation
import GRDB
import PeiliCore
import Testing

@testable import PeiliStore

/// A temp folder for workspace files and OKR YAML, removed when the fixture goes away.
final class StoreFixture {
  let dir: URL

  init() throws {
    dir = FileManager.default.temporaryDirectory.appendingPathComponent("peili-store-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
  }

  deinit {
    chmod(dir.path, 0o755)
    try? FileManager.default.removeItem(at: dir)
  }

  func path(_ name: String) -> String { dir.appendingPathComponent(name).path }

  @discardableResult
  func file(_ name: String, _ text: String) throws -> String {
    try file(name, Data(text.utf8))
  }

  @discardableResult
  func file(_ name: String, _ data: Data) throws -> String {
    let url = dir.appendingPathComponent(name)
    try data.write(to: url)
    return url.path
  }

  /// A new workspace holding the example OKR file.
  func exampleWorkspace(_ name: String = "ws.peili") throws -> Workspace {
    let ws = try Workspace.open(path: path(name), create: true)
    try ws.importOKRs(file: Self.examplePath, by: "importer")
    return ws
  }

  static var examplePath: String {
    URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
      .deletingLastPathComponent().appendingPathComponent("examples/okrs.yaml").path
  }

  /// Every row of every table as text, to show that a refused change wrote nothing.
  static func dump(_ ws: Workspace) throws -> String {
    try ws.writer.read { db in
      var out = ""
      let tables = try String.fetchAll(
        db, sql: "SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")
      for table in tables {
        out += "## \(table)\n"
        for row in try Row.fetchAll(db, sql: "SELECT * FROM \(table) ORDER BY rowid") { out += "\(row)\n" }
      }
      return out
    }
  }

  /// Writes the WAL back into the main file so that its bytes show every committed change.
  static func checkpoint(_ ws: Workspace) throws {
    try ws.writer.writeWithoutTransaction { db in try db.execute(sql: "PRAGMA wal_checkpoint(TRUNCATE)") }
  }

  static func bytes(_ path: String) throws -> Data { try Data(contentsOf: URL(fileURLWithPath: path)) }

  static func mode(_ path: String) -> mode_t {
    var st = stat()
    stat(path, &st)
    return st.st_mode & 0o777
  }
}
