import PeiliCore

extension DemoCommandText {
  /// Finnish.
  public static let finnish = DemoCommandText(
    built: { "Esittelytyötila: \($0)" },
    openHint: { "Avaa se päätteessä: peili --workspace \($0)" },
    notADemo: {
      "\($0) on jo olemassa eikä ole peilin esittelytyötila; korvaa se valitsimella --force tai valitse "
        + "toinen --workspace"
    },
    exists: { "\($0) on jo olemassa" },
    badCycleDates: "esittelykauden päivämäärät eivät kelpaa")
}
