import PeiliUI

/// An escape sequence that ncurses handed over undecoded, byte by byte after its ESC.
///
/// ncurses decodes only the sequences the terminfo entry of TERM names; any other one arrives
/// as ESC and then its characters, which would read as Esc (closing a dialog, leaving a screen)
/// followed by letters that are keys too. That happens where TERM and the terminal disagree:
/// `xterm-256color` set inside tmux or screen, whose Home and End send `\e[1~`/`\e[4~` where
/// the entry says `\eOH`/`\eOF`, or a terminal's own reports such as focus in/out (`\e[I`,
/// `\e[O`). A sequence is read to its end by ECMA-48's grammar — CSI (`ESC [`): parameter
/// bytes 0x30–0x3F, intermediates 0x20–0x2F, one final byte 0x40–0x7E; SS3 (`ESC O`): one
/// final byte — and then decoded when it is a key in any of the common encodings
/// (xterm, VT220, rxvt, the Linux console), and swallowed whole otherwise.
public enum EscapeSequence {
  /// What the characters read so far after ESC amount to.
  public enum Outcome: Hashable, Sendable {
    /// A sequence that has not reached its final byte: read another character.
    case incomplete
    /// A complete sequence that is this key.
    case key(Key)
    /// A complete (or broken, or overlong) sequence that is no key: dropped.
    case ignored
  }

  /// The longest sequence read; past it, what was read is dropped (no terminal key is longer).
  public static let maximumLength = 32

  /// Whether a character after ESC starts a sequence (`[` for CSI, `O` for SS3). Any other
  /// one is a key of its own after a plain Esc.
  public static func starts(_ c: UInt32) -> Bool { c == 0x5B || c == 0x4F }

  /// Decodes `body`, the characters after ESC (the first one `[` or `O`).
  public static func decode(_ body: [UInt32]) -> Outcome {
    guard let introducer = body.first, starts(introducer) else { return .ignored }
    let rest = body.dropFirst()
    if introducer == 0x4F {
      guard let final = rest.first else { return .incomplete }
      guard rest.count == 1, (0x40...0x7E).contains(final) else { return .ignored }
      return ss3(final).map(Outcome.key) ?? .ignored
    }
    guard let last = rest.last else { return .incomplete }
    for c in rest.dropLast() where !(0x20...0x3F).contains(c) { return .ignored }
    switch last {
    case 0x20...0x3F: return body.count >= maximumLength ? .ignored : .incomplete
    case 0x40...0x7E:
      let parameters = String(decoding: rest.dropLast().map { UInt8($0) }, as: UTF8.self)
      return csi(parameters, final: last).map(Outcome.key) ?? .ignored
    default: return .ignored
    }
  }

  /// `ESC O x`: the keypad ("application") form of arrows, Home/End, Enter and F1–F4.
  static func ss3(_ final: UInt32) -> Key? {
    switch final {
    case 0x41: .up
    case 0x42: .down
    case 0x43: .right
    case 0x44: .left
    case 0x48: .home
    case 0x46: .end
    case 0x4D: .enter
    case 0x50...0x53: .function(Int(final - 0x50) + 1)
    default: nil
    }
  }

  /// `ESC [ params final`: arrows, Home/End (`H`/`F` of xterm, `1~`/`4~` of VT220 and tmux,
  /// `7~`/`8~` of rxvt), the editing keys and Shift-Tab. Modifiers (`1;5H`) are left aside:
  /// Ctrl-Home is Home. Private sequences (`?`, `<`, `>`, `=` first) are reports, not keys.
  static func csi(_ parameters: String, final: UInt32) -> Key? {
    if let first = parameters.unicodeScalars.first, "<=>?".unicodeScalars.contains(first) { return nil }
    let fields = parameters.split(separator: ";", omittingEmptySubsequences: false)
    guard fields.allSatisfy({ $0.allSatisfy(\.isASCIIDigit) }) else { return nil }
    let number = fields.first.flatMap { Int($0) }
    switch final {
    case 0x41: return .up
    case 0x42: return .down
    case 0x43: return .right
    case 0x44: return .left
    case 0x48: return .home
    case 0x46: return .end
    case 0x5A: return .backTab
    case 0x7E:
      switch number {
      case 1, 7: return .home
      case 4, 8: return .end
      case 3: return .delete
      case 5: return .pageUp
      case 6: return .pageDown
      default: return nil
      }
    default: return nil
    }
  }
}

extension Character {
  fileprivate var isASCIIDigit: Bool { ("0"..."9").contains(self) }
}
