import CSV
import Foundation

/// The library side of `peili-bench csv` (kept apart: its `CSVReader` shares our type's name).
enum CSVSwiftReading {
  static func read(_ files: [SurveyGenerator.File]) throws -> CSVBenchmark.Tally {
    var tally = CSVBenchmark.Tally()
    for f in files {
      // Whole file in memory as for our reader (its InputStream path fails to read on Linux here).
      let text = try String(contentsOfFile: f.path, encoding: .utf8)
      let reader = try CSVReader(string: text)
      while let row = reader.next() {
        tally.fields += row.count
        for field in row {
          if let v = Int(field) { tally.checksum &+= v } else { tally.checksum &+= field.utf8.count }
        }
      }
      if let error = reader.error { throw error }
    }
    return tally
  }
}
