import CNcursesw
import Foundation

/// Restores the terminal when the process is interrupted or crashes (as htop's CRT does):
/// Ctrl-C, kill and hang-up end the process after `endwin`; fault signals restore the screen
/// and then reach the previous handler (the Swift runtime's backtrace) unchanged.
enum TerminalSignals {
  /// The open screen, read by the handlers; only the terminal's thread writes it.
  nonisolated(unsafe) static var activeScreen: OpaquePointer?
  nonisolated(unsafe) private static var previous: [Int32: sigaction] = [:]
  nonisolated(unsafe) private static var installed = false
  nonisolated(unsafe) private static var exitHookRegistered = false

  static let terminating: [Int32] = [SIGINT, SIGTERM, SIGHUP, SIGQUIT]
  static let faults: [Int32] = [SIGSEGV, SIGBUS, SIGILL, SIGFPE, SIGABRT, SIGTRAP]

  /// Leaves curses mode if a screen is open; safe to call more than once.
  static func restore() {
    guard activeScreen != nil else { return }
    activeScreen = nil
    endwin()
  }

  static func install() {
    if !exitHookRegistered {
      exitHookRegistered = true
      atexit { TerminalSignals.restore() }
    }
    guard !installed else { return }
    installed = true
    for sig in terminating + faults {
      var action = sigaction()
      sigemptyset(&action.sa_mask)
      action.__sigaction_handler.sa_handler = { sig in TerminalSignals.handle(sig) }
      action.sa_flags = 0
      var old = sigaction()
      guard sigaction(sig, nil, &old) == 0 else { continue }
      // A signal the parent chose to ignore (nohup, background jobs) stays ignored.
      if terminating.contains(sig) && isIgnored(old) { continue }
      if sigaction(sig, &action, nil) == 0 { previous[sig] = old }
    }
  }

  static func uninstall() {
    guard installed else { return }
    installed = false
    for (sig, old) in previous {
      var old = old
      sigaction(sig, &old, nil)
    }
    previous = [:]
  }

  private static func handle(_ sig: Int32) {
    restore()
    if var old = previous[sig] {
      sigaction(sig, &old, nil)
    } else {
      signal(sig, SIG_DFL)
    }
    // A terminating signal is raised again (blocked until this handler returns) so the exit
    // status still names it; a fault re-executes the faulting instruction on return and
    // reaches the previous handler.
    if terminating.contains(sig) { raise(sig) }
  }

  private static func isIgnored(_ action: sigaction) -> Bool {
    unsafeBitCast(action.__sigaction_handler.sa_handler, to: Int.self) == 1  // SIG_IGN
  }
}
