import CNcursesw
import Foundation
import PeiliText
import PeiliUI

/// Why the terminal could not be opened, worded as what to do about it.
public struct TerminalError: Error, Hashable, Sendable, CustomStringConvertible {
  public let message: String
  public init(_ message: String) { self.message = message }
  public var description: String { message }

  /// stdout is a pipe or file: the dashboard needs a terminal.
  public static let notATerminal = TerminalError(
    "peili needs a terminal on stdout; for scripts use `peili report`")
}

/// The ncurses screen: opens and restores the terminal, paints `Buffer`s, reads `Key`s.
/// The only type in peili that calls ncurses; one thread owns it.
public final class Terminal {
  /// Whether the locale is UTF-8 (else input is read byte-wise and glyphs are ASCII).
  public let isUTF8: Bool
  /// Notes for the user on one line: an unknown TERM replaced by a fallback, why the screen is
  /// plain ASCII (`LocaleNotice`).
  public private(set) var warning: String?
  /// The TERM value ncurses was opened with (differs from $TERM after a fallback).
  public let termName: String
  /// Unicode glyphs under UTF-8, ASCII ones otherwise.
  public var glyphs: Glyphs { Glyphs.forTerminal(utf8: isUTF8) }
  /// Whether colours are drawn (false with NO_COLOR, --no-color or a colourless terminal).
  public private(set) var usesColor: Bool
  /// The number of colours the terminal reports (0 when colours are off).
  public private(set) var colorCount: Int
  public private(set) var theme: Theme

  /// Set when a read found the terminal gone (hung up, closed, at end of input): the caller
  /// must end, as no key will ever come and every further read returns at once.
  public private(set) var inputGone = false

  private var screen: OpaquePointer?
  private var inputFile: UnsafeMutablePointer<FILE>?
  /// The descriptor keys are read from (stdin, or /dev/tty when stdin is redirected).
  private let inputDescriptor: Int32
  /// Set for an off-screen terminal (the paint benchmark): closed with the terminal.
  var outputFile: UnsafeMutablePointer<FILE>?
  /// Whether this terminal put up the signal handlers (the real screen does, off-screen ones not).
  var ownsSignals = true
  private var lastPainted: Buffer?
  private var repaintAll = true
  private var roleIndex: [Role: Int] = [:]
  private var roleAttributes: [attr_t] = []
  private var rolePairs: [Int16] = []
  /// The background colour of each colour pair (index 0: pair 0, the terminal's own).
  private var pairBackground: [Int16] = [-1]
  private let noColorRequested: Bool

  /// True when stdout is a terminal; the executable checks it to point scripts to `peili report`.
  public static var stdoutIsTerminal: Bool { isatty(STDOUT_FILENO) == 1 }

  /// TERM values tried, in order, when $TERM has no terminfo entry here.
  public static let fallbackTerms = ["xterm-256color", "xterm", "vt100"]

  init(
    screen: OpaquePointer, inputFile: UnsafeMutablePointer<FILE>?, isUTF8: Bool, termName: String,
    warning: String?, theme: Theme, noColor: Bool
  ) {
    self.screen = screen
    self.inputFile = inputFile
    inputDescriptor = fileno(inputFile ?? peili_stdin())
    self.isUTF8 = isUTF8
    self.termName = termName
    self.warning = warning
    self.theme = theme
    self.noColorRequested = noColor
    usesColor = false
    colorCount = 0
  }

  deinit { close() }

