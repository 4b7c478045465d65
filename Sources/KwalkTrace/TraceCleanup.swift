import Foundation

#if canImport(Glibc)
  import Glibc
#endif

/// The restore step, reachable from a signal handler: plain system calls on paths prepared in advance.
enum TraceCleanup {
  nonisolated(unsafe) static var instance: [CChar] = []
  nonisolated(unsafe) static var tracingOn: [CChar] = []
  nonisolated(unsafe) static var stateFile: [CChar] = []
  nonisolated(unsafe) static var tracefs: [CChar] = []
  nonisolated(unsafe) static var unmount = false
  nonisolated(unsafe) static var armed = false

  static func arm(state: TraceSession.State, stateFile: String, tracefs: String) {
    instance = Array(state.instance.utf8CString)
    tracingOn = Array((state.instance + "/tracing_on").utf8CString)
    self.stateFile = Array(stateFile.utf8CString)
    self.tracefs = Array(tracefs.utf8CString)
    unmount = state.mountedTracefs
    armed = true
    interrupted = 0
    signal(SIGINT, handler)
    signal(SIGTERM, handler)
  }

  /// Turns the instance off, removes it, unmounts tracefs if this run mounted it, and forgets the state. The
  /// state file stays when the instance could not be removed, so the next run restores it. Returns success.
  @discardableResult
  static func run() -> Bool {
    guard armed else { return true }
    armed = false
    let fd = open(tracingOn, O_WRONLY)
    if fd >= 0 {
      _ = Glibc.write(fd, "0", 1)
      close(fd)
    }
    let removed = rmdir(instance) == 0 || errno == ENOENT
    if removed {
      if unmount { umount(tracefs) }
      unlink(stateFile)
    }
    signal(SIGINT, SIG_DFL)
    signal(SIGTERM, SIG_DFL)
    return removed
  }

  /// The signal received, if any. The handler only records it: a handler may run on another thread while the
  /// session writes the state file or creates the instance, so the session itself stops at its next step and
  /// restores on the way out.
  nonisolated(unsafe) static var interrupted: Int32 = 0

  static let handler: @convention(c) (Int32) -> Void = { sig in
    TraceCleanup.interrupted = sig
  }

  /// Throws once a signal arrived.
  static func check() throws {
    if interrupted != 0 { throw TraceError.interrupted(interrupted == SIGINT ? "SIGINT" : "SIGTERM") }
  }
}
