import PeiliCore
import PeiliUI

/// The Review screen's forms: a review's title, a decision (text, owner, due, create an
/// action), a note, an entry's new text, a vote 1–10. Each field is checked as it is typed.
public struct ReviewForm: Hashable, Sendable {
  public enum Purpose: Hashable, Sendable {
    case start
    case decision(item: Int?)
    case note(item: Int?)
    case edit(ReviewEntry)
    case vote(item: Int)
  }

  public var purpose: Purpose
  public var form: Form

  init(_ purpose: Purpose, text: Catalogue) {
    let t = text.review
    self.purpose = purpose
    switch purpose {
    case .start:
      form = Form(fields: [
        .init(name: "text", label: t.titleField, input: TextInput(limit: Bounds.maxTitleLength))
      ])
    case .decision:
      form = Form(fields: [
        .init(
          name: "text", label: t.textField, input: TextInput(multiline: true, limit: Bounds.maxNoteLength)),
        .init(name: "owner", label: t.ownerField, input: TextInput(limit: 60)),
        .init(name: "due", label: t.dueField, input: TextInput(limit: 10)),
        .init(name: "create", label: t.createField, input: TextInput(t.no), choices: [t.no, t.yes]),
      ])
    case .note:
      form = Form(fields: [
        .init(
          name: "text", label: t.textField, input: TextInput(multiline: true, limit: Bounds.maxNoteLength))
      ])
    case .edit(let entry):
      form = Form(fields: [
        .init(
          name: "text", label: t.textField,
          input: TextInput(entry.text, multiline: true, limit: Bounds.maxNoteLength))
      ])
    case .vote:
      form = Form(fields: [.init(name: "vote", label: t.voteTitle, input: TextInput(limit: 2))])
    }
  }

  func title(_ t: Catalogue.ReviewText) -> String {
    switch purpose {
    case .start: t.startTitle
    case .decision: t.decisionTitle
    case .note: t.noteTitle
    case .edit: t.editTitle
    case .vote: t.voteTitle
    }
  }

  /// Checks the field just edited (every field when nil).
  mutating func validate(_ text: Catalogue, field: String? = nil) {
    for f in form.fields where field == nil || f.name == field {
      form.setProblem(
        f.name, problem(f.name, f.value.trimmingCharacters(in: .whitespacesAndNewlines), text.review))
    }
  }

  private func problem(_ name: String, _ v: String, _ t: Catalogue.ReviewText) -> String? {
    switch name {
    case "text": return v.isEmpty ? t.needsText : nil
    case "due": return v.isEmpty || Day(v) != nil ? nil : t.notADay
    case "vote":
      guard let n = Int(v), (1...10).contains(n) else { return t.notAVote }
      return nil
    default: return nil
    }
  }

  /// The write the form stands for (nil while a field is refused).
  func request(_ text: Catalogue, today: Day) -> ReviewRequest? {
    guard form.isValid else { return nil }
    func value(_ name: String) -> String {
      (form.value(name) ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
    }
    let body = value("text")
    switch purpose {
    case .start: return .start(title: body, today: today)
    case .decision(let item):
      let owner = value("owner")
      return .entry(
        .decision, text: body, item: item, owner: owner.isEmpty ? nil : owner, due: Day(value("due")),
        createAction: value("create") == text.review.yes)
    case .note(let item):
      return .entry(.note, text: body, item: item, owner: nil, due: nil, createAction: false)
    case .edit(let entry):
      return .editEntry(id: entry.id, text: body, status: nil, version: entry.version)
    case .vote(let item):
      return Int(value("vote")).map { .vote(item, $0) }
    }
  }
}
