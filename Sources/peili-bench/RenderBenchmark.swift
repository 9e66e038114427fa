import Foundation
import PeiliApp
import PeiliCore
import PeiliStore
import PeiliTerminal
import PeiliUI

/// `peili-bench render`: bytes ncurses writes per navigation key at 120×40 beside one full
/// repaint, painting through ncurses into a file (no terminal needed).
enum RenderBenchmark {
  static let width = 120
  static let height = 40

  /// Measures `frames` (frame 0 = the screen before the first key, then one frame per key)
  /// and prints one line; returns the figures for callers that tabulate them.
  @discardableResult
  static func measure(label: String, frames: [Buffer], outputPath: String? = nil) throws -> PaintBytes {
    let bytes = try Terminal.measurePaintBytes(
      frames: frames, width: width, height: height, outputPath: outputPath)
    let share = bytes.fullRepaint > 0 ? Double(bytes.medianPerFrame) / Double(bytes.fullRepaint) * 100 : 0
    let sorted = bytes.perFrame.sorted()
    let p99 = sorted.isEmpty ? 0 : sorted[min(sorted.count - 1, Int(Double(sorted.count) * 0.99))]
    print(
      "\(label): \(bytes.perFrame.count) keys at \(width)x\(height): median \(bytes.medianPerFrame) B/key, "
        + "p99 \(p99) B/key, full repaint \(bytes.fullRepaint) B (median = "
        + String(format: "%.1f", share) + "% of a full repaint), first frame \(bytes.firstFrame) B")
    return bytes
  }

  /// Frames of the dashboard on `snapshot`: the first screen, then one per navigation key
  /// (down through the tree and back up, `rounds` times), each through `update` and `view`.
  static func dashboardFrames(snapshot: Snapshot, rounds: Int = 5) -> [Buffer] {
    var model = Model(
      snapshot: snapshot, today: Day(year: 2026, month: 6, day: 15) ?? Day(ordinal: 0), user: "bench",
      glyphs: .unicode, width: width, height: height)
    var buffer = Buffer(width: width, height: height)
    view(model, into: &buffer)
    var frames = [buffer]
    let steps = max(1, min(40, model.dashboard.rowCount - 1))
    for _ in 0..<rounds {
      for key in Array(repeating: Key.down, count: steps) + Array(repeating: Key.up, count: steps) {
        _ = update(&model, .key(key))
        view(model, into: &buffer)
        frames.append(buffer)
      }
    }
    return frames
  }

