import PeiliCore
import PeiliText
import PeiliUI

/// Pure builder of a theme's drill-down: one scrolling list of lines in four sections
/// (scores per audience and wave, questions, segment breakdown, comments).
public enum DrillRows {
  /// The lines and where each section starts.
  public struct Page: Sendable {
    public var lines: [[Span]] = []
    /// (title, index of its heading line), in order.
    public var sections: [(title: String, start: Int)] = []

    mutating func section(_ title: String, _ heading: [Span]) {
      if !lines.isEmpty { lines.append([]) }
      sections.append((title, lines.count))
      lines.append(heading)
    }
  }

  /// The most comments laid out on the page: every key lays the page out again, and a large
  /// survey can hold tens of thousands; the rest are reached by narrowing the audience, wave
  /// or segment.
  public static let commentLimit = 300

  /// The breakdown's attribute: the chosen one, else the first the survey has.
  public static func attribute(_ m: Model) -> SegmentAttribute? {
    guard let all = m.shared.segmentAttributes, !all.isEmpty else { return nil }
    return all.first { $0.name == m[ThemeScreen.self].attribute } ?? all[0]
  }

  static func role(_ a: Audience) -> Role { GapsRows.role(a) }

  static func heading(_ title: String, hint: String = "") -> [Span] {
    [Span(title, Style(.header, bold: true))] + (hint.isEmpty ? [] : [Span("   " + hint, Style(.muted))])
  }

  /// The whole page for theme `id` at `width` columns.
  public static func page(_ m: Model, themeID id: String, width: Int) -> Page {
    var page = Page()
    let text = ScoreText(m.shared)
    guard let mirror = m.shared.analysis.mirror(theme: id) else {
      page.lines = [[Span(m.shared.text.drill.gone, Style(.muted))]]
      return page
    }
    scores(&page, mirror, m, text: text, width: width)
    questions(&page, id, m, text: text, width: width)
    breakdown(&page, id, m, text: text, width: width)
    comments(&page, id, m, text: text, width: width)
    // In the ASCII set, the dashes, arrows and ellipses of the labels are spelled in ASCII.
    if !m.shared.glyphs.isUnicode {
      page.lines = page.lines.map { line in line.map { Span(text.plain($0.text), $0.style) } }
    }
    return page
  }

  /// "41 ±3  n 211  fav 34%  NPS −12".
  static func facts(_ e: ScoreEstimate, text: ScoreText, words t: Catalogue.DrillText) -> String {
    var s = "\(TextFit.right(text.indexWithMargin(e), 6))  \(t.respondents) \(TextFit.left("\(e.n)", 4))"
    if let fav = e.favourable { s += " \(t.favourable) \(TextFit.right(text.percent(fav), 4))" }
    if let nps = e.nps { s += " \(t.nps) \(text.signed(nps))" }
    return s
  }

  /// The audience labels' column: the widest label and a space.
  static func labelWidth(_ words: Catalogue.AnalysisText) -> Int {
    1 + (Audience.allCases.map { DisplayWidth.of(words.audienceTitle($0)) }.max() ?? 0)
  }

