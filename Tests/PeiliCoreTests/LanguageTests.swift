import Testing

@testable import PeiliCore

/// Choosing the language: `--lang`, `PEILI_LANG`, `LANGUAGE`, then the locale variables, read
/// by peili itself (Foundation's locale is `en_001` on Linux whatever they say).
@Suite struct LanguageTests {
  func resolve(_ environment: [String: String], option: String? = nil) -> Language {
    Language.resolve(option: option, environment: environment)
  }

  @Test func tagsNameTheLanguageWhateverTheirTerritoryCodesetOrModifier() {
    for tag in ["fi", "FI", "fi_FI", "fi_FI.UTF-8", "fi-FI", "fi_FI@euro", "fi.utf8"] {
      #expect(Language(tag: tag) == .finnish, "\(tag)")
    }
    for tag in ["en", "en_GB.UTF-8", "en_US", "EN"] { #expect(Language(tag: tag) == .english, "\(tag)") }
    for tag in ["C", "C.UTF-8", "POSIX", "", "sv_SE.UTF-8", "fil_PH", "finnish"] {
      #expect(Language(tag: tag) == nil, "\(tag)")
    }
  }

  @Test func aServerWithOnlyTheCLocaleTakesFinnishFromLANGUAGE() {
    #expect(resolve(["LANG": "C.UTF-8", "LANGUAGE": "fi"]) == .finnish)
    #expect(resolve(["LC_ALL": "C", "LANGUAGE": "fi_FI:en"]) == .finnish)
    // The first language of the list that peili speaks.
    #expect(resolve(["LANGUAGE": "sv:fi:en", "LANG": "en_US.UTF-8"]) == .finnish)
    #expect(resolve(["LANGUAGE": "en:fi"]) == .english)
    // None spoken: the locale variables decide.
    #expect(resolve(["LANGUAGE": "sv:de", "LANG": "fi_FI.UTF-8"]) == .finnish)
    #expect(resolve(["LANGUAGE": "", "LANG": "fi_FI.UTF-8"]) == .finnish)
  }

  @Test func theFirstLocaleVariableSetDecidesAsInPOSIX() {
    #expect(resolve(["LANG": "fi_FI.UTF-8"]) == .finnish)
    #expect(resolve(["LC_MESSAGES": "fi_FI.UTF-8", "LANG": "en_GB.UTF-8"]) == .finnish)
    #expect(resolve(["LC_ALL": "fi_FI.UTF-8", "LC_MESSAGES": "en_GB.UTF-8"]) == .finnish)
    // LC_ALL=C overrides a Finnish LANG; an empty one does not count.
    #expect(resolve(["LC_ALL": "C", "LANG": "fi_FI.UTF-8"]) == .english)
    #expect(resolve(["LC_ALL": "", "LANG": "fi_FI.UTF-8"]) == .finnish)
    // A language peili does not speak falls back to English.
    #expect(resolve(["LANG": "sv_SE.UTF-8"]) == .english)
    #expect(resolve([:]) == .english)
  }

  @Test func theOptionThenPEILILANGComeFirst() {
    let finnishLocale = ["LANG": "fi_FI.UTF-8", "LANGUAGE": "fi", "LC_ALL": "fi_FI.UTF-8"]
    #expect(resolve(finnishLocale, option: "en") == .english)
    #expect(resolve(finnishLocale.merging(["PEILI_LANG": "en"]) { $1 }) == .english)
    #expect(resolve(["PEILI_LANG": "en"], option: "fi") == .finnish)
    #expect(resolve(["PEILI_LANG": "fi", "LC_ALL": "C"]) == .finnish)
    // A value peili does not know is passed over (ArgumentParser refuses a bad --lang).
    #expect(resolve(["PEILI_LANG": "xx", "LANG": "fi_FI"], option: "sv") == .finnish)
  }

  @Test func theOptionIsFoundInTheCommandLineBeforeParsing() {
    #expect(Language.option(in: ["report", "--lang", "fi"]) == "fi")
    #expect(Language.option(in: ["--lang=en", "report"]) == "en")
    #expect(Language.option(in: ["--lang", "fi", "--lang", "en"]) == "en")
    #expect(Language.option(in: ["checkin", "A1", "--note", "x", "--", "--lang", "fi"]) == nil)
    #expect(Language.option(in: ["report", "--language"]) == nil)
    #expect(Language.option(in: ["--lang"]) == nil)
  }
}

/// Numbers and dates in a language: Finnish decimal comma, "73 %", U+2212, "5.3.2026".
@Suite struct NumeralsTests {
  let fi = Numerals(.finnish)
  let en = Numerals(.english)

  @Test func finnishWritesACommaAMinusSignAndASpacedPercent() {
    #expect(fi.decimal(7.5, 1) == "7,5")
    #expect(fi.decimal(-0.213, 2) == "\u{2212}0,21")
    #expect(fi.decimal(-0.001, 2) == "0,00", "never a signed zero")
    #expect(fi.signed(-12.4) == "\u{2212}12")
    #expect(fi.signed(9.0) == "+9")
    #expect(fi.signed(0.2) == "0")
    #expect(fi.signedDecimal(0.05, 1) == "+0,1")
    #expect(fi.signedDecimal(0.04, 1) == "0,0")
    #expect(fi.percent(73) == "73 %")
    #expect(fi.percent(fraction: 0.404) == "40 %")
    #expect(fi.integer(-3) == "\u{2212}3")
    #expect(fi.localized("-12.50") == "\u{2212}12,50")
  }

  @Test func englishIsAsPeiliHasAlwaysWrittenIt() {
    #expect(en.decimal(7.5, 1) == "7.5")
    #expect(en.signed(-12.4) == "-12")
    #expect(en.percent(73) == "73%")
    #expect(en.localized("-12.50") == "-12.50")
    #expect(en.date(Day(year: 2026, month: 3, day: 5)!) == "2026-03-05")
  }

  @Test func anASCIITerminalGetsTheHyphenMinus() {
    #expect(Numerals(.finnish, unicode: false).signed(-4.0) == "-4")
    #expect(Numerals(.finnish, unicode: false).decimal(-1.26, 1) == "-1,3")
  }

  @Test func finnishDatesHaveNoLeadingZeros() throws {
    let day = try #require(Day(year: 2026, month: 3, day: 5))
    #expect(fi.date(day) == "5.3.2026")
    #expect(fi.dateTime(day, hour: 9, minute: 5) == "5.3.2026 9.05")
    #expect(en.dateTime(day, hour: 9, minute: 5) == "2026-03-05 09:05")
  }

  @Test func aDayIsReadInEitherForm() {
    #expect(Numerals.day("2026-03-05") == Day(year: 2026, month: 3, day: 5))
    #expect(Numerals.day("5.3.2026") == Day(year: 2026, month: 3, day: 5))
    #expect(Numerals.day("05.03.2026") == Day(year: 2026, month: 3, day: 5))
    for bad in ["31.2.2026", "5.3.26", "5.3.2026.", "+5.3.2026", "5..2026", "a.3.2026", ""] {
      #expect(Numerals.day(bad) == nil, "\(bad)")
    }
  }
}
