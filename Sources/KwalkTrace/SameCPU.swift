import Foundation

#if canImport(Glibc)
  import Glibc
#endif

/// Keeps the sender and the reader of an exchange on one CPU, so the reader's wake-up is the one a walkthrough
/// follows: `try_to_wake_up` on the sending CPU, inside the receive softirq. With the reader free to sleep on
/// another, idle CPU, the kernel queues the wake-up to that CPU instead (`ttwu_queue_wakelist`), and
/// `sched_wakeup` fires there later, from an interrupt: seen once in CI.
struct SameCPU {
  /// The sender's affinity before, restored by `restore`.
  let before: cpu_set_t

  /// `sched_getaffinity`/`sched_setaffinity(tid, size, mask)`: GNU extensions Glibc's Swift module does not export.
  typealias Affinity = @convention(c) (Int32, Int, UnsafeMutablePointer<cpu_set_t>) -> Int32

  static func call(_ name: String) throws -> Affinity {
    guard let f = dlsym(UnsafeMutableRawPointer(bitPattern: 0), name) else {
      throw TraceError.exchange("this C library has no \(name)()")
    }
    return unsafeBitCast(f, to: Affinity.self)
  }

  /// Pins the calling thread and thread `tid` to the first CPU the calling thread may run on.
  init(with tid: Int32) throws {
    let (sched_getaffinity, sched_setaffinity) = (try Self.call("sched_getaffinity"), try Self.call("sched_setaffinity"))
    var mask = cpu_set_t()
    guard sched_getaffinity(0, MemoryLayout<cpu_set_t>.size, &mask) == 0 else { throw Self.error("sched_getaffinity") }
    before = mask
    let first = withUnsafeBytes(of: &mask) { bytes -> Int? in
      for (i, b) in bytes.enumerated() where b != 0 { return i * 8 + b.trailingZeroBitCount }
      return nil
    }
    guard let cpu = first else { throw TraceError.exchange("this thread may run on no CPU") }
    var one = cpu_set_t()
    withUnsafeMutableBytes(of: &one) { $0[cpu / 8] = UInt8(1) << UInt8(cpu % 8) }
    for thread in [0, tid] {
      guard sched_setaffinity(thread, MemoryLayout<cpu_set_t>.size, &one) == 0 else {
        throw Self.error("sched_setaffinity")
      }
    }
  }

  /// Gives the calling thread its CPUs back (the reader's thread ends with the exchange).
  func restore() {
    var mask = before
    _ = try? Self.call("sched_setaffinity")(0, MemoryLayout<cpu_set_t>.size, &mask)
  }

  static func error(_ call: String) -> TraceError {
    TraceError.exchange("\(call): \(String(cString: strerror(errno)))")
  }
}
