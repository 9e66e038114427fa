/// The four quadrants of the importance–performance grid; the raw value is the report's
/// and the JSON's name (screens word it through their catalogue).
public enum Quadrant: String, CaseIterable, Sendable {
  /// Important and below average: where effort pays most.
  case concentrateHere = "concentrate here"
  /// Important and above average.
  case keepUp = "keep up"
  /// Less important and below average.
  case lowPriority = "low priority"
  /// Less important and above average.
  case possibleOverkill = "possible overkill"

  /// The quadrant of a theme, split at the means (a value equal to a mean counts as high).
  public static func of(
    importance: Double, performance: Double, meanImportance: Double, meanPerformance: Double
  )
    -> Quadrant
  {
    switch (importance >= meanImportance, performance >= meanPerformance) {
    case (true, false): .concentrateHere
    case (true, true): .keepUp
    case (false, false): .lowPriority
    case (false, true): .possibleOverkill
    }
  }
}

/// Derived importance (Pearson r with the outcome) against performance (index) for one
/// audience, split at the means (pure).
public struct ImportanceGrid: Sendable {
  /// Why there is no grid to draw.
  public enum Unavailable: Hashable, Sendable {
    /// The audience has no outcome question in the wave.
    case noOutcomeQuestion
    /// No theme has an importance: too few respondents for a correlation.
    case tooFewRespondents
    /// Fewer than `minimumThemes` themes have both an importance and a performance.
    case tooFewThemes
  }

  /// One theme on the grid.
  public struct Placement: Hashable, Sendable {
    public let themeID: String
    public let importance: Double
    public let performance: Double
    public let quadrant: Quadrant
  }

  public let audience: Audience
  public let meanImportance: Double?
  public let meanPerformance: Double?
  /// In the order of `importance` (themes without both values are left out).
  public let placements: [(themeID: String, importance: Double, performance: Double, quadrant: Quadrant)]
  /// Why the grid is not drawn; nil when it is.
  public let unavailable: Unavailable?

  /// The fewest themes that make a grid worth drawing.
  public static let minimumThemes = 3

  /// `importance` may hold other audiences' entries (ignored); `performance` maps theme id to
  /// the audience's index (shown scores only).
  public init(importance: [ThemeImportance], performance: [String: Double], audience: Audience) {
    self.audience = audience
    let mine = importance.filter { $0.audience == audience }
    var placed: [(String, Double, Double)] = []
    for i in mine {
      guard let r = i.r, let p = performance[i.themeID] else { continue }
      placed.append((i.themeID, r, p))
    }
    if mine.isEmpty {
      unavailable = .noOutcomeQuestion
    } else if placed.count < Self.minimumThemes {
      unavailable = mine.allSatisfy({ $0.r == nil }) ? .tooFewRespondents : .tooFewThemes
    } else {
      unavailable = nil
    }
    guard unavailable == nil else {
      meanImportance = nil
      meanPerformance = nil
      placements = []
      return
    }
    let mi = placed.map(\.1).reduce(0, +) / Double(placed.count)
    let mp = placed.map(\.2).reduce(0, +) / Double(placed.count)
    meanImportance = mi
    meanPerformance = mp
    placements = placed.map { t, i, p in
      (t, i, p, Quadrant.of(importance: i, performance: p, meanImportance: mi, meanPerformance: mp))
    }
  }

  /// The themes of one quadrant, most important first.
  public func themes(in quadrant: Quadrant) -> [String] {
    placements.filter { $0.quadrant == quadrant }.sorted { $0.importance > $1.importance }.map(\.themeID)
  }
}
