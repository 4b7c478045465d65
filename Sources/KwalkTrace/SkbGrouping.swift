import KwalkSimulate

/// One event reduced to what simulated and recorded events share.
public struct ObservedEvent: Hashable, Sendable {
  public var name: String
  public var address: String?
  public var len: Int?
  public var softirq: Bool
  public var cpu: Int
  /// Line in the trace file, for recorded events.
  public var line: Int?

  /// `net_dev_queue len=71 softirq`.
  public var summary: String {
    "\(name)\(len.map { " len=\($0)" } ?? "") \(softirq ? "softirq" : "process")"
  }
}

/// An skb's events: from `net_dev_queue` until its address is queued again, with the address-less events (softirq,
/// napi_poll, netif_rx_exit) that follow its events on the same CPU.
public struct SkbEvents: Hashable, Sendable {
  public var address: String
  public var events: [ObservedEvent]
}

/// Groups events per skb the same way for the simulator and the kernel, so the two can be compared.
public enum SkbGrouping {
  public static func group(_ events: [ObservedEvent]) -> [SkbEvents] {
    var groups: [SkbEvents] = []
    var open: [String: Int] = [:]
    var current: [Int: Int] = [:]
    for e in events {
      if let a = e.address {
        if e.name == "net_dev_queue" || open[a] == nil {
          groups.append(SkbEvents(address: a, events: []))
          open[a] = groups.count - 1
        }
        let g = open[a]!
        groups[g].events.append(e)
        current[e.cpu] = g
      } else if let g = current[e.cpu] {
        groups[g].events.append(e)
      }
    }
    return groups
  }

  /// Simulated events as observed ones.
  public static func observed(_ trace: SimTrace) -> [ObservedEvent] {
    let address = Dictionary(uniqueKeysWithValues: trace.skbs.map { ($0.label, $0.address) })
    return trace.events.map {
      ObservedEvent(
        name: $0.name, address: $0.skb.flatMap { address[$0] }, len: $0.len, softirq: $0.context == .softirq,
        cpu: $0.cpu, line: nil)
    }
  }

  /// Recorded events of the watched names, keeping skb events on `lo` only.
  public static func observed(_ trace: RecordedTrace, watched: Set<String>) -> [ObservedEvent] {
    trace.records.compactMap { r in
      guard watched.contains(r.name) else { return nil }
      let address = r.fields["skbaddr"]
      if address != nil, r.fields["dev"] != "lo" { return nil }
      return ObservedEvent(
        name: r.name, address: address, len: address == nil ? nil : r.len, softirq: r.inSoftirq, cpu: r.cpu,
        line: r.line)
    }
  }
}
