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
    let text = ScoreText(glyphs: m.shared.glyphs)
    guard let mirror = m.shared.analysis.mirror(theme: id) else {
      page.lines = [[Span("This theme is no longer in the workspace.", Style(.muted))]]
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
  static func facts(_ e: ScoreEstimate, text: ScoreText) -> String {
    var s = "\(TextFit.right(text.indexWithMargin(e), 6))  n \(TextFit.left("\(e.n)", 4))"
    if let fav = e.favourable { s += " fav \(TextFit.right(text.percent(fav), 4))" }
    if let nps = e.nps { s += " NPS \(text.signed(nps))" }
    return s
  }

  static func scores(_ page: inout Page, _ m: ThemeMirror, _ model: Model, text: ScoreText, width: Int) {
    page.section("Scores", heading("Scores: index 0–100 with 95% CI", hint: "baseline, then follow-up"))
    let waves = [model.shared.analysis.baseline, model.shared.analysis.followUp].compactMap { $0 }
    let shown = waves.count == 2 && waves[0].id == waves[1].id ? [waves[0]] : waves
    guard !shown.isEmpty else {
      page.lines.append([Span("  No survey wave imported yet.", Style(.muted))])
      return
    }
    let strip = max(10, min(40, width - 56))
    for audience in Audience.allCases {
      let both = shown.map { w in
        w.id == model.shared.analysis.followUp?.id ? m.scores[audience] : m.baselineScores[audience]
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
        let label = i == 0 ? TextFit.left(audience.rawValue.capitalized, 9) : String(repeating: " ", count: 9)
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
          line.append(Span(" " + facts(e, text: text)))
        } else {
          let key = ScoreKey(themeID: m.theme.id, audience: audience, waveID: shown[i].id)
          let why =
            model.shared.withheld[key].map { "withheld: " + $0 }
            ?? (raw[i] == nil ? "no answers" : "n<\(model.shared.analysis.minimumGroup)")
          line.append(
            Span(TextFit.left("", strip) + " " + TextFit.right(text.missing, 6) + "  " + why, Style(.muted)))
        }
        if i == shown.count - 1 && shown.count == 2 && both[i] != nil {
          line.append(Span("  \(text.glyphs.delta) ", Style(.muted)))
          line.append(text.changeCell(m.change[audience]))
        }
        page.lines.append(line)
      }
    }
    page.lines.append([
      Span("  Mirror gap (mirror \(text.minus) customer)     ", Style(.muted)), text.gapCell(m.mirrorGap),
    ])
    page.lines.append([
      Span("  Experience gap (staff \(text.minus) customer)  ", Style(.muted)), text.gapCell(m.experienceGap),
    ])
    page.lines.append(MirrorRows.reading(m, text: text))
  }

  static func questions(_ page: inout Page, _ id: String, _ m: Model, text: ScoreText, width: Int) {
    let questions = m.shared.snapshot.questions.filter { $0.themeID == id }.sorted {
      ($0.position, $0.id) < ($1.position, $1.id)
    }
    let marks = DivergingBar.Marks(glyphs: m.shared.glyphs)
    page.section(
      "Questions",
      heading(
        "Questions (\(questions.count))",
        hint: "\(marks.negative) negative  \(marks.neutral) neutral  \(marks.positive) positive"))
    guard let follow = m.shared.analysis.followUp else { return }
    let baseline = m.shared.analysis.baseline.flatMap { $0.id == follow.id ? nil : $0 }
    let bar = max(12, min(30, width - 64))
    for q in questions {
      var title = q.text
      if q.isNPS { title += " (NPS)" }
      page.lines.append([Span("  " + title, Style(.text, bold: true))])
      var any = false
      for audience in Audience.allCases {
        let key = ScoreKey(themeID: id, questionID: q.id, audience: audience, waveID: follow.id)
        guard let summary = m.shared.scores[key] else {
          if let reason = m.shared.withheld[key] {
            any = true
            page.lines.append([
              Span("    " + TextFit.left(audience.rawValue.capitalized, 9), Style(role(audience))),
              Span("withheld: " + reason, Style(.muted)),
            ])
          }
          continue
        }
        any = true
        var line = [Span("    " + TextFit.left(audience.rawValue.capitalized, 9), Style(role(audience)))]
        guard let e = ScoreEstimate(summary, minimumGroup: m.shared.analysis.minimumGroup) else {
          line.append(Span("n<\(m.shared.analysis.minimumGroup)", Style(.muted)))
          page.lines.append(line)
          continue
        }
        if let s = DivergingBar.shares(
          counts: summary.distribution, zeroToTen: q.scale.min == 0 && q.scale.max == 10)
        {
          line += DivergingBar(negative: s.negative, neutral: s.neutral, positive: s.positive, marks: marks)
            .spans(width: bar)
          let pct = [s.negative, s.neutral, s.positive].map { "\(Int(($0 * 100).rounded()))" }.joined(
            separator: "/")
          line.append(Span(" " + TextFit.left(pct + "%", 10), Style(.muted)))
        } else {
          line.append(Span(String(repeating: " ", count: bar + 11)))
        }
        line.append(Span(facts(e, text: text)))
        if let b = baseline {
          let before = m.shared.scores[
            ScoreKey(themeID: id, questionID: q.id, audience: audience, waveID: b.id)]
          if let g = Gap.between(
            before, summary, minimumGroup: m.shared.analysis.minimumGroup,
            materialThreshold: m.shared.analysis.materialThreshold)
          {
            line.append(Span("  \(text.glyphs.delta) ", Style(.muted)))
            line.append(text.changeCell(g))
          }
        }
        page.lines.append(line)
      }
      if !any { page.lines.append([Span("    no answers in \(follow.id)", Style(.muted))]) }
    }
  }

  static func breakdown(_ page: inout Page, _ id: String, _ m: Model, text: ScoreText, width: Int) {
    guard let attribute = attribute(m) else {
      page.section("Segments", heading("Segments"))
      let message =
        m.shared.segmentAttributes == nil
        ? "  loading" + text.glyphs.ellipsis : "  The survey has no segment attributes."
      page.lines.append([Span(message, Style(.muted))])
      return
    }
    let names = (m.shared.segmentAttributes ?? []).map(\.name).joined(separator: ", ")
    page.section(
      "Segments",
      heading("Segments by \(attribute.name)", hint: "a: next attribute (\(names))"))
    guard let wave = m.shared.analysis.followUp?.id else { return }
    let strip = max(10, min(40, width - 60))
    for audience in attribute.audiences {
      page.lines.append([
        Span("  " + audience.rawValue.capitalized, Style(role(audience), bold: true)),
        Span(", \(wave)", Style(.muted)),
      ])
      let query = SurveyQuery.breakdown(
        themeID: id, audience: audience, waveID: wave, attribute: attribute.name,
        filter: m.shared.segmentFilter)
      switch m.shared.answers[query] {
      case .breakdown(let rows)?:
        if rows.isEmpty { page.lines.append([Span("    no respondents", Style(.muted))]) }
        for row in rows {
          var line = [
            Span("    " + TextFit.left(row.value, 18, ellipsis: text.glyphs.ellipsis))
          ]
          if let s = row.summary, let e = ScoreEstimate(s, minimumGroup: m.shared.analysis.minimumGroup) {
            line.append(
              Span(
                m.shared.glyphs.ciStrip(low: e.indexLow, estimate: e.index, high: e.indexHigh, width: strip),
                Style(role(audience))))
            line.append(Span(" " + facts(e, text: text)))
          } else if let reason = row.suppressedReason {
            line.append(Span("n<\(m.shared.analysis.minimumGroup)", Style(.muted)))
            line.append(Span("  " + text.plain(reason), Style(.muted)))
          } else {
            line.append(Span("n<\(m.shared.analysis.minimumGroup)", Style(.muted)))
          }
          page.lines.append(line)
        }
      case .failed(let message)?:
        page.lines.append([Span("    could not read: \(message)", Style(.bad))])
      default:
        page.lines.append([Span("    loading" + text.glyphs.ellipsis, Style(.muted))])
      }
    }
  }

  static func comments(_ page: inout Page, _ id: String, _ m: Model, text: ScoreText, width: Int) {
    let audience = m[ThemeScreen.self].commentAudience?.rawValue ?? "all"
    let wave = m[ThemeScreen.self].commentWave ?? "all"
    page.section(
      "Comments",
      heading(
        "Comments (audience \(audience), wave \(wave))", hint: "c: audience  w: wave"))
    let query = SurveyQuery.comments(
      themeID: id, audience: m[ThemeScreen.self].commentAudience, waveID: m[ThemeScreen.self].commentWave,
      filter: m.shared.segmentFilter)
    switch m.shared.answers[query] {
    case .comments(let rows, let reason)?:
      if let reason {
        page.lines.append([Span("  Withheld: " + text.plain(reason), Style(.warn))])
      }
      if rows.isEmpty && reason == nil { page.lines.append([Span("  No comments.", Style(.muted))]) }
      // Who and when on the first line of each comment, the text wrapped beside it.
      let lead = 20
      let room = max(20, width - lead - 1)
      for row in rows.prefix(commentLimit) {
        let who = TextFit.left("  \(row.audience.rawValue) \(row.waveID)", lead)
        for (i, piece) in wrap(row.text, width: room).enumerated() {
          page.lines.append([
            Span(i == 0 ? who : String(repeating: " ", count: lead), Style(role(row.audience))), Span(piece),
          ])
        }
      }
      if rows.count > commentLimit {
        page.lines.append([
          Span(
            "  \(rows.count - commentLimit) more of \(rows.count): narrow with c (audience), w (wave) or f (segment)",
            Style(.muted))
        ])
      }
    case .failed(let message)?:
      page.lines.append([Span("  could not read: \(message)", Style(.bad))])
    default:
      page.lines.append([Span("  loading" + text.glyphs.ellipsis, Style(.muted))])
    }
  }

  /// Words wrapped to `width` columns (a word longer than a line is cut across lines).
  static func wrap(_ text: String, width: Int) -> [String] {
    var out: [String] = []
    var line = ""
    for word in text.split(separator: " ") {
      var w = String(word)
      while DisplayWidth.of(w) > width {
        if !line.isEmpty {
          out.append(line)
          line = ""
        }
        let head = TextFit.truncate(w, to: width, ellipsis: "")
        out.append(head)
        w = String(w.dropFirst(head.count))
      }
      if !line.isEmpty && DisplayWidth.of(line) + 1 + DisplayWidth.of(w) > width {
        out.append(line)
        line = ""
      }
      line += (line.isEmpty ? "" : " ") + w
    }
    if !line.isEmpty { out.append(line) }
    return out
  }
}