  static func scores(_ page: inout Page, _ m: ThemeMirror, _ model: Model, text: ScoreText, width: Int) {
    let t = model.shared.text.drill
    let words = model.shared.text.analysis
    let labels = labelWidth(words)
    let analysis = model.shared.analysis
    let compared = [analysis.baseline, analysis.followUp].compactMap { $0 }
    // The trend: every wave up to the follow-up when there are more than the two compared.
    let waves =
      analysis.waves.count > 2
      ? analysis.waves.filter { w in analysis.followUp.map { w.date <= $0.date } ?? true } : compared
    let shown = waves.count == 2 && waves[0].id == waves[1].id ? [waves[0]] : waves
    let isTrend = shown.count > 2 || (shown.count == 2 && shown.map(\.id) != compared.map(\.id))
    let hint =
      isTrend ? analysis.baseline.map { t.trendHint(text.glyphs.delta, $0.id) } ?? t.scoresHint : t.scoresHint
    page.section(t.scores, heading(t.scoresHeading, hint: hint))
    guard !shown.isEmpty else {
      page.lines.append([Span("  " + t.noWave, Style(.muted))])
      return
    }
    let strip = max(10, min(40, width - 56))
    for audience in Audience.allCases {
      let both = shown.map { w in
        w.id == analysis.followUp?.id
          ? m.scores[audience]
          : w.id == analysis.baseline?.id
            ? m.baselineScores[audience]
            : analysis.estimate(theme: m.theme.id, audience: audience, wave: w.id)
      }
      // An audience with only suppressed scores still shows, as "n<5".
      let raw = shown.map { w in
        model.shared.scores[ScoreKey(themeID: m.theme.id, audience: audience, waveID: w.id)]
      }
      let refused = shown.contains { w in
        model.shared.withheld[ScoreKey(themeID: m.theme.id, audience: audience, waveID: w.id)] != nil
      }
      guard both.contains(where: { $0 != nil }) || raw.contains(where: { $0 != nil }) || refused else {
        continue
      }
      for (i, wave) in shown.enumerated() {
        let label =
          i == 0 ? TextFit.left(words.audienceTitle(audience), labels) : String(repeating: " ", count: labels)
        var line = [
          Span("  " + label, Style(role(audience), bold: true)),
          Span(TextFit.left(wave.id, 8), Style(.muted)),
        ]
        if let e = both[i] {
          line.append(
            Span(
              model.shared.glyphs.ciStrip(
                low: e.indexLow, estimate: e.index, high: e.indexHigh, width: strip),
              Style(role(audience))))
          line.append(Span(" " + facts(e, text: text, words: t)))
        } else {
          let key = ScoreKey(themeID: m.theme.id, audience: audience, waveID: shown[i].id)
          let why =
            model.shared.withheld[key].map(t.withheld)
            ?? (raw[i] == nil ? t.noAnswers : t.tooFew(model.shared.analysis.minimumGroup))
          line.append(
            Span(TextFit.left("", strip) + " " + TextFit.right(text.missing, 6) + "  " + why, Style(.muted)))
        }
        // The change the analysis compares (follow-up − baseline), on the follow-up's row.
        if wave.id == analysis.followUp?.id && compared.count == 2 && compared[0].id != compared[1].id
          && both[i] != nil
        {
          line.append(Span("  \(text.glyphs.delta) ", Style(.muted)))
          line.append(text.changeCell(m.change[audience]))
        }
        page.lines.append(line)
      }
    }
    let gapLabel = max(DisplayWidth.of(t.mirrorGap), DisplayWidth.of(t.experienceGap)) + 2
    page.lines.append([
      Span("  " + TextFit.left(t.mirrorGap, gapLabel), Style(.muted)), text.gapCell(m.mirrorGap),
    ])
    page.lines.append([
      Span("  " + TextFit.left(t.experienceGap, gapLabel), Style(.muted)), text.gapCell(m.experienceGap),
    ])
    page.lines.append(MirrorRows.reading(m, text: text))
    page.lines += points(m, model, text: text)
  }

  /// The favourable % and NPS table: each audience's change (follow-up − baseline), then the
  /// mirror and experience gaps, in points, marked by `Materiality`. Empty when the theme has
  /// none of them; the NPS column only where an NPS item was asked.
  static func points(_ m: ThemeMirror, _ model: Model, text: ScoreText) -> [[Span]] {
    let t = model.shared.text.drill
    let words = model.shared.text.analysis
    let p = m.points
    var rows: [(label: String, favourable: Span, nps: Span?)] = []
    for audience in Audience.allCases
    where p.favourableChange[audience] != nil || p.npsChange[audience] != nil {
      rows.append(
        (
          t.pointsChange(text.glyphs.delta, words.audienceTitle(audience)),
          text.pointChangeCell(p.favourableChange[audience]),
          p.npsChange[audience].map { text.pointChangeCell($0) }
        ))
    }
    if p.favourableMirrorGap != nil || p.npsMirrorGap != nil {
      rows.append(
        (t.mirrorGap, text.pointGapCell(p.favourableMirrorGap), p.npsMirrorGap.map { text.pointGapCell($0) }))
    }
    if p.favourableExperienceGap != nil || p.npsExperienceGap != nil {
      rows.append(
        (
          t.experienceGap, text.pointGapCell(p.favourableExperienceGap),
          p.npsExperienceGap.map { text.pointGapCell($0) }
        ))
    }
    guard !rows.isEmpty else { return [] }
    let withNPS = rows.contains { $0.nps != nil }
    // The same columns whichever rows there are: as wide as the widest label that can appear.
    let labels =
      [t.mirrorGap, t.experienceGap]
      + Audience.allCases.map {
        t.pointsChange(text.glyphs.delta, words.audienceTitle($0))
      }
    let label = 2 + max(DisplayWidth.of(t.pointsHeading), (labels.map { DisplayWidth.of($0) }.max() ?? 0) + 2)
    // Wide enough for a marked "▲+12±7" and the column heads.
    let cell = max(9, DisplayWidth.of(t.pointsFavourable) + 1, DisplayWidth.of(t.pointsNPS) + 1)
    var heading = [
      Span("  " + TextFit.left(t.pointsHeading, label), Style(.muted)),
      Span(withNPS ? TextFit.left(t.pointsFavourable, cell) : t.pointsFavourable, Style(.muted)),
    ]
    if withNPS { heading.append(Span(t.pointsNPS, Style(.muted))) }
    var lines = [heading]
    for row in rows {
      var line = [
        Span("    " + TextFit.left(row.label, label - 2), Style(.muted)),
        Span(withNPS ? TextFit.left(row.favourable.text, cell) : row.favourable.text, row.favourable.style),
      ]
      if withNPS { line.append(row.nps ?? Span(text.missing, Style(.muted))) }
      lines.append(line)
    }
    return lines
  }

