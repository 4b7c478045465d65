extension SitePaths {
  /// `6.1/sim/tcp-ipv4.html`: the simulator page of one walkthrough.
  public static func simulator(kernel: String, name: String) -> String { "\(kernel)/sim/\(name).html" }

  /// `6.1/verify.html`: the report of `kwalk verify` against a recorded trace.
  public static func verifyReport(kernel: String) -> String { "\(kernel)/verify.html" }
  /// The counter part of the verify report as Markdown.
  public static func verifyCountersMarkdown(kernel: String) -> String { "markdown/\(kernel)/verify-counters.md" }

  /// `markdown/6.1/verify.md`: the same report as Markdown.
  public static func verifyMarkdown(kernel: String) -> String { "markdown/\(kernel)/verify.md" }

  /// The simulator page's script.
  public static let simulatorScript = "assets/simulator.js"
}
