import Foundation
import PeiliApp
import PeiliCore
import PeiliStore

/// `peili-bench refresh [--count SESSIONS]`: on a workspace 10× the large one (3,000
/// objectives, 60,000 actions), SESSIONS open dashboards (30 by default), each with its own
/// connections and its own thread ticking every 250 ms as the loop does, while another
/// session checks in one action every 1.5 s. Reported: how long after the write each
/// dashboard shows it (p50/p99 over sessions × edits), by change (the audit rows since the
/// last one seen, then only those items) and, for comparison with fewer sessions, by the
/// full reload every session did before.
enum RefreshBenchmark {
  static let edits = 12
  static let tick = 0.25

  static func run(_ arguments: BenchArguments) throws {
    let dir = try arguments.workingDirectory()
    defer { if !arguments.keep { try? FileManager.default.removeItem(at: dir) } }
    let path = dir.appendingPathComponent("refresh-10x.db").path
    _ = try DashboardBenchmark.buildLarge(
      at: path, dir: dir, respondents: min(arguments.respondents, 5_000), scale: 10)
    let sessions = arguments.count ?? 30
    print("\n| refresh of another session's edit, 10× workspace | sessions | p50 | p99 | max | target |")
    print("|---|---|---|---|---|---|")
    let byChange = try measure(path: path, sessions: sessions, byChange: true)
    print(
      row("by change (audit rows since the last seen, then those items)", sessions, byChange, "p99 ≤ 0.5 s"))
    for n in [1, 10] {
      let full = try measure(path: path, sessions: n, byChange: false)
      print(row("full reload (as before)", n, full, "—"))
    }
  }

  static func row(_ name: String, _ n: Int, _ seconds: [Double], _ target: String) -> String {
    let f = { (p: Double) in Measurement.format(DashboardBenchmark.percentile(seconds, p)) }
    return "| \(name) | \(n) | \(f(0.5)) | \(f(0.99)) | \(f(1)) | \(target) |"
  }

  /// Opens `sessions` dashboards, then checks in actions from another session; the seconds
  /// from each commit to each dashboard's model holding it.
  static func measure(path: String, sessions n: Int, byChange: Bool) throws -> [Double] {
    let today = DashboardBenchmark.today
    let board = Board()
    var threads: [Thread] = []
    let stop = Board.Flag()
    for i in 0..<n {
      let workspace = try Workspace.open(path: path)
      var runner = CommandRunner(store: workspace, user: "viewer\(i)")
      runner.refreshesByChange = byChange
      let thread = Thread { [runner] in
        // The model belongs to this thread alone, as a dashboard's to its loop: built here
        // from a snapshot it consumes, so that no other copy shares its storage (the first
        // edit applied in place would copy every action; the dashboard consumes its first
        // snapshot the same way).
        guard let snapshot = try? workspace.snapshot() else { return }
        var model = Model(snapshot: consume snapshot, today: today, user: "viewer\(i)")
        board.ready()
        while !stop.isSet {
          runner.dispatch(.tick, &model)
          board.saw(model)
          Thread.sleep(forTimeInterval: tick)
        }
      }
      thread.stackSize = 8 << 20
      threads.append(thread)
    }
    for t in threads { t.start() }
    let writer = try Workspace.open(path: path)
    var rng = SeededGenerator(seed: 7000)
    var latencies: [Double] = []
    board.waitReady(n)
    Thread.sleep(forTimeInterval: 1)
    for _ in 0..<edits {
      let actions = try writer.snapshot().actions
      let a = actions[rng.below(actions.count)]
      let target = a.progress == 100 ? 90 : min(100, a.progress + 10)
      board.expect(a.id, target, sessions: n)
      guard
        case .applied = try writer.apply(.progress(target), toAction: a.id, basedOn: a.version, by: "writer")
      else { continue }
      let committed = Board.now()
      latencies += board.wait(deadline: 20).map { $0 - committed }
    }
    stop.set()
    for t in threads { while !t.isFinished { Thread.sleep(forTimeInterval: 0.01) } }
    return latencies
  }

  /// What the sessions have seen, shared between their threads and the writer.
  final class Board: @unchecked Sendable {
    private let lock = NSLock()
    private var id = ""
    private var progress = -1
    private var wanted = 0
    private var seen: [Double] = []
    private var who = Set<String>()
    private var readyCount = 0

    func ready() { lock.withLock { readyCount += 1 } }

    func waitReady(_ n: Int) {
      while lock.withLock({ readyCount < n }) { Thread.sleep(forTimeInterval: 0.05) }
    }

    static func now() -> Double { Double(DispatchTime.now().uptimeNanoseconds) / 1e9 }

    func expect(_ id: String, _ progress: Int, sessions: Int) {
      lock.withLock {
        self.id = id
        self.progress = progress
        wanted = sessions
        seen = []
        who = []
      }
    }

    func saw(_ m: Model) {
      let at = Self.now()
      lock.withLock {
        guard !id.isEmpty, !who.contains(m.shared.user), m.shared.tree.action(id)?.progress == progress else {
          return
        }
        who.insert(m.shared.user)
        seen.append(at)
      }
    }

    /// The times every session saw it (those that did within `deadline` seconds).
    func wait(deadline: Double) -> [Double] {
      let end = Self.now() + deadline
      while Self.now() < end {
        if let done = lock.withLock({ seen.count >= wanted ? seen : nil }) { return done }
        Thread.sleep(forTimeInterval: 0.005)
      }
      return lock.withLock { seen }
    }

    final class Flag: @unchecked Sendable {
      private let lock = NSLock()
      private var value = false
      var isSet: Bool { lock.withLock { value } }
      func set() { lock.withLock { value = true } }
    }
  }
}
