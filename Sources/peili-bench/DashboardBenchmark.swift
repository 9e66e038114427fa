import Foundation
import PeiliApp
import PeiliCore
import PeiliStore
import PeiliTerminal
import PeiliUI

/// `peili-bench dashboard`: the dashboard on the demo workspace and on a large one (300
/// objectives, 1,500 key results, 6,000 actions, the large survey), measured in the same run:
/// (a) process start to first painted frame of the real `peili` binary in a 120×40 pty,
/// (b) per-key `update` + `view` time over 1,000 navigation and edit keys against the real
/// store, (c) bytes ncurses writes per navigation key beside a full repaint, (d) peak memory.
enum DashboardBenchmark {
  static let width = 120
  static let height = 40
  static let starts = 10
  static let keyCount = 1000
  /// Share of keys that change the selected action when one is selected.
  static let editShare = 25
  static let today = Day(year: 2026, month: 6, day: 15) ?? Day(ordinal: 0)

  /// One workspace's figures.
  struct Figures {
    var name: String
    var rows = 0
    var visibleRows = 0
    var build = 0.0
    var firstFrames: [Double] = []
    var peakKiB = 0
    var navigation: [Double] = []
    var edits: [Double] = []
    /// Where an edit key's time goes, summed over the mixed session's edit keys (`splitEdits`
    /// of them): store write, snapshot read, model load (analysis + tree), update and view.
    var editParts: [String: Double] = [:]
    var splitEdits = 0
    var navigationBytes: [Int] = []
    /// The same split by whether the key scrolled the tree (every row of the pane moves).
    var scrollingBytes: [Int] = []
    var stillBytes: [Int] = []
    var fullRepaints: [Int] = []
    var keys: [String: Int] = [:]
    /// Navigation seconds by key.
    var byKey: [String: [Double]] = [:]
    /// Median seconds of each step of a full reload, measured apart.
    var reloadSteps: [(String, Double)] = []
  }