  /// Opens the terminal on stdout: locale first, `newterm` (never `initscr`, which exits on
  /// an unknown TERM) with fallbacks, input modes, colour pairs from `theme`. `noColor` (or a
  /// non-empty NO_COLOR) leaves only attributes.
  public static func open(theme: Theme, noColor: Bool = false) throws -> Terminal {
    setlocale(LC_ALL, "")
    guard stdoutIsTerminal else { throw TerminalError.notATerminal }
    let codeset = String(cString: peili_codeset()).uppercased().replacingOccurrences(of: "-", with: "")
    let utf8 = codeset == "UTF8"

    // Keys come from the controlling terminal even when stdin is redirected.
    var input = peili_stdin()
    var ownedInput: UnsafeMutablePointer<FILE>?
    if isatty(STDIN_FILENO) != 1, let tty = fopen("/dev/tty", "r") {
      input = tty
      ownedInput = tty
    }

    let env = ProcessInfo.processInfo.environment
    let term = env["TERM"] ?? ""
    if term == "dumb" {
      ownedInput.map { _ = fclose($0) }
      throw TerminalError(
        "TERM=dumb cannot show a full-screen dashboard; run peili in a terminal emulator, or use `peili report`"
      )
    }
    TerminalSignals.install()
    var candidates: [String] = term.isEmpty ? [] : [term]
    candidates += fallbackTerms.filter { $0 != term }
    var opened: (screen: OpaquePointer, name: String)?
    for name in candidates {
      if let s = newterm(name, peili_stdout(), input) {
        opened = (s, name)
        break
      }
    }
    guard let opened else {
      TerminalSignals.uninstall()
      ownedInput.map { _ = fclose($0) }
      let shown = term.isEmpty ? "TERM is not set and" : "TERM=\(term) has no terminfo entry here, and"
      throw TerminalError(
        "cannot open the terminal: \(shown) neither do \(fallbackTerms.joined(separator: ", ")). "
          + "Set TERM to a type this machine knows (e.g. `export TERM=xterm-256color`), install the "
          + "terminfo entries (Debian: `apt-get install ncurses-term`), or copy your terminal's entry "
          + "with `infocmp -x | ssh server tic -x -`.")
    }
    var warnings: [String] = []
    if opened.name != term {
      warnings.append(
        term.isEmpty
          ? "TERM is not set; using \(opened.name)."
          : "TERM=\(term) is unknown here; using \(opened.name). Install its terminfo "
            + "(e.g. `infocmp -x | ssh server tic -x -`) to silence this.")
    }
    if let notice = LocaleNotice.text(codeset: codeset, environment: env) { warnings.append(notice) }
    let warning = warnings.isEmpty ? nil : warnings.joined(separator: "; ")
    let noColorEnv = !(env["NO_COLOR"] ?? "").isEmpty
    let terminal = Terminal(
      screen: opened.screen, inputFile: ownedInput, isUTF8: utf8, termName: opened.name, warning: warning,
      theme: theme, noColor: noColor || noColorEnv)
    TerminalSignals.activeScreen = opened.screen
    let win = peili_stdscr()
    cbreak()
    noecho()
    nonl()
    intrflush(win, false)
    keypad(win, true)
    set_escdelay(Int32(sequenceWaitMilliseconds))
    curs_set(0)
    terminal.configureOutput()
    return terminal
  }

  /// Output settings shared with `measurePaintBytes`, so the benchmark counts the bytes a
  /// user's terminal receives.
  func configureOutput() {
    // Lets ncurses scroll with the terminal's insert/delete-line instead of resending every
    // row of a scrolled list: a one-row scroll of the tree costs a few bytes over ssh.
    idlok(peili_stdscr(), true)
    configureColors()
  }

  /// The screen size in cells.
  public var size: (width: Int, height: Int) {
    guard screen != nil else { return (0, 0) }
    let win = peili_stdscr()
    return (Int(peili_maxx(win)), Int(peili_maxy(win)))
  }

  /// Switches to another theme; the next paint redraws everything.
  public func setTheme(_ theme: Theme) {
    self.theme = theme
    guard screen != nil else { return }
    configureColors()
    invalidate()
  }

  /// Makes the next `paint` redraw the whole screen (e.g. on Ctrl-L after other output).
  public func invalidate() {
    repaintAll = true
    if screen != nil { clearok(peili_stdscr(), true) }
  }