  /// The widths from which a question's row also shows its favourable % change, and its NPS
  /// change (below them the row is full).
  static let questionFavourableWidth = 110
  static let questionNPSWidth = 130

  static func questions(_ page: inout Page, _ id: String, _ m: Model, text: ScoreText, width: Int) {
    let questions = m.shared.snapshot.questions.filter { $0.themeID == id }.sorted {
      ($0.position, $0.id) < ($1.position, $1.id)
    }
    let marks = DivergingBar.Marks(glyphs: m.shared.glyphs)
    let t = m.shared.text.drill
    let words = m.shared.text.analysis
    let labels = labelWidth(words)
    page.section(
      t.questions,
      heading(
        t.questionsHeading(questions.count),
        hint:
          "\(marks.negative) \(t.negative)  \(marks.neutral) \(t.neutral)  \(marks.positive) \(t.positive)"))
    guard let follow = m.shared.analysis.followUp else { return }
    let baseline = m.shared.analysis.baseline.flatMap { $0.id == follow.id ? nil : $0 }
    let bar = max(12, min(30, width - 64))
    for q in questions {
      var title = q.text
      if q.isNPS { title += " " + t.npsMark }
      page.lines.append([Span("  " + title, Style(.text, bold: true))])
      var any = false
      for audience in Audience.allCases {
        let key = ScoreKey(themeID: id, questionID: q.id, audience: audience, waveID: follow.id)
        guard let summary = m.shared.scores[key] else {
          if let reason = m.shared.withheld[key] {
            any = true
            page.lines.append([
              Span("    " + TextFit.left(words.audienceTitle(audience), labels), Style(role(audience))),
              Span(t.withheld(reason), Style(.muted)),
            ])
          }
          continue
        }
        any = true
        var line = [Span("    " + TextFit.left(words.audienceTitle(audience), labels), Style(role(audience)))]
        guard let e = ScoreEstimate(summary, minimumGroup: m.shared.analysis.minimumGroup) else {
          line.append(Span(t.tooFew(m.shared.analysis.minimumGroup), Style(.muted)))
          page.lines.append(line)
          continue
        }
        if let s = DivergingBar.shares(
          counts: summary.distribution, zeroToTen: q.scale.min == 0 && q.scale.max == 10)
        {
          line += DivergingBar(negative: s.negative, neutral: s.neutral, positive: s.positive, marks: marks)
            .spans(width: bar)
          let pct = [s.negative, s.neutral, s.positive].map { text.whole($0 * 100) }.joined(separator: "/")
          line.append(Span(" " + TextFit.left(pct + text.numerals.percentSpace + "%", 10), Style(.muted)))
        } else {
          line.append(Span(String(repeating: " ", count: bar + 11)))
        }
        line.append(Span(facts(e, text: text, words: t)))
        if let b = baseline {
          let before = m.shared.scores[
            ScoreKey(themeID: id, questionID: q.id, audience: audience, waveID: b.id)]
          if let g = Gap.between(
            before, summary, minimumGroup: m.shared.analysis.minimumGroup,
            materialThreshold: m.shared.analysis.materialThreshold)
          {
            line.append(Span("  \(text.glyphs.delta) ", Style(.muted)))
            let cell = text.changeCell(g)
            // Padded when more cells follow, so that they line up.
            line.append(
              width >= questionFavourableWidth ? Span(TextFit.left(cell.text, 8), cell.style) : cell)
          }
          // Where there is room, the question's favourable % (two-proportion z) and NPS moves.
          let minimum = m.shared.analysis.minimumGroup
          if width >= questionFavourableWidth,
            let g = PointGap.favourable(before, summary, minimumGroup: minimum)
          {
            line.append(Span("  \(t.favourable) \(text.glyphs.delta) ", Style(.muted)))
            line.append(text.pointChangeCell(g))
          }
          if width >= questionNPSWidth, q.isNPS, let g = PointGap.nps(before, summary, minimumGroup: minimum)
          {
            line.append(Span("  \(t.nps) \(text.glyphs.delta) ", Style(.muted)))
            line.append(text.pointChangeCell(g))
          }
        }
        page.lines.append(line)
      }
      if !any { page.lines.append([Span("    " + t.noAnswersIn(follow.id), Style(.muted))]) }
    }
  }

