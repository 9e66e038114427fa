import Foundation

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// The operating-system user edits are attributed to: looked up from the uid, never from
/// `$USER` (which anyone can set).
public enum CurrentUser {
  /// The login name of the real uid, or "uid N" when the password database has none.
  public static var name: String { name(uid: getuid()) }

  static func name(uid: uid_t) -> String {
    var size = sysconf(Int32(_SC_GETPW_R_SIZE_MAX))
    if size <= 0 { size = 16_384 }
    while size <= 1 << 20 {
      var entry = passwd()
      var result: UnsafeMutablePointer<passwd>?
      var buffer = [CChar](repeating: 0, count: size)
      let (rc, name): (Int32, String?) = buffer.withUnsafeMutableBufferPointer { buf in
        let rc = getpwuid_r(uid, &entry, buf.baseAddress!, buf.count, &result)
        guard rc == 0, result != nil, let cName = entry.pw_name else { return (rc, nil) }
        return (rc, String(cString: cName))
      }
      if rc == ERANGE {
        size *= 2
        continue
      }
      if let name, !name.isEmpty { return name }
      break
    }
    return "uid \(uid)"
  }
}