  func configureColors() {
    roleIndex = [:]
    roleAttributes = []
    rolePairs = []
    pairBackground = [-1]
    var colorsOn = !noColorRequested && has_colors()
    var useDefaults = false
    if colorsOn {
      colorsOn = start_color() == OK
      useDefaults = use_default_colors() == OK
    }
    colorCount = colorsOn ? Int(peili_colors()) : 0
    usesColor = colorsOn && colorCount >= 8
    // Without colours the monochrome theme's attributes carry the roles (reverse selection,
    // bold accent and headers).
    let attributeTheme = usesColor ? theme : (Theme.builtIn("monochrome") ?? theme)
    for (i, role) in Role.allCases.enumerated() {
      roleIndex[role] = i
      let c = attributeTheme.colors(for: role)
      var a = peili_a_normal()
      if c.bold { a |= peili_a_bold() }
      if c.reverse { a |= peili_a_reverse() }
      if c.underline { a |= peili_a_underline() }
      roleAttributes.append(a)
      guard usesColor, i + 1 < Int(peili_color_pairs()) else {
        rolePairs.append(0)
        continue
      }
      let wide = colorCount >= 256
      let fg = (wide ? c.fg256 : c.fg8) ?? (useDefaults ? -1 : 7)
      let bg = (wide ? c.bg256 : c.bg8) ?? (useDefaults ? -1 : 0)
      init_pair(Int16(i + 1), Int16(fg), Int16(bg))
      rolePairs.append(Int16(i + 1))
      pairBackground.append(Int16(bg))
    }
  }

  /// Reads one key, waiting at most `timeoutMilliseconds` (negative = block). nil on timeout,
  /// for input that maps to no key (e.g. a non-ASCII byte under a non-UTF-8 locale, or an
  /// escape sequence that is no key), and when the terminal is gone (then `inputGone` is set).
  public func readKey(timeoutMilliseconds: Int) -> Key? {
    guard screen != nil, !inputGone else { return nil }
    switch readInput(timeoutMilliseconds: timeoutMilliseconds) {
    case nil: return nil
    case .keyCode(let code): return Terminal.decode(keyCode: code)
    case .character(27): return readAfterEscape()
    // Under a non-UTF-8 locale a byte past ASCII is part of no character we can name.
    case .character(let c) where !isUTF8 && c > 127: return nil
    case .character(let c): return Terminal.decode(character: c)
    }
  }

  /// One read from ncurses: a character, or a KEY_* code it decoded.
  enum Input: Equatable {
    case character(UInt32)
    case keyCode(Int32)
  }

  private func readInput(timeoutMilliseconds: Int) -> Input? {
    let win = peili_stdscr()
    wtimeout(win, Int32(clamping: timeoutMilliseconds))
    if isUTF8 {
      var ch: wint_t = 0
      let rc = wget_wch(win, &ch)
      if rc == ERR {
        inputGone = Self.isGone(inputDescriptor)
        return nil
      }
      if rc == peili_key_code_yes() { return .keyCode(Int32(bitPattern: ch)) }
      return .character(UInt32(ch))
    }
    // wget_wch wedges after a non-ASCII byte under LANG=C (DESIGN §5): read bytes instead.
    let c = wgetch(win)
    if c == ERR {
      inputGone = Self.isGone(inputDescriptor)
      return nil
    }
    if c >= KEY_MIN { return .keyCode(c) }
    return .character(UInt32(UInt8(truncatingIfNeeded: c)))
  }

  /// After an ESC that ncurses did not make a key of: a plain Esc when nothing follows at once
  /// (a person's Esc; ncurses has already waited ESCDELAY for more), else the sequence read to
  /// its end and decoded or dropped (`EscapeSequence`). A character that starts no sequence is
  /// put back for the next read.
  private func readAfterEscape() -> Key? {
    guard let next = readInput(timeoutMilliseconds: 0) else { return .escape }
    guard case .character(let c) = next, EscapeSequence.starts(c) else {
      unread(next)
      return .escape
    }
    var body = [c]
    while true {
      switch EscapeSequence.decode(body) {
      case .key(let key): return key
      case .ignored: return nil
      case .incomplete:
        // The rest of a sequence comes in the same write; the wait only covers a slow link.
        switch readInput(timeoutMilliseconds: Self.sequenceWaitMilliseconds) {
        case .character(let more): body.append(more)
        case let other:
          // Broken off (a timeout, or a key ncurses decoded): drop the fragment, keep the key.
          if let other { unread(other) }
          return nil
        }
      }
    }
  }

  /// How long the rest of an escape sequence is waited for once it has begun (ESCDELAY).
  static let sequenceWaitMilliseconds = 25

