/// Reviews as a store keeps them (DESIGN §9): the meeting, its agenda, decisions, notes and
/// votes, and the presenter's lease with its published view state. Every write is refused
/// (`StoreError.invalid`, with the reason) when it does not apply: no review open, a closed
/// review's entries, an item the agenda does not have.
public protocol ReviewStore: AnyObject, Sendable {
  /// Review `id`, else the open one, else the latest (nil: none ever).
  func review(id: Int64?) throws -> Review?
  @discardableResult func startReview(title: String, today: Day, by user: String) throws -> Review
  @discardableResult func closeReview(by user: String) throws -> Review
  /// Moves the open review to agenda place `position`.
  @discardableResult func presentReviewItem(_ position: Int, by user: String) throws -> Review
  @discardableResult func addReviewEntry(
    _ kind: ReviewEntry.Kind, text: String, item: Int?, owner: String?, due: Day?, createAction: Bool,
    by user: String
  ) throws -> ReviewEntry
  @discardableResult func editReviewEntry(
    _ id: Int64, text: String?, status: ReviewEntry.Status?, basedOn version: Int, by user: String
  ) throws -> ReviewEntry
  /// Moves agenda item `position` to place `to` (the others shift), audited.
  @discardableResult func moveReviewItem(_ position: Int, to: Int, by user: String) throws -> Review
  /// Drops agenda item `position` (marks it skipped, so that decisions on it keep their place),
  /// or brings a skipped one back.
  @discardableResult func setReviewItemSkipped(_ position: Int, _ skipped: Bool, by user: String) throws
    -> Review
  /// Adds a node of the tree (or a theme) to the end of the agenda, with its state now.
  @discardableResult func addReviewItem(_ kind: AgendaKind, id: String, today: Day, by user: String) throws
    -> Review
  /// Opens a confidence vote on agenda item `position` (again: a new round, earlier ballots gone).
  @discardableResult func openVote(item position: Int, by user: String) throws -> Review
  /// `user`'s vote (1–10) on the open vote of `position`; a second vote replaces the first.
  @discardableResult func castVote(item position: Int, value: Int, by user: String) throws -> Review
  /// Reveals the vote: its median, spread and n are recorded with the item.
  @discardableResult func revealVote(item position: Int, by user: String) throws -> Review

  /// The presenter's lease, with its published state and who follows (nil: nobody presents).
  /// A gone presenter's lease is returned until someone takes it (`isGone`).
  func presenter() throws -> PresenterLease?
  /// Takes the lease for `session` if `PresenterLease.mayTake` allows it, in one transaction,
  /// so that of two sessions pressing at once exactly one gets it.
  func takePresenter(_ session: WorkspaceSession) throws -> LeaseOutcome
  /// Gives the lease up (hands it over: anyone may take it at once).
  func releasePresenter(_ session: WorkspaceSession) throws
  /// Publishes `state` as the presenter's view (refreshing the lease); false when `session`
  /// no longer holds it.
  func publish(_ state: String, by session: WorkspaceSession) throws -> Bool
  /// Marks `session` as following the presenter, or not.
  func setFollowing(_ session: WorkspaceSession, _ following: Bool) throws
}
