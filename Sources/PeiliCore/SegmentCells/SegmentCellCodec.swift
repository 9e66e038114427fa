import Foundation

/// What one segment cell holds for one theme or question: its score summary and, at theme
/// level where the audience has an outcome question, the pairs (theme index, outcome index).
public struct CellSummary: Hashable, Sendable {
  public var summary: ScoreSummary
  public var importance: BivariateSummary?

  public init(summary: ScoreSummary, importance: BivariateSummary?) {
    self.summary = summary
    self.importance = importance
  }
}

/// A fixed little-endian binary layout for `CellSummary` (about 150 bytes): a filter switch
/// decodes hundreds of these, and JSON would cost ten times as long. Flags: 1 native, 2 scale,
/// 4 importance, 8 the respondents' favourable shares (after the distribution).
public enum SegmentCellCodec {
  public static func encode(_ c: CellSummary) -> Data {
    var out = Data()
    out.reserveCapacity(200)
    func int(_ v: Int) { withUnsafeBytes(of: Int64(v).littleEndian) { out.append(contentsOf: $0) } }
    func dbl(_ v: Double) { withUnsafeBytes(of: v.bitPattern.littleEndian) { out.append(contentsOf: $0) } }
    func sample(_ s: SampleSummary) {
      int(s.n)
      dbl(s.mean)
      dbl(s.m2)
    }
    let s = c.summary
    var flags = 0
    if s.native != nil { flags |= 1 }
    if s.scale != nil { flags |= 2 }
    if c.importance != nil { flags |= 4 }
    if s.favourableShares != nil { flags |= 8 }
    int(flags)
    sample(s.index)
    if let n = s.native { sample(n) }
    if let sc = s.scale {
      int(sc.min)
      int(sc.max)
    }
    for v in [s.favourable, s.favourableN, s.promoters, s.detractors, s.npsN] { int(v) }
    int(s.distribution.count)
    for v in s.distribution { int(v) }
    if let shares = s.favourableShares { sample(shares) }
    if let b = c.importance {
      int(b.n)
      for v in [b.meanX, b.meanY, b.m2X, b.m2Y, b.coMoment] { dbl(v) }
    }
    return out
  }

  public struct Corrupt: Error, CustomStringConvertible {
    public var description: String { "a cached segment summary is damaged; re-import the survey wave" }
  }

  public static func decode(_ data: Data) throws -> CellSummary {
    try data.withUnsafeBytes { (raw: UnsafeRawBufferPointer) throws -> CellSummary in
      var at = 0
      func int() throws -> Int {
        guard at + 8 <= raw.count else { throw Corrupt() }
        defer { at += 8 }
        return Int(Int64(littleEndian: raw.loadUnaligned(fromByteOffset: at, as: Int64.self)))
      }
      func dbl() throws -> Double {
        guard at + 8 <= raw.count else { throw Corrupt() }
        defer { at += 8 }
        return Double(
          bitPattern: UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: at, as: UInt64.self)))
      }
      func sample() throws -> SampleSummary { SampleSummary(n: try int(), mean: try dbl(), m2: try dbl()) }
      let flags = try int()
      let index = try sample()
      let native = flags & 1 != 0 ? try sample() : nil
      let scale = flags & 2 != 0 ? Scale(min: try int(), max: try int()) : nil
      let fav = try int()
      let favN = try int()
      let pro = try int()
      let det = try int()
      let npsN = try int()
      let count = try int()
      guard count >= 0, count <= 1000 else { throw Corrupt() }
      var dist: [Int] = []
      dist.reserveCapacity(count)
      for _ in 0..<count { dist.append(try int()) }
      let shares = flags & 8 != 0 ? try sample() : nil
      var importance: BivariateSummary?
      if flags & 4 != 0 {
        importance = BivariateSummary(
          n: try int(), meanX: try dbl(), meanY: try dbl(), m2X: try dbl(), m2Y: try dbl(),
          coMoment: try dbl())
      }
      return CellSummary(
        summary: ScoreSummary(
          index: index, native: native, scale: scale, favourable: fav, favourableN: favN,
          favourableShares: shares, promoters: pro, detractors: det, npsN: npsN, distribution: dist),
        importance: importance)
    }
  }
}
