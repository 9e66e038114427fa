import Foundation

/// Student's t distribution: CDF, tails and quantile, for any positive (also fractional) df.
public enum StudentT {
  /// P(T ≤ t).
  public static func cdf(_ t: Double, df: Double) -> Double {
    let tail = upperTail(abs(t), df: df)
    return t >= 0 ? 1 - tail : tail
  }

  /// P(T > t) for t ≥ 0 (exact in the far tail, where 1 − cdf would round to 0).
  public static func upperTail(_ t: Double, df: Double) -> Double {
    if t.isInfinite { return t > 0 ? 0 : 1 }
    let t2 = t * t
    let x = df / (df + t2)
    let xc = t2 / (df + t2)
    let tail = 0.5 * IncompleteBeta.regularized(x: x, a: df / 2, b: 0.5, complement: xc)
    return t >= 0 ? tail : 1 - tail
  }

  /// Two-sided p-value P(|T| ≥ |t|).
  public static func twoSidedP(_ t: Double, df: Double) -> Double {
    if t.isNaN { return .nan }
    return min(1, 2 * upperTail(abs(t), df: df))
  }

  /// Density at t.
  public static func pdf(_ t: Double, df: Double) -> Double {
    let logD =
      lgamma((df + 1) / 2) - lgamma(df / 2) - 0.5 * log(df * Double.pi)
      - (df + 1) / 2 * log1p(t * t / df)
    return exp(logD)
  }

  /// The q-quantile (0 < q < 1): the t with P(T ≤ t) = q.
  public static func quantile(_ q: Double, df: Double) -> Double {
    var evaluations = 0
    return quantile(q, df: df, evaluations: &evaluations)
  }

  /// The quantile, adding to `evaluations` the upper-tail (incomplete beta) evaluations it took:
  /// tests hold the fast path to its cost.
  static func quantile(_ q: Double, df: Double, evaluations: inout Int) -> Double {
    precondition(q > 0 && q < 1 && df > 0, "quantile needs 0 < q < 1 and df > 0")
    if q == 0.5 { return 0 }
    if q < 0.5 { return -quantile(1 - q, df: df, evaluations: &evaluations) }
    // Closed forms where they exist.
    if df == 1 { return tan(Double.pi * (q - 0.5)) }
    if df == 2 { return (2 * q - 1) / (2 * q * (1 - q)).squareRoot() }
    if let t = cornishFisherQuantile(q, df: df, evaluations: &evaluations) { return t }
    return bracketedQuantile(q, df: df, evaluations: &evaluations)
  }

  /// Cornish–Fisher's expansion of t in powers of 1/df (Abramowitz & Stegun 26.7.5), taken as it
  /// is where its last term is below rounding, else polished by at most three Newton steps; nil
  /// where that does not converge (small df, far tails), for the bracketed search to take over.
  static func cornishFisherQuantile(_ q: Double, df: Double, evaluations: inout Int) -> Double? {
    let alpha = 1 - q
    // Acklam's z goes through 1 − q's rounding near q = 1; a Newton step on the exact normal
    // upper tail α takes it out before the expansion magnifies it.
    var z = StandardNormal.quantile(q)
    z += (0.5 * erfc(z / 2.0.squareRoot()) - alpha) / (exp(-z * z / 2) / (2 * Double.pi).squareRoot())
    let (t0, lastTerm) = cornishFisher(z: z, df: df)
    guard t0.isFinite, t0 > 0 else { return nil }
    // The series is asymptotic: the next term is far below the last. Where even the last one is
    // below rounding, the guess is exact to double precision, and more so than a Newton step,
    // since the incomplete beta loses digits to lgamma cancellation at large df (1e-12–1e-10).
    if abs(lastTerm) <= 1e-16 * t0 { return t0 }
    // A worse guess would spend its three steps and the bracketed search after them.
    guard abs(lastTerm) <= 1e-4 * t0 else { return nil }
    let halfDf1: Double = lgamma((df + 1) / 2)
    let halfDf: Double = lgamma(df / 2)
    let logDensityConstant = halfDf1 - halfDf - 0.5 * log(df * Double.pi)
    // Rounding of the tail relative to its value: lgamma terms, a·log x, the continued fraction.
    let tailNoise = 2 * Double.ulpOfOne * (abs(halfDf1) + abs(halfDf) + df / 2 + 64) * alpha
    var t = t0
    for _ in 0..<3 {
      evaluations += 1
      let f = upperTail(t, df: df) - alpha
      let step = f / exp(logDensityConstant - (df + 1) / 2 * log1p(t * t / df))
      let next = t + step
      guard next.isFinite, next > 0 else { return nil }
      // The bracketed search's own criterion; or the residual is already within the tail's
      // rounding, where further steps only wander in it.
      if abs(step) <= 1e-14 * max(1, abs(t)) || abs(f) <= tailNoise { return next }
      t = next
    }
    return nil
  }

  /// t ≈ z + g₁(z)/ν + g₂(z)/ν² + g₃(z)/ν³ + g₄(z)/ν⁴, with the last term for the error estimate.
  static func cornishFisher(z: Double, df: Double) -> (t: Double, lastTerm: Double) {
    let z2 = z * z
    let g1 = z * (z2 + 1) / 4
    let g2 = z * ((5 * z2 + 16) * z2 + 3) / 96
    let g3 = z * (((3 * z2 + 19) * z2 + 17) * z2 - 15) / 384
    let g4 = z * ((((79 * z2 + 776) * z2 + 1482) * z2 - 1920) * z2 - 945) / 92160
    let r = 1 / df
    return (z + r * (g1 + r * (g2 + r * (g3 + r * g4))), g4 * r * r * r * r)
  }

  /// Brackets the root of upperTail(t) = 1 − q, then Newton steps kept inside the bracket: slow
  /// (about six tail evaluations) but safe for any df and q.
  static func bracketedQuantile(_ q: Double, df: Double, evaluations: inout Int) -> Double {
    let alpha = 1 - q
    var lo = 0.0
    var hi = max(1.0, StandardNormal.quantile(q))
    while upperTail(hi, df: df) > alpha {
      evaluations += 1
      lo = hi
      hi *= 2
    }
    evaluations += 1
    var t = min(max(StandardNormal.quantile(q), lo), hi)
    for _ in 0..<200 {
      evaluations += 1
      let f = upperTail(t, df: df) - alpha
      if f > 0 { lo = t } else { hi = t }
      var next = t + f / pdf(t, df: df)
      if !(next > lo && next < hi) { next = (lo + hi) / 2 }
      if abs(next - t) <= 1e-14 * max(1, abs(t)) || hi - lo <= 1e-15 * max(1, hi) {
        return next
      }
      t = next
    }
    return t
  }
}
