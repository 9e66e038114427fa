import Foundation
import PeiliApp
import PeiliCore
import PeiliStore
import PeiliUI

/// `peili-bench impact`: on the large workspace (6,000 actions) with a second cycle started
/// from the first (its unfinished actions carried over), against dashboard navigation keys
/// in the same run: opening the Impact screen (`5`, its cache cold), its keys, `p` (last
/// cycle judged a year later), and switching cycle — the `C` key and the frame that applies
/// the snapshot the worker loaded (the load itself is off the key path and reads the score
/// cache, not the answers; it is timed apart).
enum ImpactBenchmark {
  static let width = 120
  static let height = 40

  static func run(_ arguments: BenchArguments) throws {
    let dir = try arguments.workingDirectory()
    defer { if !arguments.keep { try? FileManager.default.removeItem(at: dir) } }
    let path = dir.appendingPathComponent("impact-large.db").path
    _ = try DashboardBenchmark.buildLarge(at: path, dir: dir, respondents: arguments.respondents)
    let workspace = try Workspace.open(path: path)
    let next = Cycle(id: "2027", name: "Benchmark 2027", start: Day("2027-01-01")!, end: Day("2027-12-31")!)
    let carried = try workspace.startCycle(next, carryingOverFrom: "2026", by: "bench")
    workspace.select(cycle: .id("2027"))
    var runner = CommandRunner(store: workspace, user: "bench")
    let today = DashboardBenchmark.today
    // As the dashboard runs: loads are derived on the worker for the model's day.
    runner.today = today
    let cold = Model(
      snapshot: try workspace.snapshot(), today: today, user: "bench", glyphs: .unicode, width: width,
      height: height)
    var base = cold
    let snapshot = try workspace.snapshot()
    let (prepared, preparing) = Measurement.time { SnapshotDerivation(snapshot, today: today) }
    _ = update(&base, .snapshotLoaded(snapshot, derived: prepared))
    print(
      "\nlarge workspace: cycle 2026 with \(base.shared.snapshot.previousCycle?.actions.count ?? 0) actions "
        + "left after \(carried.carriedActions.count) were carried over to 2027")
    print("\n| on the large workspace (\(width)×\(height)) | n | p50 | p99 | target |")
    print("|---|---|---|---|---|")
    var rows: [(String, [Double])] = []

    var dashboard = base
    var byKey: [String: [Double]] = [:]
    let navigation = ScreensBenchmark.timeKeys(
      &dashboard, pool: [.down, .down, .up, .pageDown, .pageUp], runner: runner, byKey: &byKey)
    rows.append(("dashboard navigation key", navigation))

    // Opening: a fresh model each time, after a load the worker derived (as after start-up
    // and every reload), and — for comparison — one whose rows were never derived.
    var buffer = Buffer(width: width, height: height)
    rows.append(
      (
        "open Impact (`5`) after a load",
        repeatTimed(200) { () -> Void in
          var m = base
          _ = update(&m, .key(.char("5")))
          view(m, into: &buffer)
        }
      ))
    let coldOpen = repeatTimed(20) { () -> Void in
      var m = cold
      _ = update(&m, .key(.char("5")))
      view(m, into: &buffer)
    }
    var impact = base
    runner.dispatch(.key(.char("5")), &impact)
    rows.append(
      (
        "Impact keys",
        ScreensBenchmark.timeKeys(
          &impact, pool: [.down, .down, .up, .pageDown, .pageUp, .tab, .home, .end], runner: runner,
          byKey: &byKey)
      ))
    rows.append(
      (
        "`p` last cycle, a year later",
        repeatTimed(200) { () -> Void in
          var m = impact
          _ = update(&m, .key(.char("p")))
          view(m, into: &buffer)
        }
      ))

    // Switching cycle: the key, then the frame applying what the worker loaded.
    var switching = impact
    var keyTimes: [Double] = []
    var applyTimes: [Double] = []
    var loadTimes: [Double] = []
    // 1,000 switches, so that their p99 is the tenth-slowest frame: with 100 it was the
    // second-slowest, set against the p99 of 3,000 navigation keys.
    for _ in 0..<1_000 {
      // The replaced cycle, freed in the background, is gone before the next switch, as it
      // is long before a person's next key.
      Retirement.settle()
      var start = DispatchTime.now().uptimeNanoseconds
      let commands = update(&switching, .key(.char("C")))
      view(switching, into: &buffer)
      keyTimes.append(Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9)
      for c in commands {
        start = DispatchTime.now().uptimeNanoseconds
        // On another thread, as `Effects` runs it: the key path's core keeps its caches.
        let answer = onWorker { [runner] in runner.perform(c) }
        loadTimes.append(Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9)
        guard let answer else { continue }
        start = DispatchTime.now().uptimeNanoseconds
        _ = update(&switching, answer)
        view(switching, into: &buffer)
        applyTimes.append(Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9)
      }
    }
    rows.append(("`C` switch cycle: the key", keyTimes))
    rows.append(("`C` switch cycle: applying the loaded cycle", applyTimes))
    let p99Navigation = DashboardBenchmark.percentile(navigation, 0.99)
    for (name, times) in rows {
      let target =
        name.hasPrefix("dashboard") ? "" : "≤ 2× navigation (\(DashboardBenchmark.ms(2 * p99Navigation)))"
      print(
        "| \(name) | \(times.count) | \(DashboardBenchmark.ms(DashboardBenchmark.percentile(times, 0.5))) | "
          + "\(DashboardBenchmark.ms(DashboardBenchmark.percentile(times, 0.99))) | \(target) |")
    }
    print(
      "| open Impact with its rows never derived (off the path above) | \(coldOpen.count) | "
        + "\(DashboardBenchmark.ms(DashboardBenchmark.percentile(coldOpen, 0.5))) | "
        + "\(DashboardBenchmark.ms(DashboardBenchmark.percentile(coldOpen, 0.99))) | |")
    print(
      "| the worker's derivation of a snapshot (analysis, tree, both cycles' Impact rows) | 1 | "
        + "\(DashboardBenchmark.ms(preparing)) | | |")
    print(
      "| the worker's load of a cycle, derivation included (off the key path) | \(loadTimes.count) | "
        + "\(DashboardBenchmark.ms(DashboardBenchmark.percentile(loadTimes, 0.5))) | "
        + "\(DashboardBenchmark.ms(DashboardBenchmark.percentile(loadTimes, 0.99))) | |")
  }

  /// `body` on a thread of its own, waited for.
  static func onWorker<T: Sendable>(_ body: @escaping @Sendable () -> T) -> T {
    let result = Locked<T?>(nil)
    let done = DispatchSemaphore(value: 0)
    Thread {
      let value = body()
      result.withLock { $0 = value }
      done.signal()
    }.start()
    done.wait()
    return result.withLock { $0! }
  }

  static func repeatTimed(_ n: Int, _ body: () -> Void) -> [Double] {
    (0..<n).map { _ in
      let start = DispatchTime.now().uptimeNanoseconds
      body()
      return Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
    }
  }
}