  static func breakdown(_ page: inout Page, _ id: String, _ m: Model, text: ScoreText, width: Int) {
    let t = m.shared.text.drill
    let words = m.shared.text.analysis
    guard let attribute = attribute(m) else {
      page.section(t.segments, heading(t.segments))
      let message = "  " + (m.shared.segmentAttributes == nil ? t.loading : t.noAttributes)
      page.lines.append([Span(message, Style(.muted))])
      return
    }
    let names = (m.shared.segmentAttributes ?? []).map(\.name).joined(separator: ", ")
    page.section(t.segments, heading(t.segmentsBy(attribute.name), hint: t.nextAttribute(names)))
    guard let wave = m.shared.analysis.followUp?.id else { return }
    let strip = max(10, min(40, width - 60))
    for audience in attribute.audiences {
      page.lines.append([
        Span("  " + words.audienceTitle(audience), Style(role(audience), bold: true)),
        Span(", \(wave)", Style(.muted)),
      ])
      let query = SurveyQuery.breakdown(
        themeID: id, audience: audience, waveID: wave, attribute: attribute.name,
        filter: m.shared.segmentFilter)
      switch m.shared.answers[query] {
      case .breakdown(let rows)?:
        if rows.isEmpty { page.lines.append([Span("    " + t.noRespondents, Style(.muted))]) }
        for row in rows {
          var line = [
            Span("    " + TextFit.left(row.value, 18, ellipsis: text.glyphs.ellipsis))
          ]
          if let s = row.summary, let e = ScoreEstimate(s, minimumGroup: m.shared.analysis.minimumGroup) {
            line.append(
              Span(
                m.shared.glyphs.ciStrip(low: e.indexLow, estimate: e.index, high: e.indexHigh, width: strip),
                Style(role(audience))))
            line.append(Span(" " + facts(e, text: text, words: t)))
          } else if let reason = row.suppressedReason {
            // The true cause first: "n<5" only for a group that small itself.
            let label =
              switch row.cause {
              case .complement?: t.complementRule
              case .filterWithheld?: t.filterWithheld
              case .noAnswers?: t.noAnswers
              case .tooFew?, nil: t.tooFew(m.shared.analysis.minimumGroup)
              }
            line.append(Span(label, Style(.muted)))
            if row.cause != .noAnswers { line.append(Span("  " + text.plain(reason), Style(.muted))) }
          } else {
            line.append(Span(t.tooFew(m.shared.analysis.minimumGroup), Style(.muted)))
          }
          page.lines.append(line)
        }
      case .failed(let message)?:
        page.lines.append([Span("    " + t.couldNotRead(message), Style(.bad))])
      default:
        page.lines.append([Span("    " + t.loading, Style(.muted))])
      }
    }
  }

  static func comments(_ page: inout Page, _ id: String, _ m: Model, text: ScoreText, width: Int) {
    let t = m.shared.text.drill
    let words = m.shared.text.analysis
    let audience = m[ThemeScreen.self].commentAudience.map(words.audience) ?? t.all
    let wave = m[ThemeScreen.self].commentWave ?? t.all
    page.section(t.comments, heading(t.commentsHeading(audience, wave), hint: t.commentsHint))
    let query = SurveyQuery.comments(
      themeID: id, audience: m[ThemeScreen.self].commentAudience, waveID: m[ThemeScreen.self].commentWave,
      filter: m.shared.segmentFilter)
    switch m.shared.answers[query] {
    case .comments(let rows, let reason)?:
      if let reason {
        page.lines.append([Span("  " + t.commentsWithheld(text.plain(reason)), Style(.warn))])
      }
      if rows.isEmpty && reason == nil { page.lines.append([Span("  " + t.noComments, Style(.muted))]) }
      // Who and when on the first line of each comment, the text wrapped beside it.
      let audiences = Audience.allCases.map { DisplayWidth.of(words.audience($0)) }.max() ?? 0
      let waves = m.shared.snapshot.waves.map { DisplayWidth.of($0.id) }.max() ?? 0
      // As wide as the words need (a long wave id is cut rather than squeezing the text).
      let lead = max(20, min(32, 2 + audiences + 1 + waves + 1))
      let room = max(20, width - lead - 1)
      for row in rows.prefix(commentLimit) {
        let who = TextFit.left("  \(words.audience(row.audience)) \(row.waveID)", lead)
        for (i, piece) in TextFit.wrap(row.text, width: room).enumerated() {
          page.lines.append([
            Span(i == 0 ? who : String(repeating: " ", count: lead), Style(role(row.audience))), Span(piece),
          ])
        }
      }
      if rows.count > commentLimit {
        page.lines.append([
          Span("  " + t.moreComments(rows.count - commentLimit, rows.count), Style(.muted))
        ])
      }
    case .failed(let message)?:
      page.lines.append([Span("  " + t.couldNotRead(message), Style(.bad))])
    default:
      page.lines.append([Span("  " + t.loading, Style(.muted))])
    }
  }
}
