import Foundation
import Synchronization

#if canImport(Glibc)
  import Glibc
#endif

/// A thread named `kwalk-reader` that sits in `recv()` on one socket, so each packet wakes a reader that is really
/// asleep (the wake-up the journey ends with). The sender asks `waitUntilBlocked()` before each send and
/// `waitForMessage()` after it; every wait is bounded by the socket's 2-second timeout.
final class BlockedReader: Sendable {
  /// The name the scheduler's events print for the reader (`comm`), which the sched event filters select.
  static let threadName = "kwalk-reader"
  /// `recvfrom`'s number on x86-64: glibc's `recv()` is this system call.
  static let recvfromSyscall = "45"

  /// Whether a received message is the one waited for (an ICMP socket also sees what it must skip).
  typealias Accept = @Sendable ([UInt8]) -> Bool

  /// What the reader thread and the sender share.
  private final class Shared: Sendable {
    let state = Mutex<(tid: Int32, failed: String?)>((0, nil))
    let started = DispatchSemaphore(value: 0)
    let messages = DispatchSemaphore(value: 0)

    func fail(_ why: String) {
      state.withLock { $0.failed = why }
      messages.signal()
    }
  }

  private let shared = Shared()

  /// Starts the thread; it reads `count` messages of up to `size` bytes each (a TCP message is read until `size`
  /// bytes arrived), keeping only those `accept` takes.
  init(fd: Int32, count: Int, size: Int, stream: Bool, accept: @escaping Accept = { _ in true }) {
    let thread = Thread { [shared] in
      // Named through /proc/thread-self/comm as well as `Thread.name`: Foundation's setter did not always reach the
      // kernel's comm, and a reader still called `kwalk` is woken without an event the sched filter keeps.
      Thread.current.name = BlockedReader.threadName
      try? BlockedReader.threadName.write(toFile: "/proc/thread-self/comm", atomically: false, encoding: .utf8)
      shared.state.withLock { $0.tid = BlockedReader.currentThreadID() }
      shared.started.signal()
      var buffer = [UInt8](repeating: 0, count: max(size, 1) + 128)
      for _ in 0..<count {
        var got = 0
        while true {
          let n = recv(fd, &buffer, buffer.count, 0)
          guard n > 0 else {
            return shared.fail(n == 0 ? "the peer closed the socket" : "recv: \(String(cString: strerror(errno)))")
          }
          if stream {
            got += n
            if got >= size { break }
          } else if accept(Array(buffer[0..<n])) {
            break
          }
        }
        shared.messages.signal()
      }
    }
    thread.start()
  }

  /// The calling thread's id, from `/proc/thread-self` (`<pid>/task/<tid>`): Glibc's module lacks `gettid`.
  static func currentThreadID() -> Int32 {
    var buffer = [CChar](repeating: 0, count: 64)
    let n = readlink("/proc/thread-self", &buffer, buffer.count - 1)
    guard n > 0 else { return getpid() }
    let link = String(decoding: buffer[0..<n].map { UInt8(bitPattern: $0) }, as: UTF8.self)
    return link.split(separator: "/").last.flatMap { Int32($0) } ?? getpid()
  }

  /// The reader's thread id, once it runs.
  var tid: Int32 {
    shared.started.wait()
    shared.started.signal()
    return shared.state.withLock { $0.tid }
  }

  /// Returns once the reader sleeps in `recvfrom`, at most 2 s: `/proc/self/task/<tid>/syscall` names the call it
  /// is in (a thread that was merely preempted there shows it too), `stat` says it sleeps (`S`), and `comm` is the
  /// name the sched events are filtered by.
  func waitUntilBlocked() throws {
    let task = "/proc/self/task/\(tid)"
    let deadline = Date().addingTimeInterval(2)
    while Date() < deadline {
      if let failed = shared.state.withLock({ $0.failed }) { throw TraceError.exchange(failed) }
      if let call = try? String(contentsOfFile: task + "/syscall", encoding: .utf8),
        call.split(separator: " ").first == Substring(Self.recvfromSyscall),
        let stat = try? String(contentsOfFile: task + "/stat", encoding: .utf8),
        Self.state(stat) == "S",
        let comm = try? String(contentsOfFile: task + "/comm", encoding: .utf8),
        comm.trimmingCharacters(in: .newlines) == Self.threadName
      {
        return
      }
      usleep(1000)
    }
    throw TraceError.exchange("the reader never blocked in recv within 2 s")
  }

  /// The state letter of a `stat` line: the field after the command, which is in parentheses and may hold spaces.
  static func state(_ stat: String) -> Character? {
    guard let close = stat.lastIndex(of: ")") else { return nil }
    return stat[stat.index(after: close)...].first { $0 != " " }
  }

  /// Returns once the next message was read, at most 3 s (the socket's 2-second timeout ends the reader sooner).
  func waitForMessage() throws {
    guard shared.messages.wait(timeout: .now() + 3) == .success else { throw TraceError.exchange("recv timed out") }
    if let failed = shared.state.withLock({ $0.failed }) { throw TraceError.exchange(failed) }
  }
}
