import PeiliCore

extension CheckInCommandText {
  /// Finnish.
  public static let finnish: CheckInCommandText = {
    let c = Catalogue.finnish
    let n = Numerals(.finnish)
    return CheckInCommandText(
      progress: { "edistyminen \(n.percent($0)) → \(n.percent($1))" },
      progressNow: { "edistyminen \(n.percent($0))" },
      confidence: { "luottamus \($0)" },
      status: { "tila \(c.name($0)) → \(c.name($1))" },
      communicated: { "viestitty \(n.date($0)), kanava \($1)" },
      communicationCleared: "viestintätieto poistettu", notCommunicated: "ei viestitty",
      noteRecorded: "muistiinpano kirjattu",
      current: { "nykyinen arvo \($0) → \($1)\($2)" },
      done: { from, to in
        let word: @Sendable (Bool) -> String = { $0 ? "kyllä" : "ei" }
        return from.map { "valmis \(word($0)) → \(word(to))" } ?? "valmis \(word(to))"
      },
      line: { "\($0) \($1): \($2.joined(separator: ", ")) (\($3))." },
      notFound: { "työtilassa \($1) ei ole toimenpidettä tai avaintulosta tunnuksella \"\($0)\"" },
      isKeyResult: {
        "\($0) on avaintulos: kirjaa sen --value (ja --confidence, --note); --progress, --status ja "
          + "--communicated ovat toimenpiteille"
      },
      isAction: {
        "\($0) on toimenpide: kirjaa sen --progress (ja --expect-progress); --value on avaintuloksille"
      },
      progressConflict: { "\($0): edistyminen on \($1), ei odotettu \($2); mitään ei kirjoitettu" },
      valueConflict: { "\($0): nykyinen arvo on \($1), ei odotettu \($2); mitään ei kirjoitettu" },
      numerals: n)
  }()
}
