import PeiliText
import PeiliUI
import Testing

/// The text input and the form the dialogs are built from: editing keys, the selection a
/// field is entered with, moving between fields, saving only without problems.
@Suite("Text input and form")
struct FormTests {
  @Test func editingKeysMoveTheCursorAndChangeTheText() {
    var t = TextInput("abc")
    #expect(t.cursor == 3)
    let left = t.handle(.left)
    let typed = t.handle(.char("X"))
    #expect(left && typed)
    #expect(t.text == "abXc" && t.cursor == 3)
    _ = t.handle(.home)
    _ = t.handle(.delete)
    #expect(t.text == "bXc")
    _ = t.handle(.end)
    _ = t.handle(.backspace)
    #expect(t.text == "bX")
    _ = t.handle(.ctrl("u"))
    #expect(t.text == "" && t.cursor == 0)
    let tabTaken = t.handle(.tab)
    #expect(!tabTaken, "Tab is the form's")
    // Line breaks only where multi-line, and never past the limit.
    var note = TextInput("a", multiline: true, limit: 3)
    _ = note.handle(.ctrl("j"))
    _ = note.handle(.char("b"))
    _ = note.handle(.char("c"))
    #expect(note.text == "a\nb")
    var line = TextInput("a")
    _ = line.handle(.ctrl("j"))
    #expect(line.text == "a")
    // Ctrl-W deletes the word before the cursor.
    var words = TextInput("two words")
    _ = words.handle(.ctrl("w"))
    #expect(words.text == "two ")
  }

  @Test func anEnteredFieldIsSelectedAndTypingReplacesIt() {
    var t = TextInput("60")
    t.selectAll()
    _ = t.handle(.char("7"))
    _ = t.handle(.char("5"))
    #expect(t.text == "75")
    t.selectAll()
    _ = t.handle(.right)  // a cursor key keeps the text
    _ = t.handle(.char("0"))
    #expect(t.text == "750")
  }

  @Test func theCursorShowsAndTheTextScrollsToKeepItInView() {
    let t = TextInput("abcdefghij")
    let spans = t.spans(width: 5, focused: true, cursorGlyph: "_")
    #expect(spans.map(\.text).joined() == "ghij_")
    #expect(TextInput("ab").spans(width: 5, focused: false).map(\.text).joined() == "ab")
  }

  @Test func tabMovesEnterSavesOnlyWithoutProblemsEscCancels() {
    var form = Form(fields: [
      .init(name: "a", label: "A", input: TextInput("1")),
      .init(name: "s", label: "S", input: TextInput("x"), choices: ["x", "y", "z"]),
    ])
    #expect(form.handle(.char("2")) == .edited(field: "a"))
    #expect(form.value("a") == "2")
    #expect(form.handle(.tab) == .none && form.focus == 1)
    #expect(form.handle(.char(" ")) == .edited(field: "s") && form.value("s") == "y")
    #expect(form.handle(.char("z")) == .edited(field: "s") && form.value("s") == "z")
    #expect(form.handle(.left) == .edited(field: "s") && form.value("s") == "y")
    form.setProblem("a", "a whole number")
    #expect(form.handle(.enter) == .none && form.focus == 0, "a save with a problem goes to it")
    form.setProblem("a", nil)
    #expect(form.handle(.enter) == .save)
    #expect(form.handle(.backTab) == .none && form.focus == 1)
    #expect(form.handle(.escape) == .cancel)
    let lines = form.lines(width: 30, glyphs: .ascii).map { $0.map(\.text).joined() }
    #expect(lines.contains { $0.hasPrefix("S") && $0.contains("< y >") })
  }
}
