import Testing

@testable import PeiliTerminal

/// The status line's reason for a plain ASCII screen names the variable that chose the
/// locale and the setting that brings Unicode back.
@Suite("Locale notice")
struct LocaleNoticeTests {
  @Test func underUTF8ThereIsNothingToSay() {
    #expect(LocaleNotice.text(codeset: "UTF-8", environment: ["LANG": "C.UTF-8"]) == nil)
    #expect(LocaleNotice.text(codeset: "utf8", environment: [:]) == nil)
  }

  @Test func namesTheVariableThatDecidedAsTheCLibraryReadsThem() {
    let lang = LocaleNotice.text(codeset: "ANSI_X3.4-1968", environment: ["LANG": "C"])
    #expect(lang == "ASCII only: LANG=C is not UTF-8; start peili with LANG=C.UTF-8 for Unicode")
    // LC_ALL overrides LANG: setting LANG would not help, so LC_ALL is named.
    let all = LocaleNotice.text(
      codeset: "ANSI_X3.4-1968", environment: ["LANG": "C.UTF-8", "LC_ALL": "POSIX"])
    #expect(all?.contains("LC_ALL=POSIX") == true && all?.contains("LC_ALL=C.UTF-8") == true)
    let ctype = LocaleNotice.text(codeset: "ISO-8859-1", environment: ["LANG": "C", "LC_CTYPE": "fi_FI"])
    #expect(ctype?.contains("LC_CTYPE=fi_FI") == true)
    let none = LocaleNotice.text(codeset: "ANSI_X3.4-1968", environment: ["LC_ALL": ""])
    #expect(none?.contains("LANG=C.UTF-8") == true)
  }

  @Test func fitsOnAnEightyColumnStatusLine() {
    let text = LocaleNotice.text(codeset: "ANSI_X3.4-1968", environment: ["LANG": "C"]) ?? ""
    #expect(text.count <= 80)
  }
}
