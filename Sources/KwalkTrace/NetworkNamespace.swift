import Foundation

#if canImport(Glibc)
  import Glibc
#endif

/// Runs work in a network namespace of its own, so the namespace's counters (`/proc/thread-self/net/snmp`) count
/// only the work's traffic. A namespace belongs to a thread (`unshare(CLONE_NEWNET)` moves the calling thread only),
/// so the work runs on a thread made for it, and threads it starts inherit the namespace; `/proc/self/net` would
/// show the main thread's namespace, so files are read through `/proc/thread-self`. Nothing outside the thread
/// changes. When the thread ends and the work's sockets are closed, nothing holds the namespace and the kernel
/// removes it; a signal that kills the process removes it too.
public enum NetworkNamespace {
  /// `CLONE_NEWNET` from `<linux/sched.h>`: Glibc's Swift module does not export it.
  static let cloneNewNet: Int32 = 0x4000_0000

  /// The `/proc` directory of the calling thread's namespace files (`snmp`, `netstat`, `snmp6`, `softnet_stat`).
  public static let procNet = "/proc/thread-self/net"

  /// Runs `body` on a new thread in a new network namespace whose `lo` is up, and returns what it returns.
  public static func run<T>(_ body: @escaping () throws -> T) throws -> T {
    let job = Job(body)
    let thread = Thread { job.start() }
    thread.start()
    job.done.wait()
    guard let result = job.result else { throw TraceError.namespace("the namespace thread ended without a result") }
    return try result.get()
  }

  /// The work and its result, handed between the two threads (the semaphore orders the accesses).
  final class Job<T>: @unchecked Sendable {
    let body: () throws -> T
    var result: Result<T, Error>?
    let done = DispatchSemaphore(value: 0)

    init(_ body: @escaping () throws -> T) { self.body = body }

    func start() {
      defer { done.signal() }
      result = Result {
        try NetworkNamespace.enter()
        return try body()
      }
    }
  }

  /// Moves the calling thread into a new network namespace and brings its `lo` up.
  static func enter() throws {
    guard let unshare = dlsym(UnsafeMutableRawPointer(bitPattern: 0), "unshare") else {
      throw TraceError.namespace("this C library has no unshare()")
    }
    let call = unsafeBitCast(unshare, to: (@convention(c) (Int32) -> Int32).self)
    let before = namespaceID()
    guard call(cloneNewNet) == 0 else {
      throw TraceError.namespace("unshare(CLONE_NEWNET): \(String(cString: strerror(errno))) (needs root)")
    }
    guard namespaceID() != before else { throw TraceError.namespace("unshare left the thread in its namespace") }
    try bringLoopbackUp()
  }

  /// `net:[4026531840]`: the calling thread's network namespace.
  public static func namespaceID() -> String {
    (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/thread-self/ns/net")) ?? ""
  }

  /// `ip link set lo up`: SIOCGIFFLAGS, then SIOCSIFFLAGS with IFF_UP. A new namespace's `lo` is down and has its
  /// addresses (127.0.0.1, ::1) once up.
  static func bringLoopbackUp() throws {
    let fd = socket(AF_INET, Int32(SOCK_DGRAM.rawValue), 0)
    guard fd >= 0 else { throw TraceError.namespace("socket: \(String(cString: strerror(errno)))") }
    defer { close(fd) }
    // struct ifreq: the name in 16 bytes, then a union whose `short ifr_flags` comes first; 40 bytes in all.
    var request = [UInt8](repeating: 0, count: 40)
    for (i, b) in "lo".utf8.enumerated() { request[i] = b }
    let flagsAt = Int(IFNAMSIZ)
    try request.withUnsafeMutableBytes { p in
      guard let base = p.baseAddress else { return }
      guard ioctl(fd, UInt(SIOCGIFFLAGS), base) == 0 else {
        throw TraceError.namespace("SIOCGIFFLAGS lo: \(String(cString: strerror(errno)))")
      }
      let flags = p.load(fromByteOffset: flagsAt, as: Int16.self) | Int16(IFF_UP)
      p.storeBytes(of: flags, toByteOffset: flagsAt, as: Int16.self)
      guard ioctl(fd, UInt(SIOCSIFFLAGS), base) == 0 else {
        throw TraceError.namespace("SIOCSIFFLAGS lo up: \(String(cString: strerror(errno)))")
      }
    }
  }

  /// Reads the counter files of the calling thread's namespace (`softnet_stat` is the machine's, whatever the
  /// namespace), keyed by their `/proc/net/...` names; `snmp6` only where the kernel has IPv6.
  public static func counterTexts() throws -> [String: String] {
    var out: [String: String] = [:]
    for file in CounterSnapshot.files {
      let path = procNet + "/" + (file.split(separator: "/").last.map(String.init) ?? file)
      if CounterSnapshot.optionalFiles.contains(file), !FileManager.default.fileExists(atPath: path) { continue }
      do {
        out[file] = try TraceSession.read(path)
      } catch {
        throw TraceError.counters(path, "cannot read the counters: \(error)")
      }
    }
    return out
  }
}
