import Foundation
import Testing

@testable import PeiliCore

@Suite struct JSONValueTests {
  @Test func writesSortedPrettyJSON() {
    let v: JSONValue = ["b": [1, true, nil], "a": "x", "c": [:], "d": []]
    #expect(
      v.text == """
        {
          "a": "x",
          "b": [
            1,
            true,
            null
          ],
          "c": {},
          "d": []
        }
        """)
  }

  @Test func escapesAndNumbersRoundTrip() throws {
    let v: JSONValue = [
      "s": .string("quote \" back \\ nl \n tab \t bell \u{07} é ✓"), "x": .number(0.1),
      "tiny": .number(1e-15),
      "big": .number(1.5e20), "nan": .number(.nan), "inf": .num(.infinity), "neg": .number(-7.25),
    ]
    let parsed = try #require(
      try JSONSerialization.jsonObject(with: Data(v.text.utf8)) as? [String: Any])
    #expect(parsed["s"] as? String == "quote \" back \\ nl \n tab \t bell \u{07} é ✓")
    #expect((parsed["x"] as? NSNumber)?.doubleValue == 0.1)
    #expect((parsed["tiny"] as? NSNumber)?.doubleValue == 1e-15)
    #expect((parsed["big"] as? NSNumber)?.doubleValue == 1.5e20)
    #expect((parsed["neg"] as? NSNumber)?.doubleValue == -7.25)
    #expect(parsed["nan"] is NSNull && parsed["inf"] is NSNull)
  }

  /// Text is kept whole; what may not reach a terminal is written as a JSON escape.
  @Test func textIsEscapedNotRemoved() throws {
    let v = JSONValue.text("a\u{1B}[2Jb\u{202E}c\u{200B}d 👨\u{200D}👩 \u{1F3F4}\u{E0067}")
    #expect(v == .string("a\u{1B}[2Jb\u{202E}c\u{200B}d 👨\u{200D}👩 \u{1F3F4}\u{E0067}"))
    let written = JSONValue.object(["s": v]).text
    #expect(written.contains(#""a\u001b[2Jb\u202ec\u200bd 👨\u200d👩 🏴\udb40\udc67""#), "\(written)")
    let parsed = try #require(try JSONSerialization.jsonObject(with: Data(written.utf8)) as? [String: String])
    #expect(parsed["s"] == "a\u{1B}[2Jb\u{202E}c\u{200B}d 👨\u{200D}👩 \u{1F3F4}\u{E0067}")
    #expect(JSONValue.text(nil) == .null)
  }
}
