import KwalkCore
import KwalkGraph
import KwalkIndex

/// Checks a walkthrough's counter window against what its legs predict (`LegObservations`, as `kwalk knobs` prints
/// them): each counter on a leg's main line moved once per packet that passed its step (by the bytes, for an
/// `OCTETS` counter), no drop counter of the path moved, and every other counter that moved is explained from the
/// index where it can be.
///
/// The packets come from the trace: each `net_dev_queue` on `lo` in the walkthrough's span is one packet (data,
/// ACK), with the stack it was sent from and the length `netif_receive_skb` gives it (the IP packet). On the
/// receive leg every packet passes every step; on the send leg a step is passed by the packets whose sending stack
/// shows its function (an ACK is sent from the receive path, not from `tcp_sendmsg`), or by every packet when no
/// stack shows the function (inlined).
public struct CounterChecker {
  public let join: ObservabilityJoin
  /// `ObservabilityJoin.increments()`, computed once.
  let increments: [String: [WatchedCounter]]

  public init(join: ObservabilityJoin) {
    self.join = join
    increments = join.increments()
  }

  /// One packet on `lo`.
  struct Packet {
    var address: String
    var sentFrom: [String]
    var length: Int64
  }

  /// The packets of a walkthrough's span, in order.
  static func packets(_ recorded: RecordedTrace, walkthrough: String) -> [Packet] {
    var out: [Packet] = []
    for r in recorded.records(of: walkthrough) where r.fields["dev"] == "lo" {
      guard let a = r.fields["skbaddr"] else { continue }
      if r.name == "net_dev_queue" { out.append(Packet(address: a, sentFrom: r.stack, length: 0)) }
      if r.name == "netif_receive_skb", let i = out.lastIndex(where: { $0.address == a }) {
        out[i].length = Int64(r.len ?? 0)
      }
    }
    return out
  }

  /// The checks of one walkthrough: predicted counters in leg order, then drop counters that moved, then the other
  /// counters that moved, by name.
  public func check(_ window: CounterWindow, recorded: RecordedTrace, legs: [PacketPath]) throws -> [CounterCheck] {
    let w = window.walkthrough
    let moved = try window.moved()
    let packets = Self.packets(recorded, walkthrough: w)
    let observations = legs.map { LegObservations(path: $0, join: join) }
    var out: [CounterCheck] = []
    // Per counter, the packets that pass each increment: a packet passes a site once, however many legs hold it
    // (icmp-echo's request and reply both leave through `ip_output`, on the send and the reply leg).
    var predicted: [String: (amount: Int64, counter: WatchedCounter, notes: [String], sites: [String: Set<Int>])] =
      [:]
    var order: [String] = []
    for leg in observations {
      for (c, step) in leg.mainLineCounters {
        let (passed, basis) = self.passed(c, direction: leg.direction, step: leg.steps.first { $0.step == step },
          packets: packets)
        let site = "\(c.at.file):\(c.at.line)"
        var note = "\(c.via) in \(c.function) at \(site) (\(leg.direction) step \(step)); \(basis)"
        if let earlier = predicted[c.name]?.sites[site] {
          note += "; \(passed.subtracting(earlier).count) not counted on an earlier leg"
        }
        if predicted[c.name] == nil { order.append(c.name) }
        predicted[c.name, default: (0, c, [], [:])].sites[site, default: []].formUnion(passed)
        predicted[c.name]?.notes.append(note)
      }
    }
    for name in order {
      guard var p = predicted[name] else { continue }
      let bytes = ObservabilityConventions.countsBytes(p.counter.counter)
      p.amount = p.sites.values.reduce(0) { sum, passed in
        sum + (bytes ? passed.map { packets[$0].length }.reduce(0, +) : Int64(passed.count))
      }
      let key = Self.key(p.counter)
      let m = key.flatMap { moved[$0] } ?? 0
      let status: CounterCheck.Status
      if key == nil {
        status = .unchecked
      } else if m == p.amount {
        status = .asPredicted
      } else if p.counter.file.hasSuffix("softnet_stat"), m >= p.amount {
        status = .machineWide
      } else if m == 0 {
        status = .notMoved
      } else if ObservabilityConventions.addsAmount(p.counter.via), m > 0 {
        status = .computedAmount
      } else {
        status = .differs
      }
      out.append(
        CounterCheck(walkthrough: w, name: name, file: p.counter.file, status: status, predicted: p.amount, moved: m,
          note: p.notes.joined(separator: "; ")))
    }
    // Drop counters of the path: none may move. Only those on a drop exit: one in a branch beside the drop (`Ip:
    // InDelivers` in the branch of `ip_protocol_deliver_rcu` that delivers) also counts packets that pass, and one
    // predicted on the main line was checked above.
    var drops: [String: (WatchedCounter, String)] = [:]
    for leg in observations {
      for s in leg.steps {
        for d in s.observations.drops {
          for c in d.counters where c.placement == .exit && predicted[c.name] == nil && drops[c.name] == nil {
            drops[c.name] = (c, "counts the drop at \(d.call) in \(d.function) at \(d.at.file):\(d.at.line)")
          }
        }
      }
    }
    for (name, (c, note)) in drops.sorted(by: { $0.key < $1.key }) {
      guard let key = Self.key(c), let m = moved[key], m != 0 else { continue }
      out.append(
        CounterCheck(walkthrough: w, name: name, file: c.file, status: .dropMoved, predicted: 0, moved: m, note: note))
    }
    // Everything else that moved.
    let named = Set(out.compactMap { c in predicted[c.name].flatMap { Self.key($0.counter) } })
      .union(drops.values.compactMap { Self.key($0.0) })
    for (key, m) in moved.sorted(by: { $0.key < $1.key }) where !named.contains(key) {
      out.append(
        CounterCheck(walkthrough: w, name: key, file: Self.file(ofKey: key), status: .unpredicted, predicted: nil,
          moved: m, note: explanation(key, observations: observations, legs: legs)))
    }
    return out
  }

