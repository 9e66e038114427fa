import PeiliText

/// The report's English for the analysis's facts — readings, blind-spot reasons, gap kinds,
/// why a grid is not drawn — worded as the Markdown and the JSON have always printed them.
/// The screens word the same facts through their own catalogue.
public enum ReportWording {
  /// "Customers' weakest theme, at 41; staff's own score 11 ± 6 over customers; customers up
  /// 11 ± 3": the facts that matter, most important first, in the screens' words (under/over:
  /// staff under or over what customers said).
  public static func reading(_ m: ThemeMirror) -> String {
    let name = m.theme.name.sanitizedForTerminal
    switch m.reading {
    case .notEnoughData: return "Not enough data on \(name)"
    case .agree: return "Staff and customers agree on \(name)"
    case .facts(let facts):
      let line = facts.map(fact).joined(separator: "; ")
      return line.prefix(1).uppercased() + line.dropFirst()
    }
  }

  /// One fact of a reading.
  static func fact(_ f: ThemeMirror.Reading.Fact) -> String {
    func who(_ a: Audience) -> String { a == .staff ? "staff" : a == .mirror ? "mirror" : "customers" }
    func direction(_ g: Gap) -> String { g.gapClass == .under ? "under" : "over" }
    switch f {
    case .weakest(let a, let index):
      return "\(a == .staff ? "staff's" : "customers'") weakest theme, at \(Int(index.rounded()))"
    case .weak(let a, let index, let threshold):
      return "\(who(a)) score it \(Int(index.rounded())), below \(Int(threshold.rounded()))"
    case .mirrorGap(let g): return "staff's mirror estimate \(size(g)) \(direction(g)) customers"
    case .experienceGap(let g): return "staff's own score \(size(g)) \(direction(g)) customers"
    case .change(let a, let g): return "\(who(a)) \(g.diff > 0 ? "up" : "down") \(size(g))"
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
