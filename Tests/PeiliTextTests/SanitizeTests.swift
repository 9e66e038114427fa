import Testing

@testable import PeiliText

@Suite struct SanitizeTests {
  @Test func plainTextIsUnchanged() {
    #expect("Asiakaspalvelu – hyvä ✓ 😀".sanitizedForTerminal == "Asiakaspalvelu – hyvä ✓ 😀")
  }

  @Test func whitespaceControlsBecomeSpaces() {
    #expect("a\tb\nc\rd".sanitizedForTerminal == "a b c d")
    #expect("a\u{2028}b".sanitizedForTerminal == "a b")
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

  @Test func bidiControlsAndMarksAreRemoved() {
    for v: UInt32 in [
      0x202A, 0x202B, 0x202C, 0x202D, 0x202E, 0x2066, 0x2067, 0x2068, 0x2069, 0x200E, 0x200F, 0x61C,
    ] {
      let s = "ab" + String(Unicode.Scalar(v)!) + "cd"
      #expect(s.sanitizedForTerminal == "abcd", "U+\(String(v, radix: 16))")
      #expect(TerminalText.hasUnsafeCharacters(s))
    }
    #expect("invoice\u{202E}fdp.exe".sanitizedForTerminal == "invoicefdp.exe")
  }

  @Test func zeroWidthAndInvisibleFormatCharactersAreRemoved() {
    for v: UInt32 in [
      0x200B, 0x200C, 0x2060, 0x2061, 0x2062, 0x2063, 0x2064, 0xFEFF, 0xAD, 0x180E, 0xFFF9, 0xE0001,
    ] {
      let s = "ab" + String(Unicode.Scalar(v)!) + "cd"
      #expect(s.sanitizedForTerminal == "abcd", "U+\(String(v, radix: 16))")
    }
    // A ZWJ, a variation selector or a tag that is not part of an emoji goes too.
    #expect("a\u{200D}b".sanitizedForTerminal == "ab")
    #expect("a\u{FE0F}b\u{FE00}".sanitizedForTerminal == "ab")
    #expect("x\u{E0041}\u{E0042}y".sanitizedForTerminal == "xy", "tag characters smuggle hidden ASCII")
    #expect("1\u{FE0F}\u{20E3}".sanitizedForTerminal == "1\u{20E3}")
  }

  @Test func emojiSequencesStayWhole() {
    let samples = [
      "👨\u{200D}👩\u{200D}👧", "❤\u{FE0F}", "☺\u{FE0E}", "👍🏽", "🇫🇮",
      "🏴\u{E0067}\u{E0062}\u{E0073}\u{E0063}\u{E0074}\u{E007F}", "e\u{301}", "日本語",
    ]
    for s in samples {
      #expect(s.sanitizedForTerminal == s, "\(s.debugDescription)")
      #expect(!TerminalText.hasUnsafeCharacters(s))
    }
  }

  @Test func linesCanBeKept() {
    #expect("one\r\ntwo\n\u{1B}[2Jthree\tfour".sanitizedKeepingLines == "one\ntwo\n[2Jthree four")
  }

  @Test func unsafeCharactersCanBeShown() {
    #expect("4\u{0}2".shownForTerminal == "4\\02")
    #expect("a\u{1B}]0;x\u{07}".shownForTerminal == "a\\e]0;x\\u{7}")
    #expect("a\u{202E}b\u{200B}".shownForTerminal == "a\\u{202E}b\\u{200B}")
    #expect("hyvä ✓".shownForTerminal == "hyvä ✓")
  }

  /// Every scalar of category Cf (format) is removed or, for the emoji parts, judged in context:
  /// the ranges `TerminalText.kind` lists by hand miss none.
  @Test func everyFormatCharacterIsCovered() {
    var missed: [String] = []
    for v in UInt32(0)...0x10FFFF {
      guard let s = Unicode.Scalar(v), s.properties.generalCategory == .format else { continue }
      if TerminalText.kind(of: v) == .plain { missed.append(String(v, radix: 16)) }
    }
    #expect(missed.isEmpty, "Cf scalars passed as plain: \(missed)")
  }

  /// The checks that let clean text through untouched must agree with the rebuild everywhere.
  @Test func theFastPathAgreesWithTheFullOne() {
    let samples = [
      "", "A12 Cut night-shift coverage", "Ångström · ±4 → 55", "日本語", "tab\there", "cr\r\nlf",
      "esc\u{1B}[31m", "del\u{7F}", "c1\u{0085}next\u{009B}31m", "nbsp\u{A0}°C", "e\u{301}", "👨‍👩‍👧",
      "bell\u{07}", "rlo\u{202E}x", "zw\u{200B}sp",
    ]
    for text in samples {
      #expect(
        text.sanitizedForTerminal == TerminalText.rebuild(text, breaks: .spaces, unsafe: .remove),
        "\(text.debugDescription)")
    }
    // Every scalar below U+0100 alone and between letters.
    for v in UInt32(0)..<0x100 {
      let s = "a" + String(Character(Unicode.Scalar(v)!)) + "b"
      #expect(
        s.sanitizedForTerminal == TerminalText.rebuild(s, breaks: .spaces, unsafe: .remove),
        "U+\(String(v, radix: 16))")
    }
  }
}
