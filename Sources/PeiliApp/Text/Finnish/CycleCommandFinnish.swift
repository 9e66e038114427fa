import PeiliCore

extension CycleCommandText {
  /// Finnish.
  public static let finnish: CycleCommandText = {
    let n = Numerals(.finnish)
    return CycleCommandText(
      cycleOptionNew: "--cycle ei kuulu komentoon `peili cycle new`: uuden kauden tunnus annetaan "
        + "argumenttina, ja --from nimeää kauden, jolta toimenpiteet siirretään",
      cycleOptionList: "--cycle ei kuulu komentoon `peili cycle list`, joka luettelee kaikki kaudet",
      badDate: { "\($0) on päivämäärä muodossa VVVV-KK-PP, annettu \($1)" },
      endBeforeStart: {
        "--end \(n.date($0)) on ennen päivää --start \(n.date($1)); loppu voi olla aikaisintaan alkupäivänä"
      },
      started: { "Kausi \($0) aloitettu (\(n.date($1)) – \(n.date($2)))" },
      nothingToCarry: {
        "\($0); kaudelta \($1) ei siirretty mitään: yksikään sen toimenpiteistä ei ole suunniteltu, "
          + "käynnissä tai estynyt."
      },
      carried: { started, actions, from, objectives in
        let a = Catalogue.Plural(one: "1 toimenpide", other: "{n} toimenpidettä")(actions)
        let o = Catalogue.Plural(one: "1 tavoitteen", other: "{n} tavoitteen")(objectives.count)
        return
          "\(started); kaudelta \(from) siirrettiin \(a) \(o) alle (\(objectives.joined(separator: ", ")))."
      },
      columns: ["", "tunnus", "nimi", "alku", "loppu", "tavoitteet", "toimenpiteet"],
      day: { n.date($0) },
      runningToday: "* käynnissä tänään",
      noCycles: "Kausia ei vielä ole; aloita kausi komennolla `peili cycle new TUNNUS --name NIMI "
        + "--start VVVV-KK-PP --end VVVV-KK-PP` tai tuo OKR:t komennolla `peili import okrs TIEDOSTO.yaml`.")
  }()
}
