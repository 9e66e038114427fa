import Foundation
import PeiliCore
import PeiliStore

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// A one-line progress display on stderr for a long import: what it is doing (unpacking a
/// workbook, reading its sheet, reading the rows), how far it has come, the rate and the time
/// left in that step, redrawn in place. Shown only on a terminal, only once the work has taken
/// a second, and never with `--quiet`; cleared when the work ends, so the result line stands
/// alone.
final class ProgressLine {
  private let label: String
  private let enabled: Bool
  private let start = Date()
  private var shown = false
  private var lastDraw = Date.distantPast
  /// The step being reported, and when it began: its rate and time left are its own.
  private var stage: ImportStage?
  private var stageStart = Date()

  init(_ label: String, quiet: Bool) {
    self.label = label
    enabled = !quiet && isatty(STDERR_FILENO) == 1
  }

  func update(_ stage: ImportStage, count: Int, fraction: Double) {
    guard enabled else { return }
    let now = Date()
    if stage != self.stage {
      self.stage = stage
      stageStart = now
    }
    guard now.timeIntervalSince(start) >= 1, now.timeIntervalSince(lastDraw) >= 0.2 else { return }
    lastDraw = now
    let elapsed = max(now.timeIntervalSince(stageStart), 0.001)
    let rate = Int(Double(count) / elapsed).formatted()
    let left = fraction > 0.01 && fraction < 1 ? elapsed * (1 - fraction) / fraction : nil
    var text = "\(label): "
    switch stage {
    case .unpacking: text += "unpacking the workbook, \((count / 1_048_576).formatted()) MB"
    case .sheet: text += "\(count.formatted()) sheet rows, \(rate) rows/s"
    case .rows: text += "\(count.formatted()) rows, \(rate) rows/s"
    }
    if let left { text += ", \(Int(left.rounded(.up))) s left" }
    // Our own carriage return and erase-line around text that is sanitised (it names a file).
    FileHandle.standardError.write(Data(("\r" + text.sanitizedForTerminal + "\u{1B}[K").utf8))
    shown = true
  }

  func finish() {
    guard shown else { return }
    FileHandle.standardError.write(Data("\r\u{1B}[K".utf8))
    shown = false
  }
}
