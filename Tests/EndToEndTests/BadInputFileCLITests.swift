import Foundation
import Testing

/// Input paths that are not regular files, through the real binary: named at once for what
/// they are (a FIFO would otherwise block the read forever), nothing written.
@Suite struct BadInputFileCLITests {
  @Test func aDeviceOrFIFOAsTheOKRFileOrSurveyIsNamed() throws {
    let cli = try CLIRunner()
    #expect(try cli.run(["init", "--workspace", "w.db"]).status == 0)
    let fifo = cli.path("pipe.csv")
    #expect(mkfifo(fifo, 0o600) == 0)
    let okrs = try cli.run(["--workspace", "w.db", "import", "okrs", "/dev/null"])
    #expect(okrs.status == 1)
    #expect(
      okrs.stderr == "peili: /dev/null: is a character device (like /dev/null), not a file\n",
      "\(okrs.stderr)")
    let mapping = CLIRunner.examples.appendingPathComponent("survey-mapping.yaml").path
    let survey = try cli.run([
      "--workspace", "w.db", "import", "survey", fifo, "--mapping", mapping, "--wave", "2025-09", "--date",
      "2025-09-15", "--audience", "customer",
    ])
    #expect(survey.status == 1)
    #expect(survey.stderr == "peili: \(fifo): is a named pipe (FIFO), not a file\n", "\(survey.stderr)")
  }
}
