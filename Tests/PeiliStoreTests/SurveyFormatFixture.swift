import Foundation
import GRDB
import PeiliCore
import Testing

@testable import PeiliStore

/// The vendor export fixtures (Fixtures/vendor, found next to this file) and a fresh workspace
/// in a temp folder to import them into.
final class VendorFixture {
  let dir: URL
  let workspace: Workspace

  static let vendorDir = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    .appendingPathComponent("Fixtures/vendor")

  init() throws {
    dir = FileManager.default.temporaryDirectory.appendingPathComponent("peili-vendor-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
    workspace = try Workspace.open(path: dir.appendingPathComponent("ws.db").path, create: true)
  }

  deinit { try? FileManager.default.removeItem(at: dir) }

  /// A shipped fixture's path.
  static func path(_ name: String) -> String { vendorDir.appendingPathComponent(name).path }

  /// A file written into the temp folder.
  @discardableResult
  func file(_ name: String, _ text: String) throws -> String {
    let url = dir.appendingPathComponent(name)
    try Data(text.utf8).write(to: url)
    return url.path
  }

  @discardableResult
  func importFixture(
    _ csv: String, mapping: String, wave: String = "2025-09", audience: Audience = .customer,
    format: SurveyFormat? = nil, keeping: Set<SurveyRowExclusion> = [], replace: Bool = false
  ) throws -> SurveyImportSummary {
    let csvPath = csv.hasPrefix("/") ? csv : Self.path(csv)
    let mapPath = mapping.hasPrefix("/") ? mapping : Self.path(mapping)
    return try workspace.importSurvey(
      csv: csvPath, mapping: mapPath, wave: wave, date: Day("2025-09-15"), audience: audience,
      replace: replace, format: format, keeping: keeping, by: "tester")
  }

  func scores() throws -> [ScoreKey: ScoreSummary] {
    try workspace.writer.read { try ScoreCache.load($0) }
  }

  func theme(_ id: String, audience: Audience = .customer) throws -> ScoreSummary {
    try #require(try scores()[ScoreKey(themeID: id, audience: audience, waveID: "2025-09")])
  }

  /// Every value of every column of every table, as text: where personal data must not be.
  func everyStoredText() throws -> [String] {
    try workspace.writer.read { db in
      var values: [String] = []
      let tables = try String.fetchAll(db, sql: "SELECT name FROM sqlite_master WHERE type = 'table'")
      for table in tables {
        let columns = try Row.fetchAll(db, sql: "PRAGMA table_info(\"\(table)\")").map {
          $0["name"] as String
        }
        for column in columns {
          values += try String?.fetchAll(db, sql: "SELECT CAST(\"\(column)\" AS TEXT) FROM \"\(table)\"")
            .compactMap { $0 }
        }
      }
      return values
    }
  }

  /// Fails the test when any stored value contains one of `needles` (case-insensitive).
  func expectNotStored(_ needles: [String], sourceLocation: SourceLocation = #_sourceLocation) throws {
    let stored = try everyStoredText().map { $0.lowercased() }
    #expect(!stored.isEmpty, sourceLocation: sourceLocation)
    for needle in needles {
      let hit = stored.first { $0.contains(needle.lowercased()) }
      #expect(hit == nil, "personal value \(needle) stored: \(hit ?? "")", sourceLocation: sourceLocation)
    }
  }
}

/// `a` and `b` equal to within rounding.
func close(_ a: Double?, _ b: Double) -> Bool { a.map { abs($0 - b) < 1e-9 } ?? false }
