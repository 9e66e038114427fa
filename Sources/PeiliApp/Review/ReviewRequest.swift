import PeiliCore

/// A review write the Review screen asks the store for (see `ReviewStore`).
public enum ReviewRequest: Hashable, Sendable {
  case start(title: String, today: Day)
  case close
  case present(Int)
  case entry(ReviewEntry.Kind, text: String, item: Int?, owner: String?, due: Day?, createAction: Bool)
  case editEntry(id: Int64, text: String?, status: ReviewEntry.Status?, version: Int)
  case move(Int, to: Int)
  case skip(Int, Bool)
  case add(AgendaKind, id: String, today: Day)
  case openVote(Int)
  case vote(Int, Int)
  case reveal(Int)

  /// Runs the request against `store`; the review as it then stands.
  func perform(_ store: any ReviewStore, by user: String) throws -> Review? {
    switch self {
    case .start(let title, let today): return try store.startReview(title: title, today: today, by: user)
    case .close: return try store.closeReview(by: user)
    case .present(let i): return try store.presentReviewItem(i, by: user)
    case .entry(let kind, let text, let item, let owner, let due, let create):
      try store.addReviewEntry(
        kind, text: text, item: item, owner: owner, due: due, createAction: create, by: user)
    case .editEntry(let id, let text, let status, let version):
      try store.editReviewEntry(id, text: text, status: status, basedOn: version, by: user)
    case .move(let from, let to): return try store.moveReviewItem(from, to: to, by: user)
    case .skip(let i, let skipped): return try store.setReviewItemSkipped(i, skipped, by: user)
    case .add(let kind, let id, let today):
      return try store.addReviewItem(kind, id: id, today: today, by: user)
    case .openVote(let i): return try store.openVote(item: i, by: user)
    case .vote(let i, let value): return try store.castVote(item: i, value: value, by: user)
    case .reveal(let i): return try store.revealVote(item: i, by: user)
    }
    return try store.review(id: nil)
  }

  /// A decision that creates an action changes the tree: the snapshot is read again.
  var changesTree: Bool {
    if case .entry(.decision, _, _, _, _, true) = self { return true }
    return false
  }
}
