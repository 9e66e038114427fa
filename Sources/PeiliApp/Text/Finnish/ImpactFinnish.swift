import PeiliCore

extension Catalogue.ImpactText {
  /// Finnish.
  public static let finnish = Catalogue.ImpactText(
    verdict: {
      switch $0 {
      case .moved: "muuttui"
      case .worse: "heikkeni"
      case .noEvidenceYet: "ei vielä näyttöä"
      case .tooEarly: "liian aikaista"
      case .notStarted: "ei aloitettu"
      case .notJudged: "ei arvioitu"
      }
    },
    design: {
      switch $0 {
      case .dropped: "hylätty"
      case .notStarted: "ei aloitettu"
      case .tooEarly: "liian aikaista"
      case .shared: "yhteinen"
      case .withComparison: "vertailuryhmän kanssa"
      case .beforeAfterOnly: "vain ennen–jälkeen"
      }
    },
    quadrant: {
      switch $0 {
      case .moved: "muuttui"
      case .busyNoChange: "paljon tekemistä, ei muutosta"
      case .movedWithoutMuchDone: "muuttui vähällä tekemisellä"
      case .notYet: "ei vielä"
      }
    },
    tally: {
      switch $0 {
      case .moved: "muuttui"
      case .busyNoChange: "paljon tekemistä, ei muutosta"
      case .worse: "heikkeni"
      case .noEvidenceYet: "ei vielä näyttöä"
      case .tooEarly: "liian aikaista"
      case .notStarted: "ei aloitettu"
      case .dropped: "hylätty"
      }
    },
    tallyCount: { "\($0) \($1)" },
    tallySeparator: ", ",
    rollup: { "\($0): \($1)" },
    nothingJudged: "yksikään toimenpide ei liity teemaan",
    count: Catalogue.Plural(one: "{n} toimenpide", other: "{n} toimenpidettä"),
    judgedBy: "arvioitu sen mukaan, mikä muuttui, ei sen mukaan, mitä tehtiin",
    only: "vain",
    lastCycle: "edellinen kausi",
    aYearLater: { "\($0), arvioitu vuoden kuluttua" },
    busy: "valmis tai ≥ 80 %", notBusy: "vähemmän tehty", movedAxis: "muuttui", notMovedAxis: "ei muuttunut",
    action: "Toimenpide", progress: "Tehty", verdictTitle: "Arvio", theme: "Teema", change: "Δ", did: "DiD",
    designTitle: "Asetelma",
    interim: "väliarvio", busyNoChange: "paljon tekemistä, ei muutosta", moreThemes: { "+\($0)" },
    noActions:
      "Tällä kaudella ei vielä ole toimenpiteitä: `peili import okrs FILE.yaml`, tai kokeile `peili demo`.",
    noMatch: "Tässä lohkossa ei ole toimenpiteitä.",
    noWaves:
      "Ei vielä kyselykierrosta: vaikuttavuus arvioidaan toimenpidettä edeltävän ja seuraavan kierroksen välillä.",
    detailTitle: { "Vaikuttavuus: \($0) \($1)" },
    themeHeading: { "\($0) · \($1)" },
    waves: { "kierrokset \($0) \($1) \($2)" },
    interimNote: "väliarvio: toimenpide on kesken, viimeisin kierros on seurannan sijasta",
    noFollowUp: "ei kierrosta aloituksen jälkeen",
    noThemes:
      "Tähän toimenpiteeseen ei liity teemaa: ei mitään, minkä mukaan arvioida. Liitä teema OKR-tiedostossa.",
    changeLine: { "muutos \($0)" },
    didLine: { "vähennettynä muiden teemojen muutoksella (\($1)): DiD \($0)" },
    comparedWith: { "vertailuna \($0)" },
    noComparison: "ei vertailtavaa teemaa, johon toimenpide ei kohdistu",
    unbalanced: "vertailuteemat lähtivät kaukaa tästä teemasta: vain ennen–jälkeen",
    favourableChange: { "myönteiset \($0) prosenttiyksikköä" },
    npsChange: { "NPS \($0)" },
    trend: { "kehitys (\($0))" },
    claimSampling:
      "Luottamusvälit kattavat vain otantavirheen: eivät muita syitä, vastaajien vaihtumista eivätkä muuttunutta kyselyä.",
    claimShared: Catalogue.Plural(
      one: "Yhteinen {n} muun toimenpiteen kanssa tässä teemassa: ansio jaetaan.",
      other: "Yhteinen {n} muun toimenpiteen kanssa tässä teemassa: ansio jaetaan."),
    claimDropped: "Hylätty: ei koskaan arvioida eikä hyvitetä.",
    claimNotStarted: "Ei aloitettu: mikä tahansa muuttuikin, se ei johtunut tästä toimenpiteestä.",
    claimTooEarly: "Liian aikaista: ei kyselykierrosta aloituksen jälkeen.",
    claimInterim: "Kesken: arvio viimeisimmästä kierroksesta, arvioidaan uudelleen valmistumisen jälkeen.",
    claimBeforeAfter: "Vain ennen–jälkeen: ilman vertailua myös koko vastaajaryhmän muutos lasketaan mukaan.",
    verdictLine: { "\($0) (\($1))" },
    actionReading: { "\($0) tässä: \($1)" },
    didShort: { "DiD \($0)" },
    toldTitle: "Kerrottu", told: "kyllä", never: "ei",
    neverCommunicated: Catalogue.Plural(
      one: "{n} valmis, ei koskaan viestitty", other: "{n} valmista, ei koskaan viestitty"),
    communicatedLine: { "viestitty \($0), kanava \($1)" },
    doneNeverCommunicated:
      "Valmis mutta ei koskaan viestitty: jos sen kohderyhmä ei tiedä siitä, se ei ehkä koe sen hyötyä.",
    toldComparison: {
      "Valmiit toimenpiteet, joista viestittiin: niiden teemat muuttuivat keskimäärin \($0) (\($1)), "
        + "muiden \($2) (\($3)). Yhteys, ei todiste."
    })
}
