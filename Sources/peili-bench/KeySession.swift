import Foundation
import PeiliApp
import PeiliCore
import PeiliStore
import PeiliTerminal
import PeiliUI

/// (b) + (c) of `peili-bench dashboard` on one workspace: seeded keys through `update` and
/// `view` against the real store, timed, and every frame painted through ncurses to count
/// bytes. Driven in chunks so that the demo's and the large workspace's keys alternate.
final class KeySession {
  typealias Figures = DashboardBenchmark.Figures

  private(set) var figures: Figures
  private let runner: CommandRunner
  private var model: Model
  private var buffer: Buffer
  private var rng = SeededGenerator(seed: 1000)
  private var editRNG = SeededGenerator(seed: 2000)
  /// Keys driven so far (an untimed idle tick every 20, as a person pauses).
  private var count = 0
  private var frames: [Buffer]
  private var navigationFrame: [Bool] = []
  private var scrolledFrame: [Bool] = []

  private static let width = DashboardBenchmark.width
  private static let height = DashboardBenchmark.height
  private static let editKeys: [Key] = [
    .char("+"), .char("+"), .char("-"), .char(">"), .char("<"), .char("s"),
  ]

  init(path: String, figures: Figures) throws {
    self.figures = figures
    let workspace = try Workspace.open(path: path)
    // As the dashboard: WAL checkpoints wait for an idle tick.
    try workspace.deferCheckpointsToIdle()
    runner = CommandRunner(store: workspace, user: "bench")
    let today = DashboardBenchmark.today
    model = Model(
      snapshot: try workspace.snapshot(), today: today, user: "bench", glyphs: .unicode, width: Self.width,
      height: Self.height)
    self.figures.rows = model.shared.tree.nodes.count
    self.figures.visibleRows = model.dashboard.rowCount
    // What a reload costs, step by step (median of 5).
    var steps: [(String, [Double])] = [("snapshot read", []), ("MirrorAnalysis", []), ("OKRTree", [])]
    for _ in 0..<5 {
      let (snapshot, read) = try Measurement.time { try workspace.snapshot() }
      steps[0].1.append(read)
      steps[1].1.append(Measurement.time { MirrorAnalysis(snapshot: snapshot, today: today) }.1)
      steps[2].1.append(Measurement.time { OKRTree(snapshot: snapshot) }.1)
    }
    self.figures.reloadSteps = steps.map { ($0.0, DashboardBenchmark.percentile($0.1, 0.5)) }
    buffer = Buffer(width: Self.width, height: Self.height)
    view(model, into: &buffer)
    frames = [buffer]
    // A warm-up on a copy, so that first-use costs do not count as keys.
    var warm = model
    var warmBuffer = buffer
    for key in [Key.down, .down, .pageDown, .right, .left, .up, .tab, .down, .tab, .end, .home] {
      _ = update(&warm, .key(key))
      view(warm, into: &warmBuffer)
    }
  }

  private func pauseNowAndThen() {
    count += 1
    if count % 20 == 0 { _ = runner.dispatch(.tick, &model) }
  }

  /// `n` keys of the seeded session: mostly navigation, a quarter edits on a selected action.
  func mixedKeys(_ n: Int) throws {
    for _ in 0..<n {
      pauseNowAndThen()
      let key = DashboardBenchmark.nextKey(model, &rng)
      figures.keys[DashboardBenchmark.describe(key), default: 0] += 1
      let isEdit = Self.editKeys.contains(key)
      let scrollBefore = model.dashboard.treeScroll
      let start = DispatchTime.now().uptimeNanoseconds
      var mark = start
      func part(_ name: String) {
        let now = DispatchTime.now().uptimeNanoseconds
        figures.editParts[name, default: 0] += Double(now - mark) / 1e9
        mark = now
      }
      // As CommandRunner.dispatch, with each step timed.
      var queue = [Msg.key(key)]
      while !queue.isEmpty {
        let msg = queue.removeFirst()
        let commands = update(&model, msg)
        if isEdit {
          if case .snapshotLoaded = msg { part("model load (analysis + tree)") } else { part("update") }
        }
        for command in commands {
          if let answer = runner.perform(command) { queue.append(answer) }
          if isEdit {
            switch command {
            case .save: part("store write")
            case .reload: part("snapshot read")
            default: part("other commands")
            }
          }
        }
      }
      view(model, into: &buffer)
      let seconds = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
      if isEdit {
        part("view")
        figures.edits.append(seconds)
        figures.splitEdits += 1
      } else {
        figures.navigation.append(seconds)
        figures.byKey[DashboardBenchmark.describe(key), default: []].append(seconds)
      }
      frames.append(buffer)
      navigationFrame.append(!isEdit)
      scrolledFrame.append(model.dashboard.treeScroll != scrollBefore)
      try flushFrames(force: false)
    }
  }

  /// `n` edit keys, so that the edit p99 rests on as many keys as the navigation one (the
  /// mixed session has about a hundred). Between them, untimed moves to another action.
  func editKeys(_ n: Int) {
    for k in 0..<n {
      pauseNowAndThen()
      if k % 4 == 0 { _ = runner.dispatch(.key(.down), &model) }
      var steps = 0
      while model.overlay != nil || model.dashboard.selectedAction == nil, steps < 10_000 {
        let key: Key =
          model.overlay != nil
          ? .escape : model.dashboard.cursor + 1 >= model.dashboard.rowCount ? .home : .down
        _ = runner.dispatch(.key(key), &model)
        steps += 1
      }
      let key = Self.editKeys[editRNG.below(Self.editKeys.count)]
      figures.keys[DashboardBenchmark.describe(key), default: 0] += 1
      let start = DispatchTime.now().uptimeNanoseconds
      _ = runner.dispatch(.key(key), &model)
      view(model, into: &buffer)
      figures.edits.append(Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9)
    }
  }

  /// Paints the frames so far through ncurses and keeps the bytes of navigation keys.
  func flushFrames(force: Bool) throws {
    guard frames.count > (force ? 1 : 150) else { return }
    let bytes = try Terminal.measurePaintBytes(frames: frames, width: Self.width, height: Self.height)
    for (i, b) in bytes.perFrame.enumerated() where navigationFrame[i] {
      figures.navigationBytes.append(b)
      if scrolledFrame[i] { figures.scrollingBytes.append(b) } else { figures.stillBytes.append(b) }
    }
    figures.fullRepaints.append(bytes.fullRepaint)
    frames = [frames[frames.count - 1]]
    navigationFrame = []
    scrolledFrame = []
  }
}
