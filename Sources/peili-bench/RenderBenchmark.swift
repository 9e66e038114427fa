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
    let steps = max(1, min(40, model.rows.count - 1))
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
}
