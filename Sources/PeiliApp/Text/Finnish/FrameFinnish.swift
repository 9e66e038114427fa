extension Catalogue.FrameText {
  /// Finnish.
  public static let finnish = Catalogue.FrameText(
    waves: { "kierrokset \($0) \($1) \($2)" },
    wave: { "kierros \($0)" },
    noSurvey: "ei vielä kyselyä",
    segment: { "ryhmä \($0)" },
    cycle: { "kausi \($0)" },
    alsoOpenBy: { "auki myös: \($0)" },
    namesAndOthers: { "\($0) \($1)" },
    others: Catalogue.Plural(one: "+{n} muu", other: "+{n} muuta"),
    you: "sinä",
    listSeparator: ", ",
    helpTitle: "Näppäimet", helpHint: "Esc sulkee", helpPagingHint: "j/k vierittää, Esc sulkee",
    helpWords: "Sanat",
    underMeans: "ero: henkilöstön arvio asiakkaista (tai oma tulos) alle sen, mitä asiakkaat sanoivat",
    overMeans: "ero: henkilöstön arvio asiakkaista (tai oma tulos) yli sen, mitä asiakkaat sanoivat")
}
