import Foundation

/// Reports long steps on stderr: a ticking line on a terminal, one line per step otherwise.
public final class ProgressReporter: @unchecked Sendable {
  private let isTerminal: Bool
  private let quiet: Bool
  private let lock = NSLock()
  private var current: (title: String, start: Date)?
  private var ticker: DispatchSourceTimer?

  /// `quiet` silences everything (tests).
  public init(quiet: Bool = false) {
    self.quiet = quiet
    isTerminal = isatty(STDERR_FILENO) != 0 && ProcessInfo.processInfo.environment["CI"] == nil
  }

  /// A reporter that prints nothing.
  public static let silent = ProgressReporter(quiet: true)

  /// Starts a step; ends any step still running.
  public func begin(_ title: String) {
    guard !quiet else { return }
    finish()
    lock.lock()
    current = (title, Date())
    lock.unlock()
    if isTerminal {
      let t = DispatchSource.makeTimerSource(queue: .global())
      t.schedule(deadline: .now(), repeating: 1)
      t.setEventHandler { [weak self] in self?.draw() }
      t.resume()
      ticker = t
    } else {
      write("kwalk: \(title)\n")
    }
  }

  /// Ends the running step with an optional result.
  public func finish(_ result: String? = nil) {
    guard !quiet else { return }
    ticker?.cancel()
    ticker = nil
    lock.lock()
    let step = current
    current = nil
    lock.unlock()
    guard let step else { return }
    let seconds = String(format: "%.1f", Date().timeIntervalSince(step.start))
    let suffix = result.map { ": \($0)" } ?? ""
    if isTerminal {
      write("\r\u{1B}[K\(step.title)\(suffix) (\(seconds) s)\n")
    } else if result != nil {
      write("kwalk: \(step.title)\(suffix) (\(seconds) s)\n")
    }
  }

  /// A one-off line.
  public func note(_ line: String) {
    guard !quiet else { return }
    write(isTerminal ? "\r\u{1B}[K\(line)\n" : "kwalk: \(line)\n")
  }

  private func draw() {
    lock.lock()
    let step = current
    lock.unlock()
    guard let step else { return }
    write("\r\u{1B}[K\(step.title)… \(Int(Date().timeIntervalSince(step.start))) s")
  }

  private func write(_ s: String) {
    FileHandle.standardError.write(Data(s.utf8))
  }
}
