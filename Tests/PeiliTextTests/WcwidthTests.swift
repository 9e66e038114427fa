import Testing

@testable import PeiliText

#if canImport(Glibc)
  import Glibc

  /// `DisplayWidth` against the system's `wcwidth(3)`, which is what tmux and most terminals
  /// on this machine draw by: a cell count that disagrees would shift the rest of the row.
  @Suite("Display width against wcwidth")
  struct WcwidthTests {
    /// glibc's `wcwidth`, found at run time: the Glibc module leaves it out (it is X/Open).
    static let wcwidth: (@convention(c) (wchar_t) -> Int32)? = {
      guard let symbol = dlsym(dlopen(nil, RTLD_NOW), "wcwidth") else { return nil }
      return unsafeBitCast(symbol, to: (@convention(c) (wchar_t) -> Int32).self)
    }()

    /// Ranges of scalars whose width differs, as "start-end ours/theirs".
    static func differences(in range: ClosedRange<UInt32>) -> [String] {
      // A thread-local locale: other tests in this process keep theirs.
      guard let wcwidth = Self.wcwidth else { return ["no wcwidth in the C library"] }
      guard let utf8 = newlocale(LC_CTYPE_MASK, "C.UTF-8", nil) else { return ["no C.UTF-8 locale"] }
      let previous = uselocale(utf8)
      defer {
        uselocale(previous)
        freelocale(utf8)
      }
      var runs: [(start: UInt32, end: UInt32, ours: Int, theirs: Int32)] = []
      for v in range {
        guard let scalar = Unicode.Scalar(v) else { continue }
        // Deliberate exceptions: what the sanitiser removes or turns into a space is not drawn
        // as itself, and scalars glibc does not know (-1, unassigned here) have no width to match.
        let text = String(Character(scalar))
        if TerminalText.hasUnsafeCharacters(text) { continue }
        let theirs = wcwidth(wchar_t(bitPattern: v))
        if theirs < 0 || scalar.properties.generalCategory == .unassigned { continue }
        // U+1171E became a spacing mark in Unicode 15 (Swift's data); glibc 2.36 still has it
        // as non-spacing. One Ahom sign: not worth a table of our own.
        if v == 0x1171E { continue }
        let ours = DisplayWidth.of(Character(scalar))
        if ours == Int(theirs) { continue }
        if let last = runs.last, last.end == v - 1, last.ours == ours, last.theirs == theirs {
          runs[runs.count - 1].end = v
        } else {
          runs.append((v, v, ours, theirs))
        }
      }
      return runs.map {
        "\(String($0.start, radix: 16))-\(String($0.end, radix: 16)) \($0.ours)/\($0.theirs)"
      }
    }

    @Test func everyScalarIsAsWideAsWcwidthSays() {
      let diff = Self.differences(in: 0...0x10FFFF)
      #expect(diff.isEmpty, "\(diff.count) runs differ: \(diff.prefix(200))")
    }
  }
#endif
