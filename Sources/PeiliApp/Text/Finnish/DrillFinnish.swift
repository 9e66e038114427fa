extension Catalogue.DrillText {
  /// Finnish.
  public static let finnish = Catalogue.DrillText(
    title: { "Teema: \($0)" },
    scores: "Tulokset", questions: "Kysymykset", segments: "Ryhmät", comments: "Avovastaukset",
    gone: "Tätä teemaa ei enää ole työtilassa.",
    scoresHeading: "Tulokset: indeksi 0–100, 95 %:n luottamusväli", scoresHint: "lähtötaso, sitten seuranta",
    trendHint: { "kaikki kierrokset, \($0) suhteessa kierrokseen \($1)" },
    noWave: "Kyselykierrosta ei ole vielä tuotu.",
    respondents: "n", favourable: "myönt.", nps: "NPS",
    withheld: { "piilotettu: \($0)" },
    noAnswers: "ei vastauksia",
    tooFew: { "n<\($0)" },
    complementRule: "piilotettu (komplementtisääntö)", filterWithheld: "piilotettu tällä rajauksella",
    mirrorGap: "Peiliero (peili − asiakkaat)", experienceGap: "Kokemusero (henkilöstö − asiakkaat)",
    pointsHeading: "Myönteiset % ja NPS, prosenttiyksikköinä", pointsFavourable: "myönt.", pointsNPS: "NPS",
    pointsChange: { "\($0) \($1)" },
    questionsHeading: { "Kysymykset (\($0))" },
    negative: "kielteiset", neutral: "neutraalit", positive: "myönteiset",
    npsMark: "(NPS)",
    noAnswersIn: { "ei vastauksia kierroksella \($0)" },
    segmentsBy: { "Ryhmät: \($0)" },
    nextAttribute: { "a: seuraava ominaisuus (\($0))" },
    noAttributes: "Kyselyssä ei ole ryhmitteleviä ominaisuuksia.",
    noAttributesStatus: "kyselyssä ei ole ryhmitteleviä ominaisuuksia",
    loading: "ladataan…",
    noRespondents: "ei vastaajia",
    couldNotRead: { "ei voitu lukea: \($0)" },
    commentsHeading: { "Avovastaukset (vastaajaryhmä \($0), kierros \($1))" },
    all: "kaikki",
    commentsHint: "c: vastaajaryhmä  w: kierros",
    commentsWithheld: { "Piilotettu: \($0)" },
    noComments: "Ei avovastauksia.",
    moreComments: {
      "vielä \($0), yhteensä \($1): rajaa näppäimillä c (vastaajaryhmä), w (kierros) tai f (ryhmä)"
    })
}
