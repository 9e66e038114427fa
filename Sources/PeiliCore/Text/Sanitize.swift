extension String {
  /// The text with C0/C1 control characters and DEL removed (tabs/newlines become spaces), so
  /// that untrusted text cannot move the cursor, change colours or retitle a terminal.
  /// Clean text (the usual case: every row of every frame) comes back as it is after one scan
  /// of its bytes; 0xC2 leads the C1 controls' encoding, so text with it takes the full path.
  public var sanitizedForTerminal: String {
    let clean =
      utf8.withContiguousStorageIfAvailable { bytes in
        !bytes.contains { $0 < 0x20 || $0 == 0x7F || $0 == 0xC2 }
      } ?? false
    return clean ? self : sanitizedScalars
  }

  /// The full path of `sanitizedForTerminal`, scalar by scalar.
  var sanitizedScalars: String {
    var out = String.UnicodeScalarView()
    var changed = false
    for s in unicodeScalars {
      switch s.value {
      case 0x09, 0x0A, 0x0D:
        out.append(" ")
        changed = true
      case 0x00...0x1F, 0x7F...0x9F:
        changed = true
      default:
        out.append(s)
      }
    }
    return changed ? String(out) : self
  }
}
