import Foundation
import Testing

@testable import PeiliCore

/// StudentT.quantile's Cornish–Fisher path against the bracketed search it short-cuts and
/// against 50-digit values.
@Suite struct StudentTQuantileTests {
  static let dfs: [Double] = [3, 4.5, 5, 10, 29, 30, 31, 50, 99, 100, 1000, 19999, 20000, 1e6]
  static let qs = [0.5001, 0.6, 0.9, 0.95, 0.975, 0.99, 0.995, 0.999, 0.9999, 1e-4, 0.025]

  @Test func agreesWithTheOldBracketedSearch() {
    for df in Self.dfs {
      for q in Self.qs {
        let new = StudentT.quantile(q, df: df)
        let old = OldBracketedQuantileReference.quantile(q, df: df)
        // Above df 1000 the old result carries the incomplete beta's lgamma rounding (5e-10 off
        // at df 1e6; see `matchesFiftyDigitValues`), which the expansion does not: it is the
        // old value that moves there. Below |t| = 1 the old stopping rule is absolute (1e-14).
        let relative = df <= 1000 ? 1e-12 : 1e-9
        #expect(abs(new - old) <= max(relative * abs(old), 2e-14), "df \(df) q \(q): \(new) vs \(old)")
      }
    }
  }

  @Test func matchesFiftyDigitValues() {
    for (df, values) in Self.fiftyDigit {
      for (q, expected) in zip(Self.qs, values) {
        let t = StudentT.quantile(q, df: df)
        // 2e-14 absolute: near q = 0.5 the tail's own rounding is that much of a tiny t.
        #expect(abs(t - expected) <= max(2e-12 * expected, 2e-14), "df \(df) q \(q): \(t) vs \(expected)")
      }
    }
  }

  @Test func largeDfTakesAtMostTwoTailEvaluations() {
    for df in [100.0, 300, 1000, 5000, 19999, 20000, 1e6] {
      for q in [0.975, 0.995, 0.025] {
        var evaluations = 0
        let t = StudentT.quantile(q, df: df, evaluations: &evaluations)
        #expect(evaluations <= 2, "df \(df) q \(q): \(evaluations) evaluations")
        #expect(t.isFinite)
      }
    }
    var fast = 0
    var bracketed = 0
    _ = StudentT.quantile(0.975, df: 19999, evaluations: &fast)
    _ = StudentT.bracketedQuantile(0.975, df: 19999, evaluations: &bracketed)
    #expect(fast <= 2)
    #expect(bracketed > 2, "the bracketed search alone took \(bracketed)")
  }

  @Test func smallDfFallsBackToTheBracketedSearch() {
    for (df, q) in [(3.0, 0.975), (3, 0.9999), (4.5, 0.99), (5, 0.999), (10, 0.9999)] {
      var unused = 0
      #expect(StudentT.cornishFisherQuantile(q, df: df, evaluations: &unused) == nil, "df \(df) q \(q)")
      var evaluations = 0
      let t = StudentT.quantile(q, df: df, evaluations: &evaluations)
      #expect(evaluations > 3, "df \(df) q \(q)")
      // The fallback is the old algorithm itself: bit for bit.
      #expect(t == OldBracketedQuantileReference.quantile(q, df: df), "df \(df) q \(q)")
    }
    #expect(StudentT.quantile(0.975, df: 1) == OldBracketedQuantileReference.quantile(0.975, df: 1))
    #expect(StudentT.quantile(0.975, df: 2) == OldBracketedQuantileReference.quantile(0.975, df: 2))
  }

