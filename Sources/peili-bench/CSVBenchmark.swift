import Foundation
import PeiliStore

/// `peili-bench csv`: reads the same generated files with peili's reader and with
/// yaslab/CSV.swift, touching every field, to decide between them by measurement.
enum CSVBenchmark {
  static func run(_ args: BenchArguments) throws {
    let dir = try args.workingDirectory()
    let files = try SurveyGenerator(respondents: args.respondents, dir: dir).write()
    let bytes = files.reduce(0) {
      $0 + ((try? FileManager.default.attributesOfItem(atPath: $1.path)[.size] as? Int) ?? 0)
    }
    print(
      "peili-bench csv: 6 files, \(args.respondents) rows each, "
        + String(format: "%.1f MiB", Double(bytes) / 1_048_576))
    var results: [(String, Double)] = []
    for round in 1...3 {
      let (ours, oursTime) = try Measurement.time { try readWithPeili(files) }
      let (theirs, theirsTime) = try Measurement.time { try CSVSwiftReading.read(files) }
      guard ours == theirs else { throw BenchError("the readers disagree: \(ours) vs \(theirs)") }
      print(
        "round \(round): peili CSVReader \(Measurement.format(oursTime)), yaslab/CSV.swift 2.5.2 "
          + "\(Measurement.format(theirsTime)) (\(ours.fields) fields, checksum \(ours.checksum))")
      results.append(("round \(round)", theirsTime / oursTime))
    }
    let ratios = results.map(\.1).sorted()
    print(String(format: "CSV.swift / peili time ratio (median of 3): %.1f×", ratios[1]))
    if args.dir == nil && !args.keep { try? FileManager.default.removeItem(at: dir) }
  }

  /// What both readers must agree on: the field count and a checksum of the whole numbers.
  struct Tally: Equatable {
    var fields = 0
    var checksum = 0
  }

  static func readWithPeili(_ files: [SurveyGenerator.File]) throws -> Tally {
    var tally = Tally()
    for f in files {
      guard let data = FileManager.default.contents(atPath: f.path) else {
        throw BenchError("cannot read \(f.path)")
      }
      let reader = try PeiliStore.CSVReader(data: data)
      while try reader.next() {
        tally.fields += reader.count
        for i in 0..<reader.count {
          if let v = reader.integer(i) {
            tally.checksum &+= v
          } else {
            tally.checksum &+= reader.string(i).utf8.count
          }
        }
      }
    }
    return tally
  }
}
