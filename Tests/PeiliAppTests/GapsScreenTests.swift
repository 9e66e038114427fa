import Foundation
import PeiliCore
import PeiliStore
import PeiliUI
import Testing

@testable import PeiliApp

/// The gaps screen, the importance–performance grid, the theme drill-down and the segment
/// filter on the demo workspace, driven as the main loop does (queries answered by the store).
@Suite("Gaps screens on the demo workspace", .serialized)
struct GapsScreenTests {
  /// The demo model with `keys` run through update and the real workspace.
  func open(_ demo: DemoDashboard, width: Int, height: Int, _ keys: Key...) throws -> Model {
    var m = try demo.model(width: width, height: height)
    let run = runner(demo.workspace)
    for key in keys { run.dispatch(.key(key), &m) }
    return m
  }

  func line(_ lines: [String], _ prefix: String) -> String? { lines.first { $0.hasPrefix(prefix) } }

  @Test func gapsRankEveryThemeByTheChosenGapAt80x24() throws {
    let demo = try DemoDashboard()
    defer { demo.remove() }
    var m = try open(demo, width: 80, height: 24, .char("2"))
    var lines = TestWorkspace.render(m)
    #expect(m.screen == .gaps)
    #expect(lines[0].hasSuffix("  1  2 Gaps  3  4  5  6  7"))
    #expect(lines[1] == " Rank by  mirror gap  experience gap  target gap  weakness  change")
    #expect(lines[2] == " Theme          0 ─── scores ─── 100      Gap Class              n Linked")
    #expect(lines[3] == " Recommendation ········─M━━━C·······   -20±4 under         211/40 ! blind spot")
    #expect(lines[5].hasPrefix(" Reliability    ·········─M━━━C······   -17±4 under         211/40 O1 O2 O3"))
    #expect(lines[7] == " App & payment  ············C━━M─····   +14±4 over          211/40 O2 KR5 KR6 A…")
    // The copy holding the actions carried over from 2025 links Communication too.
    #expect(
      lines[9].hasPrefix(" Communication  ·······─M─···········    -2±5 aligned       211/40 O1 O25-3-"))
    #expect(
      line(lines, " Recommendation: ")?.hasPrefix(
        " Recommendation: Staff's mirror estimate 20 ± 4 under customers;")
        == true)
    #expect(lines.contains(" Linked: nothing"))
    #expect(lines.contains(" ! Blind spot: mirror gap −20 ± 4"))
    #expect(lines.contains(" C customer  S staff  M mirror  ━ gap  ─ 95% CI"))
    #expect(lines[23] == "↑↓ theme  Enter open  Tab gap  i grid  f segment  Esc back  ? help  q quit")

    // Tab: the experience gap (staff − customers); a theme staff do not answer has no data.
    press(&m, .tab)
    lines = TestWorkspace.render(m)
    #expect(lines[3].hasPrefix(" Communication  ········C━S──········   +11±6 over          211/40 O1"))
    #expect(line(lines, " Pricing clari")?.contains("      – no data        211/– ! blind spot") == true)
    // Weakness: the lowest customer index first; the selection moves and is kept by theme.
    press(&m, .tab, .tab)
    lines = TestWorkspace.render(m)
    #expect(m[GapsScreen.self].gapKind == .weakness)
    #expect(lines[3] == " Communication  ········C─···········    41±2 weak             211 O1 O25-3-202…")
    press(&m, .char("j"))
    let second = GapsRows.ranking(m)[1].themeID
    #expect(m[GapsScreen.self].themeID == second)
    press(&m, .backTab, .backTab, .backTab)
    #expect(m[GapsScreen.self].gapKind == .mirror && m[GapsScreen.self].themeID == second)
  }

  @Test func gapsAt120x40ShowTheLinksInFull() throws {
    let demo = try DemoDashboard()
    defer { demo.remove() }
    let m = try open(demo, width: 120, height: 40, .char("2"), .char("j"))
    let lines = TestWorkspace.render(m)
    // Every screen named would hide the cycle: the others show their digit.
    #expect(
      lines[0].hasPrefix("peili · demo.db · cycle Latausverkko Oy 2026 (demo) · waves 2025-09 → 2026-09"))
    #expect(lines[0].hasSuffix("  1  2 Gaps  3  4  5  6  7"))
    #expect(lines[2].hasPrefix(" Theme                    0 ─── scores ─── 100           Gap Class"))
    #expect(
      lines[4].hasPrefix(
        " Customer service         ···········─M━━━━C─·······   -19±4 under         211/40 O3 KR7"))
    #expect(
      lines.contains {
        $0.hasPrefix(" Customer service: Staff's mirror estimate 19 ± 4 under customers")
      })
    #expect(lines.contains { $0.hasPrefix(" Linked: O3 ") })
  }

  @Test func theGridPlacesThemesInNamedQuadrantsOrSaysWhyNot() throws {
    let demo = try DemoDashboard()
    defer { demo.remove() }
    for (w, h) in [(80, 24), (120, 40)] {
      var m = try open(demo, width: w, height: h, .char("2"), .char("i"))
      let lines = TestWorkspace.render(m)
      #expect(lines[1].hasPrefix(" Importance vs performance of  customer  staff  mirror"))
      #expect(lines[2].hasPrefix(" ↑ importance (r), mean 0.20"))
      #expect(lines[3].hasPrefix(" concentrate here "))
      #expect(lines[3].contains("keep up"))
      #expect(lines[h - 4].hasPrefix(" low priority "))
      #expect(lines[h - 4].contains("possible overkill"))
      #expect(lines[h - 3].hasPrefix(" performance (index) →  38–72, mean 56"))
      let screen = lines.joined(separator: "\n")
      // Every theme with both values is placed by its label and listed under its quadrant.
      for label in ["Pric", "Reli", "App", "Infl", "Comm", "Cust"] {
        let left = lines.dropFirst(3).prefix(h - 6).map { String($0.prefix(w * 11 / 20)) }
        #expect(left.contains { $0.contains(label) }, "\(label) not drawn at \(w)x\(h)")
      }
      #expect(screen.contains("Concentrate here (1)"))
      #expect(screen.contains(" Pric  Pricing clarity  r 0.22  53"))
      #expect(screen.contains("Keep up (2)"))
      #expect(screen.contains("Low priority (2)"))
      #expect(screen.contains("Possible overkill (1)"))
      // Another audience, under the same keys.
      press(&m, .char("a"))
      #expect(m[GapsScreen.self].gridAudience == .staff)
    }
  }

  @Test func theGridSaysSoWhenThereIsNoOutcomeQuestion() {
    var m = TestWorkspace.model()
    press(&m, .char("2"), .char("i"))
    let query = SurveyQuery.importance(audience: .customer, waveID: "2026-09", filter: .none)
    #expect(m.shared.pending.contains(query))
    _ = update(&m, .answered(query, .importance([])))
    let lines = TestWorkspace.render(m)
    #expect(lines[3] == " No importance–performance grid for customer: no outcome question for customer.")
    #expect(!lines.joined().contains("concentrate here"))
  }

  @Test func theDrillDownShowsScoresQuestionsSegmentsAndComments() throws {
    let demo = try DemoDashboard()
    defer { demo.remove() }
    // From the dashboard's mirror row: Tab, Enter on Communication.
    var m = try open(demo, width: 80, height: 24, .tab, .enter)
    #expect((m.screen == .theme && m[ThemeScreen.self].themeID == "communication"))
    var lines = TestWorkspace.render(m)
    #expect(lines[0].hasSuffix("  1  2  3 Theme  4  5  6  7"))
    #expect(lines[1].hasPrefix(" Theme: Communication · Scores ──"))
    // Three waves: the trend of each audience, the compared change on the follow-up's row.
    #expect(lines[2] == " Scores: index 0–100 with 95% CI   every wave, Δ against 2025-09")
    #expect(lines[3].hasPrefix("   Customer 2024-09 ") && lines[3].hasSuffix(" 33 ±2  n 198  fav   4%"))
    #expect(lines[4].hasPrefix("            2025-09 ") && lines[4].hasSuffix(" 29 ±2  n 204  fav   3%"))
    #expect(
      lines[5].hasPrefix("            2026-09 ") && lines[5].hasSuffix(" 41 ±2  n 211  fav  10%  Δ +11±3▲"))
    #expect(lines[6].hasPrefix("   Staff    2024-09 "))
    #expect(lines[12] == "   Mirror gap (mirror − customer)     =-2±5 aligned")
    #expect(lines[13] == "   Experience gap (staff − customer)  ▲+11±6 over")
    // Favourable % moves too, in points: changes per audience, then the gaps (no NPS item here).
    #expect(lines[15] == "   Favourable % and NPS, in points      fav")
    #expect(lines[16] == "     Δ Customer                         +8±3▲")
    #expect(lines[17] == "     Δ Staff                            +17±13▲")
    #expect(lines[19] == "     Mirror gap (mirror − customer)     =-1±6")
    #expect(lines[20] == "     Experience gap (staff − customer)  ▲+20±12")
    #expect(lines[23] == "↑↓ scroll  Tab section  a attribute  c w comments  Esc back  ? help  q quit")
    let run = runner(demo.workspace)
    run.dispatch(.key(.tab), &m)
    lines = TestWorkspace.render(m)
    #expect(lines[2].hasPrefix(" Questions (7)   ▒ negative  ░ neutral  █ positive"))
    #expect(lines[3] == "   I understand what Latausverkko offers")
    #expect(lines[4] == "     Customer    ▒▒░░░░█      34/53/12%  44 ±2  n 204  fav  12%  Δ +10±4▲")

    // Tab to the segments: the first attribute, its values with CI; Lappi has 3 customers.
    run.dispatch(.key(.tab), &m)
    lines = TestWorkspace.render(m)
    #expect(lines[1].hasPrefix(" Theme: Communication · Segments ──"))
    #expect(lines[2].hasPrefix(" Segments by customer_type   a: next attribute"))
    #expect(lines[3] == "   Customer, 2026-09")
    #expect(lines[4].hasPrefix("     business ") && lines[4].hasSuffix(" 39 ±4  n 47   fav   9%"))
    run.dispatch(.key(.char("a")), &m)
    lines = TestWorkspace.render(m)
    #expect(lines[2].hasPrefix(" Segments by region "))
    let lappi = try #require(line(lines, "     Lappi "))
    #expect(lappi.contains("n<5"))
    #expect(!lappi.contains("n 3"))

    // The comments: wrapped beside who and when; `c` keeps one audience.
    run.dispatch(.key(.tab), &m)
    lines = TestWorkspace.render(m)
    #expect(lines[1].hasPrefix(" Theme: Communication · Comments ──"))
    #expect(lines[2] == " Comments (audience all, wave all)   c: audience  w: wave")
    #expect(lines[3] == "   customer 2024-09  I never know what a session will cost before I plug in.")
    #expect(lines.contains("   customer 2025-09  Huoltokatkoista ei kerrota etukäteen, ajoin turhaan"))
    #expect(lines.contains("                     Hervantaan."))
    run.dispatch(.key(.char("c")), &m)
    run.dispatch(.key(.char("c")), &m)
    lines = TestWorkspace.render(m)
    #expect(m[ThemeScreen.self].commentAudience == .staff)
    #expect(lines.contains { $0.hasPrefix(" Comments (audience staff, wave all)") })
    #expect(!lines.contains { $0.hasPrefix("   customer ") })
    // Staff left no comment on Communication.
    #expect(lines[3] == "   No comments.")

    // Esc: back to the dashboard with the mirror row still selected.
    run.dispatch(.key(.escape), &m)
    #expect(
      m.screen == .dashboard && m[DashboardScreen.self].focus == .mirror
        && m[DashboardScreen.self].mirrorCursor == 0)
  }

  @Test func theDrillDownAt120x40() throws {
    let demo = try DemoDashboard()
    defer { demo.remove() }
    let m = try open(demo, width: 120, height: 40, .char("2"), .enter)
    #expect((m.screen == .theme && m[ThemeScreen.self].themeID == "recommendation"))
    let lines = TestWorkspace.render(m)
    #expect(lines[1].hasPrefix(" Theme: Recommendation · Scores ──"))
    #expect(
      lines[1].hasSuffix(" Scores Questions Segments Comments  38/47 ─")
        || lines[1].contains("Scores Questions Segments Comments"))
    let nps = try #require(lines.firstIndex { $0.hasPrefix("   How likely are you to recommend") })
    #expect(lines[nps].hasSuffix("(NPS)"))
    #expect(lines[nps + 1].hasPrefix("     Customer ") && lines[nps + 1].contains(" NPS "))
    #expect(lines.contains { $0.hasPrefix("   Mirror gap (mirror − customer)     ▼-20±4 under") })
    // With an NPS item, the points table has its NPS column; a marked change has its arrow.
    let points = try #require(lines.firstIndex { $0.hasPrefix("   Favourable % and NPS, in points") })
    #expect(lines[points] == "   Favourable % and NPS, in points      fav      NPS")
    #expect(lines[points + 1] == "     Δ Customer                         +4±6     +13±14")
    #expect(lines[points + 3] == "     Δ Mirror                           -2±5     -20±20▼")
    #expect(lines[points + 4] == "     Mirror gap (mirror − customer)     ▼-30±5   ▼-87±15")
    let facts = try #require(m.shared.analysis.mirror(theme: "recommendation")?.points)
    #expect(facts.npsChange[.mirror]?.gapClass == .under && facts.npsChange[.customer]?.isMarked == false)
    #expect(facts.favourableMirrorGap?.method == .respondentShares)
  }

  @Test func aQuestionsFavourableAndNPSChangesShowWhereThereIsRoom() throws {
    let demo = try DemoDashboard()
    defer { demo.remove() }
    func npsRow(width: Int) throws -> String {
      let m = try open(demo, width: width, height: 60, .char("2"), .enter)
      let lines = TestWorkspace.render(m)
      let nps = try #require(
        lines.firstIndex { $0.hasPrefix("   How likely are you to recommend Latausverkko to") })
      return lines[nps + 1]
    }
    let narrow = try npsRow(width: 100)
    #expect(!narrow.contains("fav Δ") && !narrow.contains("NPS Δ"))
    let wide = try npsRow(width: 140)
    // The question's favourable change (two-proportion z) and NPS change, in points.
    #expect(wide.hasPrefix("     Customer ") && wide.contains("  fav Δ ") && wide.contains("  NPS Δ "))
  }

  @Test func aSegmentFilterAppliesEverywhereShowsInTheHeaderAndClears() throws {
    let demo = try DemoDashboard()
    defer { demo.remove() }
    var m = try demo.model(width: 80, height: 24)
    let run = runner(demo.workspace)
    // f, Enter on customer_type, j to "business", Enter.
    for key in [Key.char("f"), .enter, .char("j"), .enter] { run.dispatch(.key(key), &m) }
    #expect(m.shared.segmentFilter == SegmentFilter(["customer_type": "business"]))
    var lines = TestWorkspace.render(m)
    // At 80 columns the header cuts the segment's value; the status line has it whole.
    #expect(lines[0].hasPrefix("peili · demo.db · segment customer_type = busin"))
    #expect(lines[22] == "segment customer_type = business (customer scores)")
    // The dashboard's mirror shows the business customers (47), staff unchanged (40).
    #expect(line(lines, " Communication ")?.hasSuffix("47/40/40") == true)
    run.dispatch(.key(.char("2")), &m)
    lines = TestWorkspace.render(m)
    #expect(lines[3].contains(" 47/40 "))
    #expect(lines[22] == "Segment: customer_type = business  (f changes, F clears)")
    run.dispatch(.key(.char("F")), &m)
    lines = TestWorkspace.render(m)
    #expect(m.shared.segmentFilter.isEmpty)
    #expect(lines[3].contains(" 211/40 "))
    #expect(lines[22] == "segment filter cleared: every respondent")
  }

  @Test func aFilterThatWouldRevealASmallGroupIsRefusedWithTheReason() throws {
    let demo = try DemoDashboard()
    defer { demo.remove() }
    var m = try demo.model(width: 80, height: 24)
    let run = runner(demo.workspace)
    // region: Lappi (3 customers) is the first value after "any value".
    for key in [Key.char("f"), .char("j"), .enter, .char("j"), .enter] { run.dispatch(.key(key), &m) }
    #expect(m.shared.segmentFilter.isEmpty)
    #expect(m.shared.status?.isError == true)
    #expect(m.shared.status?.text.hasPrefix("segment region = Lappi refused: ") == true)
    let lines = TestWorkspace.render(m)
    #expect(!lines[0].contains("segment"))
    #expect(line(lines, " Communication ")?.hasSuffix("211/40/40") == true)
  }

  @Test func backReturnsToWhereTheUserCameFromWithTheSelectionKept() throws {
    let demo = try DemoDashboard()
    defer { demo.remove() }
    var m = try demo.model(width: 80, height: 24)
    let run = runner(demo.workspace)
    for key in [Key.char("j"), .char("2"), .char("j"), .char("j"), .enter, .pageDown] {
      run.dispatch(.key(key), &m)
    }
    let theme = GapsRows.ranking(m)[2].themeID
    #expect((m.screen == .theme && m[ThemeScreen.self].themeID == theme))
    let scroll = m[ThemeScreen.self].scroll
    #expect(scroll > 0)
    // 1 then 3: the same theme where it was left.
    run.dispatch(.key(.char("1")), &m)
    run.dispatch(.key(.char("3")), &m)
    #expect(
      (m.screen == .theme && m[ThemeScreen.self].themeID == theme) && m[ThemeScreen.self].scroll == scroll)
    run.dispatch(.key(.backspace), &m)
    #expect(m.screen == .dashboard && DashboardScreen.selectedID(m) == "KR1")
    run.dispatch(.key(.backspace), &m)
    #expect((m.screen == .theme && m[ThemeScreen.self].themeID == theme))
    run.dispatch(.key(.escape), &m)
    #expect(m.screen == .gaps && m[GapsScreen.self].themeID == theme)
    run.dispatch(.key(.escape), &m)
    #expect(m.screen == .dashboard && DashboardScreen.selectedID(m) == "KR1")
    run.dispatch(.key(.escape), &m)
    #expect(m.screen == .dashboard && m.back.isEmpty)
  }

  @Test func underTheASCIISetNoScreenDrawsUnicodeMarks() throws {
    let demo = try DemoDashboard()
    defer { demo.remove() }
    var m = try demo.model(width: 80, height: 24, glyphs: .ascii)
    let run = runner(demo.workspace)
    let marks = Set("─━│┼├┤●▒░█↑→–−…·▲▼Δ±┌┐└┘")
    var screens: [[String]] = []
    for key in [Key.char("2"), .char("i"), .char("i"), .enter, .tab, .tab, .tab, .char("f")] {
      run.dispatch(.key(key), &m)
      screens.append(TestWorkspace.render(m))
    }
    #expect(screens[0][2].hasPrefix(" Theme          0 --- scores --- 100"))
    #expect(screens[0][3].hasPrefix(" Recommendation ........-M===C....... -20+/-4 under         211/40"))
    for (i, lines) in screens.enumerated() {
      for line in lines {
        #expect(!line.contains { marks.contains($0) }, "screen \(i): \(line)")
      }
    }
  }

  @Test func filteredScoresReplaceEveryScoreAndAreAskedAgainAfterAReload() {
    var m = TestWorkspace.model()
    let filter = SegmentFilter(["region": "Uusimaa"])
    m.shared.requestedFilter = filter
    #expect(update(&m, .tick) == [.pollExternalChanges(since: 0), .idle, .query(.scores(filter))])
    // Asked once: the next tick does not ask again.
    #expect(update(&m, .tick) == [.pollExternalChanges(since: 0), .idle])
    var scores = TestWorkspace.snapshot().scores
    let key = ScoreKey(themeID: "communication", audience: .customer, waveID: "2026-09")
    scores[key] = TestWorkspace.summary(n: 30, mean: 70)
    let filtered = FilteredScores(
      filter: filter, scores: scores, refused: [:], appliedAttributes: [.customer: ["region"]])
    _ = update(&m, .answered(.scores(filter), .scores(filtered)))
    #expect(m.shared.segmentFilter == filter && m.shared.requestedFilter == nil)
    #expect(m.shared.analysis.mirror(theme: "communication")?.scores[.customer]?.n == 30)
    #expect(TestWorkspace.render(m)[0].contains("segment region = Uusimaa"))
    // Another session wrote: the snapshot's scores show until the filter's come back.
    let again = update(&m, .snapshotLoaded(TestWorkspace.snapshot(), external: true))
    #expect(again == [.query(.scores(filter))])
    _ = update(&m, .answered(.scores(filter), .scores(filtered)))
    #expect(m.shared.analysis.mirror(theme: "communication")?.scores[.customer]?.n == 30)
    // A withheld score says so on the drill-down, with its reason, and shows no number.
    let partly = FilteredScores(
      filter: filter, scores: scores.filter { $0.key != key }, refused: [key: "the rest would be 3 (< 5)"],
      appliedAttributes: [.customer: ["region"]])
    m.shared.requestedFilter = filter.setting("customer_type", to: "fleet")
    _ = update(&m, .tick)
    _ = update(
      &m,
      .answered(
        .scores(filter.setting("customer_type", to: "fleet")),
        .scores(
          FilteredScores(
            filter: filter.setting("customer_type", to: "fleet"), scores: partly.scores,
            refused: partly.refused,
            appliedAttributes: partly.appliedAttributes))))
    m[ThemeScreen.self] = DrillState(themeID: "communication")
    m.screen = .theme
    let drill = TestWorkspace.render(m, width: 120, height: 40)
    let follow = drill.firstIndex { $0.hasPrefix("   Customer 2025-09") }.map { drill[$0 + 1] }
    #expect(
      follow?.hasSuffix("–  withheld: the rest would be 3 (< 5)") == true, "\(drill.joined(separator: "\n"))")
    #expect(m.shared.status?.text.hasSuffix("; 1 withheld: the rest would be 3 (< 5)") == true)
    m.screen = .dashboard
    // A filter whose every score is withheld is refused and the previous scores stay.
    let small = SegmentFilter(["region": "Lappi"])
    m.shared.requestedFilter = small
    _ = update(&m, .tick)
    let refused = FilteredScores(
      filter: small, scores: [:], refused: [key: "the group would be 3 respondents (< 5)"],
      appliedAttributes: [.customer: ["region"]])
    _ = update(&m, .answered(.scores(small), .scores(refused)))
    #expect(m.shared.segmentFilter == filter.setting("customer_type", to: "fleet"))
    #expect(
      m.shared.status
        == StatusMessage(
          "segment region = Lappi refused: the group would be 3 respondents (< 5)", isError: true))
  }

  @Test func commentsAreWithheldOrStrippedOfControlCharacters() throws {
    var m = TestWorkspace.model()
    m[ThemeScreen.self] = DrillState(themeID: "communication")
    m.screen = .theme
    let query = SurveyQuery.comments(themeID: "communication", audience: nil, waveID: nil, filter: .none)
    _ = update(
      &m, .answered(query, .comments(rows: [], suppressedReason: "fewer than 5 respondents commented")))
    var screen = TestWorkspace.render(m, height: 60).joined(separator: "\n")
    #expect(screen.contains("  Withheld: fewer than 5 respondents commented"))
    _ = update(
      &m,
      .answered(
        query,
        .comments(
          rows: [CommentRow(audience: .customer, waveID: "2026-09", text: "red \u{1B}[31mtext\u{7} here")],
          suppressedReason: nil)))
    screen = TestWorkspace.render(m, height: 60).joined(separator: "\n")
    #expect(screen.contains("red [31mtext here"))
    #expect(!screen.unicodeScalars.contains { $0.value < 0x20 && $0 != "\n" })
    // Hundreds of comments: the page lays out the first ones and says how to narrow.
    let many = (0..<(DrillRows.commentLimit + 5)).map {
      CommentRow(audience: .customer, waveID: "2026-09", text: "comment \($0)")
    }
    _ = update(&m, .answered(query, .comments(rows: many, suppressedReason: nil)))
    let page = DrillRows.page(m, themeID: "communication", width: 80)
    #expect(
      page.lines.last.map { $0.map(\.text).joined() }?.hasPrefix("  5 more of 305: narrow with c") == true)
    // A breakdown row below the minimum shows n<5 and the reason, never its score.
    let rows = [
      SegmentRow(value: "Lappi", summary: nil, suppressedReason: "3 respondents (< 5)"),
      SegmentRow(value: "Uusimaa", summary: TestWorkspace.summary(n: 40, mean: 50), suppressedReason: nil),
      SegmentRow(
        value: "Varsinais-Suomi", summary: nil, suppressedReason: Suppression.complementReason(minimum: 5),
        cause: .complement),
    ]
    _ = update(
      &m,
      .answered(
        .attributes,
        .attributes([
          SegmentAttribute(
            name: "region", audiences: [.customer], values: ["Lappi", "Uusimaa", "Varsinais-Suomi"])
        ]))
    )
    _ = update(
      &m,
      .answered(
        .breakdown(
          themeID: "communication", audience: .customer, waveID: "2026-09", attribute: "region", filter: .none
        ),
        .breakdown(rows)))
    let lines = TestWorkspace.render(m, height: 60)
    #expect(line(lines, "     Lappi ")?.hasSuffix("n<5  3 respondents (< 5)") == true)
    #expect(line(lines, "     Uusimaa ")?.contains(" 50 ±5  n 40 ") == true)
    // A 30-person region withheld by the complement rule is not labelled n<5.
    let varsinais = try #require(line(lines, "     Varsinais-Suomi "))
    #expect(!varsinais.contains("n<5") && varsinais.contains("withheld (complement rule)  withheld so that"))
  }
}
