import PeiliCore
import PeiliText
import PeiliUI

/// Pure builders of the gaps screen: the ranking's columns and rows, the dumbbell of each
/// theme, and the facts of the selected theme.
public enum GapsRows {
  /// The ranking for the model's chosen gap.
  public static func ranking(_ m: Model) -> [RankedGap] {
    GapRanking.rank(m.shared.analysis, by: m[GapsScreen.self].gapKind)
  }

  /// Index of the selected theme in `ranked` (the first when none is selected).
  public static func cursor(_ m: Model, in ranked: [RankedGap]) -> Int {
    ranked.firstIndex { $0.themeID == m[GapsScreen.self].themeID } ?? 0
  }

  /// Columns at a width: the dumbbell and the links grow with the room; each is as wide as
  /// its title or its widest value in the catalogue's words.
  public static func columns(width: Int, glyphs: Glyphs, catalogue: Catalogue) -> [TableWidget.Column] {
    let text = catalogue.gaps
    let rule = String(repeating: glyphs.horizontal, count: 3)
    let dumbbell = "0 \(rule) \(text.scores) \(rule) 100"
    func fitted(_ title: String, _ values: Int) -> Int { max(DisplayWidth.of(title), values) }
    return [
      .init(text.theme, width: fitted(text.theme, 14), flexible: true, maxWidth: 24),
      .init(dumbbell, width: fitted(dumbbell, dumbbellWidth(width))),
      .init(text.gap, width: fitted(text.gap, 7), alignment: .right),
      .init(text.gapClass, width: fitted(text.gapClass, classWidth(catalogue))),
      .init(text.respondents, width: fitted(text.respondents, 7), alignment: .right),
      .init(text.linked, width: fitted(text.linked, 10), flexible: true),
    ]
  }

  /// The widest class word of any kind of gap.
  static func classWidth(_ text: Catalogue) -> Int {
    let t = text.gaps
    let letters = Audience.allCases.map(text.analysis.audienceLetter)
    let words =
      [
        text.analysis.under, text.analysis.over, text.analysis.aligned, t.noChange, t.belowTarget,
        t.reached, t.noKeyResult, t.weak, t.low, t.noData,
      ] + letters.map(t.drop) + letters.map(t.rise)
    return words.map(DisplayWidth.of).max() ?? 0
  }

  static func dumbbellWidth(_ width: Int) -> Int { width >= 120 ? 31 : width >= 100 ? 26 : 21 }

  static func role(_ a: Audience) -> Role {
    switch a {
    case .customer: .customer
    case .staff: .staff
    case .mirror: .mirror
    }
  }

  /// The points the dumbbell of a row shows for its kind of gap.
  public static func points(_ r: RankedGap, analysis: MirrorAnalysis, text: Catalogue) -> [DumbbellWidget
    .Point]
  {
    let letter = text.analysis.audienceLetter
    func point(_ a: Audience, _ e: ScoreEstimate?, label: String? = nil) -> DumbbellWidget.Point? {
      guard let e else { return nil }
      return .init(
        label ?? letter(a), value: e.index, low: e.indexLow, high: e.indexHigh, style: Style(role(a)))
    }
    switch r.kind {
    case .mirror:
      return [point(.customer, r.scores[.customer]), point(.mirror, r.scores[.mirror])].compactMap { $0 }
    case .experience:
      return [point(.customer, r.scores[.customer]), point(.staff, r.scores[.staff])].compactMap { $0 }
    case .weakness:
      return [point(.customer, r.scores[.customer])].compactMap { $0 }
    case .target:
      guard let a = r.audience, let krID = r.keyResultID,
        let kr = analysis.keyResults.first(where: { $0.id == krID }),
        case .perception(_, _, _, let target) = kr.measure
      else { return [] }
      return [
        point(a, r.scores[a]),
        DumbbellWidget.Point(text.gaps.targetLetter, value: target, style: Style(.accent)),
      ]
      .compactMap { $0 }
    case .change:
      guard let a = r.audience, let m = analysis.mirror(theme: r.themeID) else { return [] }
      let before = point(a, m.baselineScores[a], label: letter(a).lowercased())
      return [before, point(a, m.scores[a])].compactMap { $0 }
    }
  }

