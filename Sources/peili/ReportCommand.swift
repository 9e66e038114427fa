import ArgumentParser
import Foundation
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
    abstract: "Print the OKRs with progress and status and every theme score, gap and change.",
    discussion: """
      Compares the follow-up wave (--wave, default the latest) with the baseline wave \
      (--baseline, default the oldest). Cells with fewer respondents than the minimum group \
      size are left out of both formats. The JSON fields are documented in docs/report-json.md.

      Examples:
        peili report
        peili report --format json | jq '.themes[] | {id, mirror_gap}'
        peili report --wave 2026-09 --baseline 2025-09 > review.md
      """)

  @OptionGroup var global: GlobalOptions

  @Option(help: "Output format.")
  var format: Format = .markdown

  @Option(help: ArgumentHelp("The follow-up wave (default: the latest).", valueName: "wave"))
  var wave: String?

  @Option(help: ArgumentHelp("The baseline wave (default: the oldest).", valueName: "wave"))
  var baseline: String?

  func run() throws {
    try reportingFailures {
      let workspace = try Workspace.open(path: global.workspacePath)
      print(try Self.render(workspace, format: format, wave: wave, baseline: baseline), terminator: "")
    }
  }

  /// The report text for the workspace; unknown or misordered waves are refused by name.
  static func render(_ workspace: Workspace, format: Format, wave: String?, baseline: String?) throws
    -> String
  {
    let snapshot = try workspace.snapshot()
    let known = snapshot.waves.map(\.id)
    let list =
      known.isEmpty ? "the workspace has no survey waves yet" : "waves: " + known.joined(separator: ", ")
    for (option, id) in [("--wave", wave), ("--baseline", baseline)] {
      if let id, !known.contains(id) { throw CommandFailure("\(option): no wave named \"\(id)\"; \(list)") }
    }
    if let wave, let baseline, let w = snapshot.waves.first(where: { $0.id == wave }),
      let b = snapshot.waves.first(where: { $0.id == baseline }), b.date > w.date
    {
      throw CommandFailure("--baseline \(baseline) (\(b.date)) is later than --wave \(wave) (\(w.date))")
    }
    let analysis = MirrorAnalysis(
      snapshot: snapshot, today: LocalDate.today(), baselineWave: baseline, followUpWave: wave)
    var text: String
    switch format {
    case .markdown: text = Report.markdown(snapshot, analysis: analysis)
    case .json: text = Report.json(snapshot, analysis: analysis)
    }
    if !text.hasSuffix("\n") { text += "\n" }
    return text
  }
}

/// Today's date where the user is (the report's pace and "too early" depend on it).
enum LocalDate {
  static func today(now: Date = Date()) -> Day {
    let c = Calendar.current.dateComponents([.year, .month, .day], from: now)
    return Day(year: c.year ?? 1970, month: c.month ?? 1, day: c.day ?? 1) ?? Day(ordinal: 0)
  }
}
