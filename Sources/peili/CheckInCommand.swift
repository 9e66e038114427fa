import ArgumentParser
import Foundation
import PeiliApp
import PeiliCore
import PeiliStore
import PeiliText

/// `peili checkin ID …`: records a dated, attributed update of an action or a key result.
struct CheckInCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "checkin",
    abstract:
      Help.text("Record a check-in on an action (progress, status, communication) or a key result (value)."),
    discussion: Help.text(
      """
      The change is attributed to your operating-system user and kept in the audit trail \
      (see `peili history`). Progress is 0–100, confidence 1–10. On a key result, --value \
      sets a metric's current value or marks a milestone done (1) or not (0); a perception \
      key result takes its value from the latest survey wave.

      A check-in applies to the value as it is when it is written, so check-ins from several \
      people or scripts at once all land. A script that must not overwrite a change it has \
      not seen names the value it expects: with --expect-progress (actions) or \
      --expect-value (key results) nothing is written when the value has moved on, and the \
      command exits 3.

      An action records when and how its change was told to the audience it targets: \
      --communicated DATE (YYYY-MM-DD) with --channel TEXT (newsletter, release notes, …), \
      both together; --not-communicated clears it. The Impact screen flags a done action \
      that was never communicated.

      Examples:
        peili checkin A3 --progress 60 --confidence 7 --note "pilot running"
        peili checkin A12 --status done --progress 100
        peili checkin A9 --confidence 3 --note "blocked by the supplier"
        peili checkin KR4 --value 98.9 --confidence 6
        peili checkin A3 --progress 70 --expect-progress 60
        peili checkin A3 --communicated 2026-03-01 --channel "newsletter"
      """))

  @OptionGroup var global: GlobalOptions

  @Argument(
    help: ArgumentHelp(Help.text("The action's or key result's id, e.g. A3 or KR4."), valueName: "id"))
  var action: String

  // `.unconditional`: `--progress -5` is a value to refuse by its range, not a missing one.
  @Option(parsing: .unconditional, help: ArgumentHelp(Help.text("Progress 0–100."), valueName: "n"))
  var progress: Int?

  @Option(
    parsing: .unconditional,
    help: ArgumentHelp(Help.text("Confidence 1–10 that the action lands."), valueName: "n"))
  var confidence: Int?

  @Option(help: ArgumentHelp(Help.text("A note for the check-in."), valueName: "text"))
  var note: String?

  @Option(help: ArgumentHelp(Help.text("New status (actions)."), valueName: "status"))
  var status: ActionStatus?

  @Option(
    parsing: .unconditional,
    help: ArgumentHelp(Help.text("New current value (key results)."), valueName: "number"))
  var value: Double?

  @Option(
    help: ArgumentHelp(
      Help.text("The day the action's change was told to its audience, YYYY-MM-DD (with --channel)."),
      valueName: "date"))
  var communicated: String?

  @Option(
    help: ArgumentHelp(
      Help.text("How it was told, e.g. \"newsletter\" (with --communicated)."), valueName: "text"))
  var channel: String?

  @Flag(help: Help.text("Clear the action's communication (it was not told after all)."))
  var notCommunicated = false

  @Option(
    parsing: .unconditional,
    help: ArgumentHelp(
      Help.text("Write only if the action's progress is still this (else exit 3, nothing written)."),
      valueName: "n"))
  var expectProgress: Int?

  @Option(
    parsing: .unconditional,
    help: ArgumentHelp(
      Help.text("Write only if the key result's current value is still this (a milestone: 1 or 0)."),
      valueName: "number"))
  var expectValue: Double?

  /// Exit code of a check-in refused because the value it expected has moved on.
  static let conflictExit: Int32 = 3

  func validate() throws {
    if progress == nil && confidence == nil && note == nil && status == nil && value == nil
      && communicated == nil && channel == nil && !notCommunicated
    {
      throw ValidationError(
        "nothing to record: give --progress, --confidence, --note, --status, --value or --communicated")
    }
    _ = try communication()
    for (option, number) in [("--value", value), ("--expect-value", expectValue)] {
      if let number, !Bounds.isAllowed(number) {
        throw ValidationError(
          "\(option) must be a number from -1e12 to 1e12, got \(number)")
      }
    }
    if let note, !Bounds.isAllowed(note: note) {
      throw ValidationError("--note is longer than \(Bounds.maxNoteLength) characters; shorten it")
    }
    if let expectProgress, !(0...100).contains(expectProgress) {
      throw ValidationError("--expect-progress must be 0–100, got \(expectProgress)")
    }
    if let progress, !(0...100).contains(progress) {
      throw ValidationError("--progress must be 0–100, got \(progress)")
    }
    if let confidence, !(1...10).contains(confidence) {
      throw ValidationError("--confidence must be 1–10, got \(confidence)")
    }
  }

  /// The communication the options ask for: `.some(nil)` clears it, nil leaves it.
  func communication() throws -> Communication?? {
    if notCommunicated {
      guard communicated == nil && channel == nil else {
        throw ValidationError(
          "--not-communicated clears the communication: give it without --communicated and --channel")
      }
      return .some(nil)
    }
    switch (communicated, channel) {
    case (nil, nil):
      return nil
    case (nil, _):
      throw ValidationError("--channel needs --communicated DATE: say when it was told, too")
    case (let date?, nil):
      throw ValidationError(
        "--communicated \(date.shownForTerminal) needs --channel TEXT: say how it was told, e.g. --channel newsletter"
      )
    case (let date?, let channel?):
      guard let day = Day(date) else {
        throw ValidationError("--communicated must be a date YYYY-MM-DD, got \(date.shownForTerminal)")
      }
      if let bad = UnsafeCharacter.first(in: channel) {
        throw ValidationError("--channel: " + bad.refusal(of: "the channel", channel))
      }
      let trimmed = channel.trimmingCharacters(in: .whitespaces)
      switch Communication.problem(channel: trimmed) {
      case .empty: throw ValidationError("--channel must not be empty: say how it was told, e.g. newsletter")
      case .tooLong:
        throw ValidationError(
          "--channel is longer than \(Communication.maxChannelLength) characters; shorten it")
      case .unsafe, nil: break
      }
      return .some(Communication(on: day, channel: trimmed))
    }
  }

  func run() throws {
    try reportingFailures(global) {
      let workspace = try Workspace.open(path: global.workspacePath, use: .command)
      try global.selectCycle(in: workspace)
      let user = CurrentUser.name
      let snapshot = try workspace.snapshot()
      if let kr = snapshot.keyResults.first(where: { $0.id == action }) {
        try checkIn(kr, workspace, user: user)
        return
      }
      guard snapshot.actions.contains(where: { $0.id == action }) else {
        throw CommandFailure(Self.text.notFound(action, global.workspacePath))
      }
      if value != nil || expectValue != nil {
        throw CommandFailure(Self.text.isAction(action))
      }
      let (before, outcome) = try workspace.checkIn(
        action: action, progress: progress, confidence: confidence, note: note, status: status,
        communicated: try communication(), expectingProgress: expectProgress, by: user)
      let current: Action
      switch outcome {
      case .applied(let action): current = action
      case .conflict(let now):
        printError(Self.text.progressConflict(action, now.progress, expectProgress.map(String.init) ?? "?"))
        throw ExitCode(Self.conflictExit)
      }
      let t = Self.text
      var parts: [String] = []
      if before.progress != current.progress {
        parts.append(t.progress(before.progress, current.progress))
      } else if progress != nil {
        parts.append(t.progressNow(current.progress))
      }
      if let c = current.confidence, confidence != nil { parts.append(t.confidence(c)) }
      if before.status != current.status { parts.append(t.status(before.status, current.status)) }
      if before.communicated != current.communicated {
        if let c = current.communicated {
          parts.append(t.communicated(c.on, c.channel))
        } else {
          parts.append(t.communicationCleared)
        }
      } else if let c = current.communicated, communicated != nil {
        parts.append(t.communicated(c.on, c.channel))
      } else if notCommunicated {
        parts.append(t.notCommunicated)
      }
      if note != nil { parts.append(t.noteRecorded) }
      print(t.line(action, current.title.sanitizedForTerminal, parts, user))
    }
  }

  private func checkIn(_ kr: KeyResult, _ workspace: Workspace, user: String) throws {
    if progress != nil || status != nil || communicated != nil || notCommunicated {
      throw CommandFailure(Self.text.isKeyResult(kr.id))
    }
    let outcome = try workspace.checkIn(
      keyResult: kr.id, value: value, confidence: confidence, note: note ?? "", expectingValue: expectValue,
      by: user)
    guard case .applied(let updated) = outcome else {
      var now: String = "none"
      if case .conflict(let current) = outcome {
        switch current.measure {
        case .metric(_, _, let c, _): now = Self.number(c)
        case .milestone(let done): now = done ? "1" : "0"
        case .perception: break
        }
      }
      printError(Self.text.valueConflict(kr.id, now, expectValue.map(Self.number) ?? "?"))
      throw ExitCode(Self.conflictExit)
    }
    let t = Self.text
    var parts: [String] = []
    switch (kr.measure, updated.measure) {
    case (.metric(_, _, let old, let unit), .metric(_, _, let new, _)) where value != nil:
      parts.append(t.current(Self.number(old), Self.number(new), unit.isEmpty ? "" : " " + unit))
    case (.milestone(let old), .milestone(let new)) where value != nil:
      parts.append(t.done(old == new ? nil : old, new))
    default: break
    }
    if let c = updated.confidence, confidence != nil { parts.append(t.confidence(c)) }
    if note != nil { parts.append(t.noteRecorded) }
    print(t.line(kr.id, updated.title.sanitizedForTerminal, parts, user))
  }

  /// A value as the run's language writes it ("98.9", "98,9").
  private static func number(_ x: Double) -> String {
    text.numerals.localized(x == x.rounded() && abs(x) < 1e15 ? String(Int(x)) : String(x))
  }

  /// The words of the run's language.
  static var text: CheckInCommandText { .of(StartLanguage.current) }
}