  private func unread(_ input: Input) {
    switch input {
    case .keyCode(let code): _ = ungetch(code)
    case .character(let c) where isUTF8: _ = unget_wch(wchar_t(bitPattern: c))
    case .character(let c): _ = ungetch(Int32(c))
    }
  }

  /// After ncurses' read gave ERR: whether the terminal behind `fd` is gone, rather than the
  /// wait having timed out (or been cut short by a signal). ERR means both to ncurses; a dead
  /// terminal gives it at once on every read, so the loop would spin instead of waiting.
  ///
  /// Asked of the descriptor itself, without waiting: `poll` reports a hung-up terminal
  /// (its pty's other side closed: tmux killed, ssh dropped; SIGHUP does not reach a process
  /// under setsid or su) as POLLHUP/POLLERR, a closed one as POLLNVAL. A descriptor that polls
  /// readable while ncurses read nothing is at end of input — unless a key arrived since, which
  /// FIONREAD tells apart (end of input has no bytes waiting). A timeout polls not readable.
  static func isGone(_ fd: Int32) -> Bool {
    var p = pollfd(fd: fd, events: Int16(POLLIN), revents: 0)
    let ready = poll(&p, 1, 0)
    if ready < 0 { return errno != EINTR && errno != EAGAIN }
    if ready == 0 { return false }
    if p.revents & Int16(POLLHUP | POLLERR | POLLNVAL) != 0 { return true }
    var waiting: Int32 = 0
    if ioctl(fd, UInt(FIONREAD), &waiting) != 0 { return true }
    return waiting == 0
  }

  /// Maps a character code from the terminal to a key.
  public static func decode(character c: UInt32) -> Key? {
    switch c {
    case 13, 10: return .enter
    case 9: return .tab
    case 27: return .escape
    case 127, 8: return .backspace
    case 1...26: return .ctrl(Character(Unicode.Scalar(UInt8(c) + 96)))
    case 0..<32, 0x80..<0xA0: return nil
    default:
      guard let scalar = Unicode.Scalar(c) else { return nil }
      return .char(Character(scalar))
    }
  }

  /// Maps an ncurses KEY_* code to a key.
  public static func decode(keyCode: Int32) -> Key? {
    switch keyCode {
    case KEY_UP: return .up
    case KEY_DOWN: return .down
    case KEY_LEFT: return .left
    case KEY_RIGHT: return .right
    case KEY_PPAGE: return .pageUp
    case KEY_NPAGE: return .pageDown
    case KEY_HOME, KEY_A1, KEY_FIND: return .home
    case KEY_END, KEY_C1, KEY_SELECT: return .end
    case KEY_ENTER: return .enter
    case KEY_BTAB: return .backTab
    case KEY_BACKSPACE: return .backspace
    case KEY_DC: return .delete
    case KEY_RESIZE: return .resize
    case peili_key_f(1)...peili_key_f(63): return .function(Int(keyCode - peili_key_f(0)))
    default: return nil
    }
  }

  /// Draws `buffer` and flushes. Rows equal to the last painted frame are skipped; ncurses
  /// then sends only the cells that differ from the screen (cheap over ssh).
  public func paint(_ buffer: Buffer) {
    guard screen != nil else { return }
    let win = peili_stdscr()
    let (screenWidth, screenHeight) = size
    var full = repaintAll
    if let last = lastPainted, last.width == buffer.width, last.height == buffer.height {
    } else {
      full = true
    }
    if full { werase(win) }
    let width = min(buffer.width, screenWidth)
    for y in 0..<min(buffer.height, screenHeight) {
      let start = y * buffer.width
      if !full, let last = lastPainted,
        last.cells[start..<start + buffer.width] == buffer.cells[start..<start + buffer.width]
      {
        continue
      }
      paintRow(buffer, y: y, width: width, window: win)
    }
    wnoutrefresh(win)
    doupdate()
    lastPainted = buffer
    repaintAll = false
  }

