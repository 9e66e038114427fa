/// Terminal column widths of characters (East Asian wide = 2, combining = 0).
public enum DisplayWidth {
  public static func of(_ ch: Character) -> Int {
    guard let scalar = ch.unicodeScalars.first else { return 0 }
    let v = scalar.value
    if isControl(ch) { return 1 }  // drawn as "?"
    if scalar.properties.generalCategory == .nonspacingMark { return 0 }
    if (0x1100...0x115F).contains(v) || (0x2E80...0xA4CF).contains(v) || (0xAC00...0xD7A3).contains(v)
      || (0xF900...0xFAFF).contains(v) || (0xFE30...0xFE4F).contains(v) || (0xFF00...0xFF60).contains(v)
      || (0xFFE0...0xFFE6).contains(v) || (0x1F300...0x1F64F).contains(v) || (0x1F900...0x1F9FF).contains(v)
      || (0x20000...0x3FFFD).contains(v)
    {
      return 2
    }
    return 1
  }

  public static func of(_ s: String) -> Int { s.reduce(0) { $0 + of($1) } }

  /// C0, DEL and C1 controls (ESC among them): never sent to the terminal.
  public static func isControl(_ ch: Character) -> Bool {
    ch.unicodeScalars.contains { $0.value < 0x20 || (0x7F...0x9F).contains($0.value) }
  }
}
