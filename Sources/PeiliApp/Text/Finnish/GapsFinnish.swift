extension Catalogue.GapsText {
  /// Finnish.
  public static let finnish = Catalogue.GapsText(
    rankBy: "Järjestys",
    gridOf: "Tärkeys ja tulos:",
    noThemes: "Ei vielä teemoja: tuo kysely (`peili import survey ...`) tai kokeile `peili demo`.",
    theme: "Teema", scores: "tulos", gap: "Ero", gapClass: "Luokka", respondents: "n", linked: "Liittyy",
    drop: { "lasku \($0)" },
    rise: { "nousu \($0)" },
    noChange: "ei muutosta",
    belowTarget: "alle tavoitteen", reached: "saavutettu", noKeyResult: "ei AT:tä",
    weak: "heikko", low: "matala",
    noData: "ei tietoa",
    blindSpotMark: "katvealue",
    experience: { "Henkilöstö − asiakkaat, \($0): \($1) (95 %:n luottamusväli)" },
    change: { "Muutos, \($0), \($1), lähtötasosta: \($2)" },
    target: { "\($0): tavoite − nykyinen = \($1)" },
    weakness: { "Asiakkaiden indeksi, \($0): \($1)" },
    notEnoughData: { "Teemasta \($0) ei ole tarpeeksi tietoa: \($1)" },
    linkedLabel: "Liittyy", nothing: "ei mitään", blindSpot: "Katvealue",
    targetLetter: "T",
    targetWord: "tavoite", baseline: "lähtötaso", gapMark: "ero", interval: "95 %:n luottamusväli",
    noWave: "Kyselykierrosta ei ole vielä tuotu.",
    reading: "luetaan tärkeyksiä…",
    couldNotRead: { "Tärkeyksiä ei voitu lukea: \($0)" },
    noGrid: { "Ei tärkeys–tulos-nelikenttää vastaajaryhmälle \($0): \($1)." },
    gridHint:
      "Tärkeys on teeman korrelaatio vastaajaryhmän tulosmittarikysymykseen. Paina a: toinen vastaajaryhmä.",
    importanceAxis: { "tärkeys (r), keskiarvo \($0)" },
    correlation: { "r \($0)" },
    performanceAxis: { "tulos (indeksi) \($0)  \($1), keskiarvo \($2)" })
}
