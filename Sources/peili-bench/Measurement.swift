import Foundation

/// Wall-clock timing and peak memory (getrusage) for the benchmark report.
enum Measurement {
  /// Seconds spent in `body`.
  static func time<T>(_ body: () throws -> T) rethrows -> (T, Double) {
    let start = DispatchTime.now().uptimeNanoseconds
    let result = try body()
    return (result, Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9)
  }

  /// Peak resident set size of this process so far, in MiB (ru_maxrss is KiB on Linux).
  static func peakMemoryMiB() -> Double {
    var usage = rusage()
    getrusage(Int32(RUSAGE_SELF.rawValue), &usage)
    return Double(usage.ru_maxrss) / 1024
  }

  static func format(_ seconds: Double) -> String { String(format: "%.2f s", seconds) }
}
