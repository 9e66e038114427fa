/// Why an item is on a review's agenda (DESIGN §9), in the order the meeting takes them:
/// what moved first, then what needs the room's attention, the last review's open decisions,
/// and what is on track — listed, and skipped.
public enum AgendaReason: String, Sendable, Codable, CaseIterable {
  /// A done action whose theme moved: the quick wins the meeting starts with.
  case quickWin = "quick win"
  case offTrack = "off track"
  case blocked
  case lowConfidence = "low confidence"
  case busyNoChange = "busy, no change"
  case blindSpot = "blind spot"
  case withoutMirror = "without mirror"
  case openDecision = "open decision"
  case onTrack = "on track"
  /// Put on the agenda by the presenter during the meeting.
  case added
}

/// What an agenda item is about: a node of the tree, a theme, or an earlier decision.
public enum AgendaKind: String, Sendable, Codable, CaseIterable {
  case objective, keyResult = "key_result", action, theme, decision
}

/// One item of a review's agenda.
public struct AgendaItem: Hashable, Sendable, Codable {
  public var kind: AgendaKind
  public var id: String
  public var title: String
  public var reason: AgendaReason
  /// On track: listed so the room sees it, passed over by next/previous.
  public var skipped: Bool

  public init(kind: AgendaKind, id: String, title: String, reason: AgendaReason, skipped: Bool = false) {
    self.kind = kind
    self.id = id
    self.title = title
    self.reason = reason
    self.skipped = skipped
  }
}

/// An open decision of an earlier review, carried into the next agenda.
public struct OpenDecision: Hashable, Sendable, Codable {
  public var id: Int64
  public var text: String
  public init(id: Int64, text: String) {
    self.id = id
    self.text = text
  }
}

/// Builds a review's agenda from the workspace as the analysis sees it (DESIGN §9): each node
/// once, under the first reason it has, reasons in `AgendaReason` order, tree order within.
public enum ReviewAgenda {
  /// Confidence at or below this (of 10) puts a key result or action on the agenda.
  public static let lowConfidence = 4

  public static func build(snapshot: Snapshot, analysis: MirrorAnalysis, openDecisions: [OpenDecision] = [])
    -> [AgendaItem]
  {
    var items: [AgendaItem] = []
    var seen: Set<String> = []
    func add(_ kind: AgendaKind, _ id: String, _ title: String, _ reason: AgendaReason) {
      guard seen.insert("\(kind.rawValue)/\(id)").inserted else { return }
      items.append(AgendaItem(kind: kind, id: id, title: title, reason: reason, skipped: reason == .onTrack))
    }
    let outcomes = Dictionary(
      zip(snapshot.actions.map(\.id), analysis.outcomes(of: snapshot.actions)),
      uniquingKeysWith: { a, _ in a })
    func isLow(_ confidence: Int?) -> Bool { confidence.map { $0 <= lowConfidence } ?? false }

    for a in snapshot.actions where a.status == .done && outcomes[a.id]?.verdict == .moved {
      add(.action, a.id, a.title, .quickWin)
    }
    for o in snapshot.objectives where analysis.status(objective: o.id) == .offTrack {
      add(.objective, o.id, o.title, .offTrack)
    }
    for k in snapshot.keyResults where analysis.status(keyResult: k.id) == .offTrack {
      add(.keyResult, k.id, k.title, .offTrack)
    }
    for a in snapshot.actions where a.status == .blocked { add(.action, a.id, a.title, .blocked) }
    for k in snapshot.keyResults where isLow(k.confidence) { add(.keyResult, k.id, k.title, .lowConfidence) }
    for a in snapshot.actions where isLow(a.confidence) && a.status != .done && a.status != .dropped {
      add(.action, a.id, a.title, .lowConfidence)
    }
    for a in snapshot.actions where outcomes[a.id]?.busyNoChange == true {
      add(.action, a.id, a.title, .busyNoChange)
    }
    for case .blindSpot(let themeID, _) in analysis.warnings {
      add(.theme, themeID, analysis.mirror(theme: themeID)?.theme.name ?? themeID, .blindSpot)
    }
    for case .objectiveWithoutTheme(let id) in analysis.warnings {
      if let o = snapshot.objectives.first(where: { $0.id == id }) {
        add(.objective, o.id, o.title, .withoutMirror)
      }
    }
    for d in openDecisions { add(.decision, String(d.id), d.text, .openDecision) }
    for k in snapshot.keyResults where analysis.status(keyResult: k.id) == .onTrack {
      add(.keyResult, k.id, k.title, .onTrack)
    }
    return items
  }
}
