import Foundation
import Testing

@testable import PeiliCore

/// Properties the reference file does not pin down.
@Suite struct StatisticsTests {
  @Test func normalQuantileAndCDF() {
    #expect(close(StandardNormal.z975, 1.959963984540054, relative: 1e-12))
    #expect(close(StandardNormal.quantile(0.5), 0, absolute: 1e-15))
    for p in [1e-10, 0.001, 0.02, 0.3, 0.7, 0.98, 0.999] {
      #expect(close(StandardNormal.cdf(StandardNormal.quantile(p)), p, relative: 1e-12))
    }
    #expect(close(StandardNormal.twoSidedP(1.959963984540054), 0.05, relative: 1e-12))
  }

  @Test func tFarTailStaysAccurate() {
    // 1 − cdf would round to 0 here; the tail is computed directly.
    let p = StudentT.twoSidedP(12, df: 248)
    #expect(p > 0 && p < 1e-20)
    #expect(close(StudentT.cdf(0, df: 7), 0.5, relative: 1e-15))
    // Large df approaches the normal.
    #expect(close(StudentT.quantile(0.975, df: 1e7), StandardNormal.z975, relative: 1e-6))
  }

  @Test func meanIntervalNeedsTwoObservations() {
    #expect(MeanInterval(SampleSummary([3.0])) == nil)
    #expect(MeanInterval(SampleSummary([3.0, 4.0])) != nil)
  }

  @Test func welchWithConstantSamples() throws {
    let w = try #require(WelchTest(before: SampleSummary([2, 2, 2.0]), after: SampleSummary([3, 3, 3.0])))
    #expect(w.diff == 1 && w.p == 0 && w.low == 1 && w.high == 1)
    #expect(WelchTest(before: SampleSummary([2.0]), after: SampleSummary([3, 3, 3.0])) == nil)
  }

  @Test func suppressionBelowMinimum() {
    #expect(Suppression.isSuppressed(n: 4, minimum: 5))
    #expect(Suppression.isSuppressed(n: 0, minimum: 5))
    #expect(!Suppression.isSuppressed(n: 5, minimum: 5))
  }

  @Test func suppressionComplementRule() {
    // 40 staff; a filter of 37 would reveal the other 3 by subtraction.
    #expect(Suppression.refusesFilter(filteredN: 37, totalN: 40, minimum: 5))
    #expect(Suppression.refusesFilter(filteredN: 36, totalN: 40, minimum: 5))
    #expect(!Suppression.refusesFilter(filteredN: 35, totalN: 40, minimum: 5))
    // The whole group is no filter at all: complement 0 is fine.
    #expect(!Suppression.refusesFilter(filteredN: 40, totalN: 40, minimum: 5))
    // A small filtered group is refused for its own size.
    #expect(Suppression.refusesFilter(filteredN: 4, totalN: 40, minimum: 5))
  }

  @Test func regressionOnExactLine() throws {
    let x: [[Double]] = [[1, 0], [2, 1], [3, 0], [4, 1], [5, 3]]
    let y = x.map { 2 + 3 * $0[0] - 1.5 * $0[1] }
    let fit = try #require(LinearRegression(x: x, y: y))
    #expect(close(fit.intercept, 2, relative: 1e-12))
    #expect(close(fit.coefficients[0], 3, relative: 1e-12))
    #expect(close(fit.coefficients[1], -1.5, relative: 1e-12))
    #expect(close(fit.r2, 1, relative: 1e-12))
    #expect(LinearRegression(x: [[1], [1], [1]], y: [1, 2, 3]) == nil)
  }
}
