import ArgumentParser
import Foundation
import PeiliCore
import PeiliStore
import PeiliText

/// A failure a command explains in one line; exits 1.
struct CommandFailure: Error, CustomStringConvertible {
  let message: String
  init(_ message: String) { self.message = message }
  var description: String { message }
}

/// Runs a command body so that any failure becomes one line per problem on stderr
/// ("peili: …") and exit code 1; ArgumentParser's own exits (help, usage errors, explicit
/// exit codes) pass through. A library's error (SQLite's) is put into words naming the
/// workspace; with `--verbose` the underlying error follows on a line of its own.
func reportingFailures(_ global: GlobalOptions? = nil, _ body: () throws -> Void) throws {
  do {
    try body()
  } catch let exit as ExitCode {
    throw exit
  } catch let error as CleanExit {
    throw error
  } catch let error as ValidationError {
    throw error
  } catch {
    // An import reports every problem it found, each on its own line, so an editor can jump to each.
    let path = global?.workspacePath ?? WorkspaceLocation.defaultPath
    let problems: [any Error] = (error as? ImportError)?.all ?? [StoreFailure.explain(error, path: path)]
    for problem in problems {
      printError(oneLine(problem))
      if global?.verbose == true, let detail = detail(of: problem) {
        printError("  (\(detail.sanitizedForTerminal))")
      }
    }
    throw ExitCode.failure
  }
}

/// The library's own words behind a failure (SQLite's, libyaml's, an XML parser's, the
/// system's), which only `--verbose` prints.
func detail(of problem: any Error) -> String? {
  switch problem {
  case let e as WorkspaceError: e.detail
  case let e as SurveyImportError: e.detail
  case let e as ImportError: e.detail
  default: nil
  }
}

/// The error as a single line: its description, with line breaks folded and control
/// characters removed (messages may quote file content).
func oneLine(_ error: any Error) -> String {
  let text = (error as? SurveyImportError).map(compilerStyle) ?? String(describing: error)
  return text.sanitizedForTerminal
}

/// Writes "peili: message" to stderr, on one line.
func printError(_ message: String) {
  Output.error("peili: \(message.sanitizedForTerminal)\n")
}

/// A survey error as `file:line:column (header): message`, the form editors and the OKR
/// importer use; the store gives the CSV column as "header (#index)".
func compilerStyle(_ e: SurveyImportError) -> String {
  var place = e.file
  if let line = e.line { place += ":\(line)" }
  if let column = e.column {
    if let open = column.range(of: " (#", options: .backwards), column.hasSuffix(")") {
      let index = column[open.upperBound..<column.index(before: column.endIndex)]
      place += ":\(index) (\(column[..<open.lowerBound]))"
    } else if Int(column) != nil {
      place += ":\(column)"
    } else {
      place += " (\(column))"
    }
  }
  return "\(place): \(e.message)"
}
