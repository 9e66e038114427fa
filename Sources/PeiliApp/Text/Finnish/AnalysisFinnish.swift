import PeiliCore

extension Catalogue.AnalysisText {
  /// Finnish.
  public static let finnish = Catalogue.AnalysisText(
    audience: {
      switch $0 {
      case .customer: "asiakkaat"
      case .staff: "henkilöstö"
      case .mirror: "peili"
      }
    },
    audienceTitle: {
      switch $0 {
      case .customer: "Asiakkaat"
      case .staff: "Henkilöstö"
      case .mirror: "Peili"
      }
    },
    audienceLetter: {
      switch $0 {
      case .customer: "A"
      case .staff: "H"
      case .mirror: "P"
      }
    },
    notEnoughData: { "Teemasta \($0) ei ole tarpeeksi tietoa" },
    agree: { "Henkilöstö ja asiakkaat ovat samassa linjassa teemasta \($0)" },
    weakest: { audience, index in
      switch audience {
      case .staff: "henkilöstön heikoin teema, \(index)"
      case .customer, .mirror: "asiakkaiden heikoin teema, \(index)"
      }
    },
    weak: { audience, index, threshold in
      switch audience {
      case .staff: "henkilöstön tulos \(index), alle \(threshold)"
      case .customer, .mirror: "asiakkaiden tulos \(index), alle \(threshold)"
      }
    },
    // The direction words are `under`/`over` below, the one pair of every screen.
    mirrorGapFact: {
      "henkilöstö \($1 == .under ? "aliarvioi" : "yliarvioi") asiakkaiden näkemyksen \($0)"
    },
    experienceGapFact: {
      "henkilöstön oma tulos \($0) \($1 == .under ? "alle" : "yli") asiakkaiden"
    },
    // "Asiakkaat" is plural and takes a plural verb; "henkilöstö" and "peili" are singular.
    changeFact: { audience, size, up in
      switch audience {
      case .staff: "henkilöstön tulos \(up ? "nousi" : "laski") \(size)"
      case .customer: "asiakkaiden tulos \(up ? "nousi" : "laski") \(size)"
      case .mirror: "peilin tulos \(up ? "nousi" : "laski") \(size)"
      }
    },
    factSeparator: "; ",
    under: "aliarvioi", over: "yliarvioi", aligned: "linjassa", notAvailable: "ei tietoa",
    weakCustomerIndex: { "asiakkaiden indeksi \($0) < \($1)" },
    markedMirrorGap: { "peiliero \($0)" },
    unlinked: "mikään tavoite, avaintulos tai toimenpide ei liity siihen",
    reasonSeparator: "; ",
    gapKind: {
      switch $0 {
      case .mirror: "peiliero"
      case .experience: "kokemusero"
      case .target: "ero tavoitteeseen"
      case .weakness: "heikkous"
      case .change: "muutos"
      }
    },
    quadrant: {
      switch $0 {
      case .concentrateHere: "keskity tähän"
      case .keepUp: "pidä yllä"
      case .lowPriority: "matala prioriteetti"
      case .possibleOverkill: "mahdollista ylisuoritusta"
      }
    },
    quadrantTitle: {
      switch $0 {
      case .concentrateHere: "Keskity tähän"
      case .keepUp: "Pidä yllä"
      case .lowPriority: "Matala prioriteetti"
      case .possibleOverkill: "Mahdollista ylisuoritusta"
      }
    },
    gridUnavailable: { unavailable, audience in
      switch unavailable {
      case .noOutcomeQuestion: "ei tulosmittarikysymystä vastaajaryhmälle \(audience)"
      case .tooFewRespondents: "liian vähän vastaajia"
      case .tooFewThemes: "liian vähän teemoja, joilla on sekä tärkeys että tulos"
      }
    },
    objectiveKind: {
      switch $0 {
      case .committed: "sitova"
      case .aspirational: "tavoitteellinen"
      }
    })
}
