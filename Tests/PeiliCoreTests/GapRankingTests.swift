import Foundation
import Testing

@testable import PeiliCore

/// Rankings of the mirror fixture: orders, values, links and blind spots.
@Suite struct GapRankingTests {
  let fx: MirrorFixture
  let analysis: MirrorAnalysis

  init() throws {
    fx = try MirrorFixture()
    analysis = MirrorAnalysis(snapshot: fx.snapshot, today: fx.today)
  }

  @Test func everyKindRanksEveryThemeOnce() {
    for kind in GapKind.allCases {
      let ranked = GapRanking.rank(analysis, by: kind)
      #expect(ranked.map(\.themeID).sorted() == ["communication", "influence", "pricing", "service"])
      #expect(ranked.allSatisfy { $0.kind == kind })
      // Themes without a value come last.
      let firstMissing = ranked.firstIndex { $0.value == nil } ?? ranked.count
      #expect(ranked[firstMissing...].allSatisfy { $0.value == nil })
    }
  }

  @Test func mirrorGapsLargestFirstWithTheirGap() throws {
    let ranked = GapRanking.rank(analysis, by: .mirror)
    let withValue = ranked.filter { $0.value != nil }
    #expect(
      withValue.map(\.themeID)
        == ["communication", "service"].sorted {
          abs(analysis.mirror(theme: $0)!.mirrorGap!.diff) > abs(analysis.mirror(theme: $1)!.mirrorGap!.diff)
        })
    let comm = try #require(ranked.first { $0.themeID == "communication" })
    #expect(comm.value == comm.gap?.diff && comm.gap == analysis.mirror(theme: "communication")?.mirrorGap)
    // Influence has no mirror answers, pricing's follow-up is suppressed: no value.
    #expect(ranked.first { $0.themeID == "influence" }?.value == nil)
    #expect(ranked.first { $0.themeID == "pricing" }?.value == nil)
  }

  @Test func weaknessIsTheLowestCustomerIndexFirst() {
    let ranked = GapRanking.rank(analysis, by: .weakness).filter { $0.value != nil }
    let values = ranked.map { $0.value! }
    #expect(values == values.sorted())
    #expect(
      ranked.map(\.themeID)
        == ranked.map(\.themeID).filter { analysis.mirror(theme: $0)?.scores[.customer] != nil })
    #expect(ranked.first?.value == analysis.mirror(theme: ranked.first!.themeID)?.scores[.customer]?.index)
  }

  @Test func targetGapIsTargetMinusCurrentOfThePerceptionKR() throws {
    let ranked = GapRanking.rank(analysis, by: .target)
    let comm = try #require(ranked.first)
    #expect(comm.themeID == "communication" && comm.keyResultID == "KR1" && comm.audience == .customer)
    let current = try #require(analysis.current(keyResult: "KR1"))
    #expect(comm.value == 60 - current)
    #expect(ranked.dropFirst().allSatisfy { $0.value == nil })
  }

  @Test func changeTakesTheAudienceWithTheLargestChange() throws {
    let ranked = GapRanking.rank(analysis, by: .change)
    let comm = try #require(ranked.first { $0.themeID == "communication" })
    let expected = try #require(analysis.mirror(theme: "communication")?.change[.customer])
    #expect(comm.audience == .customer && comm.gap == expected && comm.value == expected.diff)
    let values = ranked.compactMap(\.value)
    #expect(values.map(abs) == values.map(abs).sorted(by: >))
  }

  @Test func linksAndBlindSpots() throws {
    let ranked = GapRanking.rank(analysis, by: .mirror)
    let comm = try #require(ranked.first { $0.themeID == "communication" })
    #expect(
      comm.links.objectives == ["O1"] && comm.links.keyResults == ["KR1"] && comm.links.actions == ["A1"])
    #expect(!comm.isBlindSpot)
    // Pricing: nothing links to it.
    let pricing = try #require(ranked.first { $0.themeID == "pricing" })
    #expect(pricing.links.isEmpty && pricing.isBlindSpot && pricing.blindSpotReasons == [.unlinked])
    // Influence: only a dropped action links to it, and customers rate it weak.
    let influence = try #require(ranked.first { $0.themeID == "influence" })
    #expect(influence.links.actions == ["A4"])
    #expect(
      influence.isBlindSpot
        == analysis.warnings.contains { if case .blindSpot("influence", _) = $0 { true } else { false } })
  }
}
