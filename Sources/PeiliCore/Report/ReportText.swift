/// The words of the report's and the minutes' Markdown in one language: a phrase is a case of
/// `ReportPhrase`, so a language's `say` must word every one (its switch is exhaustive).
/// English is `ReportText.english`, as the Markdown has always printed it; JSON never uses
/// it. Numbers and dates in the Markdown are written by the language's `Numerals`.
public struct ReportText: Sendable {
  public var language: Language
  public var say: @Sendable (ReportPhrase) -> String
  /// A theme's reading and a blind spot's reasons, as the screens word them in the language.
  public var reading: @Sendable (ThemeMirror) -> String
  public var reasons: @Sendable ([BlindSpotReason]) -> String?

  public init(
    language: Language, say: @escaping @Sendable (ReportPhrase) -> String,
    reading: @escaping @Sendable (ThemeMirror) -> String,
    reasons: @escaping @Sendable ([BlindSpotReason]) -> String?
  ) {
    self.language = language
    self.say = say
    self.reading = reading
    self.reasons = reasons
  }

  public var numerals: Numerals { Numerals(language) }
  public func callAsFunction(_ phrase: ReportPhrase) -> String { say(phrase) }
}

/// Every phrase of the report's and the minutes' Markdown; values come written (numbers and
/// dates in the language, workspace text sanitised).
public enum ReportPhrase: Sendable {
  // The report's header and sections.
  case title, workspace(String), cycle(name: String, start: String, end: String), today(String)
  case waves(baseline: String, followUp: String), minimum(group: Int, threshold: String)
  case none, okrs, noObjectives, reEvaluation(name: String, start: String, end: String), noActions
  case themes, noScores, scoresHeader, suppressed, nothingSuppressed, npsOf, question(String)
  case withheldUnderFilter(String), coverageWarnings, noWarnings
  case objectiveWithoutTheme(id: String, title: String), blindSpot(name: String, reasons: String)
  // The OKR tree.
  case objective, keyResult, action, pace(PaceStatus), status(ActionStatus), confidence(Int), due(String)
  case noProgress, metric(start: String, target: String, unit: String, now: String), milestone(done: Bool)
  case perception(theme: String, audience: Audience, baseline: String, target: String, now: String)
  case noScore, unfilteredWithheld, busyNoChange, communicated(day: String, channel: String)
  case doneNeverCommunicated
  case impact(theme: String, verdict: ImpactVerdict, design: ImpactDesign, interim: Bool)
  case impactChange(audience: Audience?, baseline: String, followUp: String)
  case versusUntargeted(count: Int, change: String)
  // Gaps and changes.
  case audience(Audience), gapClass(GapClass), changeClass(GapClass), marked, noData, notEnoughData, points
  case mirrorGap, experienceGap, change(Audience, waves: String)
  case favourableMirrorGap, favourableExperienceGap, npsMirrorGap, npsExperienceGap
  case favourableChange(Audience, waves: String), npsChange(Audience, waves: String)
  // The drill-down.
  case filterHeading, tooFew(Int), filter(String, appliesTo: String), noAudience, withheldCount(Int),
    gapsRanked, rankedBy(GapKind)
  case noThemeHasGap, rankedHeader, blindSpotMark, importance, noImportance, audienceTitle(Audience)
  case notDrawn(ImportanceGrid.Unavailable, Audience), split(importance: String, performance: String)
  case quadrantHeader, quadrant(Quadrant), questions, questionsHeader, segmentsBy(String)
  case noAudienceHasAttribute, segmentsHeader(String)
  // The minutes.
  case minutes(String), meeting(cycle: String, from: String, to: String?, by: String)
  case participants(String), noneRecorded, agenda, reason(AgendaReason), skipped
  case itemStatus(String), busyWithNoChange(String), decision, note, wholeReview, decisions, noDecisions
  case changesDuring, owner(String, due: String?), dueOnly(String), toAction(String)
  case voteResult(median: String, lowest: Int, highest: Int, n: Int), voteHidden(voters: Int)
}