  /// What a counter is called in a `CounterSnapshot`, or nil for one no snapshotted file shows.
  static func key(_ c: WatchedCounter) -> String? {
    if c.file.hasSuffix("softnet_stat") { return Int(c.key).map(CounterSnapshot.columnName) }
    return CounterSnapshot.files.contains(c.file) ? c.name : nil
  }

  /// The file a snapshot key comes from: snmp6's names have no `Heading: `.
  static func file(ofKey key: String) -> String {
    if key.hasPrefix("softnet_stat") { return "/proc/net/softnet_stat" }
    if !key.contains(": ") { return "/proc/net/snmp6" }
    return key.contains("Ext: ") ? "/proc/net/netstat" : "/proc/net/snmp"
  }

  /// Which packets (indices into `packets`) pass one main-line increment, and how that was worked out.
  func passed(_ c: WatchedCounter, direction: String, step: LegObservations.Step?, packets: [Packet])
    -> (Set<Int>, String)
  {
    var passed = Set(packets.indices)
    var basis = "every packet on lo (\(packets.count))"
    if direction == "send" || direction == "reply" {
      let names = Set([c.function, step?.function].compactMap { $0 })
      let through = packets.indices.filter { !names.isDisjoint(with: packets[$0].sentFrom) }
      if !through.isEmpty {
        passed = Set(through)
        basis = "packets sent through \(names.sorted().joined(separator: "/")) (\(passed.count) of \(packets.count))"
      }
    }
    let each = ObservabilityConventions.countsBytes(c.counter) ? ", their IP lengths summed" : ", once each"
    return (passed, basis + each)
  }

