import Foundation

// peili-bench MODE [options]: each mode lives in its own file and registers here.
let modes: [String: (BenchArguments) throws -> Void] = [
  "import": ImportBenchmark.run,
  "csv": CSVBenchmark.run,
  "render": RenderBenchmark.run,
  "formats": FormatsBenchmark.run,
  "dashboard": DashboardBenchmark.run,
  "drilldown": DrilldownBenchmark.run,
  "store": StoreBenchmark.run,
  "concurrency": ConcurrencyBenchmark.run,
  "screens": ScreensBenchmark.run,
  "refresh": RefreshBenchmark.run,
  "impact": ImpactBenchmark.run,
  "review": ReviewBenchmark.run,
]

let arguments = Array(CommandLine.arguments.dropFirst())
guard let mode = arguments.first, let run = modes[mode] else {
  print(
    """
    usage: peili-bench MODE [--respondents N] [--dir DIR]
    modes: \(modes.keys.sorted().joined(separator: ", "))
      import  generate the large survey and time peili's import against the sqlite3 CLI pipeline
      csv     time peili's CSV reader against yaslab/CSV.swift on the same files
      render  bytes ncurses writes per navigation key at 120x40 beside a full repaint
      formats the large survey as canonical, Qualtrics and Excel/semicolon/Windows-1252 CSVs, imports timed
      screens keys of the Actions and History screens on the large workspace; the dashboard on a store
              300 ms late per call (commands on the worker)
      impact  opening the Impact screen, its keys, p and switching cycle on the large workspace beside
              dashboard navigation keys
      review  a presenter and 30 following peili processes in ptys on the large workspace: key to
              every follower repainted, idle CPU and memory per follower (--count N followers)
      refresh 30 dashboards on a 10x workspace: how soon another session's edit shows (--count N sessions)
      concurrency  8 peili processes x --count check-ins (own actions, one action), 1 writer + 2 readers:
              failed, lost, integrity
    """)
  exit(arguments.isEmpty ? 0 : 2)
}
do {
  try run(try BenchArguments(Array(arguments.dropFirst())))
} catch {
  FileHandle.standardError.write(Data("peili-bench: \(error)\n".utf8))
  exit(1)
}
