import PeiliCore

extension DashboardCommandText {
  /// Finnish.
  public static let finnish = DashboardCommandText(
    notATerminal: "näkymät tarvitsevat päätteen; skripteissä käytä komentoa `peili report`")
}
