import Foundation
import PeiliText

/// An OKR period with its dates.
public struct Cycle: Hashable, Sendable, Codable {
  public var id: String
  public var name: String
  public var start: Day
  public var end: Day
  public init(id: String, name: String, start: Day, end: Day) {
    self.id = id
    self.name = name
    self.start = start
    self.end = end
  }
}

/// Whether an objective must be met or is a stretch.
public enum ObjectiveKind: String, Sendable, Codable, CaseIterable {
  case committed, aspirational
}

/// A qualitative goal; may align under a parent objective.
public struct Objective: Hashable, Sendable, Codable, Identifiable {
  public var id: String
  public var cycleID: String
  public var parentID: String?
  public var title: String
  public var kind: ObjectiveKind
  public var owner: String?
  public var weight: Double
  public var themeIDs: [String]
  /// Order within the file it came from; the tree is drawn in this order.
  public var position: Int
  /// Bumped on every write; an edit names the version it was based on.
  public var version: Int
  public init(
    id: String, cycleID: String, parentID: String? = nil, title: String, kind: ObjectiveKind = .committed,
    owner: String? = nil, weight: Double = 1, themeIDs: [String] = [], position: Int = 0, version: Int = 1
  ) {
    self.id = id
    self.cycleID = cycleID
    self.parentID = parentID
    self.title = title
    self.kind = kind
    self.owner = owner
    self.weight = weight
    self.themeIDs = themeIDs
    self.position = position
    self.version = version
  }
}

/// The three kinds of key result, each with the values it is measured by.
public enum KeyResultMeasure: Hashable, Sendable, Codable {
  /// A number moving from `start` to `target` (may decrease).
  case metric(start: Double, target: Double, current: Double, unit: String)
  /// Done or not.
  case milestone(done: Bool)
  /// A theme score (0–100 index) for one audience; current comes from the latest wave.
  case perception(themeID: String, audience: Audience, baselineWave: String?, target: Double)

  /// The measure's name in the import, export and JSON formats ("metric"); screens word it
  /// through their catalogue.
  public var kindName: String {
    switch self {
    case .metric: "metric"
    case .milestone: "milestone"
    case .perception: "perception"
    }
  }
}

/// A measurable result under an objective.
public struct KeyResult: Hashable, Sendable, Codable, Identifiable {
  public var id: String
  public var objectiveID: String
  public var title: String
  public var measure: KeyResultMeasure
  public var owner: String?
  public var weight: Double
  /// Latest check-in confidence 1–10, if any.
  public var confidence: Int?
  public var position: Int
  public var version: Int
  public init(
    id: String, objectiveID: String, title: String, measure: KeyResultMeasure, owner: String? = nil,
    weight: Double = 1, confidence: Int? = nil, position: Int = 0, version: Int = 1
  ) {
    self.id = id
    self.objectiveID = objectiveID
    self.title = title
    self.measure = measure
    self.owner = owner
    self.weight = weight
    self.confidence = confidence
    self.position = position
    self.version = version
  }
}

/// Where an action stands.
public enum ActionStatus: String, Sendable, Codable, CaseIterable {
  case planned, active, done, blocked, dropped

  /// The status that `s` moves to from this one.
  public var next: ActionStatus {
    let all = ActionStatus.allCases
    return all[(all.firstIndex(of: self)! + 1) % all.count]
  }
}

/// When and how an action's change was told to the audience it targets (DESIGN §1: if
/// customers do not understand what was done, they do not experience its benefit).
public struct Communication: Hashable, Sendable, Codable {
  public var on: Day
  /// How it was told ("newsletter", "release notes"): non-empty, one line.
  public var channel: String
  /// The most characters of a channel.
  public static let maxChannelLength = 200

  public init(on: Day, channel: String) {
    self.on = on
    self.channel = channel
  }

  /// Why `channel` cannot be stored (empty, too long, a control, bidi or invisible
  /// character), as a fact the caller words; nil when it can.
  public static func problem(channel: String) -> ChannelProblem? {
    if channel.trimmingCharacters(in: .whitespaces).isEmpty { return .empty }
    if !Bounds.fits(channel, maxChannelLength) { return .tooLong }
    if UnsafeCharacter.first(in: channel) != nil { return .unsafe }
    return nil
  }

  /// What is wrong with a channel.
  public enum ChannelProblem: Hashable, Sendable { case empty, tooLong, unsafe }

  /// The audit trail's text of it: "2026-03-01 newsletter" (the date, a space, the channel).
  public var auditText: String { "\(on) \(channel)" }

  /// The communication an audit row's text holds (`auditText`); nil for anything else.
  public init?(auditText text: String) {
    guard let space = text.firstIndex(of: " "), let day = Day(String(text[..<space])) else { return nil }
    let channel = String(text[text.index(after: space)...])
    guard !channel.isEmpty else { return nil }
    self.init(on: day, channel: channel)
  }
}

/// An initiative under a key result or directly under an objective.
public struct Action: Hashable, Sendable, Codable, Identifiable {
  public var id: String
  public var objectiveID: String
  public var keyResultID: String?
  public var title: String
  public var owner: String?
  public var status: ActionStatus
  /// 0–100.
  public var progress: Int
  public var start: Day?
  public var due: Day?
  public var themeIDs: [String]
  public var confidence: Int?
  /// When and how its change was told to its audience; nil: never (as far as recorded).
  public var communicated: Communication?
  public var position: Int
  public var version: Int
  public init(
    id: String, objectiveID: String, keyResultID: String? = nil, title: String, owner: String? = nil,
    status: ActionStatus = .planned, progress: Int = 0, start: Day? = nil, due: Day? = nil,
    themeIDs: [String] = [], confidence: Int? = nil, communicated: Communication? = nil, position: Int = 0,
    version: Int = 1
  ) {
    self.id = id
    self.objectiveID = objectiveID
    self.keyResultID = keyResultID
    self.title = title
    self.owner = owner
    self.status = status
    self.progress = progress
    self.start = start
    self.due = due
    self.themeIDs = themeIDs
    self.confidence = confidence
    self.communicated = communicated
    self.position = position
    self.version = version
  }

  /// Done, and nothing records that its audience was told (the Impact screen flags it).
  public var isDoneButNotCommunicated: Bool { status == .done && communicated == nil }
}

/// A dated, attributed update of a key result or an action.
public struct CheckIn: Hashable, Sendable, Codable {
  public enum Subject: String, Sendable, Codable { case keyResult = "key_result", action }
  public var subject: Subject
  public var subjectID: String
  public var at: String
  public var author: String
  public var value: Double?
  public var progress: Int?
  public var confidence: Int?
  public var note: String
  public init(
    subject: Subject, subjectID: String, at: String, author: String, value: Double? = nil,
    progress: Int? = nil, confidence: Int? = nil, note: String = ""
  ) {
    self.subject = subject
    self.subjectID = subjectID
    self.at = at
    self.author = author
    self.value = value
    self.progress = progress
    self.confidence = confidence
    self.note = note
  }
}
