import PeiliCore

extension Catalogue {
  /// The Review screen, the presenter's lease and following, decisions, notes and votes.
  public struct ReviewText: Sendable {
    /// The key help (the review's own keys, grouped under `groupReview`).
    public var groupReview: String
    public var keyNext: String, keyNextShort: String, keyPrevious: String
    public var keyStart: String, keyStartShort: String, keyClose: String, keyCloseShort: String
    public var keyPresent: String, keyPresentShort: String, keyHandOver: String, keyHandOverShort: String
    public var keyFollow: String, keyFollowShort: String, keyUnfollowShort: String
    public var keyDecision: String, keyDecisionShort: String, keyNote: String, keyNoteShort: String
    public var keyEntry: String, keyEdit: String, keyDone: String
    public var keyVote: String, keyVoteShort: String, keyOpenVote: String, keyReveal: String,
      keyRevealShort: String
    public var keyConfidence: String
    public var keyMove: String, keyDrop: String, keyAdd: String
    /// The screen's top line and its empty states.
    public var none: String
    public var noStore: String
    public var closed: @Sendable (_ title: String, _ by: String, _ at: String) -> String
    public var open: @Sendable (_ title: String, _ by: String) -> String
    public var itemOf: @Sendable (_ n: Int, _ of: Int) -> String
    public var emptyAgenda: String
    /// Why an item is on the agenda.
    public var reason: @Sendable (AgendaReason) -> String
    public var kind: @Sendable (AgendaKind) -> String
    /// The item's detail.
    public var atStart: String, now: String
    public var progress: @Sendable (String) -> String
    public var confidence: @Sendable (Int) -> String
    public var mirror: String, actions: String, checkIns: String, entries: String
    public var noMirror: String, noActions: String, noCheckIns: String, noEntries: String
    public var checkIn: @Sendable (_ day: String, _ who: String, _ note: String) -> String
    public var decision: String, note: String, doneMark: String
    public var entryBy: @Sendable (_ who: String) -> String
    public var owner: @Sendable (String) -> String
    public var due: @Sendable (String) -> String
    public var createdAction: @Sendable (String) -> String
    /// Votes.
    public var voteHidden: Plural
    public var voteResult: @Sendable (_ median: String, _ low: Int, _ high: Int, _ n: Int) -> String
    public var youVoted: String
    /// The presenter and following, in the header and on the status line.
    public var presenting: @Sendable (String) -> String
    public var following: Plural
    public var presenterGone: @Sendable (String) -> String
    public var followingBanner: @Sendable (String) -> String
    public var leftBanner: @Sendable (String) -> String
    public var nobodyPresents: String
    public var presenterLeft: @Sendable (String) -> String
    public var youPresent: String
    public var heldBy: @Sendable (String) -> String
    public var handedOver: String
    public var lostLease: String
    /// The forms.
    public var startTitle: String, titleField: String
    public var decisionTitle: String, noteTitle: String, editTitle: String, voteTitle: String
    public var textField: String, ownerField: String, dueField: String, createField: String
    public var yes: String, no: String
    public var formHint: String
    public var needsText: String, notADay: String, notAVote: String
    public var confirmClose: @Sendable (String) -> String
    /// What a review write did, on the status line.
    public var started: @Sendable (String) -> String
    public var closedNow: String
    public var saved: String
    public var voteOpened: @Sendable (Int) -> String
    public var voted: @Sendable (Int) -> String
    public var revealed: @Sendable (String) -> String
    public var confidenceSet: @Sendable (_ id: String, _ value: Int) -> String
    public var addedItem: @Sendable (String) -> String
    public var presenterOnly: String
    public var addHint: String
    /// Another session's review change, on the status line and in the History screen.
    public var changeStarted: @Sendable (String) -> String
    public var changeClosed: String
    public var changeEntry: @Sendable (_ kind: String, _ text: String) -> String
    public var changeVoteOpened: @Sendable (Int) -> String
    public var changeVoted: @Sendable (Int) -> String
    public var changeRevealed: @Sendable (_ item: Int, _ result: String) -> String
    public var changeMoved: @Sendable (_ from: Int, _ to: Int) -> String
    public var changeDropped: @Sendable (Int) -> String
    public var changeRestored: @Sendable (Int) -> String
    public var changeAdded: @Sendable (String) -> String
  }
}

