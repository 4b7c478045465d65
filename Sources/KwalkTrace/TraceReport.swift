/// What `kwalk verify` found: simulated skbs against recorded ones, and recorded stacks against the call graph.
public struct TraceReport: Hashable, Codable, Sendable {
  /// How a simulated skb compares with the recorded skbs of the same kind.
  public enum SkbStatus: String, Codable, Sendable {
    /// A recorded skb shows the same events, in order, with the same lens and contexts.
    case matched
    /// The closest recorded skb differs in events the running kernel does not have (version gap).
    case versionGap
    /// The closest recorded skb differs only in the wake-up's `sched_wakeup`, which the trace shows for the same
    /// task later on another CPU: the waker sent the wake-up to the sleeper's CPU, where it ran from an interrupt
    /// rather than in this softirq. A real branch of the wake-up the simulator does not take; not a disagreement.
    case wokenElsewhere
    /// The closest recorded skb differs.
    case differs
    /// No recorded skb starts like it.
    case missing
  }

  /// One simulated skb and its closest recorded counterpart.
  public struct SkbCheck: Hashable, Codable, Sendable {
    public var walkthrough: String
    public var skb: String
    public var status: SkbStatus
    /// `net_dev_queue len=71 process`, one per event.
    public var expected: [String]
    public var recorded: [String]
    /// The recorded skb's address and first line in the trace file.
    public var recordedAddress: String?
    public var recordedLine: Int?
    /// `- expected` / `+ recorded` lines where they differ.
    public var differences: [String]

    public init(
      walkthrough: String, skb: String, status: SkbStatus, expected: [String], recorded: [String],
      recordedAddress: String?, recordedLine: Int?, differences: [String]
    ) {
      self.walkthrough = walkthrough
      self.skb = skb
      self.status = status
      self.expected = expected
      self.recorded = recorded
      self.recordedAddress = recordedAddress
      self.recordedLine = recordedLine
      self.differences = differences
    }
  }

  /// How an adjacent caller→callee pair of a recorded stack relates to the static graph.
  public enum PairStatus: String, Codable, Sendable {
    /// A chain of call edges joins them (inlined functions may sit between).
    case explained
    /// A function the index does not define: its calls are not known (entry code, syscalls).
    case outsideIndex
    /// A function the indexed tree does not have, or no chain where the running kernel's code differs.
    case versionGap
    /// Both functions are indexed in the same version and no chain joins them.
    case disagreement
  }

  /// One distinct frame pair.
  public struct PairCheck: Hashable, Codable, Sendable {
    public var caller: String
    public var callee: String
    public var status: PairStatus
    /// The chain found, caller first.
    public var chain: [String]
    public var reason: String
    /// How many recorded stacks hold the pair.
    public var occurrences: Int

    public init(caller: String, callee: String, status: PairStatus, chain: [String], reason: String, occurrences: Int) {
      self.caller = caller
      self.callee = callee
      self.status = status
      self.chain = chain
      self.reason = reason
      self.occurrences = occurrences
    }
  }

  public var runningKernel: String
  public var indexedKernel: String
  public var traceSource: String
  public var skbs: [SkbCheck]
  public var pairs: [PairCheck]
  /// Recorded loopback skbs that no simulated skb was compared with (handshake, FIN, …).
  public var unmodelledSkbs: Int
  /// Recorded loopback skbs in all.
  public var recordedSkbs: Int
  /// Each walkthrough's recorded stacks against its path (empty for a trace without walkthrough markers).
  public var walkthroughs: [PathCheck] = []
  /// Events of the recorded walkthroughs that the index has but no simulation predicts, with how often they fired:
  /// not compared (`Verifier.verify` says why).
  public var unpredictedEvents: [String: Int] = [:]
  /// What the woken reader printed in its own system call after the wake-up (copying the data out of the socket,
  /// `sock_recv_length`), with how often: the journey ends at the wake-up, so these are off every path and not
  /// compared, but reported.
  public var readerEvents: [String: Int] = [:]
  /// Walkthroughs checked against the graph but not the path, and why (no span in the trace).
  public var unchecked: [String] = []
  /// Each walkthrough's counters against its legs (empty for a trace without counter snapshots).
  public var counters: [CounterCheck] = []

  public init(
    runningKernel: String, indexedKernel: String, traceSource: String, skbs: [SkbCheck], pairs: [PairCheck],
    unmodelledSkbs: Int, recordedSkbs: Int
  ) {
    self.runningKernel = runningKernel
    self.indexedKernel = indexedKernel
    self.traceSource = traceSource
    self.skbs = skbs
    self.pairs = pairs
    self.unmodelledSkbs = unmodelledSkbs
    self.recordedSkbs = recordedSkbs
  }

  /// Disagreements not explained by the version gap: what makes `kwalk verify` fail.
  public var realDisagreements: Int {
    skbs.filter { $0.status == .differs || $0.status == .missing }.count
      + pairs.filter { $0.status == .disagreement }.count
      + walkthroughs.map { $0.count(.inconsistent) }.reduce(0, +)
  }

  /// Counters that did not move as the path predicts, or drop counters that moved: what makes
  /// `kwalk verify --counters` fail.
  public var counterDisagreements: Int { counters.filter(\.isDisagreement).count }

  /// `counters 11 as predicted, …; `, or nothing without counter snapshots.
  var counterSummary: String {
    guard !counters.isEmpty else { return "" }
    let shown: [CounterCheck.Status] = [.asPredicted, .machineWide, .computedAmount, .differs, .notMoved, .dropMoved,
      .unpredicted]
    return "counters " + shown.map { s in "\(counters.filter { $0.status == s }.count) \(s.label)" }
      .joined(separator: ", ") + "; "
  }

  /// `stacks on the path 40 consistent, 0 inconsistent, 2 version gap, 9 outside; `, or nothing without paths.
  var pathSummary: String {
    guard !walkthroughs.isEmpty else { return "" }
    func n(_ s: PathCheck.StackStatus) -> Int { walkthroughs.map { $0.count(s) }.reduce(0, +) }
    return "stacks on the path \(n(.consistent)) consistent, \(n(.inconsistent)) inconsistent, "
      + "\(n(.versionGap)) version gap, \(n(.outside)) outside; "
  }

  /// The closing line of counts.
  public var summary: String {
    func n(_ s: SkbStatus) -> Int { skbs.filter { $0.status == s }.count }
    func p(_ s: PairStatus) -> Int { pairs.filter { $0.status == s }.count }
    return "verify: skbs \(n(.matched)) matched, \(n(.wokenElsewhere)) woken on another CPU, "
      + "\(n(.versionGap)) version gap, \(n(.differs)) differ, "
      + "\(n(.missing)) missing (\(unmodelledSkbs) of \(recordedSkbs) recorded not modelled); stack pairs "
      + "\(p(.explained)) explained, \(p(.outsideIndex)) outside the index, \(p(.versionGap)) version gap, "
      + "\(p(.disagreement)) disagree; " + pathSummary + counterSummary + "real disagreements: \(realDisagreements)"
  }
}
