import Foundation
import PeiliCore

/// Builds the fictional demo workspace (Latausverkko Oy, an EV charging operator in Finland)
/// by writing its OKRs and survey exports as ordinary files and importing them through the
/// same importers a user runs, so the demo also exercises them.
public enum DemoWorkspace {
  /// The demo's cycle id.
  public static let cycleID = DemoOKRs.cycleID

  /// Why the demo could not be built (`peili demo` words it in the run's language).
  public enum BuildError: Error, CustomStringConvertible, Sendable {
    case exists(path: String)
    case badCycleDates

    public var description: String {
      switch self {
      case .exists(let path): "\(path) already exists"
      case .badCycleDates: "the demo cycle's dates do not parse"
      }
    }
  }

  /// Creates the demo workspace at `path`, which must not exist yet, worded in `language`
  /// (its numbers are the same in every language).
  public static func build(
    at path: String, seed: UInt64 = 2026, language: Language = .english, by user: String
  ) throws -> Workspace {
    let fm = FileManager.default
    guard !fm.fileExists(atPath: path) else {
      throw BuildError.exists(path: path)
    }
    let dir = fm.temporaryDirectory.appendingPathComponent("peili-demo-\(UUID().uuidString)")
    try fm.createDirectory(at: dir, withIntermediateDirectories: true)
    defer { try? fm.removeItem(at: dir) }

    let words = DemoWords.of(language)
    let files = generate(seed: seed, words: words)
    for (name, text) in files.texts {
      try Data(text.utf8).write(to: dir.appendingPathComponent(name))
    }
    let workspace = try Workspace.open(path: path, create: true)
    for export in files.exports {
      guard let audience = Audience(rawValue: export.audience), let date = Day(export.date) else { continue }
      try workspace.importSurvey(
        csv: dir.appendingPathComponent(export.csvName).path,
        mapping: dir.appendingPathComponent(export.mappingName).path, wave: export.waveID, date: date,
        audience: audience, replace: false, by: user)
    }
    // Last year's cycle, then this year's started from it as `peili cycle new 2026 --from
    // 2025` would (carrying its unfinished actions over), then this year's own OKRs added.
    try workspace.importOKRs(file: dir.appendingPathComponent("okrs-2025.yaml").path, by: user)
    guard let start = Day(DemoOKRs.cycleStart), let end = Day(DemoOKRs.cycleEnd) else {
      throw BuildError.badCycleDates
    }
    try workspace.startCycle(
      Cycle(id: DemoOKRs.cycleID, name: words(DemoOKRs.cycleName), start: start, end: end),
      carryingOverFrom: DemoOKRs.previousCycleID, by: user)
    try workspace.importOKRs(file: dir.appendingPathComponent("okrs.yaml").path, by: user, update: true)
    try checkIns(workspace, words: words, by: user)
    // The check-ins are the demo's past (owners' earlier work), not the session that opens
    // it next: `u` there must not undo them.
    try workspace.forgetSessionChanges()
    return workspace
  }

  /// A few check-ins with confidence and notes, as owners would have left them, through the
  /// same edit path the dashboard and `peili checkin` use.
  private static func checkIns(_ workspace: Workspace, words: DemoWords, by user: String) throws {
    let snapshot = try workspace.snapshot()
    for (id, confidence, note) in DemoOKRs.keyResultCheckIns {
      guard let kr = snapshot.keyResults.first(where: { $0.id == id }) else { continue }
      _ = try workspace.checkIn(
        keyResult: id, value: nil, confidence: confidence, note: words(note), basedOn: kr.version, by: user)
    }
    for (id, confidence, note) in DemoOKRs.actionCheckIns {
      guard let action = snapshot.actions.first(where: { $0.id == id }) else { continue }
      _ = try workspace.apply(
        .checkIn(progress: nil, confidence: confidence, note: words(note)), toAction: id,
        basedOn: action.version,
        by: user)
    }
  }

  /// Every file of the demo (OKR YAML, mappings, CSVs) by name, as `build` writes them.
  public static func files(seed: UInt64 = 2026, language: Language = .english) -> [(
    name: String, text: String
  )] {
    generate(seed: seed, words: .of(language)).texts
  }

  private static func generate(seed: UInt64, words: DemoWords) -> (
    texts: [(name: String, text: String)], exports: [DemoSurveyFiles.Export]
  ) {
    var generator = DemoSurveyFiles(seed: seed, words: words)
    let exports = generator.exports()
    var texts: [(name: String, text: String)] = [
      ("okrs-2025.yaml", DemoOKRs.previousYAML(words)), ("okrs.yaml", DemoOKRs.yaml(words)),
    ]
    texts += DemoSurveyFiles.mappings(words).sorted { $0.key < $1.key }.map { ($0.key, $0.value) }
    texts += exports.map { ($0.csvName, $0.csv) }
    return (texts, exports)
  }

  /// True when the snapshot is of a workspace `peili demo` built in any language (its cycle
  /// carries the demo name), so that the demo may be rebuilt over it without `--force`.
  public static func isDemo(_ snapshot: Snapshot) -> Bool {
    let names = Language.allCases.map { DemoWords.of($0)(DemoOKRs.cycleName) }
    return snapshot.cycle?.id == DemoOKRs.cycleID && names.contains(snapshot.cycle?.name ?? "")
  }
}