  /// The dumbbell of a row in `width` cells.
  public static func dumbbell(_ r: RankedGap, model: Model, width: Int) -> [Span] {
    DumbbellWidget(
      points: points(r, analysis: model.shared.analysis, text: model.shared.text),
      marks: DumbbellWidget.Marks(glyphs: model.shared.glyphs)
    ).spans(width: width)
  }

  /// The class of a row's gap in words for its kind.
  public static func classWord(_ r: RankedGap, text: Catalogue) -> Span {
    let t = text.gaps
    func marked(_ under: String, _ over: String, _ aligned: String) -> Span {
      guard let g = r.gap else { return Span(t.noData, Style(.muted)) }
      switch g.gapClass {
      case .under: return Span(under, Style(.gapUnder, bold: true))
      case .over: return Span(over, Style(.gapOver, bold: true))
      case .aligned: return Span(aligned)
      case .notEnoughData: return Span(t.noData, Style(.muted))
      }
    }
    switch r.kind {
    case .mirror, .experience:
      return marked(text.analysis.under, text.analysis.over, text.analysis.aligned)
    case .change:
      let letter = r.audience.map(text.analysis.audienceLetter) ?? ""
      return marked(t.drop(letter), t.rise(letter), t.noChange)
    case .target:
      guard let v = r.value else { return Span(t.noKeyResult, Style(.muted)) }
      return v > 0 ? Span(t.belowTarget, Style(.warn)) : Span(t.reached, Style(.good))
    case .weakness:
      guard let e = r.scores[.customer] else { return Span(t.noData, Style(.muted)) }
      let weak = BlindSpotReason.weakIndex
      return e.indexHigh < weak ? Span(t.weak, Style(.warn, bold: true)) : Span(e.index < weak ? t.low : "")
    }
  }

  /// The gap (or score) with its margin: "-17±4", "41±3", "+4".
  public static func gapText(_ r: RankedGap, text: ScoreText) -> String {
    switch r.kind {
    case .mirror, .experience, .change:
      guard let g = r.gap, g.gapClass != .notEnoughData else { return text.missing }
      return text.difference(g)
    case .weakness:
      return text.indexWithMargin(r.scores[.customer]).replacingOccurrences(of: " ", with: "")
    case .target:
      return r.value.map { text.signed($0) } ?? text.missing
    }
  }

  /// Respondents behind the compared scores: "211/40".
  public static func nText(_ r: RankedGap, text: ScoreText) -> String {
    let audiences: [Audience]
    switch r.kind {
    case .mirror: audiences = [.customer, .mirror]
    case .experience: audiences = [.customer, .staff]
    case .weakness: audiences = [.customer]
    case .target, .change: audiences = r.audience.map { [$0] } ?? []
    }
    return audiences.map { a in r.scores[a].map { "\($0.n)" } ?? text.missing }.joined(separator: "/")
  }

  /// What links to the theme, or the blind-spot mark.
  public static func links(_ r: RankedGap, text: Catalogue.GapsText) -> Span {
    let ids = r.links.objectives + r.links.keyResults + r.links.actions
    if ids.isEmpty { return Span("! " + text.blindSpotMark, Style(.warn, bold: true)) }
    let list = ids.joined(separator: " ")
    return r.isBlindSpot ? Span("! " + list, Style(.warn)) : Span(list, Style(.muted))
  }

