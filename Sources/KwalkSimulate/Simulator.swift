import KwalkCore
import KwalkGraph
import KwalkIndex

/// Walks a walkthrough's send leg and then its receive leg, hop by hop, and predicts the tracepoint events the
/// kernel prints, with the skb, queue and context state at each one.
///
/// The model: a function fires the watched `trace_*` sites the index found in it (and in the functions it calls on
/// the side) before or after its continuing call, by source position; events after the call print what the
/// function saved before handing the skb on (`net_dev_xmit` prints the length it had). The receive leg runs as the
/// NET_RX softirq where the send leg enables bottom halves again, on the sender's task; the backlog is scheduled
/// (and the softirq raised) only when it is not already. A TCP data segment provokes an ACK, sent from the softirq
/// through the send leg from its transport transmit function on, and processed by the same NAPI poll.
public struct Simulator {
  public let snapshot: IndexSnapshot
  public let send: PacketPath
  public let receive: PacketPath
  public let scenario: Scenario
  let sendFrames: [Frame]
  let receiveFrames: [Frame]

  public init(graph: CallGraph, paths: [PacketPath], scenario: Scenario) throws {
    guard let s = paths.first(where: { $0.direction == "send" }) else {
      throw SimulateError.missingLeg("send", walkthrough: scenario.walkthrough)
    }
    guard let r = paths.first(where: { $0.direction == "receive" }) else {
      throw SimulateError.missingLeg("receive", walkthrough: scenario.walkthrough)
    }
    snapshot = graph.snapshot
    send = s
    receive = r
    self.scenario = scenario
    let finder = EffectFinder(snapshot: graph.snapshot, events: Set(scenario.events))
    sendFrames = finder.frames(of: s)
    receiveFrames = finder.frames(of: r)
  }

  /// Runs the scenario.
  public func run() -> SimTrace {
    var run = SimRun(simulator: self)
    for i in 1...scenario.count {
      run.sendData(number: i)
    }
    return SimTrace(
      scenario: scenario, kernel: snapshot.version.description, send: send, receive: receive, skbs: run.skbs,
      events: run.events)
  }

  /// The send frame that raises NET_RX (the caller of the receive leg's softirq hop).
  var raiseFrame: Int? {
    guard let first = receive.hops.first, first.kind == .softirq else { return nil }
    return sendFrames.lastIndex { $0.id == first.callerID }
  }

  /// The send frame that pushes the transport header: where an ACK starts.
  var transportFrame: Int {
    sendFrames.firstIndex { $0.before.contains(.header(.transport, push: true)) } ?? 0
  }

  /// The receive frame that takes skbs off the backlog, one per turn of its loop.
  var loopFrame: Int {
    receiveFrames.firstIndex { f in
      f.before.contains { if case .queue(.dequeue) = $0 { return true } else { return false } }
    } ?? 0
  }

  /// The receive frame that asks whether a task holds the socket: a packet for a held socket goes no further in
  /// the softirq.
  var ownerCheckFrame: Int? {
    receiveFrames.firstIndex { $0.before.contains(.ownerCheck) || $0.after.contains(.ownerCheck) }
  }

  /// The headers no push on the send leg (from `start`) adds: they were built with the skb.
  func initialHeaders(from start: Int) -> Int {
    let pushed = Set(
      sendFrames[start...].flatMap(\.before).compactMap { e -> HeaderLayer? in
        if case .header(let l, true) = e { return l }
        return nil
      })
    return [HeaderLayer.transport, .network, .link].filter { !pushed.contains($0) }.map(size).reduce(0, +)
  }

  func size(_ layer: HeaderLayer) -> Int {
    switch layer {
    case .link: return scenario.headers.ethernet
    case .network: return scenario.networkHeader
    case .transport: return scenario.transportHeader
    }
  }

  /// A watched site named `event` anywhere in the index (for softirq entry and exit, which fire outside the path).
  func site(of event: String) -> TracepointSiteFact? {
    snapshot.tracepointsByCaller.values.flatMap { $0 }.filter { $0.event == event }.min { $0.location < $1.location }
  }
}
