import PeiliCore
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

  /// Columns at a width: the dumbbell and the links grow with the room.
  public static func columns(width: Int, glyphs: Glyphs) -> [TableWidget.Column] {
    let rule = String(repeating: glyphs.horizontal, count: 3)
    return [
      .init("Theme", width: 14, flexible: true, maxWidth: 24),
      .init("0 \(rule) scores \(rule) 100", width: dumbbellWidth(width)),
      .init("Gap", width: 7, alignment: .right),
      .init("Class", width: 12),
      .init("n", width: 7, alignment: .right),
      .init("Linked", width: 10, flexible: true),
    ]
  }

  static func dumbbellWidth(_ width: Int) -> Int { width >= 120 ? 31 : width >= 100 ? 26 : 21 }

  /// Audience letters as the dumbbell draws them.
  static func letter(_ a: Audience) -> String {
    switch a {
    case .customer: "C"
    case .staff: "S"
    case .mirror: "M"
    }
  }

  static func role(_ a: Audience) -> Role {
    switch a {
    case .customer: .customer
    case .staff: .staff
    case .mirror: .mirror
    }
  }

  /// The points the dumbbell of a row shows for its kind of gap.
  public static func points(_ r: RankedGap, analysis: MirrorAnalysis) -> [DumbbellWidget.Point] {
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
      return [point(a, r.scores[a]), DumbbellWidget.Point("T", value: target, style: Style(.accent))]
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
      points: points(r, analysis: model.shared.analysis),
      marks: DumbbellWidget.Marks(glyphs: model.shared.glyphs)
    ).spans(width: width)
  }

  /// The class of a row's gap in words for its kind.
  public static func classWord(_ r: RankedGap) -> Span {
    func marked(_ under: String, _ over: String, _ aligned: String) -> Span {
      guard let g = r.gap else { return Span("no data", Style(.muted)) }
      switch g.gapClass {
      case .under: return Span(under, Style(.gapUnder, bold: true))
      case .over: return Span(over, Style(.gapOver, bold: true))
      case .aligned: return Span(aligned)
      case .notEnoughData: return Span("no data", Style(.muted))
      }
    }
    switch r.kind {
    case .mirror: return marked("pessimistic", "optimistic", "aligned")
    case .experience: return marked("staff lower", "staff higher", "aligned")
    case .change:
      return marked(
        "drop \(r.audience.map { letter($0) } ?? "")", "rise \(r.audience.map { letter($0) } ?? "")",
        "no change")
    case .target:
      guard let v = r.value else { return Span("no KR", Style(.muted)) }
      return v > 0 ? Span("below target", Style(.warn)) : Span("reached", Style(.good))
    case .weakness:
      guard let e = r.scores[.customer] else { return Span("no data", Style(.muted)) }
      return e.indexHigh < 50 ? Span("weak", Style(.warn, bold: true)) : Span(e.index < 50 ? "low" : "")
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
  public static func links(_ r: RankedGap) -> Span {
    let ids = r.links.objectives + r.links.keyResults + r.links.actions
    if ids.isEmpty { return Span("! blind spot", Style(.warn, bold: true)) }
    let list = ids.joined(separator: " ")
    return r.isBlindSpot ? Span("! " + list, Style(.warn)) : Span(list, Style(.muted))
  }

  /// One ranking row's cells in column order.
  public static func cells(_ r: RankedGap, model: Model, columns: [TableWidget.Column]) -> [Span] {
    let text = ScoreText(glyphs: model.shared.glyphs)
    let width = columns.count > 1 ? columns[1].width : 21
    // The dumbbell is several styled spans: the view draws it over this blank cell.
    return [
      Span(r.theme.name, Style(.text, bold: true)),
      Span(String(repeating: " ", count: width)),
      Span(gapText(r, text: text), r.gap?.isMarked == true ? Style(.text, bold: true) : Style(.text)),
      classWord(r),
      Span(nText(r, text: text), Style(.muted)),
      links(r),
    ]
  }

  /// The facts of the selected theme under the list: its reading, its links with titles,
  /// and the blind-spot warning.
  public static func detail(_ r: RankedGap, model: Model) -> [[Span]] {
    let text = ScoreText(glyphs: model.shared.glyphs)
    let name = r.theme.name
    var lines: [[Span]] = []
    var about: String
    switch r.kind {
    case .mirror:
      about = model.shared.analysis.mirror(theme: r.themeID)?.reading ?? ""
    case .experience:
      about = r.gap.map { "Staff \(text.minus) customers on \(name): \(text.difference($0)) (95% CI)" } ?? ""
    case .change:
      about =
        r.gap.map {
          "Change of \(r.audience?.rawValue ?? "") on \(name) since the baseline: \(text.difference($0))"
        } ?? ""
    case .target:
      about = r.keyResultID.map { "\($0): target \(text.minus) current = \(gapText(r, text: text))" } ?? ""
    case .weakness:
      about = "Customer index on \(name): \(text.indexWithMargin(r.scores[.customer]))"
    }
    if about.isEmpty { about = "Not enough data on \(name) for the \(r.kind.title)" }
    lines.append([Span(name, Style(.text, bold: true)), Span(": " + text.plain(about))])
    var linked: [Span] = [Span("Linked: ", Style(.muted))]
    let ids = r.links.objectives + r.links.keyResults + r.links.actions
    if ids.isEmpty {
      linked.append(Span("nothing", Style(.warn)))
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
        Span("! Blind spot: ", Style(.warn, bold: true)),
        Span(text.plain(r.blindSpotReason ?? ""), Style(.warn)),
      ])
    }
    return lines
  }

  static func kind(of id: String, _ links: ThemeLinks) -> NodeKind {
    links.objectives.contains(id) ? .objective : links.keyResults.contains(id) ? .keyResult : .action
  }

  /// The legend of the dumbbell letters and marks.
  public static func legend(glyphs: Glyphs, kind: GapKind) -> [Span] {
    let marks = DumbbellWidget.Marks(glyphs: glyphs)
    var parts = [("C", "customer", Role.customer), ("S", "staff", .staff), ("M", "mirror", .mirror)]
    if kind == .target { parts.append(("T", "target", .accent)) }
    if kind == .change { parts.append(("c s m", "baseline", .muted)) }
    var out: [Span] = []
    for p in parts { out += [Span(p.0, Style(p.2, bold: true)), Span(" \(p.1)  ", Style(.muted))] }
    out += [
      Span(marks.bar, Style(.text, bold: true)), Span(" gap  ", Style(.muted)),
      Span(marks.interval, Style(.muted)), Span(" 95% CI", Style(.muted)),
    ]
    return out
  }
}
