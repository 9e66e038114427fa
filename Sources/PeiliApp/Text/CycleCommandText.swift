import PeiliCore

/// What `peili cycle new` and `peili cycle list` print and refuse, in one language.
public struct CycleCommandText: Sendable {
  public var cycleOptionNew: String, cycleOptionList: String
  public var badDate: @Sendable (_ option: String, _ given: String) -> String
  public var endBeforeStart: @Sendable (_ end: Day, _ start: Day) -> String
  public var started: @Sendable (_ id: String, _ start: Day, _ end: Day) -> String
  public var nothingToCarry: @Sendable (_ started: String, _ from: String) -> String
  /// The started line with what moved over: actions and objectives counted, their ids.
  public var carried:
    @Sendable (_ started: String, _ actions: Int, _ from: String, _ objectives: [String]) -> String
  public var columns: [String]
  public var day: @Sendable (Day) -> String
  public var runningToday: String
  public var noCycles: String

  /// The lines of a language.
  public static func of(_ language: Language) -> CycleCommandText {
    switch language {
    case .english: .english
    case .finnish: .finnish
    }
  }

  /// English.
  public static let english = CycleCommandText(
    cycleOptionNew: "--cycle does not apply to `peili cycle new`: the new cycle's id is its argument, "
      + "and --from names the cycle to carry over from",
    cycleOptionList: "--cycle does not apply to `peili cycle list`, which lists every cycle",
    badDate: { "\($0) must be a date YYYY-MM-DD, got \($1)" },
    endBeforeStart: { "--end \($0) is before --start \($1); expected an end on or after the start" },
    started: { "Started cycle \($0) (\($1) – \($2))" },
    nothingToCarry: {
      "\($0); nothing to carry over from \($1): none of its actions is planned, active or blocked."
    },
    carried: { started, actions, from, objectives in
      let a = Catalogue.Plural(one: "1 action", other: "{n} actions")(actions)
      let o = Catalogue.Plural(one: "1 objective", other: "{n} objectives")(objectives.count)
      return "\(started); carried over \(a) from \(from) under \(o) (\(objectives.joined(separator: ", ")))."
    },
    columns: ["", "id", "name", "start", "end", "objectives", "actions"],
    day: { $0.description },
    runningToday: "* running today",
    noCycles: "No cycles yet; start one with `peili cycle new ID --name NAME --start YYYY-MM-DD "
      + "--end YYYY-MM-DD` or import OKRs with `peili import okrs FILE.yaml`.")
}