  static func run(_ arguments: BenchArguments) throws {
    // For a profiler: only repeat the reload steps on an existing workspace.
    if let path = ProcessInfo.processInfo.environment["PEILI_BENCH_RELOAD"] {
      let workspace = try Workspace.open(path: path)
      var steps: [String: [Double]] = [:]
      // PEILI_BENCH_REREAD=0: read once and repeat only the model's part (for a profiler).
      let reread = ProcessInfo.processInfo.environment["PEILI_BENCH_REREAD"] != "0"
      let once = try workspace.snapshot()
      let loops =
        ProcessInfo.processInfo.environment["PEILI_BENCH_LOOPS"].flatMap { Int($0) } ?? (reread ? 20 : 100)
      for _ in 0..<loops {
        let (snapshot, read) = try Measurement.time { reread ? try workspace.snapshot() : once }
        let (analysis, analyse) = Measurement.time { MirrorAnalysis(snapshot: snapshot, today: today) }
        // The same analysis in its two halves: what the dashboard derives while the store reads
        // the actions, and the action side left on the first frame's critical path.
        let (basis, derive) = Measurement.time { MirrorBasis(snapshot: snapshot, today: today) }
        let (completed, complete) = Measurement.time { MirrorAnalysis(basis: basis, snapshot: snapshot) }
        let (tree, index) = Measurement.time { OKRTree(snapshot: snapshot) }
        let (rows, visit) = Measurement.time {
          tree.visibleRows(expanded: Set(snapshot.objectives.map(\.id)))
        }
        for (name, t) in [
          ("snapshot", read), ("analysis", analyse), ("analysis.basis", derive),
          ("analysis.actions", complete),
          ("tree", index), ("rows", visit),
        ] {
          steps[name, default: []].append(t)
        }
        precondition(analysis.themes.count + completed.warnings.count + tree.nodes.count + rows.count > 0)
      }
      let lines = steps.sorted { $0.key < $1.key }.map {
        "\($0.key) median \(ms(percentile($0.value, 0.5))) min \(ms($0.value.min() ?? 0))"
      }
      print(lines.joined(separator: ", "))
      return
    }
    // For a profiler: many navigation keys only, with the rows each key changes.
    if let path = ProcessInfo.processInfo.environment["PEILI_BENCH_NAVIGATE"] {
      try navigateOnly(path: path)
      return
    }
    let dir = try arguments.workingDirectory()
    defer { if !arguments.keep && arguments.dir == nil { try? FileManager.default.removeItem(at: dir) } }
    let peili = try peiliExecutable()
    print("peili-bench dashboard: \(width)x\(height), peili at \(peili), in \(dir.path)")
    print("load average: \(loadAverage())")

    var demo = Figures(name: "demo")
    let demoPath = dir.appendingPathComponent("dashboard-demo.db").path
    ImportBenchmark.removeDatabase(demoPath)
    (_, demo.build) = try Measurement.time { try DemoWorkspace.build(at: demoPath, by: "bench") }
    print("demo workspace built in \(Measurement.format(demo.build))")

    var large = Figures(name: "large")
    let largePath = dir.appendingPathComponent("dashboard-large.db").path
    large.build = try buildLarge(at: largePath, dir: dir, respondents: arguments.respondents)

    // (a) + (d): alternate the two so that a change of machine load hits both alike.
    for run in 0..<starts {
      for i in 0..<2 {
        let path = i == 0 ? demoPath : largePath
        let (seconds, peak) = try firstFrame(peili: peili, workspace: path, keysAfter: run == 0)
        if i == 0 {
          demo.firstFrames.append(seconds)
          demo.peakKiB = max(demo.peakKiB, peak)
        } else {
          large.firstFrames.append(seconds)
          large.peakKiB = max(large.peakKiB, peak)
        }
      }
    }
    // (b) + (c)
    // Chunks of 100 keys, alternating: a busy moment of the machine hits both alike.
    let sessions = [
      try KeySession(path: demoPath, figures: demo), try KeySession(path: largePath, figures: large),
    ]
    for _ in 0..<(keyCount / 100) { for s in sessions { try s.mixedKeys(100) } }
    for s in sessions { try s.flushFrames(force: true) }
    for _ in 0..<(keyCount / 100) { for s in sessions { s.editKeys(100) } }
    demo = sessions[0].figures
    large = sessions[1].figures

    for f in [demo, large] { report(f) }
    table(demo, large)
    print(
      String(format: "peili-bench process peak memory (ru_maxrss): %.0f MiB", Measurement.peakMemoryMiB()))
    print("load average: \(loadAverage())")
  }

  // MARK: - Workspaces

  /// The large survey (`SurveyGenerator`) and the large OKR file (`OKRGenerator`), both
  /// imported through the real importers; returns the seconds taken.
  /// `scale` multiplies the OKRs (10: the 10× workspace of `peili-bench refresh`).
  static func buildLarge(at path: String, dir: URL, respondents: Int, scale: Int = 1) throws -> Double {
    ImportBenchmark.removeDatabase(path)
    let generator = SurveyGenerator(respondents: respondents, dir: dir)
    let okrPath = dir.appendingPathComponent("dashboard-okrs.yaml").path
    let (files, generate) = try Measurement.time { try generator.write() }
    let (counts, _) = try Measurement.time { try OKRGenerator(path: okrPath, scale: scale).write() }
    let (_, importTime) = try Measurement.time {
      let workspace = try Workspace.open(path: path, create: true)
      for f in files {
        try workspace.importSurvey(
          csv: f.path, mapping: generator.mappingPath, wave: f.wave, date: f.date, audience: f.audience,
          by: "bench")
      }
      try workspace.importOKRs(file: okrPath, by: "bench")
    }
    print(
      "\(scale == 1 ? "large" : "\(scale)× large") workspace: \(counts.objectives) objectives, \(counts.keyResults) key results, "
        + "\(counts.actions) actions, 6 survey files of \(respondents) respondents; generated in "
        + "\(Measurement.format(generate)), imported in \(Measurement.format(importTime))")
    return generate + importTime
  }

