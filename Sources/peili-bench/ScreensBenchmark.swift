import Foundation
import PeiliApp
import PeiliCore
import PeiliStore
import PeiliUI

/// `peili-bench screens`: on the large workspace (6,000 actions), the keys of the Actions and
/// History screens through `update` + `view` (p50/p99, as the dashboard's keys), and the
/// dashboard against a store that sleeps 300 ms per call with commands on `Effects`: the
/// navigation keys pressed while the worker is busy, and how soon an edit shows as pending.
enum ScreensBenchmark {
  static let width = 120
  static let height = 40
  static let keys = Int(ProcessInfo.processInfo.environment["PEILI_BENCH_KEYS"] ?? "") ?? 3_000
  static let storeDelay = 0.3

  static func run(_ arguments: BenchArguments) throws {
    let dir = try arguments.workingDirectory()
    defer { if !arguments.keep { try? FileManager.default.removeItem(at: dir) } }
    let path = dir.appendingPathComponent("screens-large.db").path
    _ = try DashboardBenchmark.buildLarge(at: path, dir: dir, respondents: arguments.respondents)
    let workspace = try Workspace.open(path: path)
    var runner = CommandRunner(store: workspace, user: "bench")
    let today = DashboardBenchmark.today
    // As the dashboard runs: loads derived on the worker, the first one right after start.
    runner.today = today
    let snapshot = try workspace.snapshot()
    var base = Model(
      snapshot: snapshot, today: today, user: "bench", glyphs: .unicode, width: width, height: height)
    _ = update(&base, .snapshotLoaded(snapshot, derived: SnapshotDerivation(snapshot, today: today)))
    Retirement.settle()

    print("\n| screen (large workspace, \(width)×\(height)) | keys | p50 | p99 | target |")
    print("|---|---|---|---|---|")
    let actionsKeys: [Key] = [
      .down, .down, .down, .pageDown, .up, .tab, .char("o"), .down, .char("S"), .end, .home,
      .char("d"), .char("x"), .pageUp, .char("t"),
    ]
    let historyKeys: [Key] = [.down, .down, .pageDown, .up, .end, .home, .pageUp, .down]
    var slowest: [String: String] = [:]
    for (name, digit, pool) in [("Actions (4)", "4", actionsKeys), ("History (7)", "7", historyKeys)] {
      var m = base
      runner.dispatch(.key(.char(Character(digit))), &m)
      var byKey: [String: [Double]] = [:]
      let times = timeKeys(&m, pool: pool, runner: runner, byKey: &byKey)
      slowest[name] = byKey.map {
        ($0.key, DashboardBenchmark.percentile($0.value, 0.5), DashboardBenchmark.percentile($0.value, 0.99))
      }
      .sorted { $0.2 > $1.2 }.prefix(5).map {
        "\($0.0) p50 \(DashboardBenchmark.ms($0.1)), p99 \(DashboardBenchmark.ms($0.2))"
      }
      .joined(separator: "; ")
      print(
        "| \(name) | \(times.count) | \(DashboardBenchmark.ms(DashboardBenchmark.percentile(times, 0.5))) | "
          + "\(DashboardBenchmark.ms(DashboardBenchmark.percentile(times, 0.99))) | p99 ≤ 1 ms |")
    }
    for (name, keys) in slowest.sorted(by: { $0.key < $1.key }) { print("slowest keys of \(name): \(keys)") }
    try slowStore(path: path, today: today)
  }

  /// Seeded keys from `pool`, each timed through `update` and `view`; commands they ask for
  /// (a history read after a filter) are answered untimed, as the worker would.
  static func timeKeys(_ m: inout Model, pool: [Key], runner: CommandRunner, byKey: inout [String: [Double]])
    -> [Double]
  {
    var rng = SeededGenerator(seed: 4000)
    var buffer = Buffer(width: width, height: height)
    var times: [Double] = []
    for i in 0..<(keys + 50) {
      let key = pool[rng.below(pool.count)]
      let start = DispatchTime.now().uptimeNanoseconds
      let commands = update(&m, .key(key))
      let mid = DispatchTime.now().uptimeNanoseconds
      view(m, into: &buffer)
      if ProcessInfo.processInfo.environment["PEILI_BENCH_SLOW"] != nil,
        DispatchTime.now().uptimeNanoseconds - start > 3_000_000
      {
        print(
          "slow \(key): update \(Double(mid - start) / 1e6) ms, view \(Double(DispatchTime.now().uptimeNanoseconds - mid) / 1e6) ms"
        )
      }
      let elapsed = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
      if i >= 50 {  // the first keys warm up
        times.append(elapsed)
        byKey["\(key)", default: []].append(elapsed)
      }
      for c in commands { if let answer = runner.perform(c) { runner.dispatch(answer, &m) } }
    }
    return times
  }

