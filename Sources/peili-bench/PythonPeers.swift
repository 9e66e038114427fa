import Foundation

/// What an analyst would otherwise reach for: pandas and DuckDB computing the same per-theme
/// respondent scores (n, mean, SD per wave × audience × theme) from the same six CSVs, in a
/// Python virtual environment this benchmark sets up from PyPI once (kept in the user's cache
/// folder). Skipped, with the reason, where Python or the packages cannot be had.
struct PythonPeers {
  /// One peer's answer: wave/audience/theme → (n, mean, sd), and the seconds it took from
  /// reading the files to the result (the interpreter's start and imports not counted).
  struct Result {
    var cells: [String: (n: Int, mean: Double, sd: Double)]
    var seconds: Double
  }

  let dir: URL
  let files: [SurveyGenerator.File]

  /// The venv's python, made (and pandas and duckdb installed) when missing; nil with the reason.
  static func python() -> (path: String?, reason: String?) {
    let cache =
      ProcessInfo.processInfo.environment["XDG_CACHE_HOME"].map { URL(fileURLWithPath: $0) }
      ?? FileManager.default.homeDirectoryForCurrentUser.appendingPathComponent(".cache")
    let venv = cache.appendingPathComponent("peili-bench/venv")
    let python = venv.appendingPathComponent("bin/python").path
    if FileManager.default.isExecutableFile(atPath: python),
      run(python, ["-c", "import pandas, duckdb"]).status == 0
    {
      return (python, nil)
    }
    try? FileManager.default.createDirectory(
      at: venv.deletingLastPathComponent(), withIntermediateDirectories: true)
    let made = run("/usr/bin/env", ["python3", "-m", "venv", venv.path])
    guard made.status == 0 else { return (nil, "python3 -m venv failed: \(made.output.suffix(200))") }
    let pip = run(venv.appendingPathComponent("bin/pip").path, ["install", "-q", "pandas", "duckdb"])
    guard pip.status == 0 else { return (nil, "pip install pandas duckdb failed: \(pip.output.suffix(200))") }
    return (python, nil)
  }

  /// Runs `engine` ("pandas" or "duckdb") over the files.
  func run(_ engine: String, python: String) throws -> Result {
    let script = dir.appendingPathComponent("peers.py")
    try Self.script.write(to: script, atomically: true, encoding: .utf8)
    var themes: [String: [[String: Any]]] = [:]
    for q in SurveyGenerator.questions {
      themes[q.themeID, default: []].append(["column": q.id, "lo": q.scale.min, "hi": q.scale.max])
    }
    let spec: [String: Any] = [
      "engine": engine, "themes": themes,
      "files": files.map { ["path": $0.path, "wave": $0.wave, "audience": $0.audience.rawValue] },
    ]
    let specPath = dir.appendingPathComponent("peers-\(engine).json")
    try JSONSerialization.data(withJSONObject: spec).write(to: specPath)
    let r = Self.run(python, [script.path, specPath.path])
    guard r.status == 0,
      let object = try JSONSerialization.jsonObject(with: Data(r.output.utf8)) as? [String: Any],
      let seconds = object["seconds"] as? Double, let cells = object["cells"] as? [String: [Double]]
    else { throw BenchError("\(engine) failed: \(r.output.suffix(300))") }
    return Result(
      cells: cells.mapValues { (n: Int($0[0]), mean: $0[1], sd: $0[2]) }, seconds: seconds)
  }

  private static func run(_ executable: String, _ arguments: [String]) -> (status: Int32, output: String) {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: executable)
    process.arguments = arguments
    let out = Pipe()
    process.standardOutput = out
    process.standardError = out
    process.standardInput = FileHandle.nullDevice
    do { try process.run() } catch { return (-1, "\(error)") }
    let data = out.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    return (process.terminationStatus, String(decoding: data, as: UTF8.self))
  }

  /// A respondent's theme score is the mean of their answers to the theme's questions, each
  /// indexed 0–100; respondents with no answer in a theme do not count for it (peili's rule).
  static let script = #"""
    import json, sys, time
    spec = json.load(open(sys.argv[1]))
    themes = spec["themes"]
    cells = {}
    if spec["engine"] == "pandas":
        import pandas as pd
        start = time.perf_counter()
        for f in spec["files"]:
            df = pd.read_csv(f["path"])
            for theme, qs in themes.items():
                scaled = pd.concat([(df[q["column"]] - q["lo"]) * 100.0 / (q["hi"] - q["lo"]) for q in qs], axis=1)
                score = scaled.mean(axis=1, skipna=True).dropna()
                cells[f'{f["wave"]}/{f["audience"]}/{theme}'] = [len(score), float(score.mean()), float(score.std(ddof=1))]
    else:
        import duckdb
        start = time.perf_counter()
        con = duckdb.connect()
        for f in spec["files"]:
            parts = []
            for theme, qs in themes.items():
                total = " + ".join(f'coalesce(({q["column"]} - {q["lo"]}) * 100.0 / {q["hi"] - q["lo"]}, 0)' for q in qs)
                count = " + ".join(f'({q["column"]} IS NOT NULL)::INT' for q in qs)
                parts.append(f"({total}) / nullif({count}, 0) AS {theme}")
            con.execute(f"CREATE OR REPLACE TEMP TABLE scores AS SELECT {', '.join(parts)} FROM read_csv_auto('{f['path']}')")
            for theme in themes:
                n, mean, sd = con.execute(f"SELECT count({theme}), avg({theme}), stddev_samp({theme}) FROM scores").fetchone()
                cells[f'{f["wave"]}/{f["audience"]}/{theme}'] = [n, mean, sd]
    print(json.dumps({"seconds": time.perf_counter() - start, "cells": cells}))
    """#
}
