import PeiliCore
import Testing

@testable import PeiliApp

/// `Catalogue.mapped` rewrites a language's own words and keeps what is not the language's:
/// the `{n}` of a plural, the values given to a sentence.
@Suite("A catalogue rewritten entry by entry")
struct TextMappingTests {
  let upper = TextMapping { $0.uppercased() }

  @Test func storedTextsAndPluralsAreRewrittenWithTheirPlaceholdersKept() {
    #expect(upper("no survey yet") == "NO SURVEY YET")
    let rows = upper(Catalogue.Plural(one: "{n} row", other: "{n} rows"))
    #expect(rows.one == "{n} ROW" && rows.other == "{n} ROWS")
    #expect(rows(3) == "3 ROWS")
    #expect(upper(["due", "owner"]) == ["DUE", "OWNER"])
    #expect(upper([ActionStatus.done: "done"]) == [.done: "DONE"])
  }

  @Test func sentencesKeepTheValuesTheyAreGiven() {
    let mirrorOf = upper(Catalogue.english.dashboard.mirrorOf)
    #expect(mirrorOf("A4", "Brief staff") == "MIRROR OF A4 Brief staff")
    let cannotUndo = upper(Catalogue.english.messages.cannotUndo)
    #expect(cannotUndo("A4", "progress", "70%") == "CANNOT UNDO: progress OF A4 WAS CHANGED SINCE (NOW 70%)")
    #expect(cannotUndo("A4", "progress", nil) == "CANNOT UNDO: progress OF A4 WAS CHANGED SINCE")
    // An enum case is not a value put into the sentence: its word is the language's.
    let gapKind: @Sendable (GapKind) -> String = upper(Catalogue.english.analysis.gapKind)
    #expect(gapKind(.mirror) == "MIRROR GAP")
  }

  @Test func everyGroupIsMapped() {
    let marked = Catalogue.english.mapped(upper)
    #expect(marked.title(.dashboard) == "DASHBOARD")
    #expect(marked.keys.help == "THIS HELP")
    #expect(marked.dashboard.tree == "OKR TREE")
    #expect(marked.gaps.rankBy == "RANK BY")
    #expect(marked.drill.gone == "THIS THEME IS NO LONGER IN THE WORKSPACE.")
    #expect(marked.frame.you == "YOU")
    #expect(marked.segments.anyValue == "ANY VALUE")
    #expect(marked.analysis.under == "UNDER")
    #expect(marked.name(PaceStatus.onTrack) == "ON TRACK")
  }
}
