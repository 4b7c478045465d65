import ArgumentParser
import Foundation
import KwalkSimulate
import KwalkTrace

/// `kwalk trace`: records the watched tracepoints with stacks during a bounded loopback exchange.
struct TraceCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "trace",
    abstract: "Record a real trace of each walkthrough's traffic on 127.0.0.1 and ::1, with stacks (root; restores tracefs).")
  @Option(help: "Write the raw trace here (default: standard output).") var out: String?
  @Option(help: "Payload bytes per segment or datagram.") var payload: Int = 5
  @Option(help: "Segments or datagrams per socket.") var count: Int = 1
  @Flag(help: "Leave options/stacktrace off.") var noStacks = false
  @Option(help: "Record only this walkthrough's traffic (repeatable; default: every one kwalk trace knows).")
  var walkthrough: [String] = []

  func run() throws {
    try reportingErrors {
      let text = try LiveTrace.record(
        payload: payload, count: count, stacks: !noStacks, walkthroughs: walkthrough)
      if let out {
        try Data(text.utf8).write(to: URL(fileURLWithPath: out), options: .atomic)
        FileHandle.standardError.write(Data("kwalk: trace written to \(out)\n".utf8))
      } else {
        print(text, terminator: "")
      }
    }
  }
}
