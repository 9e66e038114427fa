import Foundation
import PeiliCore
import Yams

@testable import PeiliStore

/// libFuzzer entry point for the YAML importers: the same bytes go to the OKR file parser
/// (decode + parse, as `peili import okrs` reads a file before touching the workspace) and to
/// the survey mapping parser; both must answer with a document or errors, never trap. The text
/// is also written as a YAML scalar the way the OKR export writes titles, which must read back.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzYAML(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
  let bytes = data.map { Data(bytes: $0, count: size) } ?? Data()
  parseOKRs(bytes)
  guard let text = String(data: bytes, encoding: .utf8) else { return 0 }
  parseMapping(text)
  checkScalarRoundTrip(text)
  return 0
}

/// The OKR file parser as `OKRFileParser.parse(path:)` runs it, minus reading the file.
private func parseOKRs(_ bytes: Data) {
  var parser = OKRFileParser(file: "fuzz.yaml")
  guard let text = try? parser.decode(bytes) else { return }
  let document = parser.parse(text: text)
  for error in parser.errors {
    precondition(error.line >= 0, "error line must not be negative: \(error)")
    _ = error.description
  }
  if document == nil { precondition(!parser.errors.isEmpty, "no document and no error") }
  _ = try? parser.throwIfFailed()
}

private func parseMapping(_ text: String) {
  do {
    let mapping = try SurveyMapping.parse(text, file: "fuzz.yaml")
    precondition(!mapping.questions.isEmpty, "a mapping without questions was accepted")
    for q in mapping.questions {
      precondition(q.question.scale.min < q.question.scale.max, "an empty scale was accepted")
    }
  } catch {
    _ = error.description
  }
}

/// `YAMLScalar.text` promises text that YAML reads back unchanged (after dropping controls).
private func checkScalarRoundTrip(_ text: String) {
  guard text.utf8.count <= 512 else { return }
  for inFlow in [false, true] {
    let written = YAMLScalar.text(text, inFlow: inFlow)
    let expected = YAMLScalar.readable(text)
    let yaml = inFlow ? "{k: \(written)}" : "k: \(written)"
    let node: Node?
    do {
      node = try Yams.compose(yaml: yaml)
    } catch {
      preconditionFailure("YAMLScalar wrote \(written.debugDescription), which YAML refuses: \(error)")
    }
    let back = node?.mapping?["k"]?.string
    precondition(
      back == expected,
      "YAMLScalar wrote \(written.debugDescription) (inFlow \(inFlow)), read back \(back.debugDescription), "
        + "expected \(expected.debugDescription)")
  }
}