  private func paintRow(_ buffer: Buffer, y: Int, width: Int, window win: UnsafeMutablePointer<WINDOW>?) {
    var run: [wchar_t] = []
    run.reserveCapacity(width)
    var runKey: Attributes?
    var runStart = 0
    func flush() {
      guard let key = runKey, !run.isEmpty else { return }
      wattr_set(win, key.attrs, key.pair, nil)
      wmove(win, Int32(y), Int32(runStart))
      waddnwstr(win, run, Int32(run.count))
      run.removeAll(keepingCapacity: true)
      runKey = nil
    }
    // Blanks after the last inked cell keep their own style, so ncurses can erase them
    // the same way frame after frame.
    var inkEnd = width
    while inkEnd > 0 && buffer[inkEnd - 1, y].text == " " { inkEnd -= 1 }
    var lastStyle: Style?
    var lastKey = Attributes(attrs: 0, pair: 0)
    var x = 0
    var covered = 0  // columns already taken by a wide character
    while x < width {
      let cell = buffer[x, y]
      defer { x += 1 }
      if x < covered { continue }
      var text = cell.text
      var cellWidth = text.isEmpty ? 1 : max(1, DisplayWidth.of(text))
      if text.isEmpty { text = " " }
      if cellWidth == 2 && (!isUTF8 || x + 1 >= width) {
        text = "?"
        cellWidth = 1
      }
      if cell.style != lastStyle {
        lastStyle = cell.style
        lastKey = attributes(for: cell.style)
      }
      var key = lastKey
      // A blank looks the same in any colour and weight over the same background: it joins
      // the run before it instead of costing two attribute changes.
      if text == " ", x < inkEnd, let current = runKey,
        current.blankLooksSame(as: key, background: pairBackground)
      {
        key = current
      }
      if cellWidth == 2 || runKey != key { flush() }
      if runKey == nil {
        runKey = key
        runStart = x
      }
      appendScalars(of: text, to: &run)
      covered = x + cellWidth
      // Wide characters stand alone so a width disagreement with ncurses cannot shift a row.
      if cellWidth == 2 { flush() }
    }
    flush()
  }

  private func appendScalars(of text: String, to run: inout [wchar_t]) {
    var any = false
    for scalar in text.unicodeScalars {
      let v = scalar.value
      if v < 0x20 || (0x7F...0x9F).contains(v) {
        run.append(wchar_t(63))  // "?": control characters never reach the terminal
      } else if !isUTF8 && v > 0x7E {
        if !any { run.append(wchar_t(63)) }
      } else {
        run.append(wchar_t(bitPattern: v))
      }
      any = true
      if !isUTF8 { break }
    }
    if !any { run.append(wchar_t(32)) }
  }

  private func attributes(for style: Style) -> Attributes {
    let i = roleIndex[style.role] ?? 0
    var a = roleAttributes.isEmpty ? peili_a_normal() : roleAttributes[i]
    if style.bold { a |= peili_a_bold() }
    if style.reverse { a |= peili_a_reverse() }
    if style.underline { a |= peili_a_underline() }
    return Attributes(attrs: a, pair: rolePairs.isEmpty ? 0 : rolePairs[i])
  }

  /// Restores the terminal (idempotent). Also runs from the signal handlers and at exit.
  public func close() {
    guard let s = screen else { return }
    if ownsSignals { TerminalSignals.activeScreen = nil }
    curs_set(1)
    endwin()
    delscreen(s)
    screen = nil
    for file in [inputFile, outputFile] {
      if let file { fclose(file) }
    }
    inputFile = nil
    outputFile = nil
    if ownsSignals { TerminalSignals.uninstall() }
  }
}

/// The ncurses attributes and colour pair of a style.
struct Attributes: Equatable {
  var attrs: attr_t
  var pair: Int16

  /// Whether a blank drawn with `other` looks like one drawn with these: neither reversed
  /// nor underlined (those show on a blank) and the same background colour. Bold and the
  /// foreground colour do not show on a blank.
  func blankLooksSame(as other: Attributes, background: [Int16]) -> Bool {
    let visible = peili_a_reverse() | peili_a_underline()
    guard attrs & visible == 0, other.attrs & visible == 0 else { return false }
    if pair == other.pair { return true }
    let mine = Int(pair) < background.count ? background[Int(pair)] : -1
    let theirs = Int(other.pair) < background.count ? background[Int(other.pair)] : -1
    return mine == theirs
  }
}
