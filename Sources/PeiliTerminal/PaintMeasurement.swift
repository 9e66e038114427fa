import CNcursesw
import Foundation
import PeiliUI

/// What painting a sequence of frames costs in bytes sent to the terminal (the render
/// benchmark): the diffing that keeps a keystroke cheap over ssh, made measurable.
public struct PaintBytes: Hashable, Sendable {
  /// Bytes for each frame after the first, each painted over the one before.
  public var perFrame: [Int]
  /// Bytes for the first frame on a blank screen.
  public var firstFrame: Int
  /// Bytes for a forced full repaint (clear and redraw) of the last frame.
  public var fullRepaint: Int
  /// The median of `perFrame` (0 when there is none).
  public var medianPerFrame: Int {
    guard !perFrame.isEmpty else { return 0 }
    let sorted = perFrame.sorted()
    return sorted[sorted.count / 2]
  }
}

extension Terminal {
  /// Paints `frames` through ncurses into a temporary file as a `width`×`height` terminal of
  /// type `termName`, and counts the bytes ncurses writes. Runs without a real terminal.
  /// With `outputPath` the bytes are kept in that file for inspection.
  public static func measurePaintBytes(
    frames: [Buffer], width: Int, height: Int, termName: String = "xterm-256color", theme: Theme = .default,
    outputPath: String? = nil
  ) throws -> PaintBytes {
    // A measurement: the same UTF-8 terminal whatever the caller's locale (tests under CI
    // may have none).
    if setlocale(LC_ALL, "C.UTF-8") == nil { setlocale(LC_ALL, "") }
    let codeset = String(cString: peili_codeset()).uppercased().replacingOccurrences(of: "-", with: "")
    guard let output = outputPath.map({ fopen($0, "w+") }) ?? tmpfile() else {
      throw TerminalError("cannot create \(outputPath ?? "a temporary file") to paint into")
    }
    guard let input = fopen("/dev/null", "r") else {
      fclose(output)
      throw TerminalError("cannot open /dev/null")
    }
    guard let screen = newterm(termName, output, input) else {
      fclose(output)
      fclose(input)
      throw TerminalError("TERM=\(termName) has no terminfo entry here")
    }
    let terminal = Terminal(
      screen: screen, inputFile: input, isUTF8: codeset == "UTF8", termName: termName, warning: nil,
      theme: theme, noColor: false)
    terminal.outputFile = output
    terminal.ownsSignals = false
    defer { terminal.close() }
    resize_term(Int32(height), Int32(width))
    terminal.configureOutput()
    let fd = fileno(output)
    func written() -> Int {
      fflush(output)
      var info = stat()
      fstat(fd, &info)
      return Int(info.st_size)
    }
    var result = PaintBytes(perFrame: [], firstFrame: 0, fullRepaint: 0)
    var before = written()
    for (i, frame) in frames.enumerated() {
      terminal.paint(frame)
      let after = written()
      if i == 0 { result.firstFrame = after - before } else { result.perFrame.append(after - before) }
      before = after
    }
    if let last = frames.last {
      terminal.invalidate()
      terminal.paint(last)
      result.fullRepaint = written() - before
    }
    return result
  }
}
