import PeiliCore

extension HistoryCommandText {
  /// Finnish: the History screen's words for kinds, items and fields.
  public static let finnish: HistoryCommandText = {
    let c = Catalogue.finnish
    return HistoryCommandText(
      columns: ["milloin (UTC)", "kuka", "laji", "mikä", "kenttä", "oli", "nyt"],
      kind: { c.fields.kinds[$0.rawValue] ?? $0.rawValue },
      entity: { c.fields.entities[$0.replacingOccurrences(of: " ", with: "_")] ?? $0 },
      field: { c.field($0) },
      empty: "Muutoksia ei ole vielä kirjattu.",
      limit: { "--limit on vähintään 1, annettu \($0)" })
  }()
}
