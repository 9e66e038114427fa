import Foundation
import PeiliCore
import PeiliTerminal
import PeiliUI
import Testing

@testable import PeiliApp

/// What ncurses writes for a frame (`Terminal.measurePaintBytes`, xterm-256color, into a
/// file): blanks join the style run around them, trailing blanks are erased, and a
/// selection move on the demo dashboard costs a small share of a full repaint. Serialized:
/// ncurses keeps one current screen per process.
@Suite("Paint bytes", .serialized)
struct PaintBytesTests {
  /// The bytes ncurses wrote for each frame (the first on a blank screen).
  static func paint(_ frames: [Buffer]) throws -> (frames: [String], fullRepaint: Int) {
    let path = FileManager.default.temporaryDirectory.appendingPathComponent(
      "peili-paint-\(UUID().uuidString)"
    ).path
    defer { try? FileManager.default.removeItem(atPath: path) }
    let bytes = try Terminal.measurePaintBytes(
      frames: frames, width: frames[0].width, height: frames[0].height, outputPath: path)
    let data = [UInt8](try Data(contentsOf: URL(fileURLWithPath: path)))
    var out: [String] = []
    var offset = 0
    for n in [bytes.firstFrame] + bytes.perFrame {
      out.append(String(decoding: data[offset..<offset + n], as: UTF8.self))
      offset += n
    }
    return (out, bytes.fullRepaint)
  }

  @Test func aBlankBetweenCellsOfOneStyleJoinsTheirRun() throws {
    var frame = Buffer(width: 30, height: 3)
    frame.put("AB", x: 0, y: 0, style: Style(.good, bold: true))
    frame.put("CD", x: 3, y: 0, style: Style(.good, bold: true))
    // Over a background (the selection's) a blank shows: it keeps its own style.
    frame.put("xy", x: 0, y: 1, style: Style(.selection))
    frame.put("zw", x: 3, y: 1, style: Style(.selection))
    let painted = try Self.paint([Buffer(width: 30, height: 3), frame]).frames[1]
    #expect(painted.contains("AB CD"), "the blank between bold cells costs two attribute changes")
    #expect(!painted.contains("xy zw"), "a plain blank drawn in the selection's background")
  }

  @Test func blanksAfterTheLastTextAreErased() throws {
    var long = Buffer(width: 40, height: 2)
    long.put("a long line of text that ends here", x: 0, y: 0, style: Style(.muted))
    var short = Buffer(width: 40, height: 2)
    short.put("a long", x: 0, y: 0, style: Style(.muted))
    let painted = try Self.paint([Buffer(width: 40, height: 2), long, short]).frames[2]
    // A cursor move and an erase to the end of the row, fewer bytes than the 28 blanks alone.
    #expect(painted.contains("\u{1B}[K"), "\(painted.debugDescription)")
    #expect(painted.utf8.count < 28, "\(painted.debugDescription)")
  }

  @Test func aSelectionMoveOnTheDemoCostsASmallShareOfAFullRepaint() throws {
    let demo = try DemoDashboard()
    defer { demo.remove() }
    var model = try demo.model(width: 120, height: 40)
    var buffer = Buffer(width: 120, height: 40)
    view(model, into: &buffer)
    var frames = [buffer]
    // From an objective to its first key result and on to the next one: the mirror pane
    // changes with the selection, the tree does not scroll.
    for _ in 0..<2 {
      _ = update(&model, .key(.down))
      view(model, into: &buffer)
      frames.append(buffer)
    }
    let painted = try Self.paint(frames)
    let moves = painted.frames.dropFirst().map(\.utf8.count)
    #expect(painted.fullRepaint > 3000)
    for bytes in moves {
      // The footer changes too: a key result takes a check-in, an objective does not.
      #expect(bytes * 100 <= painted.fullRepaint * 17, "\(bytes) B of \(painted.fullRepaint) B per move")
    }
  }
}