extension Catalogue.ReviewText {
  /// English.
  public static let english = Catalogue.ReviewText(
    groupReview: "Review",
    keyNext: "present the next / previous item", keyNextShort: "next", keyPrevious: "previous item",
    keyStart: "start a review", keyStartShort: "start", keyClose: "close the review (locks its notes)",
    keyCloseShort: "close",
    keyPresent: "take the presenter's place", keyPresentShort: "present",
    keyHandOver: "hand the presenter's place over", keyHandOverShort: "hand over",
    keyFollow: "follow the presenter / stop following", keyFollowShort: "follow",
    keyUnfollowShort: "unfollow",
    keyDecision: "record a decision on the item", keyDecisionShort: "decide",
    keyNote: "add a note on the item", keyNoteShort: "note",
    keyEntry: "select the previous / next decision or note", keyEdit: "edit the selected decision or note",
    keyDone: "mark the selected decision done / open",
    keyVote: "vote 1–10 on the item's confidence", keyVoteShort: "vote",
    keyOpenVote: "open a confidence vote on the item", keyReveal: "reveal the vote", keyRevealShort: "reveal",
    keyConfidence: "set the key result's confidence to the vote's median",
    keyMove: "move the item up / down the agenda", keyDrop: "drop the item / bring it back",
    keyAdd: "add the dashboard's selection to the agenda",
    none: "No review yet. S starts one: its agenda is built from the workspace.",
    noStore: "This workspace's store keeps no reviews.",
    closed: { "\($0) — closed by \($1), \($2)" },
    open: { "\($0) — started by \($1)" },
    itemOf: { "item \($0)/\($1)" },
    emptyAgenda: "The agenda is empty.",
    reason: { r in
      switch r {
      case .quickWin: "quick win"
      case .offTrack: "off track"
      case .blocked: "blocked"
      case .lowConfidence: "low confidence"
      case .busyNoChange: "busy, no change"
      case .blindSpot: "blind spot"
      case .withoutMirror: "without mirror"
      case .openDecision: "open decision"
      case .onTrack: "on track"
      case .added: "added"
      }
    },
    kind: { k in
      switch k {
      case .objective: "objective"
      case .keyResult: "key result"
      case .action: "action"
      case .theme: "theme"
      case .decision: "decision"
      }
    },
    atStart: "at the start", now: "now",
    progress: { "\($0) done" },
    confidence: { "confidence \($0)" },
    mirror: "Mirror", actions: "Actions", checkIns: "Latest check-ins", entries: "Decisions and notes",
    noMirror: "no theme linked", noActions: "no actions", noCheckIns: "no check-ins yet",
    noEntries: "none yet: d decides, N notes",
    checkIn: { "\($0) \($1): \($2)" },
    decision: "decision", note: "note", doneMark: "done",
    entryBy: { "— \($0)" },
    owner: { "owner \($0)" },
    due: { "due \($0)" },
    createdAction: { "action \($0)" },
    voteHidden: Catalogue.Plural(one: "vote open: {n} has voted", other: "vote open: {n} have voted"),
    voteResult: { "vote: median \($0), spread \($1)–\($2), n \($3)" },
    youVoted: "you voted",
    presenting: { "presenting: \($0)" },
    following: Catalogue.Plural(one: "{n} following", other: "{n} following"),
    presenterGone: { "presenter \($0) gone — P takes over" },
    followingBanner: { "following \($0) — any move leaves" },
    leftBanner: { "following \($0) — f to rejoin" },
    nobodyPresents: "nobody presents: P to present",
    presenterLeft: { "\($0) stopped presenting" },
    youPresent: "you present: the others may follow with f",
    heldBy: { "\($0) presents; ask them to hand over (P), or wait until they have been gone 30 s" },
    handedOver: "handed over: anyone may present now",
    lostLease: "someone else presents now",
    startTitle: "Start a review", titleField: "Title",
    decisionTitle: "Decision", noteTitle: "Note", editTitle: "Edit", voteTitle: "Your confidence vote",
    textField: "Text", ownerField: "Owner", dueField: "Due", createField: "Create an action",
    yes: "yes", no: "no",
    formHint: "Enter save · Tab next field · Esc cancel",
    needsText: "write something first", notADay: "a date as 2027-01-31, or empty",
    notAVote: "a whole number 1–10",
    confirmClose: { "Close “\($0)”? Its decisions and notes are locked then. y / n" },
    started: { "review “\($0)” started" },
    closedNow: "review closed: its decisions and notes are locked",
    saved: "saved",
    voteOpened: { "vote open on item \($0): everyone votes with v" },
    voted: { "your vote on item \($0) is in (hidden until revealed)" },
    revealed: { "vote revealed: \($0)" },
    confidenceSet: { "\($0) confidence set to \($1)" },
    addedItem: { "\($0) added to the agenda" },
    presenterOnly: "only the presenter changes the agenda and the votes (P to present)",
    addHint: "select an item on the dashboard (1) first",
    changeStarted: { "started the review “\($0)”" },
    changeClosed: "closed the review",
    changeEntry: { "\($0): \($1)" },
    changeVoteOpened: { "opened a vote on item \($0)" },
    changeVoted: { "voted on item \($0)" },
    changeRevealed: { "revealed the vote on item \($0): \($1)" },
    changeMoved: { "moved item \($0) to \($1)" },
    changeDropped: { "dropped item \($0)" },
    changeRestored: { "brought item \($0) back" },
    changeAdded: { "added \($0) to the agenda" })
}