extension ReportText {
  /// English, the report's words as they have always been.
  public static let english = ReportText(
    language: .english,
    say: { p in
      switch p {
      case .title: "# peili report"
      case .workspace(let w): "Workspace: \(w)"
      case .cycle(let name, let start, let end): " · cycle \(name) (\(start) – \(end))"
      case .today(let d): " · today \(d)"
      case .waves(let b, let f): "Baseline wave: \(b) · follow-up wave: \(f)"
      case .minimum(let group, let threshold): " · minimum group \(group) · material threshold \(threshold)"
      case .none: "none"
      case .okrs: "## OKRs"
      case .noObjectives: "No objectives."
      case .reEvaluation(let name, let start, let end): "## Re-evaluation: cycle \(name) (\(start) – \(end))"
      case .noActions: "No actions."
      case .themes: "## Themes"
      case .noScores: "No scores shown."
      case .scoresHeader:
        "| audience | wave | n | mean (native) | index [95% CI] | favourable [95% CI] | NPS (SE) |"
      case .suppressed: "## Suppressed"
      case .nothingSuppressed: "Nothing suppressed."
      case .npsOf: "NPS of "
      case .question(let id): " · question \(id)"
      case .withheldUnderFilter(let reason): " withheld under the filter: \(reason)"
      case .coverageWarnings: "## Coverage warnings"
      case .noWarnings: "None."
      case .objectiveWithoutTheme(let id, let title):
        "Objective \(id) \(title) links no theme (an OKR without a mirror)"
      case .blindSpot(let name, let reasons): "Blind spot: \(name) (\(reasons)) and no action targets it"
      case .objective: "Objective"
      case .keyResult: "KR"
      case .action: "Action"
      case .pace(let pace): pace.rawValue
      case .status(let status): status.rawValue
      case .confidence(let c): " · confidence \(c)"
      case .due(let d): " · due \(d)"
      case .noProgress: "no progress measured"
      case .metric(let start, let target, let unit, let now): "metric \(start) → \(target)\(unit), now \(now)"
      case .milestone(let done): "milestone, \(done ? "done" : "not done")"
      case .perception(let theme, let audience, let baseline, let target, let now):
        "perception \(theme) \(audience.rawValue), baseline \(baseline), target \(target), now \(now)"
      case .noScore: "no score"
      case .unfilteredWithheld: ", unfiltered: withheld under this filter"
      case .busyNoChange: "busy, no change: no linked theme moved"
      case .communicated(let day, let channel): "communicated \(day) by \(channel)"
      case .doneNeverCommunicated: "done but never communicated"
      case .impact(let theme, let verdict, let design, let interim):
        "impact on \(theme): \(verdict.rawValue) (\(design.rawValue)\(interim ? ", interim" : ""))"
      case .impactChange(let audience, let b, let f): " (\(audience?.rawValue ?? "") \(b) → \(f):"
      case .versusUntargeted(let count, let change): ", vs \(count) untargeted themes \(change)"
      case .audience(let a): a.rawValue
      case .gapClass(let c): c.rawValue
      case .changeClass(let c): c.rawValue
      case .marked: " **marked**"
      case .noData: "no data"
      case .notEnoughData: "not enough data"
      case .points: " points"
      case .mirrorGap: "mirror gap (mirror − customer)"
      case .experienceGap: "experience gap (staff − customer)"
      case .change(let a, let waves): "change \(a.rawValue) \(waves)"
      case .favourableMirrorGap: "favourable mirror gap (mirror − customer)"
      case .favourableExperienceGap: "favourable experience gap (staff − customer)"
      case .npsMirrorGap: "NPS mirror gap (mirror − customer)"
      case .npsExperienceGap: "NPS experience gap (staff − customer)"
      case .favourableChange(let a, let waves): "favourable change \(a.rawValue) \(waves)"
      case .npsChange(let a, let waves): "NPS change \(a.rawValue) \(waves)"
      case .filterHeading: "Filter"
      case .tooFew(let minimum): Suppression.reason(minimum: minimum)
      case .filter(let f, let whom): "\(f) (applies to \(whom); other audiences unfiltered)."
      case .noAudience: "no audience"
      case .withheldCount(let n): "\(n) scores withheld under the filter (a small group would be revealed)."
      case .gapsRanked: "## Gaps ranked"
      case .rankedBy(let kind): "### By \(ReportWording.title(kind))"
      case .noThemeHasGap: "No theme has this gap."
      case .rankedHeader: "| # | theme | value | gap [95% CI] | linked | |"
      case .blindSpotMark: "blind spot"
      case .importance: "## Importance and performance"
      case .noImportance: "No importance computed."
      case .audienceTitle(let a): "### \(a.rawValue.capitalized)"
      case .notDrawn(let why, let a): "Not drawn: \(ReportWording.reason(why, audience: a))."
      case .split(let importance, let performance):
        "Split at mean importance r = \(importance) and mean performance \(performance)."
      case .quadrantHeader: "| quadrant | theme | importance r | performance |"
      case .quadrant(let q): q.rawValue
      case .questions: "## Questions"
      case .questionsHeader:
        "| question | audience | wave | n | answers per option (low → high) | index | favourable |"
      case .segmentsBy(let a): "## Segments by \(a)"
      case .noAudienceHasAttribute: "No audience has this attribute."
      case .segmentsHeader(let a): "| theme | audience | wave | \(a) | n | index [95% CI] |"
      case .minutes(let title): "# Minutes: \(title)"
      case .meeting(let cycle, let from, let to, let by):
        "Cycle \(cycle) · \(from) – \(to ?? "(still open)") · started by \(by)"
      case .participants(let names): "Participants: \(names)"
      case .noneRecorded: "none recorded"
      case .agenda: "## Agenda"
      case .reason(let r): r.rawValue
      case .skipped: " (skipped)"
      case .itemStatus(let s): s
      case .busyWithNoChange(let verdict): "\(verdict), busy with no change"
      case .decision: "Decision"
      case .note: "Note"
      case .wholeReview: "## For the whole review"
      case .decisions: "## Decisions"
      case .noDecisions: "None."
      case .changesDuring: "## Changes during the meeting"
      case .owner(let o, let due): "owner \(o)" + (due.map { ", due \($0)" } ?? "")
      case .dueOnly(let d): "due \(d)"
      case .toAction(let a): " → action \(a)"
      case .voteResult(let median, let low, let high, let n):
        "Confidence vote: median \(median), spread \(low)–\(high), n \(n)"
      case .voteHidden(let voters): "Confidence vote not revealed (\(voters) voted)"
      }
    },
    reading: { ReportWording.reading($0) },
    reasons: { ReportWording.reasons($0) })
}
