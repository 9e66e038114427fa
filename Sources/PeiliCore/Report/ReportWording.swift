import PeiliText

/// The report's English for the analysis's facts — readings, blind-spot reasons, gap kinds,
/// why a grid is not drawn — worded as the Markdown and the JSON have always printed them.
/// The screens word the same facts through their own catalogue.
public enum ReportWording {
  /// "Staff underestimate customers on Communication by 12 ± 7".
  public static func reading(_ m: ThemeMirror) -> String {
    let name = m.theme.name.sanitizedForTerminal
    switch m.reading {
    case .notEnoughData: return "Not enough data on \(name)"
    case .agree: return "Staff and customers agree on \(name)"
    case .staffUnderestimate(let gap): return "Staff underestimate customers on \(name) by \(size(gap))"
    case .staffOverestimate(let gap): return "Staff overestimate customers on \(name) by \(size(gap))"
    }
  }

  /// A gap's size, magnitude and margin rounded to whole index points: "12 ± 7".
  static func size(_ gap: Gap) -> String {
    "\(Int(abs(gap.diff).rounded())) ± \(Int(gap.margin.rounded()))"
  }

  /// "customer index 47 < 50; mirror gap −12 ± 5"; nil when there is no reason.
  public static func reasons(_ reasons: [BlindSpotReason]) -> String? {
    reasons.isEmpty ? nil : reasons.map(reason).joined(separator: "; ")
  }

  /// One reason: "customer index 47 < 50", "mirror gap −12 ± 5".
  public static func reason(_ reason: BlindSpotReason) -> String {
    switch reason {
    case .weakCustomerIndex(let index, let threshold):
      return "customer index \(Int(index.rounded())) < \(Int(threshold.rounded()))"
    case .markedMirrorGap(let g):
      return "mirror gap \(g.diff < 0 ? "−" : "+")\(size(g))"
    case .unlinked:
      return "no objective, key result or action links to it"
    }
  }

  /// "mirror gap", "weakness".
  public static func title(_ kind: GapKind) -> String {
    switch kind {
    case .mirror: "mirror gap"
    case .experience: "experience gap"
    case .target: "target gap"
    case .weakness: "weakness"
    case .change: "change"
    }
  }

  /// "no outcome question for staff", "too few respondents".
  public static func reason(_ unavailable: ImportanceGrid.Unavailable, audience: Audience) -> String {
    switch unavailable {
    case .noOutcomeQuestion: "no outcome question for \(audience.rawValue)"
    case .tooFewRespondents: "too few respondents"
    case .tooFewThemes: "too few themes with both importance and performance"
    }
  }
}
