import Foundation
import PeiliCore

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// A one-line progress display on stderr for a long import: rows read, rate and time left,
/// redrawn in place. Shown only on a terminal, only once the work has taken a second, and
/// never with `--quiet`; cleared when the work ends, so the result line stands alone.
final class ProgressLine {
  private let label: String
  private let enabled: Bool
  private let start = Date()
  private var shown = false
  private var lastDraw = Date.distantPast

  init(_ label: String, quiet: Bool) {
    self.label = label
    enabled = !quiet && isatty(STDERR_FILENO) == 1
  }

  func update(rows: Int, fraction: Double) {
    guard enabled else { return }
    let now = Date()
    let elapsed = now.timeIntervalSince(start)
    guard elapsed >= 1, now.timeIntervalSince(lastDraw) >= 0.2 else { return }
    lastDraw = now
    let rate = Double(rows) / elapsed
    let left = fraction > 0.01 ? elapsed * (1 - fraction) / fraction : nil
    var text = "\(label): \(rows.formatted()) rows, \(Int(rate).formatted()) rows/s"
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
