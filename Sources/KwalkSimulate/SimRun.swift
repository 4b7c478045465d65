import KwalkCore
import KwalkGraph

/// The mutable state of one simulation: clock, queues, context and the events so far.
struct SimRun {
  let simulator: Simulator
  var events: [SimEvent] = []
  var skbs: [SimSkb] = []
  var queues = SimQueues()
  var context = SimContext.process
  var backlogScheduled = false
  var softirqPending = false
  /// The sender holds its socket (between `lock_sock` and `release_sock` on the send leg).
  var senderHoldsSocket = false
  /// Replies that reached the sender's socket while it was held, waiting for `release_sock`.
  var socketBacklog: [String] = []
  var work = 0
  var clock = 1_000_000
  var lens: [String: Int] = [:]
  let task = "kwalk"
  let pid = 4242
  /// The task asleep in `recvfrom` that the receive leg's wake-up wakes (the scheduler's events name it).
  static let reader = "kwalk-reader"
  static let readerPid = 4243

  init(simulator: Simulator) { self.simulator = simulator }

  /// The current skb on a leg (the leg's name: `send`, `reply-receive`).
  struct Cursor {
    var skb: String?
    var leg: String
  }

  /// Whether `skb` travels the reply's legs (the echo reply the receiving kernel sent).
  func travelsReply(_ skb: String) -> Bool {
    simulator.reply != nil && skbs.first { $0.label == skb }?.kind == "reply"
  }

  mutating func newSkb(kind: String, number: Int, payload: Int) -> String {
    let label = "\(kind)#\(number)"
    let address = String(0xffff_8880_0400_0000 + UInt64(skbs.count + 1) * 0x100, radix: 16)
    skbs.append(SimSkb(label: label, kind: kind, address: String(repeating: "0", count: 16 - address.count) + address,
      payload: payload))
    return label
  }

  /// A process writes one segment or datagram.
  mutating func sendData(number: Int) {
    let s = simulator.scenario
    let label = newSkb(kind: s.sentKind, number: number, payload: s.payload)
    lens[label] = s.payload + simulator.initialHeaders(from: 0)
    sendLeg(label, from: 0)
  }

  /// Walks the send leg from frame `start`: effects before each continuing call on the way down, after it on the
  /// way back up. Stops at the raising frame's callee when the backlog is already scheduled.
  mutating func sendLeg(_ skb: String, from start: Int) {
    let isReply = travelsReply(skb)
    let frames = simulator.frames(reply: isReply).send
    let raise = simulator.raiseFrame(reply: isReply)
    let leg = isReply ? simulator.reply?.send.direction ?? "reply" : simulator.send.direction
    var saved: [Int: Int] = [:]
    var deepest = start
    for i in start..<frames.count {
      if let r = raise, i == r + 1 {
        if backlogScheduled { break }
        backlogScheduled = true
        softirqPending = true
      }
      apply(frames[i].before, frame: frames[i], cursor: Cursor(skb: skb, leg: leg), savedLen: nil)
      saved[i] = lens[skb]
      deepest = i
    }
    for i in stride(from: deepest, through: start, by: -1) {
      for e in frames[i].after {
        if e == .bottomHalvesEnabled {
          if context == .process && softirqPending { runSoftirq() }
          continue
        }
        apply([e], frame: frames[i], cursor: Cursor(skb: skb, leg: leg), savedLen: saved[i])
      }
    }
    if context == .process && softirqPending { runSoftirq() }
  }

  /// NET_RX on the sender's task: poll the backlog until it is empty. Each skb goes along its own receive leg
  /// (the reply's for the echo reply) from the loop on.
  mutating func runSoftirq() {
    let frames = simulator.receiveFrames
    let loop = simulator.loopFrame(reply: false)
    let leg = simulator.receive.direction
    softirqPending = false
    context = .softirq
    boundary("softirq_entry")
    work = 0
    for i in 0..<loop { apply(frames[i].before, frame: frames[i], cursor: Cursor(skb: nil, leg: leg), savedLen: nil) }
    while let next = queues.process_queue.first ?? queues.input_pkt_queue.first {
      let isReply = travelsReply(next)
      let frames = simulator.frames(reply: isReply).receive
      let loop = simulator.loopFrame(reply: isReply)
      let cursor = Cursor(skb: next, leg: isReply ? simulator.reply?.receive.direction ?? leg : leg)
      // A reply goes to the sender's socket; while the sender holds it, the reply stops at the owner check.
      let held = senderHoldsSocket && isAck(next) ? simulator.ownerCheckFrame.flatMap { $0 >= loop ? $0 : nil } : nil
      let last = held ?? lastFrame(for: next)
      // The receive leg's last function is the reply leg's first: the reply leg walks it, answering there.
      let answers = held == nil && !isReply && simulator.reply != nil
      var saved: [Int: Int] = [:]
      for i in loop...last where !(answers && i == last) {
        apply(before(i, for: next), frame: frames[i], cursor: cursor, savedLen: nil)
        saved[i] = lens[next]
      }
      if held == nil { react(to: next) } else { socketBacklog.append(next) }
      if last > loop {
        for i in stride(from: last, through: loop + 1, by: -1) {
          apply(after(i, for: next), frame: frames[i], cursor: cursor, savedLen: saved[i])
        }
      }
      work += 1
    }
    for i in stride(from: loop, through: 0, by: -1) {
      apply(frames[i].after, frame: frames[i], cursor: Cursor(skb: nil, leg: leg), savedLen: nil)
    }
    boundary("softirq_exit")
    backlogScheduled = false
    context = .process
  }

