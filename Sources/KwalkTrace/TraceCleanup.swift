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
    signal(SIGINT, handler)
    signal(SIGTERM, handler)
  }

  /// Turns the instance off, removes it, unmounts tracefs if this run mounted it, and forgets the state.
  static func run() {
    guard armed else { return }
    armed = false
    let fd = open(tracingOn, O_WRONLY)
    if fd >= 0 {
      _ = Glibc.write(fd, "0", 1)
      close(fd)
    }
    rmdir(instance)
    if unmount { umount(tracefs) }
    unlink(stateFile)
    signal(SIGINT, SIG_DFL)
    signal(SIGTERM, SIG_DFL)
  }

  static let handler: @convention(c) (Int32) -> Void = { sig in
    TraceCleanup.run()
    let message = "kwalk: interrupted; tracing settings restored\n"
    _ = Glibc.write(2, message, message.utf8.count)
    _exit(128 + sig)
  }
}
