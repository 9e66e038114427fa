import Foundation
import PeiliApp
import PeiliCore
import PeiliStore

/// `peili-bench review [--count FOLLOWERS]`: on the large workspace with a review open, a
/// presenter (in this process, as a dashboard's loop drives its model) and FOLLOWERS real
/// `peili` processes (30 by default) in ptys of 80×24, 100×30 and 160×48, each following.
/// Reported: from the presenter's key to each follower's repaint (its first output after the
/// key), p50/p99 over followers × keys; the followers' CPU while the presenter is idle; their
/// memory.
enum ReviewBenchmark {
  static let keys = 20
  static let sizes = [(80, 24), (100, 30), (160, 48)]

  static func run(_ arguments: BenchArguments) throws {
    let dir = try arguments.workingDirectory()
    defer { if !arguments.keep { try? FileManager.default.removeItem(at: dir) } }
    let path = dir.appendingPathComponent("review-large.db").path
    _ = try DashboardBenchmark.buildLarge(at: path, dir: dir, respondents: min(arguments.respondents, 5_000))
    let workspace = try Workspace.open(path: path)
    let review = try workspace.startReview(
      title: "Bench review", today: DashboardBenchmark.today, by: "bench")
    print("review: \(review.agenda.count) agenda items")
    let n = arguments.count ?? 30

    // The presenter: a model and a runner as the dashboard loop has them.
    let session = Workspace.currentSession(user: "presenter")
    let runner = CommandRunner(
      store: workspace, user: "presenter", presence: PresenceBeat(session: session, interval: 0))
    var presenter = Model(
      snapshot: try workspace.snapshot(), today: DashboardBenchmark.today, user: "presenter", width: 120,
      height: 40)
    presenter.shared.sessionID = session.id
    for key: Character in ["6", "P"] { runner.dispatch(.key(.char(key)), &presenter) }
    guard presenter.shared.presenter?.holder.id == session.id else {
      throw BenchError("the presenter did not get the lease")
    }

    // The followers.
    let peili = try DashboardBenchmark.peiliExecutable()
    var environment = ProcessInfo.processInfo.environment
    environment["TERM"] = "xterm-256color"
    environment["LANG"] = "C.UTF-8"
    environment["LC_ALL"] = "C.UTF-8"
    environment["PEILI_WORKSPACE"] = nil
    var followers: [PtySession] = []
    for i in 0..<n {
      let (w, h) = sizes[i % sizes.count]
      let f = try PtySession(
        path: peili, arguments: ["--workspace", path], environment: environment, width: w, height: h)
      guard f.read(until: "quit", timeout: 60) else { throw BenchError("follower \(i) showed no frame") }
      f.send("6")
      // `f` follows once the follower knows who presents (its next tick reads the lease).
      guard f.read(until: "presenting:", timeout: 10) else {
        throw BenchError("follower \(i) sees no presenter")
      }
      f.send("f")
      guard f.read(until: "leaves", timeout: 10) else { throw BenchError("follower \(i) did not follow") }
      followers.append(f)
    }
    defer {
      for f in followers {
        f.send("q")
        f.finish(timeout: 5)
      }
    }
    let bursts = Bursts(count: n)
    let stop = RefreshBenchmark.Board.Flag()
    var threads: [Thread] = []
    for (i, f) in followers.enumerated() {
      f.drain(quiet: 0.2, timeout: 5)
      let t = Thread {
        while !stop.isSet {
          if let at = f.nextBurst(timeout: 0.2, quiet: 0.02) { bursts.add(i, at) }
        }
      }
      threads.append(t)
      t.start()
    }
    Thread.sleep(forTimeInterval: 1)

    var latencies: [Double] = []
    var missed = 0
    for k in 0..<keys {
      // Quiet first: every follower has painted the last key.
      Thread.sleep(forTimeInterval: 0.5)
      let key: Character = k % 10 < 7 ? "n" : "p"
      let sent = RefreshBenchmark.Board.now()
      runner.dispatch(.key(.char(key)), &presenter)
      let seen = bursts.firstAfter(sent, deadline: 5)
      missed += n - seen.count
      latencies += seen.map { $0 - sent }
    }
    // Idle: the presenter does nothing for 10 s; what do the followers spend?
    let before = followers.map { $0.cpuSeconds() ?? 0 }
    let idle = 10.0
    Thread.sleep(forTimeInterval: idle)
    let cpu = zip(followers, before).map { (f, b) in ((f.cpuSeconds() ?? b) - b) / idle * 100 }
    let memory = followers.compactMap { $0.memoryKiB() }
    stop.set()
    for t in threads { while !t.isFinished { Thread.sleep(forTimeInterval: 0.01) } }

    let ms = { (p: Double) in String(format: "%.0f ms", DashboardBenchmark.percentile(latencies, p) * 1000) }
    print("\n| review, large workspace | followers | p50 | p99 | max | missed | target |")
    print("|---|---|---|---|---|---|---|")
    print(
      "| presenter's key → every follower repainted | \(n) | \(ms(0.5)) | \(ms(0.99)) | \(ms(1)) | "
        + "\(missed) of \(n * keys) | p99 ≤ 250 ms |")
    let mean = cpu.reduce(0, +) / Double(max(1, cpu.count))
    print(
      String(
        format: "\nidle CPU per follower (presenter idle %.0f s): mean %.2f %% of a core, max %.2f %%", idle,
        mean, cpu.max() ?? 0))
    let meanMiB = Double(memory.reduce(0, +)) / Double(max(1, memory.count)) / 1024
    print(
      String(
        format: "memory per follower (RSS): mean %.0f MiB, max %.0f MiB", meanMiB,
        Double(memory.max() ?? 0) / 1024))
  }

  /// When each follower's output bursts began, shared between their reader threads and the
  /// presenter's.
  final class Bursts: @unchecked Sendable {
    private let lock = NSLock()
    private var times: [[Double]]

    init(count: Int) { times = Array(repeating: [], count: count) }

    func add(_ i: Int, _ at: Double) { lock.withLock { times[i].append(at) } }

    /// Each follower's first burst after `t` (those that had one within `deadline` seconds).
    func firstAfter(_ t: Double, deadline: Double) -> [Double] {
      let end = t + deadline
      while true {
        let found = lock.withLock { times.compactMap { $0.first { $0 >= t } } }
        if found.count == times.count || RefreshBenchmark.Board.now() > end { return found }
        Thread.sleep(forTimeInterval: 0.002)
      }
    }
  }
}