  /// The dashboard on a store 300 ms late per call, commands on the worker: navigation keys
  /// while edits and polls are outstanding, and the frame after an edit key.
  static func slowStore(path: String, today: Day) throws {
    let workspace = try Workspace.open(path: path)
    let slow = SlowStore(workspace, delay: storeDelay)
    let effects = Effects(runner: CommandRunner(store: slow, user: "bench"))
    var m = Model(
      snapshot: try workspace.snapshot(), today: today, user: "bench", glyphs: .unicode, width: width,
      height: height)
    var buffer = Buffer(width: width, height: height)
    // Onto an action: the first objective's rows, down to the first action.
    while m.dashboard.selectedAction == nil, m.dashboard.cursor + 1 < m.dashboard.rowCount {
      effects.submit(update(&m, .key(.down)))
    }
    var navigation: [Double] = []
    var editFrames: [Double] = []
    var pendingShown = 0
    var busyKeys = 0
    let navigationKeys: [Key] = [.down, .up, .down, .pageDown, .pageUp, .tab, .tab]
    var rng = SeededGenerator(seed: 5000)
    let rounds = 20
    for _ in 0..<rounds {
      // An edit: its frame must show it pending at once, whatever the store is doing.
      // Back onto an action: Tab moves the focus to the mirror pane, and the other keys
      // wander off to objectives and key results.
      if m.dashboard.focus != .tree { effects.submit(update(&m, .key(.tab))) }
      if m.dashboard.selectedAction == nil { effects.submit(update(&m, .key(.home))) }
      for _ in 0..<50 where m.dashboard.selectedAction == nil {
        effects.submit(update(&m, .key(.down)))
      }
      let start = DispatchTime.now().uptimeNanoseconds
      // `+` at 100% changes nothing (and says so): `-` there.
      let edit: Character = (m.dashboard.selectedAction?.progress ?? 0) < 100 ? "+" : "-"
      let commands = update(&m, .key(.char(edit)))
      effects.submit(commands)
      view(m, into: &buffer)
      editFrames.append(Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9)
      if (0..<buffer.height).contains(where: { buffer.line($0).contains("saving") }) {
        pendingShown += 1
      } else if ProcessInfo.processInfo.environment["PEILI_BENCH_SLOW"] != nil {
        print("not pending: \(buffer.line(buffer.height - 2)) | \(m.dashboard.selectedAction?.id ?? "-")")
      }
      // Navigation while the worker sleeps on the edit (and the polls of the ticks).
      for k in 0..<15 {
        if k % 5 == 0 { effects.submit(update(&m, .tick)) }
        let key = navigationKeys[rng.below(navigationKeys.count)]
        if effects.pending > 0 { busyKeys += 1 }
        let t0 = DispatchTime.now().uptimeNanoseconds
        effects.submit(update(&m, .key(key)))
        for answer in effects.drain() { effects.submit(update(&m, answer)) }
        view(m, into: &buffer)
        navigation.append(Double(DispatchTime.now().uptimeNanoseconds - t0) / 1e9)
        Thread.sleep(forTimeInterval: 0.02)  // a fast typist: 50 keys a second
      }
    }
    effects.finish(within: 60)
    for answer in effects.drain() { _ = update(&m, answer) }
    print("\n| store \(Int(storeDelay * 1000)) ms per call, commands on the worker | value | target |")
    print("|---|---|---|")
    print(
      "| navigation keys (\(navigation.count), \(busyKeys) with the worker busy) p99 | "
        + "\(DashboardBenchmark.ms(DashboardBenchmark.percentile(navigation, 0.99))) | ≤ 1 ms |")
    print(
      "| edit key to a frame showing it pending, p99 of \(rounds) | "
        + "\(DashboardBenchmark.ms(DashboardBenchmark.percentile(editFrames, 0.99))) (pending shown in "
        + "\(pendingShown)/\(rounds)) | at once |")
  }
}
