import PeiliCore
import PeiliUI

/// The importance–performance grid of one audience: importance (r with the outcome question)
/// up, performance (index) right, split at the means; the themes of each quadrant beside it.
enum ImportanceView {
  /// Short unique labels for theme names: the first four letters, else initials, else numbered.
  static func labels(_ names: [String: String]) -> [String: String] {
    var out: [String: String] = [:]
    var used: Set<String> = []
    for (id, name) in names.sorted(by: { $0.key < $1.key }) {
      let letters = name.filter { $0.isLetter || $0.isNumber || $0 == " " }
      let words = letters.split(separator: " ").map(String.init)
      // "Communication" → "Comm", "App & payment" → "App".
      var candidates = [String((words.first ?? "").prefix(4))]
      if words.count > 1 { candidates.append(String(words[0].prefix(2)) + String(words[1].prefix(2))) }
      var label = candidates.first { !$0.isEmpty && !used.contains($0) } ?? ""
      var n = 2
      while label.isEmpty || used.contains(label) {
        label = String((candidates.first ?? "T").prefix(3)) + "\(n)"
        n += 1
      }
      used.insert(label)
      out[id] = label
    }
    return out
  }

  /// The grid for the model's audience from the cached importance answer (nil: not read yet).
  static func grid(_ m: Model) -> (grid: ImportanceGrid?, failure: String?) {
    let t = m.shared.text.gaps
    guard let wave = m.shared.analysis.followUp?.id else { return (nil, t.noWave) }
    let query = SurveyQuery.importance(
      audience: m[GapsScreen.self].gridAudience, waveID: wave, filter: m.shared.segmentFilter)
    switch m.shared.answers[query] {
    case .importance(let importance)?:
      var performance: [String: Double] = [:]
      for t in m.shared.analysis.themes {
        if let e = t.scores[m[GapsScreen.self].gridAudience] { performance[t.theme.id] = e.index }
      }
      return (
        ImportanceGrid(
          importance: importance, performance: performance, audience: m[GapsScreen.self].gridAudience), nil
      )
    case .failed(let message)?:
      return (nil, t.couldNotRead(message))
    default:
      return (nil, nil)
    }
  }

  static func render(_ m: Model, area: Rect, into buffer: inout Buffer) {
    let g = m.shared.glyphs
    let text = ScoreText(m.shared)
    let t = m.shared.text.gaps
    let words = m.shared.text.analysis
    let (grid, failure) = grid(m)
    guard let grid else {
      buffer.put(
        text.plain(failure ?? t.reading), x: area.x + 1, y: area.y + 1,
        style: Style(.muted), maxWidth: area.width - 2)
      return
    }
    if let unavailable = grid.unavailable {
      let audience = words.audience(m[GapsScreen.self].gridAudience)
      buffer.put(
        text.plain(t.noGrid(audience, words.gridUnavailable(unavailable, audience))), x: area.x + 1,
        y: area.y + 1, style: Style(.warn), maxWidth: area.width - 2)
      buffer.put(t.gridHint, x: area.x + 1, y: area.y + 3, style: Style(.muted), maxWidth: area.width - 2)
      return
    }
    let names = Dictionary(
      m.shared.analysis.themes.map { ($0.theme.id, $0.theme.name) }, uniquingKeysWith: { a, _ in a })
    let short = labels(names)
    let (left, right) = area.splitLeft(max(40, area.width * 11 / 20))
    // Axis captions above and below the plot.
    let (caption, rest) = left.splitTop(1)
    let (plot, axis) = rest.splitBottom(1)
    buffer.put(
      "\(g.upArrow) " + t.importanceAxis(text.decimal(grid.meanImportance ?? 0, 2)),
      x: caption.x + 1, y: caption.y, style: Style(.muted), maxWidth: caption.width - 1)
    let xs = grid.placements.map(\.performance)
    let ys = grid.placements.map(\.importance)
    let xRange = GridWidget.range(xs, including: grid.meanPerformance ?? 50)
    let yRange = GridWidget.range(ys, including: grid.meanImportance ?? 0)
    let widget = GridWidget(
      items: grid.placements.map {
        GridWidget.Item(short[$0.themeID] ?? $0.themeID, x: $0.performance, y: $0.importance)
      },
      xRange: xRange, yRange: yRange, xSplit: grid.meanPerformance ?? 50, ySplit: grid.meanImportance ?? 0,
      corners: .init(
        topLeft: words.quadrant(.concentrateHere), topRight: words.quadrant(.keepUp),
        bottomLeft: words.quadrant(.lowPriority), bottomRight: words.quadrant(.possibleOverkill)),
      lines: GridWidget.Lines(glyphs: g), ellipsis: g.ellipsis)
    let unplaced = widget.render(
      into: &buffer, area: Rect(x: plot.x + 1, y: plot.y, width: plot.width - 2, height: plot.height))
    let arrow = text.arrow
    let range = "\(Int(xRange.lowerBound.rounded()))\(text.missing)\(Int(xRange.upperBound.rounded()))"
    buffer.put(
      t.performanceAxis(arrow, range, "\(Int((grid.meanPerformance ?? 0).rounded()))"),
      x: axis.x + 1, y: axis.y, style: Style(.muted), maxWidth: axis.width - 1)

    // The quadrant lists.
    var lines: [[Span]] = []
    for q in Quadrant.allCases {
      let ids = grid.themes(in: q)
      if !lines.isEmpty { lines.append([]) }
      lines.append([
        Span(words.quadrantTitle(q), Style(q == .concentrateHere ? .warn : .header, bold: true)),
        Span(" (\(ids.count))", Style(.muted)),
      ])
      for id in ids {
        guard let p = grid.placements.first(where: { $0.themeID == id }) else { continue }
        let label = short[id] ?? id
        let mark = unplaced.contains(label) ? "*" : " "
        lines.append([
          Span(" " + TextFit.left(label, 5) + mark, Style(.text, bold: true)),
          Span(TextFit.left(names[id] ?? id, 16, ellipsis: g.ellipsis)),
          Span(
            " \(t.correlation(text.decimal(p.importance, 2)))  \(Int(p.performance.rounded()))",
            Style(.muted)),
        ])
      }
    }
    let listArea = Rect(x: right.x + 1, y: right.y, width: right.width - 1, height: right.height)
    for (i, line) in lines.prefix(listArea.height).enumerated() {
      buffer.put(
        TreeWidget.fit(line, to: listArea.width, ellipsis: g.ellipsis), x: listArea.x, y: listArea.y + i)
    }
  }
}
