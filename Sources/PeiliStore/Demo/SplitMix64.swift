import Foundation

/// A small seeded random number generator (SplitMix64) so that the demo is the same on every
/// machine and every run: no system randomness is involved.
public struct SplitMix64: RandomNumberGenerator, Sendable {
  private var state: UInt64

  public init(seed: UInt64) { state = seed }

  public mutating func next() -> UInt64 {
    state &+= 0x9E37_79B9_7F4A_7C15
    var z = state
    z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
    z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
    return z ^ (z >> 31)
  }

  /// Uniform in [0, 1) from the top 53 bits.
  public mutating func unit() -> Double {
    Double(next() >> 11) * (1.0 / 9_007_199_254_740_992.0)
  }

  /// Uniform integer in `range`, without modulo bias worth caring about at these sizes.
  public mutating func int(in range: ClosedRange<Int>) -> Int {
    let width = UInt64(range.upperBound - range.lowerBound + 1)
    return range.lowerBound + Int(next() % width)
  }

  /// Normal with the given mean and standard deviation (Box–Muller; one draw per call keeps
  /// the sequence simple to reason about).
  public mutating func normal(mean: Double = 0, sd: Double = 1) -> Double {
    var u1 = unit()
    if u1 < 1e-300 { u1 = 1e-300 }
    let u2 = unit()
    return mean + sd * (-2 * log(u1)).squareRoot() * cos(2 * Double.pi * u2)
  }

  /// True with probability `p`.
  public mutating func chance(_ p: Double) -> Bool { unit() < p }

  /// One element of a non-empty array chosen by weights.
  public mutating func pick<T>(_ items: [(T, Double)]) -> T {
    let total = items.reduce(0) { $0 + $1.1 }
    var r = unit() * total
    for (item, w) in items {
      if r < w { return item }
      r -= w
    }
    return items[items.count - 1].0
  }
}
