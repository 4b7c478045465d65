import Foundation
import Synchronization

/// Runs independent jobs on a few threads, each job once, results in job order.
///
/// Parsing with libclang blocks a thread for seconds and libclang handles are not `Sendable`, so each worker makes
/// its own and takes the next job number from a shared counter rather than being handed a fixed share.
public enum ParallelWork {
  /// `body(i)` for every `i` in `0..<count` on at most `workers` threads; element `i` is that job's result.
  public static func map<T: Sendable>(
    count: Int, workers: Int, _ body: @Sendable (Int) throws -> T
  ) -> [Result<T, any Error>] {
    let state = Mutex<(next: Int, results: [Result<T, any Error>?])>((0, Array(repeating: nil, count: count)))
    DispatchQueue.concurrentPerform(iterations: max(1, min(workers, count))) { _ in
      while true {
        let i = state.withLock { s in
          defer { s.next += 1 }
          return s.next
        }
        guard i < count else { return }
        let result = Result { try body(i) }
        state.withLock { $0.results[i] = result }
      }
    }
    return state.withLock { $0.results.map { $0! } }
  }
}