  /// One ranking row's cells in column order.
  public static func cells(_ r: RankedGap, model: Model, columns: [TableWidget.Column]) -> [Span] {
    let text = ScoreText(model.shared)
    let width = columns.count > 1 ? columns[1].width : 21
    // The dumbbell is several styled spans: the view draws it over this blank cell.
    return [
      Span(r.theme.name, Style(.text, bold: true)),
      Span(String(repeating: " ", count: width)),
      Span(gapText(r, text: text), r.gap?.isMarked == true ? Style(.text, bold: true) : Style(.text)),
      classWord(r, text: model.shared.text),
      Span(nText(r, text: text), Style(.muted)),
      links(r, text: model.shared.text.gaps),
    ]
  }

  /// The facts of the selected theme under the list: its reading, its links with titles,
  /// and the blind-spot warning.
  public static func detail(_ r: RankedGap, model: Model) -> [[Span]] {
    let text = ScoreText(model.shared)
    let t = model.shared.text.gaps
    let words = model.shared.text.analysis
    let name = r.theme.name
    var lines: [[Span]] = []
    var about: String
    switch r.kind {
    case .mirror:
      about =
        model.shared.analysis.mirror(theme: r.themeID).map {
          words.reading($0.reading, theme: $0.theme.name, numbers: text)
        } ?? ""
    case .experience:
      about = r.gap.map { t.experience(name, text.difference($0)) } ?? ""
    case .change:
      about = r.gap.map { t.change(r.audience.map(words.audience) ?? "", name, text.difference($0)) } ?? ""
    case .target:
      about = r.keyResultID.map { t.target($0, gapText(r, text: text)) } ?? ""
    case .weakness:
      about = t.weakness(name, text.indexWithMargin(r.scores[.customer]))
    }
    if about.isEmpty { about = t.notEnoughData(name, words.gapKind(r.kind)) }
    lines.append([Span(name, Style(.text, bold: true)), Span(": " + text.plain(about))])
    var linked: [Span] = [Span(t.linkedLabel + ": ", Style(.muted))]
    let ids = r.links.objectives + r.links.keyResults + r.links.actions
    if ids.isEmpty {
      linked.append(Span(t.nothing, Style(.warn)))
    } else {
      let titled = ids.prefix(8).map { id -> String in
        let title = TreeRows.facts(id, kind: kind(of: id, r.links), model: model).title
        return "\(id) \(title)"
      }
      linked.append(Span(titled.joined(separator: text.separator)))
    }
    lines.append(linked)
    if r.isBlindSpot {
      lines.append([
        Span("! \(t.blindSpot): ", Style(.warn, bold: true)),
        Span(text.plain(words.reasons(r.blindSpotReasons, numbers: text)), Style(.warn)),
      ])
    }
    return lines
  }

  static func kind(of id: String, _ links: ThemeLinks) -> NodeKind {
    links.objectives.contains(id) ? .objective : links.keyResults.contains(id) ? .keyResult : .action
  }

  /// The legend of the dumbbell letters and marks.
  public static func legend(glyphs: Glyphs, kind: GapKind, text: Catalogue) -> [Span] {
    let marks = DumbbellWidget.Marks(glyphs: glyphs)
    let a = text.analysis
    let t = text.gaps
    var parts = Audience.allCases.map { (a.audienceLetter($0), a.audience($0), role($0)) }
    if kind == .target { parts.append((t.targetLetter, t.targetWord, .accent)) }
    if kind == .change {
      let letters = Audience.allCases.map { a.audienceLetter($0).lowercased() }.joined(separator: " ")
      parts.append((letters, t.baseline, .muted))
    }
    var out: [Span] = []
    for p in parts { out += [Span(p.0, Style(p.2, bold: true)), Span(" \(p.1)  ", Style(.muted))] }
    out += [
      Span(marks.bar, Style(.text, bold: true)), Span(" \(t.gapMark)  ", Style(.muted)),
      Span(marks.interval, Style(.muted)), Span(" \(t.interval)", Style(.muted)),
    ]
    return out
  }
}
