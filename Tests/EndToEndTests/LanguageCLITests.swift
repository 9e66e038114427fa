import Foundation
import Testing

/// The language of the real binary: chosen from `--lang`, `PEILI_LANG` and the locale
/// variables on a server with only `C.UTF-8`; Markdown in Finnish, machine formats the same
/// bytes in every language.
@Suite("Language on the command line", .serialized)
struct LanguageCLITests {
  static let finnish = [
    "LANG": "C.UTF-8", "LANGUAGE": "fi", "LC_ALL": "", "LC_MESSAGES": "", "PEILI_LANG": "",
  ]
  static let english = ["LANG": "C.UTF-8", "LANGUAGE": "", "LC_ALL": "", "LC_MESSAGES": "", "PEILI_LANG": ""]

  @Test func jsonCsvAndYamlAreTheSameBytesInEveryLanguage() throws {
    let cli = try CLIRunner()
    #expect(try cli.run(["demo", "--workspace", "d.db"], environment: Self.english).status == 0)
    let outputs = [
      ["report", "--format", "json"], ["report", "--format", "json", "--segment", "region"],
      ["export", "okrs"],
      ["export", "survey", "--format", "csv", "--wave", "2026-09", "--audience", "customer"],
      ["export", "audit", "--format", "csv"],
    ]
    for args in outputs {
      let english = try cli.run(args + ["--workspace", "d.db"], environment: Self.english)
      let finnish = try cli.run(args + ["--workspace", "d.db"], environment: Self.finnish)
      let option = try cli.run(args + ["--workspace", "d.db", "--lang", "fi"], environment: Self.english)
      #expect(english.status == 0 && !english.stdout.isEmpty, "\(args): \(english.stderr)")
      #expect(Data(finnish.stdout.utf8) == Data(english.stdout.utf8), "\(args) under LANGUAGE=fi")
      #expect(Data(option.stdout.utf8) == Data(english.stdout.utf8), "\(args) under --lang fi")
    }
  }

