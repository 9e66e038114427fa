import PeiliCore

/// What `peili checkin` prints and refuses, in one language.
public struct CheckInCommandText: Sendable {
  public var progress: @Sendable (_ from: Int, _ to: Int) -> String
  public var progressNow: @Sendable (Int) -> String
  public var confidence: @Sendable (Int) -> String
  public var status: @Sendable (_ from: ActionStatus, _ to: ActionStatus) -> String
  public var communicated: @Sendable (_ day: Day, _ channel: String) -> String
  public var communicationCleared: String, notCommunicated: String, noteRecorded: String
  public var current: @Sendable (_ from: String, _ to: String, _ unit: String) -> String
  public var done: @Sendable (_ from: Bool?, _ to: Bool) -> String
  /// The line after a check-in: the item, what changed, who.
  public var line: @Sendable (_ id: String, _ title: String, _ parts: [String], _ user: String) -> String
  public var notFound: @Sendable (_ id: String, _ path: String) -> String
  public var isKeyResult: @Sendable (String) -> String, isAction: @Sendable (String) -> String
  public var progressConflict: @Sendable (_ id: String, _ now: Int, _ expected: String) -> String
  public var valueConflict: @Sendable (_ id: String, _ now: String, _ expected: String) -> String
  /// A number as the language writes it ("98.9", "98,9").
  public var numerals: Numerals

  /// The words of a language.
  public static func of(_ language: Language) -> CheckInCommandText {
    switch language {
    case .english: .english
    case .finnish: .finnish
    }
  }

  /// English.
  public static let english = CheckInCommandText(
    progress: { "progress \($0) → \($1)" },
    progressNow: { "progress \($0)" },
    confidence: { "confidence \($0)" },
    status: { "status \($0.rawValue) → \($1.rawValue)" },
    communicated: { "communicated \($0) by \($1)" },
    communicationCleared: "communication cleared", notCommunicated: "not communicated",
    noteRecorded: "note recorded",
    current: { "current \($0) → \($1)\($2)" },
    done: { from, to in from.map { "done \($0) → \(to)" } ?? "done \(to)" },
    line: { "\($0) \($1): \($2.joined(separator: ", ")) (by \($3))." },
    notFound: { "no action or key result with id \"\($0)\" in \($1)" },
    isKeyResult: {
      "\($0) is a key result: record its --value (and --confidence, --note); --progress, --status and "
        + "--communicated are for actions"
    },
    isAction: {
      "\($0) is an action: record its --progress (and --expect-progress); --value is for key results"
    },
    progressConflict: { "\($0): progress is \($1), not \($2) as expected; nothing written" },
    valueConflict: { "\($0): the current value is \($1), not \($2) as expected; nothing written" },
    numerals: Numerals(.english))
}
