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
    precondition(q > 0 && q < 1 && df > 0, "quantile needs 0 < q < 1 and df > 0")
    if q == 0.5 { return 0 }
    if q < 0.5 { return -quantile(1 - q, df: df) }
    // Closed forms where they exist.
    if df == 1 { return tan(Double.pi * (q - 0.5)) }
    if df == 2 { return (2 * q - 1) / (2 * q * (1 - q)).squareRoot() }
    let alpha = 1 - q
    // Bracket the root of upperTail(t) = alpha, then Newton steps kept inside the bracket.
    var lo = 0.0
    var hi = max(1.0, StandardNormal.quantile(q))
    while upperTail(hi, df: df) > alpha {
      lo = hi
      hi *= 2
    }
    var t = min(max(StandardNormal.quantile(q), lo), hi)
    for _ in 0..<200 {
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
