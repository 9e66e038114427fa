/// Who answered: customers, staff, or staff answering as they believe customers would.
public enum Audience: String, Sendable, Codable, CaseIterable, Comparable {
  case customer, staff, mirror
  public static func < (a: Audience, b: Audience) -> Bool {
    allCases.firstIndex(of: a)! < allCases.firstIndex(of: b)!
  }
}

/// A perception area grouping questions.
public struct Theme: Hashable, Sendable, Codable, Identifiable {
  public var id: String
  public var name: String
  public var position: Int
  public init(id: String, name: String, position: Int = 0) {
    self.id = id
    self.name = name
    self.position = position
  }
}

/// An answer scale such as 1–5, 1–7 or 0–10 (integers, inclusive).
public struct Scale: Hashable, Sendable, Codable {
  public var min: Int
  public var max: Int
  public init(min: Int, max: Int) {
    self.min = min
    self.max = max
  }
  /// Maps a value on this scale to 0–100.
  public func index(_ x: Double) -> Double { (x - Double(min)) / Double(max - min) * 100 }
  /// Top two options are favourable; on 0–10 the promoters (9–10).
  public func isFavourable(_ x: Int) -> Bool { x >= max - 1 }
}

/// One survey item.
public struct Question: Hashable, Sendable, Codable, Identifiable {
  public var id: String
  public var text: String
  public var themeID: String
  public var scale: Scale
  public var isNPS: Bool
  public var isOutcome: Bool
  public var position: Int
  /// The mapping's `favourable:`; nil: the top two points.
  public var favourable: FavourableRule?
  public init(
    id: String, text: String, themeID: String, scale: Scale, isNPS: Bool = false, isOutcome: Bool = false,
    position: Int = 0, favourable: FavourableRule? = nil
  ) {
    self.id = id
    self.text = text
    self.themeID = themeID
    self.scale = scale
    self.isNPS = isNPS
    self.isOutcome = isOutcome
    self.position = position
    self.favourable = favourable
  }

  /// The lowest favourable answer: the rule's, else the second highest point.
  public var favourableFrom: Int { favourable?.threshold(on: scale) ?? scale.max - 1 }

  /// Whether an answer counts as favourable under the question's rule.
  public func isFavourable(_ x: Int) -> Bool { x >= favourableFrom }
}

/// One survey round.
public struct Wave: Hashable, Sendable, Codable, Identifiable {
  public var id: String
  public var date: Day
  public init(id: String, date: Day) {
    self.id = id
    self.date = date
  }
}
