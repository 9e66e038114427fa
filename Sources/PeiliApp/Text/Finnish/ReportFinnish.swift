import PeiliCore
import PeiliText

extension ReportText {
  /// Finnish: the report's and the minutes' Markdown, in the screens' words (`Catalogue.finnish`).
  public static let finnish: ReportText = {
    let c = Catalogue.finnish
    let a = c.analysis
    let numbers = ScoreText(glyphs: .unicode, text: c)
    let gapClass: @Sendable (GapClass) -> String = { a.word($0) }
    return ReportText(
      language: .finnish,
      say: { p in
        switch p {
        case .title: "# peili-raportti"
        case .workspace(let w): "Työtila: \(w)"
        case .cycle(let name, let start, let end): " · kausi \(name) (\(start) – \(end))"
        case .today(let d): " · tänään \(d)"
        case .waves(let b, let f): "Lähtötason kierros: \(b) · seurantakierros: \(f)"
        case .minimum(let group, let threshold):
          " · pienin ryhmä \(group) · olennaisuuden raja \(threshold)"
        case .none: "ei mitään"
        case .okrs: "## OKR:t"
        case .noObjectives: "Ei tavoitteita."
        case .reEvaluation(let name, let start, let end):
          "## Uudelleenarviointi: kausi \(name) (\(start) – \(end))"
        case .noActions: "Ei toimenpiteitä."
        case .themes: "## Teemat"
        case .noScores: "Ei näytettäviä tuloksia."
        case .scoresHeader:
          "| vastaajaryhmä | kierros | n | keskiarvo (asteikolla) | indeksi [95 %:n lv] | myönteiset [95 %:n lv] | NPS (keskivirhe) |"
        case .suppressed: "## Piilotetut"
        case .nothingSuppressed: "Mitään ei piilotettu."
        case .npsOf: "NPS: "
        case .question(let id): " · kysymys \(id)"
        case .withheldUnderFilter(let reason): " piilotettu rajauksella: \(reason)"
        case .coverageWarnings: "## Kattavuusvaroitukset"
        case .noWarnings: "Ei varoituksia."
        case .objectiveWithoutTheme(let id, let title):
          "Tavoitteeseen \(id) \(title) ei liity teemaa (tavoite ilman peiliä)"
        case .blindSpot(let name, let reasons):
          "Katvealue: \(name) (\(reasons)), eikä mikään toimenpide kohdistu siihen"
        case .objective: "Tavoite"
        case .keyResult: "Avaintulos"
        case .action: "Toimenpide"
        case .pace(let pace): c.name(pace)
        case .status(let status): c.name(status)
        case .confidence(let n): " · luottamus \(n)"
        case .due(let d): " · määräpäivä \(d)"
        case .noProgress: "edistymistä ei mitattu"
        case .metric(let start, let target, let unit, let now):
          "mittari \(start) → \(target)\(unit), nyt \(now)"
        case .milestone(let done): "virstanpylväs, \(done ? c.messages.done : c.messages.notDone)"
        case .perception(let theme, let audience, let baseline, let target, let now):
          "kysely: \(theme), \(a.audience(audience)), lähtötaso \(baseline), tavoite \(target), nyt \(now)"
        case .noScore: "ei tulosta"
        case .unfilteredWithheld: ", rajaamaton: piilotettu tällä rajauksella"
        case .busyNoChange: "\(c.impact.busyNoChange): mikään liittyvä teema ei muuttunut"
        case .communicated(let day, let channel): c.impact.communicatedLine(day, channel)
        case .doneNeverCommunicated: "valmis, mutta ei koskaan viestitty"
        case .impact(let theme, let verdict, let design, let interim):
          "vaikuttavuus teemaan \(theme): \(c.impact.verdict(verdict)) "
            + "(\(c.impact.design(design))\(interim ? ", \(c.impact.interim)" : ""))"
        case .impactChange(let audience, let b, let f): " (\(audience.map(a.audience) ?? "") \(b) → \(f):"
        case .versusUntargeted(let count, let change): ", vs. \(count) muuta teemaa \(change)"
        case .audience(let audience): a.audience(audience)
        case .gapClass(let g): gapClass(g)
        case .changeClass(let g):
          switch g {
          case .over: "nousu"
          case .under: "lasku"
          case .aligned: "ei muutosta"
          case .notEnoughData: a.notAvailable
          }
        case .marked: " **merkitsevä**"
        case .noData: "ei tietoa"
        case .notEnoughData: "ei tarpeeksi tietoa"
        case .points: " %-yks."
        case .mirrorGap: "peiliero (peili − asiakkaat)"
        case .experienceGap: "kokemusero (henkilöstö − asiakkaat)"
        case .change(let audience, let waves): "muutos, \(a.audience(audience)) \(waves)"
        case .favourableMirrorGap: "myönteisten peiliero (peili − asiakkaat)"
        case .favourableExperienceGap: "myönteisten kokemusero (henkilöstö − asiakkaat)"
        case .npsMirrorGap: "NPS-peiliero (peili − asiakkaat)"
        case .npsExperienceGap: "NPS-kokemusero (henkilöstö − asiakkaat)"
        case .favourableChange(let audience, let waves):
          "myönteisten muutos, \(a.audience(audience)) \(waves)"
        case .npsChange(let audience, let waves): "NPS-muutos, \(a.audience(audience)) \(waves)"
        case .filterHeading: "Rajaus"
        case .tooFew(let minimum): "n < \(minimum)"
        case .filter(let f, let whom): "\(f) (koskee: \(whom); muut vastaajaryhmät rajaamatta)."
        case .noAudience: "ei mitään vastaajaryhmää"
        case .withheldCount(let n): "\(n) tulosta piilotettu rajauksella (pieni ryhmä paljastuisi)."
        case .gapsRanked: "## Erot järjestyksessä"
        case .rankedBy(let kind):
          "### \(a.gapKind(kind).prefix(1).uppercased() + a.gapKind(kind).dropFirst())"
        case .noThemeHasGap: "Millään teemalla ei ole tätä eroa."
        case .rankedHeader: "| # | teema | arvo | ero [95 %:n lv] | liittyy | |"
        case .blindSpotMark: "katvealue"
        case .importance: "## Tärkeys ja tulos"
        case .noImportance: "Tärkeyksiä ei laskettu."
        case .audienceTitle(let audience): "### \(a.audienceTitle(audience))"
        case .notDrawn(let why, let audience):
          "Ei piirretty: \(a.gridUnavailable(why, a.audience(audience)))."
        case .split(let importance, let performance):
          "Jako tärkeyden keskiarvon r = \(importance) ja tuloksen keskiarvon \(performance) kohdalta."
        case .quadrantHeader: "| lohko | teema | tärkeys r | tulos |"
        case .quadrant(let q): a.quadrant(q)
        case .questions: "## Kysymykset"
        case .questionsHeader:
          "| kysymys | vastaajaryhmä | kierros | n | vastaukset vaihtoehdoittain (matala → korkea) | indeksi | myönteiset |"
        case .segmentsBy(let attribute): "## Ryhmät: \(attribute)"
        case .noAudienceHasAttribute: "Millään vastaajaryhmällä ei ole tätä ominaisuutta."
        case .segmentsHeader(let attribute):
          "| teema | vastaajaryhmä | kierros | \(attribute) | n | indeksi [95 %:n lv] |"
        case .minutes(let title): "# Muistio: \(title)"
        case .meeting(let cycle, let from, let to, let by):
          "Kausi \(cycle) · \(from) – \(to ?? "(yhä auki)") · aloitti \(by)"
        case .participants(let names): "Osallistujat: \(names)"
        case .noneRecorded: "ei kirjattu"
        case .agenda: "## Esityslista"
        case .reason(let r): reason(r)
        case .skipped: " (ohitettu)"
        case .itemStatus(let stored):
          PaceStatus(rawValue: stored).map(c.name)
            ?? ImpactVerdict(rawValue: stored).map(c.impact.verdict) ?? stored
        case .busyWithNoChange(let verdict): "\(verdict), \(c.impact.busyNoChange)"
        case .decision: "Päätös"
        case .note: "Muistiinpano"
        case .wholeReview: "## Koko katselmusta koskevat"
        case .decisions: "## Päätökset"
        case .noDecisions: "Ei mitään."
        case .changesDuring: "## Muutokset kokouksen aikana"
        case .owner(let o, let due): "vastuu \(o)" + (due.map { ", määräpäivä \($0)" } ?? "")
        case .dueOnly(let d): "määräpäivä \(d)"
        case .toAction(let id): " → toimenpide \(id)"
        case .voteResult(let median, let low, let high, let n):
          "Luottamusäänestys: mediaani \(median), vaihtelu \(low)–\(high), n \(n)"
        case .voteHidden(let voters): "Luottamusäänestystä ei paljastettu (\(voters) äänesti)"
        }
      },
      reading: { m in a.reading(m.reading, theme: m.theme.name.sanitizedForTerminal, numbers: numbers) },
      reasons: { $0.isEmpty ? nil : a.reasons($0, numbers: numbers) })
  }()

  /// Why an item is on a review's agenda.
  static func reason(_ r: AgendaReason) -> String {
    switch r {
    case .quickWin: "nopea voitto"
    case .offTrack: "jäljessä"
    case .blocked: "estynyt"
    case .lowConfidence: "matala luottamus"
    case .busyNoChange: "paljon tekemistä, ei muutosta"
    case .blindSpot: "katvealue"
    case .withoutMirror: "ilman peiliä"
    case .openDecision: "avoin päätös"
    case .onTrack: "aikataulussa"
    case .added: "lisätty"
    }
  }

  /// The report text of a language.
  public static func of(_ language: Language) -> ReportText {
    switch language {
    case .english: .english
    case .finnish: .finnish
    }
  }
}
