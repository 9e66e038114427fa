import ArgumentParser
import Foundation
import PeiliApp
import PeiliCore
import PeiliStore
import PeiliText

/// `peili history`: the audit trail, newest first, as a table.
struct HistoryCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "history",
    abstract: Help.text("Show who changed what and when (the audit trail), newest first."),
    discussion: Help.text(
      """
      Every edit, undo and import is recorded with the operating-system user, the time \
      (UTC), the field and its old and new value.

      Examples:
        peili history
        peili history --limit 200 | grep A3
      """))

  @OptionGroup var global: GlobalOptions

  @Option(help: ArgumentHelp(Help.text("How many entries to show."), valueName: "n"))
  var limit = 30

  func validate() throws {
    if limit < 1 { throw ValidationError(Self.text.limit(limit)) }
  }

  func run() throws {
    try reportingFailures(global) {
      let workspace = try Workspace.open(path: global.workspacePath, use: .reading)
      let entries = try workspace.auditTrail(limit: limit)
      if entries.isEmpty {
        print(Self.text.empty)
        return
      }
      print(Self.table(entries), terminator: "")
    }
  }

  static var text: HistoryCommandText { .of(StartLanguage.current) }

  /// Plain aligned columns; values are stripped of control characters and shortened.
  static func table(_ entries: [AuditEntry], text: HistoryCommandText = Self.text) -> String {
    let header = text.columns
    let rows = entries.map { e in
      [
        e.at.replacingOccurrences(of: "T", with: " ").replacingOccurrences(of: "Z", with: ""),
        e.user, text.kind(e.kind), "\(text.entity(e.entity)) \(e.entityID)", text.field(e.field),
        e.oldValue ?? "–", e.newValue ?? "–",
      ].map { clip($0.sanitizedForTerminal, 40) }
    }
    var widths = header.map(\.count)
    for row in rows { for (i, cell) in row.enumerated() { widths[i] = max(widths[i], cell.count) } }
    func line(_ cells: [String]) -> String {
      cells.enumerated().map { i, c in
        i == cells.count - 1 ? c : c.padding(toLength: widths[i], withPad: " ", startingAt: 0)
      }
      .joined(separator: "  ") + "\n"
    }
    return ([line(header)] + rows.map(line)).joined()
  }

  private static func clip(_ s: String, _ n: Int) -> String {
    s.count <= n ? s : String(s.prefix(n - 1)) + "…"
  }
}
