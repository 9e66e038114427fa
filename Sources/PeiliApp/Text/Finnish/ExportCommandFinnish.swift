import PeiliCore

extension ExportCommandText {
  /// Finnish.
  public static let finnish = ExportCommandText(
    cannotWrite: {
      "tiedostoa \($0) ei voi kirjoittaa: tarkista, että sen kansio on olemassa ja että saat kirjoittaa sinne"
    })
}