  /// mpmath at 50 digits: the root of I_x(df/2, 1/2)/2 = 1 − q (q as the double it is), rows in
  /// `qs` order up to 0.9999.
  static let fiftyDigit: [(Double, [Double])] = [
    (
      3,
      [
        0.00027206990911047337, 0.27667066233268983, 1.6377443536962104, 2.353363434801823,
        3.1824463052837086, 4.540702858568132, 5.840909309733355, 10.214531852407383, 22.203742273205002,
      ]
    ),
    (
      4.5,
      [
        0.0002648678148282035, 0.26875183554217513, 1.5008853175085577, 2.065575888878524, 2.658912347204403,
        3.5270508906260916, 4.272823993011292, 6.421242884295791, 11.020996368612508,
      ]
    ),
    (
      5,
      [
        0.0002634305560701855, 0.26718086570414507, 1.4758840488244813, 2.0150483733330233,
        2.5705818356363146, 3.364929998907218, 4.032142983555227, 5.893429531356009, 9.677566300882814,
      ]
    ),
    (
      10,
      [
        0.00025699780660494995, 0.26018482949208016, 1.3721836411103359, 1.8124611228116758,
        2.2281388519862744, 2.7637694581126957, 3.169272672616951, 4.143700494046589, 5.693820101457592,
      ]
    ),
    (
      29,
      [
        0.00025283262635095454, 0.2556836345712561, 1.311433647301551, 1.6991270265334972, 2.045229642132704,
        2.462021360150412, 2.7563859036706053, 3.3962402883568026, 4.25389411843232,
      ]
    ),
    (
      30,
      [
        0.00025276002539339365, 0.2556053649519127, 1.3104150253913958, 1.6972608865939574,
        2.0422724563012378, 2.457261542400591, 2.749995653567225, 3.385184866829305, 4.23398595727206,
      ]
    ),
    (
      31,
      [
        0.0002526921247326104, 0.2555321683175277, 1.3094635494946456, 1.695518782545865, 2.039513446396408,
        2.452824193402645, 2.744041919294269, 3.374899280423302, 4.215502580843758,
      ]
    ),
    (
      50,
      [
        0.00025191919889948165, 0.2546993429885881, 1.2987136941948099, 1.6759050251630971,
        2.0085591121007607, 2.4032719166741714, 2.677793270940844, 3.261409055798318, 4.014047320155835,
      ]
    ),
    (
      99,
      [
        0.00025129660618194793, 0.2540290121518066, 1.2901614420344854, 1.6603911560169904,
        1.9842169515864172, 2.364605861786943, 2.626405457280827, 3.174603849755752, 3.8630891071273097,
      ]
    ),
    (
      100,
      [
        0.00025129026070821304, 0.2540221824582278, 1.290074761346516, 1.6602343260853392, 1.9839715185235518,
        2.3642173662384818, 2.6258905214380177, 3.1737394937387826, 3.8615997909500908,
      ]
    ),
    (
      1000,
      [
        0.00025072550362288887, 0.2534145158394987, 1.2823987214609245, 1.6463788172854643, 1.962339080826408,
        2.330082674755513, 2.5807546980659506, 3.0984021639129224, 3.732851604575396,
      ]
    ),
    (
      19999,
      [
        0.00025066596354983634, 0.25335047343257877, 1.2815938983269262, 1.6449298227694498,
        1.960082611089815, 2.3265343513778554, 2.5760751653114475, 3.090639882235596, 3.7197060973712124,
      ]
    ),
    (
      20000,
      [
        0.0002506659633931623, 0.2533504732640626, 1.2815938962102156, 1.6449298189594812, 1.9600826051581348,
        2.326534342053274, 2.5760751530172548, 3.0906398618543305, 3.719706062884897,
      ]
    ),
    (
      1000000.0,
      [
        0.00025066289275372676, 0.2533471705378416, 1.2815524121299386, 1.6448551507220401,
        1.9599663568141066, 2.326351603120805, 2.575834220105334, 3.0902404563165193, 3.7190302747625714,
      ]
    ),
  ]
}

/// StudentT.quantile as it was before the Cornish–Fisher path (bracket, then guarded Newton
/// steps from the normal quantile), kept verbatim as an independent reference.
enum OldBracketedQuantileReference {
  static func quantile(_ q: Double, df: Double) -> Double {
    precondition(q > 0 && q < 1 && df > 0, "quantile needs 0 < q < 1 and df > 0")
    if q == 0.5 { return 0 }
    if q < 0.5 { return -quantile(1 - q, df: df) }
    if df == 1 { return tan(Double.pi * (q - 0.5)) }
    if df == 2 { return (2 * q - 1) / (2 * q * (1 - q)).squareRoot() }
    let alpha = 1 - q
    var lo = 0.0
    var hi = max(1.0, StandardNormal.quantile(q))
    while StudentT.upperTail(hi, df: df) > alpha {
      lo = hi
      hi *= 2
    }
    var t = min(max(StandardNormal.quantile(q), lo), hi)
    for _ in 0..<200 {
      let f = StudentT.upperTail(t, df: df) - alpha
      if f > 0 { lo = t } else { hi = t }
      var next = t + f / StudentT.pdf(t, df: df)
      if !(next > lo && next < hi) { next = (lo + hi) / 2 }
      if abs(next - t) <= 1e-14 * max(1, abs(t)) || hi - lo <= 1e-15 * max(1, hi) {
        return next
      }
      t = next
    }
    return t
  }
}

/// ScoreEstimate reuses the index interval's t quantile for the native interval of the same n.
@Suite struct ScoreEstimateIntervalTests {
  func expectSameIntervals(index: SampleSummary, native: SampleSummary, scale: Scale) throws {
    let estimate = try #require(ScoreEstimate(ScoreSummary(index: index, native: native, scale: scale)))
    let indexCI = try #require(MeanInterval(index))
    let nativeCI = try #require(MeanInterval(native))
    #expect(estimate.indexLow == indexCI.low && estimate.indexHigh == indexCI.high)
    #expect(estimate.nativeLow == nativeCI.low && estimate.nativeHigh == nativeCI.high)
  }

  @Test func nativeIntervalEqualsOneComputedOnItsOwn() throws {
    let scale = Scale(min: 1, max: 5)
    let answers: [Double] = [1, 2, 4, 5, 3, 4, 4, 2, 5, 3]
    try expectSameIntervals(
      index: SampleSummary(answers.map(scale.index)), native: SampleSummary(answers), scale: scale)
    // A survey file's worth of respondents: the quantile's fast path.
    try expectSameIntervals(
      index: SampleSummary(n: 20000, mean: 61.5, m2: 20000 * 380),
      native: SampleSummary(n: 20000, mean: 3.46, m2: 20000 * 0.61), scale: scale)
    // Different n (some respondents without a native score): each its own quantile.
    try expectSameIntervals(
      index: SampleSummary(answers.map(scale.index)), native: SampleSummary(answers.prefix(7)), scale: scale)
  }
}
