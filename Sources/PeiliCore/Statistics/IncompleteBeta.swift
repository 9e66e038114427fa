import Foundation

/// The regularized incomplete beta function I_x(a, b), the backbone of the Student t CDF.
enum IncompleteBeta {
  /// I_x(a, b). `complement` is 1 − x when the caller knows it more precisely than `1 - x`
  /// (tiny tails of the t distribution would otherwise lose every digit to cancellation).
  static func regularized(x: Double, a: Double, b: Double, complement: Double? = nil) -> Double {
    let xc = complement ?? (1 - x)
    if x <= 0 { return 0 }
    if xc <= 0 { return 1 }
    // The continued fraction converges fast below the mean; use the symmetry above it.
    if x > (a + 1) / (a + b + 2) {
      return 1 - regularized(x: xc, a: b, b: a, complement: x)
    }
    let logFront = lgamma(a + b) - lgamma(a) - lgamma(b) + a * log(x) + b * log(xc)
    return exp(logFront) * continuedFraction(x: x, a: a, b: b) / a
  }

  /// Lentz's evaluation of the continued fraction for I_x(a, b) (Numerical Recipes §6.4).
  private static func continuedFraction(x: Double, a: Double, b: Double) -> Double {
    let tiny = 1e-300
    let qab = a + b
    let qap = a + 1
    let qam = a - 1
    var c = 1.0
    var d = 1 - qab * x / qap
    if abs(d) < tiny { d = tiny }
    d = 1 / d
    var h = d
    for m in 1...20_000 {
      let m = Double(m)
      let m2 = 2 * m
      var aa = m * (b - m) * x / ((qam + m2) * (a + m2))
      d = 1 + aa * d
      if abs(d) < tiny { d = tiny }
      c = 1 + aa / c
      if abs(c) < tiny { c = tiny }
      d = 1 / d
      h *= d * c
      aa = -(a + m) * (qab + m) * x / ((a + m2) * (qap + m2))
      d = 1 + aa * d
      if abs(d) < tiny { d = tiny }
      c = 1 + aa / c
      if abs(c) < tiny { c = tiny }
      d = 1 / d
      let delta = d * c
      h *= delta
      if abs(delta - 1) < 1e-16 { break }
    }
    return h
  }
}
