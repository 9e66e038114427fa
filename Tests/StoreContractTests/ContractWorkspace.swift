import Foundation
import PeiliCore
import PeiliMemory
import PeiliPostgres
import PeiliStore
import Testing

/// A store the contract is held to.
enum Backend: String, CaseIterable, Sendable, CustomTestStringConvertible {
  case sqlite, memory, postgres

  var testDescription: String { rawValue }

  /// The backends this run can hold to the contract: PostgreSQL only with a server to test
  /// on (`PEILI_TEST_POSTGRES`; `PostgresAvailabilityTests` says when it was skipped and why).
  static let available: [Backend] = TestPostgres.url == nil ? [.sqlite, .memory] : allCases

  /// Those that keep reviews (PostgreSQL does not yet: its `reviews` is nil).
  static let withReviews: [Backend] = available.filter { $0 != .postgres }
}

/// The PostgreSQL server the contract suite runs on, from `PEILI_TEST_POSTGRES` (a URL, e.g.
/// postgres://postgres@127.0.0.1:55432/postgres?sslmode=disable); `scripts/test` starts one.
enum TestPostgres {
  static let variable = "PEILI_TEST_POSTGRES"
  static let url: PostgresURL? = {
    guard let text = ProcessInfo.processInfo.environment[variable], !text.isEmpty else { return nil }
    return try? PostgresURL(text)
  }()

  /// The same server with workspace `name`.
  static func url(workspace name: String) throws -> PostgresURL {
    var url = try #require(url)
    url.workspace = try WorkspaceName(name)
    return url
  }
}

/// One workspace holding the demo on a backend, on which sessions are opened as separate
/// processes would open them: each with its own undo lane and its own view of the others.
final class ContractWorkspace {
  let backend: Backend
  private let directory: URL
  private let memory: MemoryWorkspace?
  /// The PostgreSQL workspace of this test alone (its own schema, dropped by `remove`).
  private let postgres: PostgresURL?

  init(_ backend: Backend) throws {
    self.backend = backend
    directory = FileManager.default.temporaryDirectory.appendingPathComponent("peili-contract-\(UUID())")
    try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    let template = try DemoTemplate.shared()
    switch backend {
    case .sqlite:
      memory = nil
      postgres = nil
      try FileManager.default.copyItem(atPath: template.path, toPath: path)
    case .memory:
      memory = MemoryWorkspace(template.snapshot, name: "contract", comments: template.comments)
      postgres = nil
    case .postgres:
      memory = nil
      let url = try TestPostgres.url(workspace: "contract_" + UUID().uuidString.prefix(8).lowercased())
      postgres = url
      // Seeded as `peili migrate` moves a workspace: the demo file's tables copied whole.
      let seeder = try PostgresWorkspace.open(url: url, create: true)
      defer { seeder.close() }
      try seeder.load(template.tables)
    }
  }

  /// Removes its files and its PostgreSQL schema (a test's `defer`: the sessions must be
  /// done with them).
  func remove() {
    try? FileManager.default.removeItem(at: directory)
    if let postgres { try? PostgresWorkspace.drop(url: postgres) }
  }

  private var path: String { directory.appendingPathComponent("ws.db").path }

  /// A new session on the workspace.
  func session(readOnly: Bool = false) throws -> any WorkspaceStore {
    switch backend {
    case .sqlite: try Workspace.open(path: path, readOnly: readOnly)
    case .memory: memory!.open(readOnly: readOnly)
    case .postgres: try PostgresWorkspace.open(url: postgres!, readOnly: readOnly)
    }
  }
}

/// The demo built once per test run on SQLite (the importers a user runs), copied for each
/// SQLite test, read into each memory workspace and copied into each PostgreSQL one.
struct DemoTemplate: Sendable {
  let path: String
  let snapshot: Snapshot
  let comments: [String: [CommentRow]]
  /// The file's content tables, what seeds each PostgreSQL workspace.
  let tables: [TableRows]

  private static let built = Locked<Result<DemoTemplate, any Error>?>(nil)

  static func shared() throws -> DemoTemplate {
    try built.withLock { built in
      if built == nil { built = Result { try build() } }
      return try built!.get()
    }
  }

  private static func build() throws -> DemoTemplate {
    let dir = FileManager.default.temporaryDirectory.appendingPathComponent("peili-contract-demo-\(UUID())")
    try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
    let path = dir.appendingPathComponent("demo.db").path
    let ws = try DemoWorkspace.build(at: path, by: "demo")
    // Everything in the file itself, so that a copy of the file is the whole workspace.
    try ws.compactLog()
    let snapshot = try ws.snapshot()
    var comments: [String: [CommentRow]] = [:]
    for theme in snapshot.themes {
      comments[theme.id] =
        try ws.survey.comments(
          themeID: theme.id, audience: nil, waveID: nil, filter: .none, minimumGroup: 1
        ).rows
    }
    return DemoTemplate(path: path, snapshot: snapshot, comments: comments, tables: try ws.contentTables())
  }
}

extension WorkspaceStore {
  func action(_ id: String) throws -> Action { try #require(try actions(ids: [id]).first) }
  func keyResult(_ id: String) throws -> KeyResult { try #require(try keyResults(ids: [id]).first) }

  /// The audit rows written after row `after`, oldest first.
  func rows(after: Int64) throws -> [AuditEntry] {
    try auditTrail(AuditQuery(afterID: after, limit: 10_000)).reversed()
  }
}
