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
}