  /// The last receive frame `skb` reaches. A segment without payload is consumed by the transport where data
  /// would be queued on the socket (the last receive frame that enqueues on `sk_receive_queue` before handing on;
  /// an enqueue after the handing-on belongs to another protocol's branch): it stops there, before the enqueue,
  /// and never reaches the wake-up.
  func lastFrame(for skb: String) -> Int {
    bareSegmentStop(skb) ?? simulator.frames(reply: travelsReply(skb)).receive.count - 1
  }

  /// The frame where a segment without payload stops, or nil for one with payload.
  func bareSegmentStop(_ skb: String) -> Int? {
    guard skbs.first(where: { $0.label == skb })?.payload == 0, !travelsReply(skb) else { return nil }
    return simulator.receiveFrames.lastIndex { f in f.before.contains(Self.socketEnqueue) }
  }

  static let socketEnqueue = FrameEffect.queue(.enqueue("sk_receive_queue"))

  /// Frame `i`'s effects before its continuing call for `skb`: up to the socket enqueue where a bare segment stops.
  func before(_ i: Int, for skb: String) -> [FrameEffect] {
    let effects = simulator.frames(reply: travelsReply(skb)).receive[i].before
    guard bareSegmentStop(skb) == i, let cut = effects.firstIndex(of: Self.socketEnqueue) else { return effects }
    return Array(effects[..<cut])
  }

  /// Frame `i`'s effects after its continuing call for `skb`: none where a bare segment stopped.
  func after(_ i: Int, for skb: String) -> [FrameEffect] {
    bareSegmentStop(skb) == i ? [] : simulator.frames(reply: travelsReply(skb)).receive[i].after
  }

  /// Whether `skb` is an ACK to one the scenario sent, and so travels to the sender's socket.
  func isAck(_ skb: String) -> Bool {
    skbs.first { $0.label == skb }?.kind == "ack"
  }

  /// The sender releases its socket: the replies that waited go on from the function after the owner check, in
  /// process context, as `release_sock` runs the socket's backlog.
  mutating func releaseSocket() {
    senderHoldsSocket = false
    guard let check = simulator.ownerCheckFrame else { return }
    let frames = simulator.receiveFrames
    while !socketBacklog.isEmpty {
      let skb = socketBacklog.removeFirst()
      let cursor = Cursor(skb: skb, leg: simulator.receive.direction)
      var saved: [Int: Int] = [:]
      let last = lastFrame(for: skb)
      guard last > check else {
        react(to: skb)
        continue
      }
      for i in (check + 1)...last {
        apply(before(i, for: skb), frame: frames[i], cursor: cursor, savedLen: nil)
        saved[i] = lens[skb]
      }
      react(to: skb)
      for i in stride(from: last, through: check + 1, by: -1) {
        apply(after(i, for: skb), frame: frames[i], cursor: cursor, savedLen: saved[i])
      }
    }
  }

  /// What the receiver does once an skb is delivered: TCP data is answered by an ACK; an ACK frees the data it
  /// acknowledges from the sender's write queue; an echo request is answered by a reply along the reply's legs,
  /// the same size (the reply carries the request's data back).
  mutating func react(to skb: String) {
    guard let sent = skbs.first(where: { $0.label == skb }) else { return }
    let kind = sent.kind
    if simulator.scenario.transport == .icmp, kind == "request", simulator.reply != nil {
      let number = skb.split(separator: "#").last.map(String.init) ?? "1"
      let reply = newSkb(kind: "reply", number: Int(number) ?? 1, payload: sent.payload)
      lens[reply] = sent.payload + simulator.initialHeaders(from: 0, reply: true)
      sendLeg(reply, from: 0)
      return
    }
    guard simulator.scenario.transport == .tcp else { return }
    if kind == "data" {
      let number = skb.split(separator: "#").last.map(String.init) ?? "1"
      let ack = newSkb(kind: "ack", number: Int(number) ?? 1, payload: 0)
      let start = simulator.transportFrame
      lens[ack] = simulator.initialHeaders(from: start)
      sendLeg(ack, from: start)
    } else if kind == "ack" {
      let number = skb.split(separator: "#").last.map(String.init) ?? "1"
      queues.sk_write_queue.removeAll { $0 == "data#\(number)" }
    }
  }
}
