import KwalkCore
import KwalkGraph

extension SimRun {
  /// Applies effects of one frame for the skb under the cursor.
  mutating func apply(_ effects: [FrameEffect], frame: Frame, cursor: Cursor, savedLen: Int?) {
    for e in effects {
      switch e {
      case .trace(let site, let function):
        // NET_RX raised again from the softirq only when the poll left work behind.
        if site.event == "softirq_raise", context == .softirq, cursor.skb == nil,
          queues.input_pkt_queue.isEmpty && queues.process_queue.isEmpty
        {
          continue
        }
        emit(site.system, site.event, cursor: cursor, frame: frame, len: savedLen ?? cursor.skb.flatMap { lens[$0] },
          site: SimSite(file: site.location.path.value, line: site.location.line, function: function))
      case .header(let layer, let push):
        guard let skb = cursor.skb else { continue }
        lens[skb, default: 0] += (push ? 1 : -1) * simulator.size(layer)
      case .queue(let op):
        guard let skb = cursor.skb else { continue }
        queue(op, skb: skb, frame: frame, leg: cursor.leg)
      case .socketLocked:
        if cursor.leg == simulator.send.direction { senderHoldsSocket = true }
      case .socketReleased:
        if cursor.leg == simulator.send.direction { releaseSocket() }
      case .bottomHalvesEnabled, .ownerCheck:
        continue
      }
    }
  }

  /// The queues each leg can touch: the sender's write queue and the backlog on send; the backlog and the
  /// receiver's queue on receive. Other operations found on the side belong to other branches.
  static let legQueues = [
    "send": ["sk_write_queue", "input_pkt_queue"], "receive": ["input_pkt_queue", "process_queue", "sk_receive_queue"],
  ]

  mutating func queue(_ op: QueueOperation, skb: String, frame: Frame, leg: String) {
    let allowed = Self.legQueues[simulator.role(of: leg)] ?? []
    switch op {
    case .enqueue(let q), .dequeue(let q): if !allowed.contains(q) { return }
    case .splice(let a, let b): if !allowed.contains(a) || !allowed.contains(b) { return }
    }
    switch op {
    case .enqueue(let q):
      // A segment without payload is consumed by the socket, never queued on it.
      if q == "sk_receive_queue", skbs.first(where: { $0.label == skb })?.payload == 0 { return }
      if !queues[q].contains(skb) { queues[q].append(skb) }
    case .dequeue(let q):
      // The loop splices the input queue into the process queue first when the process queue is empty.
      if queues[q].isEmpty {
        for case .queue(.splice(let from, let to)) in frame.before + frame.after where to == q {
          queues[to] += queues[from]
          queues[from] = []
        }
      }
      queues[q].removeAll { $0 == skb }
    case .splice(let from, let to):
      queues[to] += queues[from]
      queues[from] = []
    }
  }

  /// softirq_entry / softirq_exit, which the softirq core fires around NET_RX's handler.
  mutating func boundary(_ event: String) {
    let site = simulator.site(of: event)
    let frame = simulator.receiveFrames.first
    emit("irq", event, cursor: Cursor(skb: nil, leg: simulator.receive.direction), frame: frame, len: nil,
      site: site.map { SimSite(file: $0.location.path.value, line: $0.location.line, function: simulator.snapshot.functions[$0.caller]?.name ?? "") })
  }

  mutating func emit(_ system: String, _ name: String, cursor: Cursor, frame: Frame?, len: Int?, site: SimSite?) {
    let carriesSkb = SimFields.carriesSkb(system, name)
    let skb = carriesSkb ? cursor.skb : nil
    let address = skb.flatMap { s in skbs.first { $0.label == s }?.address } ?? ""
    let fields = SimFields.fields(
      name, address: address, len: carriesSkb ? len : nil, scenario: simulator.scenario, work: work)
    events.append(
      SimEvent(
        index: events.count, time: clock, system: system, name: name, fields: fields, context: context, task: task,
        pid: pid, cpu: 0, skb: skb, len: carriesSkb ? len : nil, leg: cursor.leg, hop: frame?.hop ?? -1,
        function: frame?.function ?? "", site: site, queues: queues))
    clock += 1
  }
}
