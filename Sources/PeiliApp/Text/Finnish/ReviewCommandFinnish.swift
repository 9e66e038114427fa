import PeiliCore

extension ReviewCommandText {
  /// Finnish.
  public static let finnish = ReviewCommandText(
    started: { id, title, cycle, items, skipped in
      "Katselmus #\(id) ”\(title)” aloitettu, kausi \(cycle): esityslistalla \(items)"
        + (skipped > 0 ? ", \(skipped) aikataulussa olevaa lueteltu ja ohitettu" : "") + "."
    },
    items: Catalogue.Plural(one: "{n} kohta", other: "{n} kohtaa"),
    noReview: {
      "Yhtään katselmusta ei ole auki" + ($0 ?? "")
        + "; aloita komennolla `peili review start --title TEKSTI`."
    },
    latest: { " (viimeisin #\($0) ”\($1)” päätetty \($2))" },
    header: { "Katselmus #\($0) ”\($1)”, kausi \($2), aloitettu \($3), aloitti \($4)" },
    presenter: { who, gone, n in
      "esittäjä: \(who.map { $0 + (gone ? " (poissa)" : "") } ?? "ei ketään") · \(n) seuraa"
    },
    currentItem: { "kohta \($0)/\($1): \($2) \($3) \($4)" },
    kind: {
      switch $0 {
      case .objective: "tavoite"
      case .keyResult: "avaintulos"
      case .action: "toimenpide"
      case .theme: "teema"
      case .decision: "päätös"
      }
    },
    reason: { ReportText.reason($0) },
    decisions: Catalogue.Plural(one: "1 päätös", other: "{n} päätöstä"),
    notes: Catalogue.Plural(one: "1 muistiinpano", other: "{n} muistiinpanoa"),
    entryItem: { "(kohta \($0)) " },
    entryOwner: { " · vastuu \($0)" }, entryDue: { " · määräpäivä \($0)" },
    entryAction: { " · toimenpide \($0)" },
    entryStatus: {
      switch $0 {
      case .open: " · avoin"
      case .done: " · tehty"
      }
    },
    recordedDecision: { "Päätös #\($0) kirjattu" + ($1.map { " ja toimenpide \($0) luotu" } ?? "") + "." },
    recordedNote: { "Muistiinpano #\($0) kirjattu." },
    closed: { id, title, open in
      "Katselmus #\(id) ”\(title)” päätetty"
        + (open > 0
          ? "; \(open == 1 ? "1 avoin päätös siirtyy" : "\(open) avointa päätöstä siirtyy") seuraavaan katselmukseen"
          : "")
        + ". Muistio: `peili export minutes --review \(id)`."
    },
    itemAtLeastOne: { "--item on oltava 1 tai suurempi, annettiin \($0)" },
    numerals: Numerals(.finnish))
}
