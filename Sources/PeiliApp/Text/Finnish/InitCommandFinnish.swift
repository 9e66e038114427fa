import PeiliCore

extension InitCommandText {
  /// Finnish.
  public static let finnish = InitCommandText(
    exists: {
      "\($0) on jo olemassa; peili init luo vain uusia työtiloja (tai jakaa olemassa olevan: --group RYHMÄ)"
    },
    shared: { "Työtila \($0) jaettu ryhmälle \($1)." },
    createdShared: { "Työtila \($0) luotu ja jaettu ryhmälle \($1)." },
    created: { "Työtila \($0) luotu." },
    next: { "Seuraavaksi: peili --workspace \($0) import okrs TIEDOSTO.yaml" })
}