extension Catalogue.ReviewText {
  /// Every entry rewritten by `m` (see `Catalogue.mapped`).
  func mapped(_ m: TextMapping) -> Self {
    Self(
      groupReview: m(groupReview), keyNext: m(keyNext), keyNextShort: m(keyNextShort),
      keyPrevious: m(keyPrevious), keyStart: m(keyStart), keyStartShort: m(keyStartShort),
      keyClose: m(keyClose), keyCloseShort: m(keyCloseShort), keyPresent: m(keyPresent),
      keyPresentShort: m(keyPresentShort), keyHandOver: m(keyHandOver), keyHandOverShort: m(keyHandOverShort),
      keyFollow: m(keyFollow), keyFollowShort: m(keyFollowShort), keyUnfollowShort: m(keyUnfollowShort),
      keyDecision: m(keyDecision), keyDecisionShort: m(keyDecisionShort), keyNote: m(keyNote),
      keyNoteShort: m(keyNoteShort), keyEntry: m(keyEntry), keyEdit: m(keyEdit), keyDone: m(keyDone),
      keyVote: m(keyVote), keyVoteShort: m(keyVoteShort), keyOpenVote: m(keyOpenVote),
      keyReveal: m(keyReveal),
      keyRevealShort: m(keyRevealShort), keyConfidence: m(keyConfidence), keyMove: m(keyMove),
      keyDrop: m(keyDrop), keyAdd: m(keyAdd), none: m(none), noStore: m(noStore), closed: m(closed),
      open: m(open), itemOf: m(itemOf), emptyAgenda: m(emptyAgenda), reason: m(reason), kind: m(kind),
      atStart: m(atStart), now: m(now), progress: m(progress), confidence: m(confidence), mirror: m(mirror),
      actions: m(actions), checkIns: m(checkIns), entries: m(entries), noMirror: m(noMirror),
      noActions: m(noActions), noCheckIns: m(noCheckIns), noEntries: m(noEntries), checkIn: m(checkIn),
      decision: m(decision), note: m(note), doneMark: m(doneMark), entryBy: m(entryBy), owner: m(owner),
      due: m(due), createdAction: m(createdAction), voteHidden: m(voteHidden), voteResult: m(voteResult),
      youVoted: m(youVoted), presenting: m(presenting), following: m(following),
      presenterGone: m(presenterGone), followingBanner: m(followingBanner), leftBanner: m(leftBanner),
      nobodyPresents: m(nobodyPresents), presenterLeft: m(presenterLeft), youPresent: m(youPresent),
      heldBy: m(heldBy),
      handedOver: m(handedOver), lostLease: m(lostLease), startTitle: m(startTitle),
      titleField: m(titleField),
      decisionTitle: m(decisionTitle), noteTitle: m(noteTitle), editTitle: m(editTitle),
      voteTitle: m(voteTitle), textField: m(textField), ownerField: m(ownerField), dueField: m(dueField),
      createField: m(createField), yes: m(yes), no: m(no), formHint: m(formHint), needsText: m(needsText),
      notADay: m(notADay), notAVote: m(notAVote), confirmClose: m(confirmClose), started: m(started),
      closedNow: m(closedNow), saved: m(saved), voteOpened: m(voteOpened), voted: m(voted),
      revealed: m(revealed), confidenceSet: m(confidenceSet), addedItem: m(addedItem),
      presenterOnly: m(presenterOnly), addHint: m(addHint), changeStarted: m(changeStarted),
      changeClosed: m(changeClosed), changeEntry: m(changeEntry), changeVoteOpened: m(changeVoteOpened),
      changeVoted: m(changeVoted), changeRevealed: m(changeRevealed), changeMoved: m(changeMoved),
      changeDropped: m(changeDropped), changeRestored: m(changeRestored), changeAdded: m(changeAdded))
  }
}
