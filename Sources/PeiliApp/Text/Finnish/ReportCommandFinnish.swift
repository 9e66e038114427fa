import PeiliCore

extension ReportCommandText {
  /// Finnish.
  public static let finnish: ReportCommandText = {
    let n = Numerals(.finnish)
    return ReportCommandText(
      noWave: { option, id, known in
        let list =
          known.isEmpty
          ? "työtilassa ei ole vielä kyselykierroksia" : "kierrokset: " + known.joined(separator: ", ")
        return "\(option): kyselykierrosta \"\(id)\" ei ole; \(list)"
      },
      baselineLater: {
        "--baseline \($0) (\(n.date($1))) on myöhempi kuin --wave \($2) (\(n.date($3)))"
      },
      noAttribute: { name, known in
        let list = known.isEmpty ? "työtilassa ei ole yhtään" : known.joined(separator: ", ")
        return "ryhmittelevää ominaisuutta \"\(name)\" ei ole; ominaisuudet: \(list)"
      },
      badFilter: { "--filter \($0): odotettiin muotoa ominaisuus=arvo, esim. --filter alue=Uusimaa" },
      filterTwice: { "--filter antaa ominaisuuden \($0) kahdesti (\($1) ja \($2)); anna yksi arvo" })
  }()
}