  /// The demo dashboard, and the terminal layer alone on its self-test screen.
  static func run(_ arguments: BenchArguments) throws {
    // For looking at the bytes themselves: PEILI_BENCH_PAINT_DUMP=WORKSPACE paints the
    // navigation session of `peili-bench dashboard` and prints each key's escape sequences.
    if let path = ProcessInfo.processInfo.environment["PEILI_BENCH_PAINT_DUMP"] {
      try dump(
        workspace: path, keys: Int(ProcessInfo.processInfo.environment["PEILI_BENCH_KEYS"] ?? "") ?? 300)
      return
    }
    // For a profiler: PEILI_BENCH_VIEW_TIME=WORKSPACE times `update` and `view` apart.
    if let path = ProcessInfo.processInfo.environment["PEILI_BENCH_VIEW_TIME"] {
      try viewTime(
        workspace: path, keys: Int(ProcessInfo.processInfo.environment["PEILI_BENCH_KEYS"] ?? "") ?? 20_000)
      return
    }
    let dir = try arguments.workingDirectory()
    defer { if !arguments.keep { try? FileManager.default.removeItem(at: dir) } }
    let path = dir.appendingPathComponent("render-demo.db").path
    for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: path + suffix) }
    let demo = try DemoWorkspace.build(at: path, by: "bench")
    // With --keep the painted bytes stay in DIR/render-*.out for inspection.
    let keep = { (name: String) in arguments.keep ? dir.appendingPathComponent(name).path : nil }
    try measure(
      label: "demo dashboard", frames: dashboardFrames(snapshot: try demo.snapshot()),
      outputPath: keep("render-demo.out"))

    let facts = TerminalSelfTest.Facts(
      termName: "xterm-256color", isUTF8: true, colorCount: 256, themeName: "default", warning: nil)
    var state = TerminalSelfTest.State()
    var frames = [TerminalSelfTest.render(width: width, height: height, state: state, facts: facts)]
    let keys: [Key] = Array(repeating: .down, count: 11) + Array(repeating: .up, count: 11)
    for round in 0..<10 {
      for key in keys {
        state.selected = max(0, min(11, state.selected + (key == .down ? 1 : -1)))
        state.lastKey = "\(TerminalSelfTest.describe(key)) (\(round))"
        frames.append(TerminalSelfTest.render(width: width, height: height, state: state, facts: facts))
      }
    }
    try measure(label: "terminal self-test screen", frames: frames, outputPath: keep("render-self-test.out"))
  }

  /// The dashboard model of the workspace at `path` at 120×40 and its first frame.
  static func dashboard(workspace path: String) throws -> (Model, Buffer) {
    let workspace = try Workspace.open(path: path)
    let model = Model(
      snapshot: try workspace.snapshot(), today: DashboardBenchmark.today, user: "bench", glyphs: .unicode,
      width: width, height: height)
    var buffer = Buffer(width: width, height: height)
    view(model, into: &buffer)
    return (model, buffer)
  }

  /// Paints `keys` navigation keys of the dashboard benchmark's session on the workspace at
  /// `path` and prints, per key, its bytes with escape sequences made visible; then the
  /// median and the full repaint.
  static func dump(workspace path: String, keys: Int) throws {
    var (model, buffer) = try dashboard(workspace: path)
    var frames = [buffer]
    var names: [String] = []
    var rng = SeededGenerator(seed: 1000)
    for _ in 0..<keys {
      let key = DashboardBenchmark.nextKey(model, &rng, editShare: 0)
      names.append(DashboardBenchmark.describe(key))
      _ = update(&model, .key(key))
      view(model, into: &buffer)
      frames.append(buffer)
    }
    let out = FileManager.default.temporaryDirectory.appendingPathComponent("peili-paint-\(getpid()).out")
      .path
    defer { try? FileManager.default.removeItem(atPath: out) }
    let bytes = try Terminal.measurePaintBytes(frames: frames, width: width, height: height, outputPath: out)
    let data = [UInt8](try Data(contentsOf: URL(fileURLWithPath: out)))
    var offset = bytes.firstFrame
    for (i, n) in bytes.perFrame.enumerated() {
      let text = String(decoding: data[offset..<offset + n], as: UTF8.self)
        .replacingOccurrences(of: "\u{1B}", with: "\\E")
      print("key \(i) \(names[i]): \(n) B\n  \(text)")
      offset += n
    }
    print("median \(bytes.medianPerFrame) B, full repaint \(bytes.fullRepaint) B")
  }

  /// Times `update` and `view` apart over `keys` navigation keys of the dashboard
  /// benchmark's session on the workspace at `path`; prints p50 and p99 of each.
  static func viewTime(workspace path: String, keys: Int) throws {
    var (model, buffer) = try dashboard(workspace: path)
    var rng = SeededGenerator(seed: 1000)
    var updates: [Double] = []
    var views: [Double] = []
    for _ in 0..<keys {
      let key = DashboardBenchmark.nextKey(model, &rng, editShare: 0)
      let start = DispatchTime.now().uptimeNanoseconds
      _ = update(&model, .key(key))
      let middle = DispatchTime.now().uptimeNanoseconds
      view(model, into: &buffer)
      let end = DispatchTime.now().uptimeNanoseconds
      updates.append(Double(middle - start) / 1e9)
      views.append(Double(end - middle) / 1e9)
    }
    for (name, values) in [("update", updates), ("view", views)] {
      print(
        "\(name): p50 \(DashboardBenchmark.ms(DashboardBenchmark.percentile(values, 0.5))), "
          + "p99 \(DashboardBenchmark.ms(DashboardBenchmark.percentile(values, 0.99)))")
    }
  }
}
