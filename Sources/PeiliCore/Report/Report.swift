import Foundation
import PeiliText

/// The `peili report` output: pure functions of a snapshot and its analysis.
public enum Report {
  /// One theme × audience × wave cell of the report, shown or suppressed.
  public struct Cell: Sendable {
    public let theme: Theme
    public let audience: Audience
    public let wave: Wave
    /// nil when suppressed.
    public let estimate: ScoreEstimate?
    /// Why the cell (or its NPS) is absent, e.g. "n < 5".
    public let suppressedReason: String?
    public let npsSuppressedReason: String?
  }

  /// Every theme-level cell in theme, wave (oldest first) and audience order.
  public static func cells(_ s: Snapshot, analysis: MirrorAnalysis) -> [Cell] {
    let waves = s.waves.sorted { $0.date < $1.date }
    var cells: [Cell] = []
    for mirror in analysis.themes {
      for wave in waves {
        for audience in Audience.allCases {
          guard let summary = s.score(mirror.theme.id, audience, wave: wave.id), summary.n > 0 else {
            continue
          }
          let estimate = ScoreEstimate(summary, minimumGroup: analysis.minimumGroup)
          let reason = Suppression.reason(minimum: analysis.minimumGroup)
          let npsHidden =
            estimate != nil && summary.npsN > 0
            && Suppression.isSuppressed(n: summary.npsN, minimum: analysis.minimumGroup)
          cells.append(
            Cell(
              theme: mirror.theme, audience: audience, wave: wave, estimate: estimate,
              suppressedReason: estimate == nil ? reason : nil,
              npsSuppressedReason: npsHidden ? "NPS \(reason)" : nil))
        }
      }
    }
    return cells
  }

  /// Objectives as a forest: top-level first (no or unknown parent), children in position order.
  static func objectiveForest(_ s: Snapshot) -> (roots: [Objective], children: [String: [Objective]]) {
    let ordered = s.objectives.sorted { ($0.position, $0.id) < ($1.position, $1.id) }
    let ids = Set(ordered.map(\.id))
    var children: [String: [Objective]] = [:]
    var roots: [Objective] = []
    for o in ordered {
      if let p = o.parentID, ids.contains(p), p != o.id {
        children[p, default: []].append(o)
      } else {
        roots.append(o)
      }
    }
    return (roots, children)
  }

  /// Key results and actions grouped under their parents once, in position order.
  struct Tree {
    let keyResults: [String: [KeyResult]]
    /// Keyed by objective id, then KR id ("" for actions directly under the objective).
    let actions: [String: [String: [Action]]]

    init(_ s: Snapshot) {
      keyResults = Dictionary(grouping: s.keyResults, by: \.objectiveID).mapValues {
        $0.sorted { ($0.position, $0.id) < ($1.position, $1.id) }
      }
      actions = Dictionary(grouping: s.actions, by: \.objectiveID).mapValues { list in
        Dictionary(grouping: list) { $0.keyResultID ?? "" }.mapValues {
          $0.sorted { ($0.position, $0.id) < ($1.position, $1.id) }
        }
      }
    }

    func keyResults(objective id: String) -> [KeyResult] { keyResults[id] ?? [] }
    func actions(objective id: String, keyResult kr: String?) -> [Action] { actions[id]?[kr ?? ""] ?? [] }
  }

  /// A warning in words.
  public static func message(_ w: CoverageWarning, _ s: Snapshot, _ t: ReportText = .english) -> String {
    switch w {
    case .objectiveWithoutTheme(let id):
      let title = s.objectives.first { $0.id == id }?.title ?? ""
      return t(.objectiveWithoutTheme(id: id, title: title)).sanitizedForTerminal
    case .blindSpot(let id, let reasons):
      let name = s.themes.first { $0.id == id }?.name ?? id
      let reason = t.reasons(reasons) ?? ""
      return t(.blindSpot(name: name, reasons: reason)).sanitizedForTerminal
    }
  }
}
