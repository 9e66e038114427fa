extension Catalogue {
  /// The frame every screen shares: the header's words and who else has the workspace open.
  public struct FrameText: Sendable {
    /// The compared waves: two, one, or none yet.
    public var waves: @Sendable (_ baseline: String, _ arrow: String, _ followUp: String) -> String
    public var wave: @Sendable (String) -> String
    public var noSurvey: String
    /// The segment filter in force, and the cycle (its name cut to fit).
    public var segment: @Sendable (String) -> String
    public var cycle: @Sendable (String) -> String
    /// Others on the workspace: "also open by aino, mikko ×2, you", "aino +2 others".
    public var alsoOpenBy: @Sendable (_ names: String) -> String
    public var namesAndOthers: @Sendable (_ names: String, _ others: String) -> String
    public var others: Plural
    public var you: String
    /// Between names in a list.
    public var listSeparator: String
    /// The help box's title, and its hint when the list fits and when it is paged.
    public var helpTitle: String, helpHint: String, helpPagingHint: String
    /// The help's last section: the gap direction words (the analysis's `under`/`over`),
    /// explained once for every screen.
    public var helpWords: String, underMeans: String, overMeans: String
  }
}

extension Catalogue.FrameText {
  /// English.
  public static let english = Catalogue.FrameText(
    waves: { "waves \($0) \($1) \($2)" },
    wave: { "wave \($0)" },
    noSurvey: "no survey yet",
    segment: { "segment \($0)" },
    cycle: { "cycle \($0)" },
    alsoOpenBy: { "also open by \($0)" },
    namesAndOthers: { "\($0) \($1)" },
    others: Catalogue.Plural(one: "+{n} other", other: "+{n} others"),
    you: "you",
    listSeparator: ", ",
    helpTitle: "Keys", helpHint: "Esc close", helpPagingHint: "j/k scroll, Esc close",
    helpWords: "Words",
    underMeans: "gap: staff's mirror estimate (or own score) below what customers said",
    overMeans: "gap: staff's mirror estimate (or own score) above what customers said")
}

extension Catalogue.FrameText {
  /// Every entry rewritten by `m` (see `Catalogue.mapped`).
  func mapped(_ m: TextMapping) -> Self {
    Self(
      waves: m(waves),
      wave: m(wave),
      noSurvey: m(noSurvey),
      segment: m(segment),
      cycle: m(cycle),
      alsoOpenBy: m(alsoOpenBy),
      namesAndOthers: m(namesAndOthers),
      others: m(others),
      you: m(you),
      listSeparator: m(listSeparator),
      helpTitle: m(helpTitle),
      helpHint: m(helpHint),
      helpPagingHint: m(helpPagingHint),
      helpWords: m(helpWords),
      underMeans: m(underMeans),
      overMeans: m(overMeans))
  }
}
