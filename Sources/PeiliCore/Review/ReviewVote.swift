/// A confidence vote on an agenda item (DESIGN §9): each participant votes 1–10 in their own
/// session; until the presenter reveals it, everyone sees only who has voted.
public struct ReviewVote: Hashable, Sendable, Codable {
  public var itemPosition: Int
  public var openedBy: String
  /// Who has voted so far, in the order they first voted (never their values).
  public var voters: [String]
  /// Median, spread and n, once revealed (nil: still hidden).
  public var result: VoteResult?

  public init(itemPosition: Int, openedBy: String, voters: [String] = [], result: VoteResult? = nil) {
    self.itemPosition = itemPosition
    self.openedBy = openedBy
    self.voters = voters
    self.result = result
  }

  public var isRevealed: Bool { result != nil }
}

/// What a revealed vote records with its item.
public struct VoteResult: Hashable, Sendable, Codable {
  public var n: Int
  public var median: Double
  public var lowest: Int
  public var highest: Int

  public init(n: Int, median: Double, lowest: Int, highest: Int) {
    self.n = n
    self.median = median
    self.lowest = lowest
    self.highest = highest
  }

  /// The result of `values` (nil: nobody voted).
  public init?(values: [Int]) {
    guard !values.isEmpty else { return nil }
    let sorted = values.sorted()
    let mid = sorted.count / 2
    n = sorted.count
    median = sorted.count % 2 == 1 ? Double(sorted[mid]) : Double(sorted[mid - 1] + sorted[mid]) / 2
    lowest = sorted[0]
    highest = sorted[sorted.count - 1]
  }

  /// The median as stored data writes it: "7", "7.5" (locale-neutral).
  public var medianText: String { median == median.rounded() ? String(Int(median)) : String(median) }

  /// The spread: highest minus lowest vote.
  public var spread: Int { highest - lowest }

  /// The confidence a key result may be set to from the vote (the median, halves up).
  public var confidence: Int { Int((median).rounded(.toNearestOrAwayFromZero)) }
}
