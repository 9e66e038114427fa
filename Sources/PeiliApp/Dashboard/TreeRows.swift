import PeiliCore
import PeiliText
import PeiliUI

/// Pure builders of the OKR tree's rows: what each visible item shows at a pane width.
public enum TreeRows {
  /// Which trailing columns fit beside the titles at a width, as wide as the catalogue's
  /// words need.
  public struct Columns: Hashable, Sendable {
    public var bar: Int
    /// Width of the status word; nil at narrow widths (the glyph and colour remain).
    public var word: Int?
    /// Width of the confidence ("c7"), its leading space included.
    public var confidence: Int
    public var owner: Int?
    /// The trailing columns' width at a pane width, for the layout's estimate (the widest
    /// the columns get beside a title: glyph, bar, percent, word, confidence, owner).
    public static func trailingWidth(_ width: Int, text: Catalogue) -> Int {
      let c = forWidth(max(width, 100), text: text)
      return 2 + c.bar + 5 + (c.word.map { $0 + 1 } ?? 0) + c.confidence + (c.owner.map { $0 + 1 } ?? 0)
    }

    public static func forWidth(_ width: Int, text: Catalogue) -> Columns {
      let confidence = 1 + DisplayWidth.of(text.dashboard.confidenceShort(10))
      if width >= 100 { return Columns(bar: 12, word: wordWidth(text), confidence: confidence, owner: 10) }
      if width >= 76 { return Columns(bar: 10, word: wordWidth(text), confidence: confidence, owner: 8) }
      return Columns(bar: 8, word: nil, confidence: confidence, owner: nil)
    }

    /// The widest status word: of a pace (objectives, key results) or an action's status.
    static func wordWidth(_ text: Catalogue) -> Int {
      let words = PaceStatus.allCases.map(text.name) + ActionStatus.allCases.map(text.name)
      return words.map(DisplayWidth.of).max() ?? 0
    }
  }

  /// What a row says about its item: progress 0…1, pace, the status word, confidence, owner.
  public struct Facts: Hashable, Sendable {
    public var title: String
    public var progress: Double?
    public var pace: PaceStatus
    public var word: String
    public var wordRole: Role
    public var confidence: Int?
    public var owner: String?
    /// A perception key result whose current score the segment filter withholds: the
    /// progress and pace are the unfiltered ones.
    public var withheldUnderFilter = false
  }

  /// The facts of one item, read from the model's indexes (no scan).
  public static func facts(_ id: String, kind: NodeKind, model: Model) -> Facts {
    let text = ScoreText(model.shared)
    switch kind {
    case .objective:
      let o = model.shared.tree.objectives[id]
      let pace = model.shared.analysis.status(objective: id)
      return Facts(
        title: o?.title ?? id, progress: model.shared.analysis.progress(objective: id), pace: pace,
        word: model.shared.text.name(pace),
        wordRole: text.role(pace), confidence: nil, owner: o?.owner)
    case .keyResult:
      let kr = model.shared.tree.keyResults[id]
      let pace = model.shared.analysis.status(keyResult: id)
      return Facts(
        title: kr?.title ?? id, progress: model.shared.analysis.progress(keyResult: id), pace: pace,
        word: model.shared.text.name(pace), wordRole: text.role(pace), confidence: kr?.confidence,
        owner: kr?.owner, withheldUnderFilter: model.shared.analysis.isWithheldUnderFilter(keyResult: id))
    case .action:
      let a = model.shared.tree.action(id)
      let pace = a.map { model.shared.analysis.status(of: $0) } ?? .notStarted
      return Facts(
        title: a?.title ?? id, progress: a.map { OKRProgress.action($0.progress) }, pace: pace,
        word: a.map { model.shared.text.name($0.status) } ?? "",
        wordRole: a.map { text.role($0.status) } ?? .text,
        confidence: a?.confidence, owner: a?.owner)
    }
  }

  /// One row as the tree widget draws it.
  public static func row(_ row: OKRTree.Row, model: Model, columns: Columns) -> TreeWidget.Row {
    let text = ScoreText(model.shared)
    let f = facts(row.id, kind: row.kind, model: model)
    let titleStyle = row.kind == .objective ? Style(.text, bold: true) : Style(.text)
    var label = [Span(row.id + " ", Style(.muted))]
    // Before the title, which a narrow pane cuts: the progress beside it is not the filter's.
    if f.withheldUnderFilter {
      label.append(Span(model.shared.text.dashboard.withheldUnderFilter + ": ", Style(.warn)))
    }
    label.append(Span(f.title, titleStyle))
    let bar = ProgressBar(
      fraction: f.progress, filled: model.shared.glyphs.barFull, empty: model.shared.glyphs.barEmpty,
      partials: model.shared.glyphs.barPartials, filledStyle: Style(text.role(f.pace)),
      emptyStyle: Style(.muted))
    var trailing = [Span(text.glyph(f.pace), Style(text.role(f.pace), bold: true)), Span(" ")]
    trailing += bar.spans(width: columns.bar)
    trailing.append(Span(TextFit.right(text.percent(f.progress), 5)))
    if let w = columns.word {
      trailing.append(Span(" " + TextFit.left(f.word, w), Style(f.wordRole)))
    }
    trailing.append(
      Span(
        TextFit.right(
          f.confidence.map(model.shared.text.dashboard.confidenceShort) ?? "", columns.confidence),
        Style(.muted)))
    if let w = columns.owner {
      trailing.append(
        Span(
          " " + TextFit.left(f.owner ?? "", w, ellipsis: model.shared.glyphs.ellipsis),
          Style(.muted)))
    }
    let expander: TreeWidget.Expander = !row.hasChildren ? .leaf : row.isExpanded ? .expanded : .collapsed
    return TreeWidget.Row(depth: row.depth, expander: expander, label: label, trailing: trailing)
  }
}