  @Test func theReportIsFinnishOnAServerWithOnlyCUTF8() throws {
    let cli = try CLIRunner()
    #expect(try cli.run(["demo", "--workspace", "d.db"], environment: Self.english).status == 0)
    let fi = try cli.run(["report", "--workspace", "d.db"], environment: Self.finnish)
    #expect(fi.status == 0, "\(fi.stderr)")
    for expected in [
      "# peili-raportti", "## Teemat", "## Kattavuusvaroitukset", "aikataulussa", " %", "\u{2212}",
    ] {
      #expect(fi.stdout.contains(expected), "\(expected)")
    }
    // A decimal comma, intervals split by a semicolon, days as 30.6.2026.
    #expect(
      fi.stdout.range(of: #"\[\x{2212}?[0-9]+,[0-9]; \x{2212}?[0-9]+,[0-9]\]"#, options: .regularExpression)
        != nil)
    #expect(
      fi.stdout.range(of: #"määräpäivä [0-9]{1,2}\.[0-9]{1,2}\.20[0-9]{2}"#, options: .regularExpression)
        != nil)
    #expect(!fi.stdout.contains("## Themes") && !fi.stdout.contains("Objective **"))
    // --lang and PEILI_LANG come before the locale.
    let en = try cli.run(["report", "--workspace", "d.db", "--lang", "en"], environment: Self.finnish)
    #expect(en.stdout.hasPrefix("# peili report"))
    var peiliLang = Self.finnish
    peiliLang["PEILI_LANG"] = "en"
    #expect(
      try cli.run(["report", "--workspace", "d.db"], environment: peiliLang).stdout.hasPrefix(
        "# peili report"))
    #expect(
      try cli.run(["report", "--workspace", "d.db"], environment: Self.english).stdout.hasPrefix(
        "# peili report"))
  }

  @Test func theMinutesAreFinnish() throws {
    let cli = try CLIRunner()
    let ws = ["--workspace", "d.db"]
    #expect(try cli.run(["demo"] + ws, environment: Self.english).status == 0)
    #expect(try cli.run(["review", "start", "--title", "Q4"] + ws, environment: Self.english).status == 0)
    let decided = try cli.run(
      ["review", "decide", "Ship it", "--item", "2", "--owner", "Eero", "--due", "2026-12-20"] + ws,
      environment: Self.english)
    #expect(decided.status == 0, "\(decided.stderr)")
    let minutes = try cli.run(["export", "minutes"] + ws, environment: Self.finnish)
    #expect(minutes.status == 0, "\(minutes.stderr)")
    for expected in [
      "# Muistio: Q4", "## Esityslista", "## Päätökset",
      "Päätös: Ship it (vastuu Eero, määräpäivä 20.12.2026)",
    ] {
      #expect(minutes.stdout.contains(expected), "\(expected) in \(minutes.stdout)")
    }
    let note = try cli.run(["review", "note", "Hyvä kokous", "--item", "1"] + ws, environment: Self.finnish)
    #expect(note.stdout.hasPrefix("Muistiinpano #") && note.stdout.contains("kirjattu."), "\(note.stdout)")
    let status = try cli.run(["review", "status"] + ws, environment: Self.finnish)
    for expected in [
      "Katselmus #1 ”Q4”", "nopea voitto", "1 päätös", "1 muistiinpano", "määräpäivä 20.12.2026",
    ] {
      #expect(status.stdout.contains(expected), "\(expected) in \(status.stdout)")
    }
    #expect(!status.stdout.contains("quick win") && !status.stdout.contains("decision"))
    let json = ["export", "minutes", "--format", "json"] + ws
    #expect(
      try cli.run(json, environment: Self.finnish).stdout == cli.run(json, environment: Self.english).stdout)
  }

  @Test func aCheckInSaysWhatChangedInFinnish() throws {
    let cli = try CLIRunner()
    let ws = ["--workspace", "d.db"]
    #expect(try cli.run(["demo"] + ws, environment: Self.english).status == 0)
    let a4 = try cli.run(
      ["checkin", "A4", "--progress", "65", "--note", "x"] + ws, environment: Self.finnish)
    #expect(a4.stdout.contains("edistyminen 60 % → 65 %, muistiinpano kirjattu"), "\(a4.stdout)")
    let kr = try cli.run(["checkin", "KR4", "--value", "98.7"] + ws, environment: Self.finnish)
    #expect(kr.stdout.contains("nykyinen arvo 98,6 → 98,7"), "\(kr.stdout)")
    let missing = try cli.run(["checkin", "ZZ", "--progress", "1"] + ws, environment: Self.finnish)
    #expect(missing.stderr.contains("ei ole toimenpidettä tai avaintulosta"), "\(missing.stderr)")
  }

  @Test func theDemoIsBuiltInTheLanguage() throws {
    let cli = try CLIRunner()
    let built = try cli.run(["demo", "--workspace", "fi.db", "--lang", "fi"], environment: Self.english)
    #expect(built.status == 0, "\(built.stderr)")
    #expect(built.stdout.hasPrefix("Esittelytyötila: fi.db\n"), "\(built.stdout.prefix(200))")
    let fi = try cli.run(["report", "--workspace", "fi.db"], environment: Self.finnish)
    #expect(fi.status == 0, "\(fi.stderr)")
    for expected in [
      "Tavoite **O1** Asiakkaat ymmärtävät, mitä tarjoamme ja mikä muuttuu",
      "Toimenpide **A1** Kuukausittainen asiakasuutiskirje", "Latausverkko Oy 2026 (esittely)", "Viestintä",
    ] {
      #expect(fi.stdout.contains(expected), "\(expected)")
    }
    #expect(!fi.stdout.contains("Customers understand") && !fi.stdout.contains("Monthly customer newsletter"))
    // The English demo is the English one; either language's demo is rebuilt without --force.
    #expect(try cli.run(["demo", "--workspace", "en.db"], environment: Self.english).status == 0)
    let en = try cli.run(["report", "--workspace", "en.db"], environment: Self.english)
    #expect(en.stdout.contains("Objective **O1** Customers understand what we offer and what changes"))
    let rebuilt = try cli.run(["demo", "--workspace", "fi.db"], environment: Self.english)
    #expect(rebuilt.status == 0, "\(rebuilt.stderr)")
    #expect(rebuilt.stdout.hasPrefix("Demo workspace: fi.db\n"))
    // The numbers are the same in both: the JSON differs only in words. (Correlations sum over
    // segment cells in the order of their labels, which are words: they may differ in the last
    // bits of a double, never in a digit the report shows.)
    let json = { (db: String) in
      try cli.run(["report", "--format", "json", "--workspace", db], environment: Self.english).stdout
    }
    #expect(
      try cli.run(["demo", "--workspace", "fi.db", "--lang", "fi"], environment: Self.english).status == 0)
    let numbers = { (text: String) in text.matches(of: /-?[0-9][0-9.e+-]*/).compactMap { Double($0.output) } }
    let (fiJSON, enJSON) = (try json("fi.db"), try json("en.db"))
    let (fiNumbers, enNumbers) = (numbers(fiJSON), numbers(enJSON))
    #expect(fiJSON != enJSON && fiNumbers.count == enNumbers.count && enNumbers.count > 1000)
    for (f, e) in zip(fiNumbers, enNumbers) {
      #expect(abs(f - e) <= 1e-12 * max(1, abs(e)), "\(f) ≠ \(e)")
    }
  }

  @Test func aBadLangIsRefusedByName() throws {
    let cli = try CLIRunner()
    let r = try cli.run(["report", "--lang", "sv"], environment: Self.english)
    #expect(r.status != 0)
    #expect(r.stderr.contains("sv"))
  }
}

