import ArgumentParser

/// `kwalk trace` (filled in below).
struct TraceCommand: ParsableCommand {
  static let configuration = CommandConfiguration(commandName: "trace", abstract: "Record a loopback trace.")
  func run() throws {}
}

/// `kwalk verify` (filled in below).
struct VerifyCommand: ParsableCommand {
  static let configuration = CommandConfiguration(commandName: "verify", abstract: "Verify the simulator.")
  func run() throws {}
}
