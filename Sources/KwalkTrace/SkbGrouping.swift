import KwalkSimulate

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
      // An skb event names its device; one without (`kfree_skb`, `skb_copy_datagram_iovec`) is compared by name
      // and context, as the simulator models it.
      let address = r.fields["dev"] == nil ? nil : r.fields["skbaddr"]
      if address != nil, r.fields["dev"] != "lo" { return nil }
      return ObservedEvent(
        name: r.name, address: address, len: address == nil ? nil : r.len, softirq: r.inSoftirq, cpu: r.cpu,
        line: r.line)
    }
  }
}