  /// Where the index has a counter that moved unpredicted: in a branch or on an exit of a step, or only in
  /// functions off the walkthrough's legs.
  func explanation(_ key: String, observations: [LegObservations], legs: [PacketPath]) -> String {
    for (leg, path) in zip(observations, legs) {
      for s in leg.steps {
        guard let c = s.observations.counters.first(where: { Self.key($0) == key }) else { continue }
        let place = "\(c.function) at \(c.at.file):\(c.at.line) (\(leg.direction) step \(s.step))"
        if let why = Self.besideOnwardCall(c, step: s, path: path, snapshot: join.snapshot) { return "in \(place), \(why)" }
        return "in a branch of \(place): the path does not say the branch is taken"
      }
    }
    let places = increments[key] ?? []
    guard !places.isEmpty else {
      if key.hasPrefix("softnet_stat") { return "machine-wide: other traffic on this machine moves it" }
      if !join.printsCounter(key) {
        let item = key.split(separator: " ").last.map(String.init) ?? key
        let elsewhere = join.names(ofItem: item)
        if !elsewhere.isEmpty {
          return "the index names it \(elsewhere.joined(separator: ", ")): the heading found for its table is not "
            + "the one the file prints"
        }
        let heading = key.range(of: ": ").map { String(key[..<$0.lowerBound]) } ?? ""
        if !join.printsHeading(heading) {
          return "no SNMP_MIB_ITEM table of the indexed kernel is printed "
            + (heading.isEmpty ? "as `Name value` lines" : "under \(heading)")
            + ": the file prints it another way, so the index cannot name its increments"
        }
        return "the indexed kernel prints no such counter: version gap (the running kernel has it)"
      }
      return "no increment of it in the indexed files"
    }
    let steps = Set(observations.flatMap { $0.steps.map(\.function) })
    if let onStep = places.first(where: { steps.contains($0.function) }) {
      return "in \(onStep.function) at \(onStep.at.file):\(onStep.at.line), a step of the path, "
        + "\(onStep.placement == .exit ? "on a drop exit" : "off its main line")"
    }
    let functions = places.map(\.function).reduce(into: [String]()) { if !$0.contains($1) { $0.append($1) } }
    if let beside = Self.calledBeside(Set(functions), legs: legs, snapshot: join.snapshot) { return beside }
    let shown = functions.prefix(4).joined(separator: ", ") + (functions.count > 4 ? ", …" : "")
    return "not on this walkthrough's legs: incremented in \(shown)"
  }

  /// A step that calls one of `functions` beside the path (in a branch or loop, or a function no hop follows):
  /// `tcp_write_xmit` calls `tcp_event_new_data_sent` in its sending loop.
  static func calledBeside(_ functions: Set<String>, legs: [PacketPath], snapshot: IndexSnapshot) -> String? {
    for path in legs {
      for (i, hop) in path.hops.enumerated() {
        for (id, name) in (i == 0 ? [(hop.callerID, hop.caller)] : []) + [(hop.calleeID, hop.callee)] {
          for call in snapshot.callsByCaller[id] ?? [] {
            guard case .function(_, let callee) = call.target, functions.contains(callee) else { continue }
            let how = call.placement == .mainLine ? "on its main line" : "in a \(call.placement == .exit ? "drop exit" : "branch or loop")"
            return "incremented in \(callee), which the \(path.direction) leg's \(name) calls \(how) at "
              + "\(call.location.path.value):\(call.location.line), beside the path (not a helper the step takes in)"
          }
        }
      }
    }
    return nil
  }

  /// Why a counter of a step's own function that the path leaves by a call in a branch is not predicted, when the
  /// index shows it: after that branch, or inside it before or after the call.
  static func besideOnwardCall(_ c: WatchedCounter, step: LegObservations.Step, path: PacketPath, snapshot: IndexSnapshot)
    -> String?
  {
    guard c.function == step.function, step.step < path.hops.count, path.hops[step.step].caller == step.function else {
      return nil
    }
    let onward = path.hops[step.step]
    let function = step.step == 0 ? onward.callerID : path.hops[step.step - 1].calleeID
    guard
      let raw = (snapshot.observations.countersByFunction[function] ?? []).first(where: {
        $0.location.path.value == c.at.file && $0.location.line == c.at.line
      }),
      let call = (snapshot.callsByCaller[function] ?? []).first(where: { $0.location == onward.callsiteLocation }),
      call.placement != .mainLine
    else { return nil }
    let line = onward.callsite.line
    if raw.placement == .mainLine, c.at.line > line {
      return "after the branch the path leaves \(step.function) by (its call of \(onward.callee) at line \(line)): "
        + "it runs only where that branch falls through, which the index does not say"
    }
    if raw.placement == .branch, c.at.line != line, raw.segment == call.guards.first?.location.line {
      return "in the branch the path leaves \(step.function) by (its call of \(onward.callee) at line \(line)), "
        + "\(c.at.line < line ? "before" : "after") that call: facts are placed by top-level statement only, so the "
        + "index cannot say it runs on the way"
    }
    return nil
  }
}
