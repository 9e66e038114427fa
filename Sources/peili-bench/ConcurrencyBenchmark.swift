import Foundation
import GRDB
import PeiliStore

/// `peili-bench concurrency [--count N]`: many real `peili` processes on one workspace file,
/// as a team and its scripts use a shared server. Three rounds: 8 processes × N check-ins each
/// on its own action; 8 × N all on one action; 1 writer of N check-ins beside 2 readers of N
/// `history` and `report` runs. Each round says how many commands failed, how many check-ins
/// the workspace recorded (and so how many were lost) and whether SQLite's integrity check
/// passes. The target (issue 10): 0 failed, 0 lost, integrity ok.
enum ConcurrencyBenchmark {
  static func run(_ args: BenchArguments) throws {
    let peili = try DashboardBenchmark.peiliExecutable()
    let dir = try args.workingDirectory()
    let count = args.count ?? 500
    print("peili-bench concurrency: \(count) commands per process, peili at \(peili), in \(dir.path)")
    var allMet = true
    for round in Round.allCases {
      let path = dir.appendingPathComponent("concurrency-\(round).db").path
      for p in [path, path + "-wal", path + "-shm"] { try? FileManager.default.removeItem(atPath: p) }
      _ = try DemoWorkspace.build(at: path, by: "bench")
      let before = try checkIns(path)
      let started = Date()
      let results = try round.workers.map { worker in
        try Worker(peili: peili, workspace: path, role: worker, count: count)
      }
      let group = DispatchGroup()
      for w in results { w.start(group) }
      group.wait()
      let seconds = Date().timeIntervalSince(started)
      let writes = results.filter(\.role.writes)
      let wrote = writes.reduce(0) { $0 + $1.succeeded }
      let recorded = try checkIns(path) - before
      let failed = results.reduce(0) { $0 + $1.failed }
      let integrity = try check(path)
      let met = failed == 0 && recorded == writes.count * count && integrity == "ok"
      allMet = allMet && met
      print(
        String(
          format: "%@: %d processes, %d check-ins recorded of %d, %d commands failed (%d reads), "
            + "%d lost, integrity %@, %.1f s  %@",
          round.title, results.count, recorded, writes.count * count, failed,
          results.filter { !$0.role.writes }.reduce(0) { $0 + $1.failed }, wrote - recorded, integrity,
          seconds, met ? "(met)" : "(NOT met)"))
      for (message, n) in results.flatMap(\.messages).reduce(
        into: [String: Int](), { $0[$1, default: 0] += 1 }
      )
      .sorted(by: { $0.value > $1.value }).prefix(5) {
        print("  \(n)× \(message)")
      }
      if !args.keep {
        for p in [path, path + "-wal", path + "-shm"] { try? FileManager.default.removeItem(atPath: p) }
      }
    }
    if !allMet { throw BenchError("the concurrency target was not met") }
  }

  /// One round's mix of processes.
  enum Round: CaseIterable {
    case ownActions, oneAction, writerAndReaders

    var title: String {
      switch self {
      case .ownActions: "8 writers, each on its own action"
      case .oneAction: "8 writers, all on one action"
      case .writerAndReaders: "1 writer + 2 readers"
      }
    }

    var workers: [Worker.Role] {
      switch self {
      case .ownActions: (1...8).map { .checkIn(action: "A\($0)") }
      case .oneAction: (1...8).map { _ in .checkIn(action: "A4") }
      case .writerAndReaders: [.checkIn(action: "A4"), .history, .report]
      }
    }
  }

  static func checkIns(_ path: String) throws -> Int {
    let queue = try DatabaseQueue(path: path)
    defer { try? queue.close() }
    return try queue.read { try Int.fetchOne($0, sql: "SELECT count(*) FROM checkin") ?? 0 }
  }

  static func check(_ path: String) throws -> String {
    let queue = try DatabaseQueue(path: path)
    defer { try? queue.close() }
    return try queue.read { try String.fetchOne($0, sql: "PRAGMA integrity_check") ?? "?" }
  }
}

/// A thread that runs one `peili` command after another, counting failures.
final class Worker: @unchecked Sendable {
  /// What the process does, `count` times.
  enum Role {
    case checkIn(action: String)
    case history
    case report

    var writes: Bool {
      if case .checkIn = self { return true }
      return false
    }
  }

  let peili: String
  let workspace: String
  let role: Role
  let count: Int
  private(set) var succeeded = 0
  private(set) var failed = 0
  private(set) var messages: [String] = []

  init(peili: String, workspace: String, role: Role, count: Int) throws {
    self.peili = peili
    self.workspace = workspace
    self.role = role
    self.count = count
  }

  func start(_ group: DispatchGroup) {
    group.enter()
    Thread.detachNewThread { [self] in
      for i in 0..<count { one(i) }
      group.leave()
    }
  }

  private func one(_ i: Int) {
    let arguments: [String]
    switch role {
    case .checkIn(let action):
      arguments = ["checkin", action, "--progress", String((i * 7) % 101), "--note", "bench \(i)"]
    case .history: arguments = ["history", "--limit", "20"]
    case .report: arguments = ["report", "--format", "json"]
    }
    let process = Process()
    process.executableURL = URL(fileURLWithPath: peili)
    process.arguments = ["--workspace", workspace] + arguments
    let errors = Pipe()
    process.standardOutput = FileHandle.nullDevice
    process.standardError = errors
    process.standardInput = FileHandle.nullDevice
    do {
      try process.run()
      let text = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
      process.waitUntilExit()
      if process.terminationStatus == 0 {
        succeeded += 1
      } else {
        failed += 1
        messages.append(text.trimmingCharacters(in: .whitespacesAndNewlines))
      }
    } catch {
      failed += 1
      messages.append("could not start peili: \(error)")
    }
  }
}
