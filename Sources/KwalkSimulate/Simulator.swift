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
/// through the send leg from its transport transmit function on, and processed by the same NAPI poll. An ICMP echo
/// request is answered by the receiving kernel itself: where the receive leg ends, the reply leg starts, sends the
/// reply onto the backlog the softirq is polling, and the same poll takes it along the reply's receive leg.
public struct Simulator {
  public let snapshot: IndexSnapshot
  public let send: PacketPath
  public let receive: PacketPath
  /// A reply the receiver's kernel sends from the receive leg's exit (the echo reply `icmp_reply` sends) and the
  /// leg that receives it: the walkthrough's legs after the first two, when one starts where `receive` ends and the
  /// next is entered by a softirq. Nil for walkthroughs whose receiver answers through the send leg (TCP's ACK).
  public let reply: (send: PacketPath, receive: PacketPath)?
  public let scenario: Scenario
  let sendFrames: [Frame]
  let receiveFrames: [Frame]
  let replySendFrames: [Frame]
  let replyReceiveFrames: [Frame]

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
    reply = Self.replyLegs(paths, after: r)
    self.scenario = scenario
    let finder = EffectFinder(snapshot: graph.snapshot, events: Set(scenario.events))
    sendFrames = finder.frames(of: s)
    receiveFrames = finder.frames(of: r)
    replySendFrames = reply.map { finder.frames(of: $0.send) } ?? []
    replyReceiveFrames = reply.map { finder.frames(of: $0.receive) } ?? []
  }

  /// The reply's legs among `paths`: one that starts at `receive`'s last function, and the leg after it in the
  /// spec's order when a softirq enters it.
  static func replyLegs(_ paths: [PacketPath], after receive: PacketPath) -> (send: PacketPath, receive: PacketPath)? {
    guard let exit = receive.hops.last?.calleeID,
      let i = paths.firstIndex(where: { $0 != receive && $0.hops.first?.kind != .softirq && $0.hops.first?.callerID == exit }),
      i + 1 < paths.count, paths[i + 1].hops.first?.kind == .softirq
    else { return nil }
    return (paths[i], paths[i + 1])
  }

  /// What a leg does, by its name: `send` for the sending legs (the reply's too), `receive` for the others.
  func role(of leg: String) -> String {
    leg == send.direction || leg == reply?.send.direction ? "send" : "receive"
  }

  /// Runs the scenario.
  public func run() -> SimTrace {
    var run = SimRun(simulator: self)
    for i in 1...scenario.count {
      run.sendData(number: i)
    }
    return SimTrace(
      scenario: scenario, kernel: snapshot.version.description, send: send, receive: receive,
      replyLegs: reply.map { [$0.send, $0.receive] } ?? [], skbs: run.skbs, events: run.events)
  }

  /// The frames of one leg pair: the walkthrough's own (`reply` false) or its reply's.
  func frames(reply isReply: Bool) -> (send: [Frame], receive: [Frame]) {
    isReply ? (replySendFrames, replyReceiveFrames) : (sendFrames, receiveFrames)
  }

  /// The send frame that raises NET_RX (the caller of the receive leg's softirq hop).
  func raiseFrame(reply isReply: Bool) -> Int? {
    guard let first = (isReply ? reply?.receive : receive)?.hops.first, first.kind == .softirq else { return nil }
    return frames(reply: isReply).send.lastIndex { $0.id == first.callerID }
  }

  /// The send frame that pushes the transport header: where an ACK starts.
  var transportFrame: Int {
    sendFrames.firstIndex { $0.before.contains(.header(.transport, push: true)) } ?? 0
  }

  /// The receive frame that takes skbs off the backlog, one per turn of its loop.
  func loopFrame(reply isReply: Bool) -> Int {
    frames(reply: isReply).receive.firstIndex { f in
      f.before.contains { if case .queue(.dequeue) = $0 { return true } else { return false } }
    } ?? 0
  }

  /// The receive frame that asks whether a task holds the socket: a packet for a held socket goes no further in
  /// the softirq.
  var ownerCheckFrame: Int? {
    receiveFrames.firstIndex { $0.before.contains(.ownerCheck) || $0.after.contains(.ownerCheck) }
  }

  /// The headers no push on the send leg (from `start`) adds: they were built with the skb.
  func initialHeaders(from start: Int, reply isReply: Bool = false) -> Int {
    let pushed = Set(
      frames(reply: isReply).send[start...].flatMap(\.before).compactMap { e -> HeaderLayer? in
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