/// `--help` of every command in Finnish: no English sentence left outside the examples, and
/// ArgumentParser's headings in Finnish too.
@Suite("Help in Finnish")
struct FinnishHelpTests {
  static let commands = [
    [], ["init"], ["demo"], ["import"], ["import", "okrs"], ["import", "survey"], ["report"], ["checkin"],
    ["cycle"], ["cycle", "new"], ["cycle", "list"], ["review"], ["review", "start"], ["review", "status"],
    ["review", "decide"], ["review", "note"], ["review", "close"], ["history"], ["export"],
    ["export", "okrs"],
    ["export", "survey"], ["export", "audit"], ["export", "minutes"], ["terminal-test"],
  ]
  static let englishWords = [
    " the ", " of ", " and ", " with ", " a ", "Output format", "OVERVIEW", "OPTIONS",
  ]

  @Test(arguments: commands)
  func everyHelpIsFinnish(command: [String]) throws {
    let cli = try CLIRunner()
    let fi = try cli.run(command + ["--help"], environment: LanguageCLITests.finnish)
    #expect(fi.status == 0, "\(command): \(fi.stderr)")
    #expect(fi.stdout.hasPrefix("YLEISKUVAUS:"), "\(command)")
    var inExamples = false
    for line in fi.stdout.split(separator: "\n", omittingEmptySubsequences: false).map(String.init) {
      if line == "Esimerkkejä:" { inExamples = true }
      if line.isEmpty { inExamples = false }
      if inExamples || line.hasPrefix("KÄYTTÖ:") { continue }
      for word in Self.englishWords {
        #expect(!(" " + line + " ").contains(word), "\(command): \(line)")
      }
    }
    let en = try cli.run(command + ["--help"], environment: LanguageCLITests.english)
    #expect(en.stdout.hasPrefix("OVERVIEW:"), "\(command)")
  }
}
