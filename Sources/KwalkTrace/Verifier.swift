import KwalkCore
import KwalkGraph
import KwalkIndex
import KwalkSimulate

/// Compares a recorded trace with simulations of the indexed kernel: per skb, the events, their order, lens and
/// contexts; per recorded stack, each caller→callee frame pair against chains of edges in the call graph.
public struct Verifier {
  public let graph: CallGraph
  /// `uname -r` of the kernel that produced the trace.
  public var runningKernel: String
  /// Event names the running kernel has (`available_events`), when known: a simulated event it lacks is a
  /// version gap, not a disagreement.
  public var availableEvents: Set<String>?
  /// Which of the given function names the indexed tree mentions at all (source text, not only indexed files).
  public var namesInTree: ([String]) -> Set<String>
  /// Longest chain of edges searched between two adjacent frames.
  public var maxDepth = 6

  public init(
    graph: CallGraph, runningKernel: String, availableEvents: Set<String>?, namesInTree: @escaping ([String]) -> Set<String>
  ) {
    self.graph = graph
    self.runningKernel = runningKernel
    self.availableEvents = availableEvents
    self.namesInTree = namesInTree
  }

  /// Checks `simulations` per skb and the stacks per frame pair. With `paths` (each walkthrough's legs), the trace
  /// must carry stacks, and each walkthrough's stacks, as its markers attribute them, are checked against its path;
  /// each simulation is then compared with its own walkthrough's records when the trace marks them.
  public func verify(recorded: RecordedTrace, simulations: [SimTrace], paths: [String: [PacketPath]] = [:]) throws
    -> TraceReport
  {
    if !paths.isEmpty, !recorded.records.contains(where: { !$0.stack.isEmpty }) {
      throw TraceError.noStacks(recorded.source)
    }
    // Every default event is compared; of the journey's other events, those the simulations predict somewhere. An
    // event none predicts (a `consume_skb` from the deferred-free flush, when the reader frees the skb on another
    // CPU in time) is listed as unpredicted rather than compared: whether it fires is a race, not a route.
    let names = { (events: [String]) in Set(events.map { String($0.split(separator: ":").last ?? "") }) }
    let watched = names(Scenario.defaultEvents).union(simulations.flatMap { $0.events.map(\.name) })
    let offered = names(simulations.flatMap(\.scenario.events)).subtracting(watched)
    let observed = SkbGrouping.observed(recorded, watched: watched)
    guard observed.contains(where: { $0.address != nil }) else { throw TraceError.noLoopbackEvents(recorded.source) }
    // One pool of recorded skbs per walkthrough when the trace marks them, else one for all.
    var pools: [String: [SkbEvents]] = ["": SkbGrouping.group(observed)]
    for w in Set(recorded.spans.map(\.walkthrough)) {
      var part = recorded
      part.records = recorded.records(of: w, withoutReader: true)
      pools[w] = SkbGrouping.group(SkbGrouping.observed(part, watched: watched))
    }
    var used: [String: Set<Int>] = [:]
    var checks: [TraceReport.SkbCheck] = []
    for sim in simulations {
      let w = sim.scenario.walkthrough
      let pool = pools[w] == nil ? "" : w
      let labels = Dictionary(uniqueKeysWithValues: sim.skbs.map { ($0.address, $0.label) })
      for g in SkbGrouping.group(SkbGrouping.observed(sim)) {
        var (check, index) = compare(g, label: labels[g.address] ?? g.address, walkthrough: w,
          recorded: pools[pool] ?? [], used: used[pool] ?? [])
        if let index {
          used[pool, default: []].insert(index)
          if let elsewhere = Self.wakeupElsewhere(check, skb: pools[pool]![index], in: recorded) {
            check.status = .wokenElsewhere
            check.differences.append(elsewhere)
          }
        }
        checks.append(check)
      }
    }
    let counted = recorded.spans.isEmpty ? [""] : Array(Set(recorded.spans.map(\.walkthrough)))
    let recordedSkbs = counted.map { pools[$0]?.count ?? 0 }.reduce(0, +)
    var report = TraceReport(
      runningKernel: runningKernel, indexedKernel: graph.snapshot.version.description, traceSource: recorded.source,
      skbs: checks, pairs: StackChecker(verifier: self).check(recorded),
      unmodelledSkbs: recordedSkbs - counted.map { used[$0]?.count ?? 0 }.reduce(0, +), recordedSkbs: recordedSkbs)
    for w in Set(recorded.spans.map(\.walkthrough)) {
      for r in recorded.records(of: w, withoutReader: true) where offered.contains(r.name) {
        report.unpredictedEvents[r.name, default: 0] += 1
      }
      for r in recorded.readerRecords(of: w) { report.readerEvents[r.name, default: 0] += 1 }
    }
    for (w, legs) in paths.sorted(by: { $0.key < $1.key }) {
      guard recorded.spans.contains(where: { $0.walkthrough == w }) else {
        report.unchecked.append("\(w): the trace marks no traffic of it (record with kwalk trace)")
        continue
      }
      let checker = PathChecker(walkthrough: w, legs: legs, snapshot: graph.snapshot)
      // The reader's own system call after the wake-up is off the path; its records are reported in `readerEvents`.
      report.walkthroughs.append(checker.check(recorded.records(of: w, withoutReader: true), namesInTree: namesInTree))
    }
    report.counters = try checkCounters(recorded, paths: paths)
    return report
  }

