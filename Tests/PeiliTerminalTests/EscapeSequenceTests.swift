import PeiliUI
import Testing

@testable import PeiliTerminal

/// What follows an ESC that ncurses left undecoded: keys in every common encoding, anything
/// else swallowed whole (never Esc plus letters).
@Suite("Escape sequences")
struct EscapeSequenceTests {
  /// Feeds `text` (what follows ESC) one character at a time, as the terminal reads it, and
  /// returns the outcome with how many characters it took.
  private func read(_ text: String) -> (outcome: EscapeSequence.Outcome, used: Int) {
    var body: [UInt32] = []
    for scalar in text.unicodeScalars {
      body.append(scalar.value)
      let outcome = EscapeSequence.decode(body)
      if outcome != .incomplete { return (outcome, body.count) }
    }
    return (.incomplete, body.count)
  }

  @Test func homeAndEndInEveryEncodingTmuxScreenAndXtermSend() {
    for home in ["[1~", "[7~", "[H", "OH", "[1;5H", "[1;2~"] {
      #expect(read(home) == (.key(.home), home.unicodeScalars.count), "\\e\(home)")
    }
    for end in ["[4~", "[8~", "[F", "OF", "[1;5F"] {
      #expect(read(end) == (.key(.end), end.unicodeScalars.count), "\\e\(end)")
    }
  }

  @Test func arrowsPagesDeleteAndShiftTab() {
    let keys: [(String, Key)] = [
      ("[A", .up), ("[B", .down), ("[C", .right), ("[D", .left), ("OA", .up), ("OD", .left),
      ("[5~", .pageUp), ("[6~", .pageDown), ("[3~", .delete), ("[Z", .backTab), ("OM", .enter),
      ("OP", .function(1)), ("OS", .function(4)),
    ]
    for (text, key) in keys { #expect(read(text).outcome == .key(key), "\\e\(text)") }
  }

  @Test func focusReportsAndUnknownSequencesAreSwallowedWhole() {
    // Focus in/out, bracketed paste markers, a cursor position report, an unknown function key,
    // a private-mode report: each ends at its final byte, and nothing of it is a key.
    for text in ["[I", "[O", "[200~", "[201~", "[12;40R", "[57~", "[?1;2c", "[>0;95;0c", "Oz"] {
      #expect(read(text) == (.ignored, text.unicodeScalars.count), "\\e\(text)")
    }
  }

  @Test func aSequenceStopsAtItsFinalByteAndLeavesWhatFollows() {
    // "[Ij": focus-in, then the user's j: the sequence ends at I, j is read as a key after.
    #expect(read("[Ij") == (.ignored, 2))
    #expect(read("[1~k") == (.key(.home), 3))
  }

  @Test func onlyBracketAndOStartASequence() {
    #expect(EscapeSequence.starts(UInt32(UInt8(ascii: "["))))
    #expect(EscapeSequence.starts(UInt32(UInt8(ascii: "O"))))
    for c in ["q", "j", "\u{1B}", "1"] { #expect(!EscapeSequence.starts(c.unicodeScalars.first!.value)) }
  }

  @Test func brokenAndOverlongSequencesAreDropped() {
    #expect(read("[1\u{E4}").outcome == .ignored, "a non-ASCII byte inside")
    #expect(read("[1\u{07}").outcome == .ignored, "a control inside")
    #expect(read("[" + String(repeating: "1", count: 40)) == (.ignored, EscapeSequence.maximumLength))
    #expect(read("[12").outcome == .incomplete)
  }
}