  /// The `peili` built beside this benchmark (or `$PEILI_BIN`).
  static func peiliExecutable() throws -> String {
    if let path = ProcessInfo.processInfo.environment["PEILI_BIN"], !path.isEmpty { return path }
    let me =
      (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe"))
      ?? CommandLine.arguments[0]
    let path = URL(fileURLWithPath: me).deletingLastPathComponent().appendingPathComponent("peili").path
    guard FileManager.default.isExecutableFile(atPath: path) else {
      throw BenchError(
        "no peili binary at \(path): build both with `swift build -c release` (or set PEILI_BIN)")
    }
    return path
  }

  // MARK: - (a) first frame

  /// Seconds from spawning `peili --workspace PATH` in a 120×40 pty until its first frame's
  /// last row (the footer's "quit") has arrived, and the process's peak memory (KiB) once a
  /// few keys have been handled.
  static func firstFrame(peili: String, workspace: String, keysAfter: Bool) throws -> (Double, Int) {
    var environment = ProcessInfo.processInfo.environment
    environment["TERM"] = "xterm-256color"
    environment["LANG"] = "C.UTF-8"
    environment["LC_ALL"] = "C.UTF-8"
    environment["NO_COLOR"] = nil
    environment["PEILI_WORKSPACE"] = nil
    let start = DispatchTime.now().uptimeNanoseconds
    let session = try PtySession(
      path: peili, arguments: ["--workspace", workspace], environment: environment, width: width,
      height: height)
    guard session.read(until: "quit", timeout: 30) else {
      session.finish(timeout: 1)
      let text = String(decoding: session.output.suffix(400), as: UTF8.self)
      throw BenchError("peili showed no frame within 30 s; its last output: \(text.debugDescription)")
    }
    let seconds = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
    session.drain(quiet: 0.05, timeout: 1)
    if keysAfter {
      // Memory after some use: moves, a page, the end and back, an expansion.
      session.send("jjjjjjjjjj\u{1B}[6~Gglj")
      session.drain(quiet: 0.3, timeout: 5)
    }
    let peak = session.peakMemoryKiB() ?? 0
    session.send("q")
    session.drain(quiet: 0.1, timeout: 3)
    session.finish(timeout: 5)
    return (seconds, peak)
  }

  // MARK: - (b) + (c) keys in process

  /// 20,000 navigation keys on the workspace at `path`; prints how often each screen row
  /// changed and how many of its cells, to see where the bytes of a key go.
  static func navigateOnly(path: String) throws {
    let workspace = try Workspace.open(path: path)
    var model = Model(
      snapshot: try workspace.snapshot(), today: today, user: "bench", glyphs: .unicode, width: width,
      height: height)
    var buffer = Buffer(width: width, height: height)
    view(model, into: &buffer)
    var rng = SeededGenerator(seed: 1000)
    var rowChanges = [Int](repeating: 0, count: height)
    var cellChanges = [Int](repeating: 0, count: height)
    let keys = 20_000
    let (_, seconds) = Measurement.time {
      for _ in 0..<keys {
        let key = nextKey(model, &rng, editShare: 0)
        let before = buffer
        _ = update(&model, .key(key))
        view(model, into: &buffer)
        for y in 0..<height {
          var changed = 0
          for x in 0..<width where before[x, y] != buffer[x, y] { changed += 1 }
          if changed > 0 {
            rowChanges[y] += 1
            cellChanges[y] += changed
          }
        }
      }
    }
    print("\(keys) keys in \(Measurement.format(seconds)) (with the diffing)")
    for y in 0..<height {
      print(
        "row \(y): changed on \(rowChanges[y] * 100 / keys)% of keys, \(cellChanges[y] / keys) cells per key  "
          + buffer.line(y).prefix(60))
    }
  }

  /// The next key of a session: mostly moves through the tree (down more than up), pages,
  /// opening and closing, the mirror pane; on an action, sometimes an edit.
  static func nextKey(_ model: Model, _ rng: inout SeededGenerator, editShare: Int = editShare) -> Key {
    // Only the dashboard is measured: back from any other screen or box.
    if model.overlay != nil { return .escape }
    if model.screen != .dashboard { return .backspace }
    if model.dashboard.selectedAction != nil && rng.below(100) < editShare {
      let edits: [Key] = [.char("+"), .char("+"), .char("-"), .char(">"), .char("<"), .char("s")]
      return edits[rng.below(edits.count)]
    }
    let r = rng.below(100)
    if model.dashboard.focus == .mirror {
      switch r {
      case 0..<40: return .down
      case 40..<70: return .up
      case 70..<85: return .tab
      default: return .escape
      }
    }
    switch r {
    case 0..<44: return .down
    case 44..<62: return .up
    case 62..<68: return .pageDown
    case 68..<72: return .pageUp
    case 72..<80: return .right
    case 80..<88: return .left
    case 88..<94: return .enter
    case 94..<97: return .tab
    case 97..<98: return .end
    default: return .home
    }
  }

  static func describe(_ key: Key) -> String {
    switch key {
    case .char(let c): "\(c)"
    default: "\(key)"
    }
  }

  // MARK: - Report

  static func percentile(_ values: [Double], _ p: Double) -> Double {
    guard !values.isEmpty else { return 0 }
    let sorted = values.sorted()
    return sorted[min(sorted.count - 1, max(0, Int((Double(sorted.count) * p).rounded(.up)) - 1))]
  }

  static func percentile(_ values: [Int], _ p: Double) -> Int {
    Int(percentile(values.map(Double.init), p))
  }

  static func ms(_ seconds: Double) -> String { String(format: "%.3f ms", seconds * 1000) }

  static func report(_ f: Figures) {
    print("\n\(f.name): \(f.rows) tree items, \(f.visibleRows) rows visible at the start")
    print(
      "  (a) first frame: median \(ms(percentile(f.firstFrames, 0.5))) over \(f.firstFrames.count) starts "
        + "(min \(ms(f.firstFrames.min() ?? 0)), max \(ms(f.firstFrames.max() ?? 0)))")
    let all = f.navigation + f.edits
    print(
      "  (b) per key, all \(all.count): p50 \(ms(percentile(all, 0.5))), p99 \(ms(percentile(all, 0.99))); "
        + "navigation \(f.navigation.count): p50 \(ms(percentile(f.navigation, 0.5))), "
        + "p99 \(ms(percentile(f.navigation, 0.99))), max \(ms(f.navigation.max() ?? 0)); "
        + "edits \(f.edits.count): p50 \(ms(percentile(f.edits, 0.5))), p99 \(ms(percentile(f.edits, 0.99)))")
    if !f.edits.isEmpty {
      let parts = f.editParts.sorted { $0.value > $1.value }.map {
        "\($0.key) \(ms($0.value / Double(max(1, f.splitEdits))))"
      }
      print("      an edit key on average: " + parts.joined(separator: ", "))
    }
    print(
      "      a reload, step by step: " + f.reloadSteps.map { "\($0.0) \(ms($0.1))" }.joined(separator: ", "))
    print(
      "      navigation by key (p50 / max): "
        + f.byKey.sorted { $0.key < $1.key }.map {
          "\($0.key) \(ms(percentile($0.value, 0.5))) / \(ms($0.value.max() ?? 0))"
        }.joined(separator: ", "))
    print(
      "      keys: "
        + f.keys.sorted { $0.value > $1.value }.map { "\($0.key) \($0.value)" }.joined(separator: ", "))
    let full = percentile(f.fullRepaints, 0.5)
    let median = percentile(f.navigationBytes, 0.5)
    print(
      "  (c) bytes per navigation key: median \(median) B, p99 \(percentile(f.navigationBytes, 0.99)) B, "
        + "full repaint \(full) B (median = "
        + String(format: "%.1f", full > 0 ? Double(median) / Double(full) * 100 : 0) + "%)")
    print(
      "      keys that scrolled the tree: \(f.scrollingBytes.count), median \(percentile(f.scrollingBytes, 0.5)) B; "
        + "the others: \(f.stillBytes.count), median \(percentile(f.stillBytes, 0.5)) B")
    print(String(format: "  (d) peak memory of peili (VmHWM): %.1f MiB", Double(f.peakKiB) / 1024))
  }

  /// The Markdown table BENCHMARKS.md carries.
  static func table(_ demo: Figures, _ large: Figures) {
    func row(
      _ metric: String, _ d: Double, _ l: Double, _ format: (Double) -> String, target: String, met: Bool?
    ) {
      let ratio = d > 0 ? String(format: "%.2f", l / d) : "–"
      print(
        "| \(metric) | \(format(d)) | \(format(l)) | \(ratio) | \(target) | \(met.map { $0 ? "yes" : "**no**" } ?? "–") |"
      )
    }
    let msf = { (s: Double) in String(format: "%.3f ms", s * 1000) }
    let mib = { (k: Double) in String(format: "%.1f MiB", k / 1024) }
    let bytes = { (b: Double) in "\(Int(b)) B" }
    let share = { (f: Figures) in
      Double(percentile(f.navigationBytes, 0.5)) / Double(max(1, percentile(f.fullRepaints, 0.5)))
    }
    print("\n| metric | demo | large | large/demo | target | met? |")
    print("|---|---|---|---|---|---|")
    let dFirst = percentile(demo.firstFrames, 0.5)
    let lFirst = percentile(large.firstFrames, 0.5)
    row(
      "(a) start to first frame, median of \(starts)", dFirst, lFirst, msf, target: "large ≤ 2× demo",
      met: lFirst <= 2 * dFirst)
    let dNav = percentile(demo.navigation, 0.99)
    let lNav = percentile(large.navigation, 0.99)
    row(
      "(b) navigation key p50 (\(demo.navigation.count) / \(large.navigation.count) keys)",
      percentile(demo.navigation, 0.5), percentile(large.navigation, 0.5), msf,
      target: "–", met: nil)
    row(
      "(b) navigation key p99", dNav, lNav, msf, target: "≤ 2 ms, large ≤ 1.5× demo",
      met: dNav <= 0.002 && lNav <= 0.002 && lNav <= 1.5 * dNav)
    let dEdit = percentile(demo.edits, 0.99)
    let lEdit = percentile(large.edits, 0.99)
    row(
      "(b) edit key p50 (write + in-place update + view; \(demo.edits.count) / \(large.edits.count) keys)",
      percentile(demo.edits, 0.5), percentile(large.edits, 0.5),
      msf, target: "–", met: nil)
    row(
      "(b) edit key p99", dEdit, lEdit, msf, target: "≤ 2 ms, large ≤ 1.5× demo",
      met: dEdit <= 0.002 && lEdit <= 0.002 && lEdit <= 1.5 * dEdit)
    let dAll = percentile(demo.navigation + demo.edits, 0.99)
    let lAll = percentile(large.navigation + large.edits, 0.99)
    row(
      "(b) all keys p99 (\(demo.navigation.count + demo.edits.count) / \(large.navigation.count + large.edits.count))",
      dAll, lAll, msf, target: "≤ 2 ms, large ≤ 1.5× demo",
      met: dAll <= 0.002 && lAll <= 0.002 && lAll <= 1.5 * dAll)
    row(
      "(c) bytes per navigation key, median", Double(percentile(demo.navigationBytes, 0.5)),
      Double(percentile(large.navigationBytes, 0.5)), bytes, target: "–", met: nil)
    row(
      "(c) bytes per navigation key, p99", Double(percentile(demo.navigationBytes, 0.99)),
      Double(percentile(large.navigationBytes, 0.99)), bytes, target: "–", met: nil)
    row(
      "(c) full repaint", Double(percentile(demo.fullRepaints, 0.5)),
      Double(percentile(large.fullRepaints, 0.5)), bytes, target: "–", met: nil)
    row(
      "(c) median key / full repaint", share(demo), share(large), { String(format: "%.1f%%", $0 * 100) },
      target: "≤ 15%", met: share(demo) <= 0.15 && share(large) <= 0.15)
    row(
      "(d) peak memory of peili (VmHWM)", Double(demo.peakKiB), Double(large.peakKiB), mib, target: "–",
      met: nil)
  }

  static func loadAverage() -> String {
    (try? String(contentsOfFile: "/proc/loadavg", encoding: .utf8))?.split(separator: " ").prefix(3)
      .joined(separator: " ") ?? "?"
  }
}