  /// Each walkthrough's counter window against its legs (none when the trace has no windows or no legs are given).
  public func checkCounters(_ recorded: RecordedTrace, paths: [String: [PacketPath]]) throws -> [CounterCheck] {
    guard !recorded.counters.isEmpty, !paths.isEmpty else { return [] }
    let checker = CounterChecker(join: ObservabilityJoin(snapshot: graph.snapshot))
    var out: [CounterCheck] = []
    for window in recorded.counters.sorted(by: { $0.walkthrough < $1.walkthrough }) {
      guard let legs = paths[window.walkthrough] else { continue }
      out += try checker.check(window, recorded: recorded, legs: legs)
    }
    return out
  }

  /// The closest recorded skb that starts with the same event and len; among equals, one not yet compared (so
  /// the second segment is compared with the second recorded segment).
  func compare(_ sim: SkbEvents, label: String, walkthrough: String, recorded: [SkbEvents], used: Set<Int>)
    -> (TraceReport.SkbCheck, Int?)
  {
    let expected = sim.events.map(\.summary)
    var check = TraceReport.SkbCheck(
      walkthrough: walkthrough, skb: label, status: .missing, expected: expected, recorded: [], recordedAddress: nil,
      recordedLine: nil, differences: [])
    guard let first = sim.events.first else { return (check, nil) }
    var best: (Int, Int, [String])?
    let order = recorded.indices.filter { !used.contains($0) } + recorded.indices.filter { used.contains($0) }
    for i in order {
      let r = recorded[i]
      guard let f = r.events.first, f.name == first.name, f.len == first.len else { continue }
      let diff = Alignment.differences(expected, r.events.map(\.summary))
      if best == nil || diff.count < best!.1 { best = (i, diff.count, diff) }
      if diff.isEmpty { break }
    }
    guard let (index, _, diff) = best else {
      check.differences = ["no recorded skb on lo starts with \(first.summary)"]
      return (check, nil)
    }
    let r = recorded[index]
    check.recorded = r.events.map(\.summary)
    check.recordedAddress = r.address
    check.recordedLine = r.events.first?.line
    check.differences = diff
    if diff.isEmpty {
      check.status = .matched
    } else if diff.allSatisfy(isVersionGap) {
      check.status = .versionGap
    } else {
      check.status = .differs
    }
    return (check, index)
  }
}

extension Verifier {
  /// When `check` differs only by missing `sched_wakeup` events and the task its recorded `sched_waking` names
  /// has a `sched_wakeup` later in the trace on another CPU: where that one is, as a line for the report.
  static func wakeupElsewhere(_ check: TraceReport.SkbCheck, skb: SkbEvents, in recorded: RecordedTrace) -> String? {
    guard check.status == .differs, !check.differences.isEmpty,
      check.differences.allSatisfy({ $0.hasPrefix("- sched_wakeup ") }),
      let wakingLine = skb.events.first(where: { $0.name == "sched_waking" })?.line,
      let waking = recorded.records.first(where: { $0.line == wakingLine }), let task = waking.fields["pid"],
      let wakeup = recorded.records.first(where: {
        $0.name == "sched_wakeup" && $0.line > wakingLine && $0.fields["pid"] == task && $0.cpu != waking.cpu
      })
    else { return nil }
    return "  sched_wakeup of pid \(task) on CPU \(wakeup.cpu) at line \(wakeup.line)"
      + (wakeup.inSoftirq ? "" : ", outside a softirq") + ": woken on another CPU than the waker's \(waking.cpu)"
  }

  /// A difference the version gap explains: a simulated event the running kernel does not have, or a recorded
  /// event whose tracepoint the indexed kernel has nowhere.
  func isVersionGap(_ line: String) -> Bool {
    let name = String(line.dropFirst(2).prefix { $0 != " " })
    if line.hasPrefix("- ") { return availableEvents.map { !$0.contains(name) } ?? false }
    return !graph.snapshot.tracepointsByCaller.values.contains { $0.contains { $0.event == name } }
  }
}
