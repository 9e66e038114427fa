import Foundation
import PeiliCore
import PeiliMemory
import PeiliStore
import Testing

/// A store the contract is held to.
enum Backend: String, CaseIterable, Sendable, CustomTestStringConvertible {
  case sqlite, memory

  var testDescription: String { rawValue }
}

/// One workspace holding the demo on a backend, on which sessions are opened as separate
/// processes would open them: each with its own undo lane and its own view of the others.
final class ContractWorkspace {
  let backend: Backend
  private let directory: URL
  private let memory: MemoryWorkspace?

  init(_ backend: Backend) throws {
    self.backend = backend
    directory = FileManager.default.temporaryDirectory.appendingPathComponent("peili-contract-\(UUID())")
    try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    let template = try DemoTemplate.shared()
    switch backend {
    case .sqlite:
      memory = nil
      try FileManager.default.copyItem(atPath: template.path, toPath: path)
    case .memory:
      memory = MemoryWorkspace(template.snapshot, name: "contract", comments: template.comments)
    }
  }

  /// Removes its files (a test's `defer`: the sessions must be done with them).
  func remove() { try? FileManager.default.removeItem(at: directory) }

  private var path: String { directory.appendingPathComponent("ws.db").path }

  /// A new session on the workspace.
  func session(readOnly: Bool = false) throws -> any WorkspaceStore {
    switch backend {
    case .sqlite: try Workspace.open(path: path, readOnly: readOnly)
    case .memory: memory!.open(readOnly: readOnly)
    }
  }
}

/// The demo built once per test run on SQLite (the importers a user runs), copied for each
/// SQLite test and read into each memory workspace.
struct DemoTemplate: Sendable {
  let path: String
  let snapshot: Snapshot
  let comments: [String: [CommentRow]]

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
    return DemoTemplate(path: path, snapshot: snapshot, comments: comments)
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
