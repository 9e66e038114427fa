import Testing

@testable import PeiliCore

/// The grid splits at the means, names the quadrants and says when it cannot be drawn.
@Suite struct ImportanceGridTests {
  func entry(_ theme: String, _ r: Double?, _ audience: Audience = .customer) -> ThemeImportance {
    ThemeImportance(
      themeID: theme, audience: audience, waveID: "w", r: r, p: r == nil ? nil : 0.01, n: r == nil ? 3 : 100)
  }

  @Test func quadrantsSplitAtTheMeans() throws {
    let grid = ImportanceGrid(
      importance: [
        entry("a", 0.6), entry("b", 0.5), entry("c", 0.1), entry("d", 0.2), entry("x", 0.9, .staff),
      ],
      performance: ["a": 40, "b": 70, "c": 30, "d": 80, "x": 10], audience: .customer)
    #expect(grid.unavailable == nil)
    #expect(abs((grid.meanImportance ?? 0) - 0.35) < 1e-12)
    #expect(grid.meanPerformance == 55)
    #expect(grid.placements.map(\.themeID) == ["a", "b", "c", "d"])
    #expect(grid.themes(in: .concentrateHere) == ["a"])
    #expect(grid.themes(in: .keepUp) == ["b"])
    #expect(grid.themes(in: .lowPriority) == ["c"])
    #expect(grid.themes(in: .possibleOverkill) == ["d"])
    #expect(Quadrant.concentrateHere.rawValue == "concentrate here")
  }

  @Test func aValueOnTheMeanCountsAsHigh() {
    #expect(
      Quadrant.of(importance: 0.3, performance: 50, meanImportance: 0.3, meanPerformance: 50) == .keepUp)
  }

  @Test func noOutcomeQuestion() {
    let grid = ImportanceGrid(importance: [entry("a", 0.5)], performance: ["a": 50], audience: .staff)
    #expect(grid.unavailable == .noOutcomeQuestion)
    #expect(ReportWording.reason(.noOutcomeQuestion, audience: .staff) == "no outcome question for staff")
    #expect(grid.placements.isEmpty && grid.meanImportance == nil)
  }

  @Test func tooFewRespondents() {
    let grid = ImportanceGrid(
      importance: [entry("a", nil), entry("b", nil), entry("c", nil)],
      performance: ["a": 50, "b": 60, "c": 70],
      audience: .customer)
    #expect(grid.unavailable == .tooFewRespondents)
  }

  @Test func tooFewThemesPlaced() {
    let grid = ImportanceGrid(
      importance: [entry("a", 0.5), entry("b", 0.2), entry("c", 0.3)], performance: ["a": 50, "b": 60],
      audience: .customer)
    #expect(grid.unavailable == .tooFewThemes)
  }
}
