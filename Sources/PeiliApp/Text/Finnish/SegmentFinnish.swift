extension Catalogue.SegmentText {
  /// Finnish.
  public static let finnish = Catalogue.SegmentText(
    attributesTitle: "Ryhmärajaus: valitse ominaisuus",
    valuesTitle: { "Ryhmä: \($0) =" },
    attributesHint: "Enter valitsee, F poistaa kaikki, Esc sulkee", valuesHint: "Enter käyttää, Esc takaisin",
    reading: "luetaan ryhmiä…",
    noAttributes: "Kyselyssä ei ole ryhmitteleviä ominaisuuksia.",
    values: Catalogue.Plural(one: "{n} arvo", other: "{n} arvoa"),
    attributeSummary: { "\($0), \($1)" },
    respondents: { "n \($0)" },
    anyValue: "mikä tahansa arvo", now: "(nyt)", removesConstraint: "poistaa tämän ehdon",
    nothingToClear: "ei poistettavaa ryhmärajausta",
    cleared: "ryhmärajaus poistettu: kaikki vastaajat",
    refused: { "ryhmää \($0) ei voi näyttää: \($1)" },
    noAudience: "millään vastaajaryhmällä ei ole näitä ominaisuuksia",
    tooFew: { "alle \($0) vastaajaa täsmää" },
    applied: { "ryhmä \($0) (tulokset: \($1))" },
    withheld: { "\($0) piilotettu: \($1)" })
}
