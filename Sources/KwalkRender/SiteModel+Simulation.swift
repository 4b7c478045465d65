import KwalkCore
import KwalkGraph
import KwalkSimulate
import KwalkTrace

extension SiteModel {
  /// One walkthrough's simulation as its page shows it: the trace and, for every hop, the event a link to that hop
  /// lands on.
  public struct Simulation: Sendable {
    /// Site-relative path of the page (`SitePaths.simulator`).
    public var page: String
    public var trace: SimTrace
    /// For each hop key (`send-17`, `send-entry`), the index of the event whose state a reader arriving at that hop
    /// sees; -1 means before the first event.
    public var landings: [String: Int]

    /// Computes `landings` from the trace alone: the first event fired at the hop; else the event just before the
    /// first event of a later hop (the legs in the walkthrough's order: send, receive, then a reply's two legs);
    /// else the first event of the hop furthest along that is not past it.
    public init(page: String, trace: SimTrace) {
      self.page = page
      self.trace = trace
      var landings: [String: Int] = [:]
      let legs = Self.legs(of: trace)
      let rank = Dictionary(legs.enumerated().map { ($1.direction, $0) }, uniquingKeysWith: { a, _ in a })
      let order = { (leg: String, hop: Int) in (rank[leg] ?? legs.count) * 1_000_000 + hop }
      let keys = trace.events.map { order($0.leg, $0.hop) }
      for path in legs {
        let leg = path.direction
        for hop in -1..<path.hops.count {
          let target = order(leg, hop)
          let landing: Int
          if let exact = keys.firstIndex(of: target) {
            landing = exact
          } else if let later = keys.firstIndex(where: { $0 > target }) {
            landing = later - 1
          } else if let best = keys.filter({ $0 < target }).max() {
            landing = keys.firstIndex(of: best) ?? -1
          } else {
            landing = -1
          }
          landings[Self.hopKey(leg: leg, hop: hop)] = landing
        }
      }
      self.landings = landings
    }

    /// The files holding the `trace_*` sites of the events, which the page links to.
    public var traceSiteFiles: [SourcePath] {
      Set(trace.events.compactMap { $0.site.map { SourcePath($0.file) } }).sorted()
    }

    /// `send-17`, or `send-entry` for the leg's first function.
    public static func hopKey(leg: String, hop: Int) -> String { hop < 0 ? "\(leg)-entry" : "\(leg)-\(hop)" }

    /// The legs a simulation walks, in order: send, receive, and the reply's legs when the receiver answers.
    public static func legs(of trace: SimTrace) -> [PacketPath] { [trace.send, trace.receive] + trace.replyLegs }
  }

  /// A `kwalk verify` report shown as a page of the site.
  public struct VerifyReport: Sendable {
    /// Site-relative path (`SitePaths.verifyReport`).
    public var page: String
    /// The kernel whose simulator was checked.
    public var kernelLabel: String
    public var report: TraceReport

    public init(page: String, kernelLabel: String, report: TraceReport) {
      self.page = page
      self.kernelLabel = kernelLabel
      self.report = report
    }
  }
}
