import ArgumentParser
import Foundation
import KwalkSimulate
import KwalkTrace

/// Runs a trace session on this machine.
enum LiveTrace {
  /// Records each walkthrough's traffic (every one `LoopbackExchange` makes when `walkthroughs` is empty).
  static func record(payload: Int, count: Int, stacks: Bool = true, walkthroughs: [String] = []) throws -> String {
    guard (1...1400).contains(payload), (1...16).contains(count) else {
      throw ValidationFailure("--payload must be 1...1400 and --count 1...16 (a bounded exchange)")
    }
    let known = LoopbackExchange.walkthroughs
    if let unknown = walkthroughs.first(where: { !known.contains($0) }) {
      throw ValidationFailure("kwalk trace has no traffic for \(unknown): it records \(known.joined(separator: ", "))")
    }
    let session = TraceSession(events: JourneyEvents.recorded, stacks: stacks)
    let marker = "kwalk payload=\(payload) count=\(count) release=\(release())"
    let text = try session.record(
      exchange: LoopbackExchange(payload: payload, count: count), walkthroughs: walkthroughs.isEmpty ? known : walkthroughs,
      marker: marker)
    for n in session.notes { FileHandle.standardError.write(Data("kwalk: \(n)\n".utf8)) }
    return text
  }

  /// `uname -r`.
  static func release() -> String {
    var u = utsname()
    uname(&u)
    return withUnsafeBytes(of: &u.release) { String(decoding: $0.prefix { $0 != 0 }, as: UTF8.self) }
  }

  /// Event names this kernel offers, from tracefs.
  static func availableEvents() -> Set<String>? {
    guard let text = try? TraceSession.read("/sys/kernel/tracing/available_events") else { return nil }
    let names = Set(text.split(separator: "\n").compactMap { $0.split(separator: ":").last.map(String.init) })
    return names.isEmpty ? nil : names
  }
}
