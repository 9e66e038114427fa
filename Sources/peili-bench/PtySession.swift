import Foundation

#if canImport(Glibc)
  import Glibc
#endif

/// A program running in a pseudo-terminal of a fixed size, as a user's terminal would run it:
/// what the first-frame benchmark spawns the real `peili` binary in. One thread at a time
/// reads and writes it (the review benchmark hands each to a reader thread of its own, and
/// reads only `/proc` meanwhile).
final class PtySession: @unchecked Sendable {
  let pid: pid_t
  private let master: Int32
  /// Everything the program wrote so far.
  private(set) var output: [UInt8] = []
  private var isClosed = false

  /// Starts `path` with `arguments` in a new `width`×`height` pty; stdin, stdout and stderr are
  /// the pty. `environment` replaces the benchmark's own.
  init(path: String, arguments: [String], environment: [String: String], width: Int, height: Int) throws {
    var master: Int32 = -1
    var slave: Int32 = -1
    var size = winsize(ws_row: UInt16(height), ws_col: UInt16(width), ws_xpixel: 0, ws_ypixel: 0)
    guard openpty(&master, &slave, nil, nil, &size) == 0 else {
      throw BenchError("openpty failed: \(String(cString: strerror(errno)))")
    }
    defer { close(slave) }
    var actions = posix_spawn_file_actions_t()
    posix_spawn_file_actions_init(&actions)
    defer { posix_spawn_file_actions_destroy(&actions) }
    for fd: Int32 in [0, 1, 2] { posix_spawn_file_actions_adddup2(&actions, slave, fd) }
    posix_spawn_file_actions_addclose(&actions, master)
    posix_spawn_file_actions_addclose(&actions, slave)
    let argv = ([path] + arguments).map { strdup($0) } + [nil]
    let envp = environment.map { strdup("\($0.key)=\($0.value)") } + [nil]
    defer { for p in argv + envp { free(p) } }
    var pid = pid_t()
    let rc = posix_spawn(&pid, path, &actions, nil, argv, envp)
    guard rc == 0 else {
      close(master)
      throw BenchError("cannot start \(path): \(String(cString: strerror(rc)))")
    }
    self.pid = pid
    self.master = master
  }

  deinit { finish(timeout: 2) }

  /// Reads until `marker` appears in the output (true) or `timeout` seconds pass or the
  /// program closes the pty (false).
  func read(until marker: String, timeout: Double) -> Bool {
    let needle = Array(marker.utf8)
    let deadline = DispatchTime.now().uptimeNanoseconds + UInt64(timeout * 1e9)
    var searched = 0
    while true {
      if let end = output.count >= needle.count ? output.count - needle.count : nil, searched <= end {
        for i in searched...end where output[i..<i + needle.count].elementsEqual(needle) {
          return true
        }
        searched = end + 1
      }
      let now = DispatchTime.now().uptimeNanoseconds
      guard now < deadline, readSome(timeoutMilliseconds: Int32((deadline - now) / 1_000_000) + 1) else {
        return false
      }
    }
  }

  /// Reads until nothing arrives for `quiet` seconds (or `timeout` passes).
  func drain(quiet: Double, timeout: Double) {
    let deadline = DispatchTime.now().uptimeNanoseconds + UInt64(timeout * 1e9)
    while DispatchTime.now().uptimeNanoseconds < deadline, readSome(timeoutMilliseconds: Int32(quiet * 1000))
    {}
  }

  /// Waits up to `timeout` seconds for output; the monotonic time (seconds) it began to
  /// arrive, then reads on until it pauses for `quiet` seconds. Nil when none came.
  func nextBurst(timeout: Double, quiet: Double) -> Double? {
    guard readSome(timeoutMilliseconds: Int32(timeout * 1000)) else { return nil }
    let at = Double(DispatchTime.now().uptimeNanoseconds) / 1e9
    while readSome(timeoutMilliseconds: Int32(quiet * 1000)) {}
    return at
  }

  /// The program's CPU time so far in seconds (user + system, from `/proc/PID/stat`).
  func cpuSeconds() -> Double? {
    guard let stat = try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8),
      let close = stat.lastIndex(of: ")")
    else { return nil }
    // Fields after the command name: state is 3rd, utime 14th, stime 15th.
    let fields = stat[stat.index(after: close)...].split(separator: " ")
    guard fields.count > 13, let user = Double(fields[11]), let system = Double(fields[12]) else {
      return nil
    }
    return (user + system) / Double(sysconf(Int32(_SC_CLK_TCK)))
  }

  /// The program's resident set now in KiB (`VmRSS`).
  func memoryKiB() -> Int? {
    guard let status = try? String(contentsOfFile: "/proc/\(pid)/status", encoding: .utf8) else { return nil }
    for line in status.split(separator: "\n") where line.hasPrefix("VmRSS:") {
      return Int(line.split(separator: " ", omittingEmptySubsequences: true).dropFirst().first ?? "")
    }
    return nil
  }

  /// One read of what is there within the timeout; false on timeout, end of output or error.
  private func readSome(timeoutMilliseconds: Int32) -> Bool {
    var pfd = pollfd(fd: master, events: Int16(POLLIN), revents: 0)
    guard poll(&pfd, 1, timeoutMilliseconds) > 0 else { return false }
    var chunk = [UInt8](repeating: 0, count: 65536)
    let n = chunk.withUnsafeMutableBytes { Glibc.read(master, $0.baseAddress, $0.count) }
    guard n > 0 else { return false }
    output += chunk[0..<n]
    return true
  }

  func send(_ text: String) {
    let bytes = Array(text.utf8)
    _ = bytes.withUnsafeBytes { Glibc.write(master, $0.baseAddress, $0.count) }
  }

  /// The program's peak resident set so far in KiB (`VmHWM`; nil once it has exited).
  func peakMemoryKiB() -> Int? {
    guard let status = try? String(contentsOfFile: "/proc/\(pid)/status", encoding: .utf8) else { return nil }
    for line in status.split(separator: "\n") where line.hasPrefix("VmHWM:") {
      return Int(line.split(separator: " ", omittingEmptySubsequences: true).dropFirst().first ?? "")
    }
    return nil
  }

  /// Waits up to `timeout` seconds for the program to exit (killing it after that) and
  /// closes the pty; returns the wait status.
  @discardableResult
  func finish(timeout: Double) -> Int32 {
    guard !isClosed else { return 0 }
    isClosed = true
    var status: Int32 = 0
    let deadline = DispatchTime.now().uptimeNanoseconds + UInt64(timeout * 1e9)
    while waitpid(pid, &status, WNOHANG) == 0 {
      if DispatchTime.now().uptimeNanoseconds > deadline {
        kill(pid, SIGKILL)
        waitpid(pid, &status, 0)
        break
      }
      _ = readSome(timeoutMilliseconds: 20)
    }
    close(master)
    return status
  }
}
