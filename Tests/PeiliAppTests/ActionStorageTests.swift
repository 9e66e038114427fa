import PeiliCore
import Testing

@testable import PeiliApp

/// Who owns the actions' storage after a load: the tree (and the screens' rows) read the
/// loaded array and never write it; the model edits a copy of its own, made at load. So no
/// edit, the first after a load included, copies every action on the key path (0.3 s for
/// 30 sessions on the 10× workspace before; `peili-bench refresh`).
@Suite("Action storage")
struct ActionStorageTests {
  static func address(_ actions: [Action]) -> UnsafeRawPointer? {
    actions.withUnsafeBufferPointer { $0.baseAddress.map(UnsafeRawPointer.init) }
  }

  /// Another session's check-in of A1, as the store would hand it over.
  static func checkedIn(_ m: Model) -> Action {
    var a1 = m.shared.snapshot.actions[0]
    a1.progress += 10
    a1.version += 1
    return a1
  }

  @Test func theModelEditsItsOwnCopyAndTheTreeKeepsTheLoadedOne() {
    let loaded = TestWorkspace.snapshot()
    var m = Model(snapshot: loaded, today: TestWorkspace.today, user: "aino")
    let model = Self.address(m.shared.snapshot.actions)
    #expect(model != Self.address(loaded.actions))
    #expect(Self.address(m.shared.tree.actionList) == Self.address(loaded.actions))

    let a1 = Self.checkedIn(m)
    let applied = m.apply(changed: ChangedItems(actions: [a1], lastAuditID: loaded.lastAuditID + 1))
    #expect(applied)
    // Written in place: neither array was copied.
    #expect(Self.address(m.shared.snapshot.actions) == model)
    #expect(Self.address(m.shared.tree.actionList) == Self.address(loaded.actions))
    // And every reader sees the edit.
    #expect(m.shared.snapshot.actions[0] == a1)
    #expect(m.shared.tree.action("A1") == a1)
    #expect(m.shared.tree.actionList[0] != a1)
  }

  @Test func aLoadTheWorkerDerivedBringsTheModelsCopyAlong() {
    var m = TestWorkspace.model()
    let loaded = TestWorkspace.snapshot(a1Progress: 50)
    let derived = SnapshotDerivation(loaded, today: TestWorkspace.today)
    let copied = Self.address(derived.actions)
    // As the loop does: the message with its derivation is gone once applied.
    m.load(loaded, derived: consume derived)
    let model = Self.address(m.shared.snapshot.actions)
    #expect(model == copied)
    #expect(model != Self.address(loaded.actions))

    let a1 = Self.checkedIn(m)
    let applied = m.apply(edited: a1)
    #expect(applied)
    #expect(Self.address(m.shared.snapshot.actions) == model)
    #expect(m.shared.tree.action("A1") == a1)
    #expect(m.shared.snapshot.actions[0] == a1)
  }
}
