import ArgumentParser
import Foundation
import PeiliApp
import PeiliCore
import PeiliStore

/// `peili report`: the OKR tree and every score, gap and change, as Markdown or JSON.
struct ReportCommand: ParsableCommand {
  /// Output formats of the report.
  enum Format: String, ExpressibleByArgument, CaseIterable {
    case markdown, json
  }

  static let configuration = CommandConfiguration(
    commandName: "report",
    abstract: Help.text("Print the OKRs with progress and status and every theme score, gap and change."),
    discussion: Help.text(
      """
      Compares the follow-up wave (--wave, default the latest) with the baseline wave \
      (--baseline, default the last wave on or before the cycle's start). Cells with fewer respondents than the minimum group \
      size are left out of both formats. The JSON fields are documented in docs/report-json.md.

      Examples:
        peili report
        peili report --format json | jq '.themes[] | {id, mirror_gap}'
        peili report --wave 2026-09 --baseline 2025-09 > review.md
        peili report --segment region --filter customer_type=business
      """))

  @OptionGroup var global: GlobalOptions

  @Option(help: Help.text("Output format."))
  var format: Format = .markdown

  @Option(help: ArgumentHelp(Help.text("The follow-up wave (default: the latest)."), valueName: "wave"))
  var wave: String?

  @Option(
    help: ArgumentHelp(
      Help.text("The baseline wave (default: the last on or before the cycle's start)."), valueName: "wave"))
  var baseline: String?

  @Option(
    help: ArgumentHelp(
      Help.text("Add a breakdown of every theme by this segment attribute (e.g. region)."),
      valueName: "attribute"))
  var segment: String?

  @Option(
    name: .customLong("filter"),
    help: ArgumentHelp(
      Help.text(
        "Report only respondents with attribute = value (repeatable; audiences without the attribute "
          + "stay unfiltered)."), valueName: "attribute=value"))
  var filters: [String] = []

  func run() throws {
    try reportingFailures(global) {
      let workspace = try Workspace.open(path: global.workspacePath, use: .reading)
      try global.selectCycle(in: workspace)
      print(
        try Self.render(
          workspace, format: format, wave: wave, baseline: baseline, segment: segment,
          filter: try Self.filter(filters)), terminator: "")
    }
  }

  /// The report text for the workspace; unknown or misordered waves are refused by name.
  static func render(
    _ workspace: Workspace, format: Format, wave: String?, baseline: String?, segment: String? = nil,
    filter: SegmentFilter = .none
  ) throws -> String {
    let words = ReportCommandText.of(StartLanguage.current)
    let snapshot = try workspace.snapshot()
    let known = snapshot.waves.map(\.id)
    for (option, id) in [("--wave", wave), ("--baseline", baseline)] {
      if let id, !known.contains(id) { throw CommandFailure(words.noWave(option, id, known)) }
    }
    if let wave, let baseline, let w = snapshot.waves.first(where: { $0.id == wave }),
      let b = snapshot.waves.first(where: { $0.id == baseline }), b.date > w.date
    {
      throw CommandFailure(words.baselineLater(baseline, b.date, wave, w.date))
    }
    let minimum = Suppression.defaultMinimum
    let attributes = try workspace.segmentAttributes()
    for name in filter.constraints.keys.sorted() + (segment.map { [$0] } ?? [])
    where !attributes.contains(where: { $0.name == name }) {
      throw CommandFailure(words.noAttribute(name, attributes.map(\.name)))
    }
    let (filtered, analysis, drilldown) = try Report.prepare(
      snapshot: snapshot, survey: workspace.survey, filter: filter, segment: segment,
      today: LocalDate.today(),
      minimumGroup: minimum, baselineWave: baseline, followUpWave: wave)
    var text: String
    switch format {
    case .markdown:
      text = Report.markdown(
        filtered, analysis: analysis, drilldown: drilldown, text: .of(StartLanguage.current))
    case .json: text = Report.json(filtered, analysis: analysis, drilldown: drilldown)
    }
    if !text.hasSuffix("\n") { text += "\n" }
    return text
  }
}

extension ReportCommand {
  /// `--filter attribute=value` options as one filter; a malformed or repeated one is refused.
  static func filter(_ options: [String]) throws -> SegmentFilter {
    let words = ReportCommandText.of(StartLanguage.current)
    var constraints: [String: String] = [:]
    for option in options {
      let parts = option.split(separator: "=", maxSplits: 1).map {
        $0.trimmingCharacters(in: .whitespaces)
      }
      guard parts.count == 2, !parts[0].isEmpty, !parts[1].isEmpty else {
        throw CommandFailure(words.badFilter(option))
      }
      if let other = constraints[parts[0]], other != parts[1] {
        throw CommandFailure(words.filterTwice(parts[0], other, parts[1]))
      }
      constraints[parts[0]] = parts[1]
    }
    return SegmentFilter(constraints)
  }
}

/// Today's date where the user is (the report's pace and "too early" depend on it).
enum LocalDate {
  static func today(now: Date = Date()) -> Day {
    let c = Calendar.current.dateComponents([.year, .month, .day], from: now)
    return Day(year: c.year ?? 1970, month: c.month ?? 1, day: c.day ?? 1) ?? Day(ordinal: 0)
  }
}
