import Testing

@testable import PeiliCore

@Suite struct SanitizeTests {
  @Test func plainTextIsUnchanged() {
    #expect("Asiakaspalvelu – hyvä ✓ 😀".sanitizedForTerminal == "Asiakaspalvelu – hyvä ✓ 😀")
  }

  @Test func whitespaceControlsBecomeSpaces() {
    #expect("a\tb\nc\rd".sanitizedForTerminal == "a b c d")
  }

  @Test func escapeSequencesLoseTheirEscape() {
    #expect("\u{1B}[31mred\u{1B}[0m".sanitizedForTerminal == "[31mred[0m")
    #expect("\u{1B}]0;title\u{07}x".sanitizedForTerminal == "]0;titlex")
  }

  @Test func otherC0DelAndC1AreRemoved() {
    #expect("a\u{00}b\u{08}c\u{7F}d".sanitizedForTerminal == "abcd")
    #expect("a\u{80}b\u{9B}31mc\u{9F}".sanitizedForTerminal == "ab31mc")
    // The first character after C1 is kept.
    #expect("\u{A0}x".sanitizedForTerminal == "\u{A0}x")
  }

  /// The byte scan that lets clean text through must agree with the scalar loop everywhere.
  @Test func theFastPathAgreesWithTheFullOne() {
    let samples = [
      "", "A12 Cut night-shift coverage", "Ångström · ±4 → 55", "日本語", "tab\there", "cr\r\nlf",
      "esc\u{1B}[31m", "del\u{7F}", "c1\u{0085}next\u{009B}31m", "nbsp\u{A0}°C", "e\u{301}", "👨‍👩‍👧",
      "bell\u{07}",
    ]
    for text in samples {
      #expect(text.sanitizedForTerminal == text.sanitizedScalars, "\(text.debugDescription)")
    }
    // Every scalar below U+0100 alone and between letters.
    for v in UInt32(0)..<0x100 {
      let s = "a" + String(Character(Unicode.Scalar(v)!)) + "b"
      #expect(s.sanitizedForTerminal == s.sanitizedScalars, "U+\(String(v, radix: 16))")
    }
  }
}
