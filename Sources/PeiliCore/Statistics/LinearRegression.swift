/// Ordinary least squares with an intercept, solved from centred normal equations (a handful
/// of predictors at most, so a small Gaussian elimination suffices).
public struct LinearRegression: Hashable, Sendable {
  public let intercept: Double
  public let coefficients: [Double]
  public let r2: Double

  /// `x[i]` is the predictor row of observation i. nil when the system is singular or too small.
  public init?(x: [[Double]], y: [Double]) {
    let n = y.count
    guard n == x.count, let k = x.first?.count, k > 0, n > k, x.allSatisfy({ $0.count == k }) else {
      return nil
    }
    let my = y.reduce(0, +) / Double(n)
    var mx = [Double](repeating: 0, count: k)
    for row in x { for j in 0..<k { mx[j] += row[j] } }
    for j in 0..<k { mx[j] /= Double(n) }
    // Augmented matrix [XᵀX | Xᵀy] on centred data.
    var a = [[Double]](repeating: [Double](repeating: 0, count: k + 1), count: k)
    for i in 0..<n {
      let dy = y[i] - my
      for r in 0..<k {
        let dr = x[i][r] - mx[r]
        for c in 0..<k { a[r][c] += dr * (x[i][c] - mx[c]) }
        a[r][k] += dr * dy
      }
    }
    for col in 0..<k {
      var pivot = col
      for r in col..<k where abs(a[r][col]) > abs(a[pivot][col]) { pivot = r }
      guard abs(a[pivot][col]) > 1e-12 else { return nil }
      a.swapAt(col, pivot)
      for r in 0..<k where r != col {
        let f = a[r][col] / a[col][col]
        if f == 0 { continue }
        for c in col...k { a[r][c] -= f * a[col][c] }
      }
    }
    let beta = (0..<k).map { a[$0][k] / a[$0][$0] }
    var b0 = my
    for j in 0..<k { b0 -= beta[j] * mx[j] }
    var ssRes = 0.0
    var ssTot = 0.0
    for i in 0..<n {
      var fit = b0
      for j in 0..<k { fit += beta[j] * x[i][j] }
      ssRes += (y[i] - fit) * (y[i] - fit)
      ssTot += (y[i] - my) * (y[i] - my)
    }
    intercept = b0
    coefficients = beta
    r2 = ssTot > 0 ? 1 - ssRes / ssTot : 0
  }
}
