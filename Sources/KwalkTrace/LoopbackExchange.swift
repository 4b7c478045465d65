import Foundation

#if canImport(Glibc)
  import Glibc
#endif

/// The traffic of each walkthrough `kwalk trace` records, over loopback only: for 127.0.0.1 and ::1, a TCP
/// connection that writes `count` segments of `payload` bytes and `count` UDP datagrams; an ICMP echo request to
/// 127.0.0.1 (a raw socket, as root) and its reply. Each message is read by a `BlockedReader` that sleeps in
/// `recv()` before it is sent, so the receive ends in a real wake-up. Every socket has a 2-second timeout; nothing
/// leaves the machine.
public struct LoopbackExchange: Sendable {
  /// The walkthroughs whose traffic this exchange makes, in the order they run.
  public static let walkthroughs = ["tcp-ipv4", "udp-ipv4", "tcp-ipv6", "udp-ipv6", "icmp-echo"]

  public var payload: Int
  public var count: Int

  public init(payload: Int, count: Int) {
    self.payload = payload
    self.count = count
  }

  /// Runs every walkthrough's traffic; `stop` is asked between steps and throws to end it early.
  public func run(stop: () throws -> Void = {}) throws {
    for w in Self.walkthroughs { try run(walkthrough: w, mark: { _ in }, stop: stop) }
  }

  /// Runs one walkthrough's traffic. `mark` receives `kwalk: begin <w> tids=<sender>,<reader>` once the connection
  /// is set up and the reader waits, and `kwalk: end <w>` once every message was read, so a trace can attribute
  /// what lies between to the walkthrough (the handshake and the close lie outside).
  public func run(walkthrough: String, mark: (String) throws -> Void, stop: () throws -> Void = {}) throws {
    switch walkthrough {
    case "tcp-ipv4", "tcp-ipv6": try tcp(v6: walkthrough.hasSuffix("ipv6"), name: walkthrough, mark: mark, stop: stop)
    case "udp-ipv4", "udp-ipv6": try udp(v6: walkthrough.hasSuffix("ipv6"), name: walkthrough, mark: mark, stop: stop)
    case "icmp-echo": try icmpEcho(name: walkthrough, mark: mark, stop: stop)
    default:
      throw TraceError.exchange(
        "no traffic for walkthrough \(walkthrough) (known: \(Self.walkthroughs.joined(separator: ", ")))")
    }
  }

  /// Sends `count` messages, each once the reader sleeps in recv, between the walkthrough's markers.
  func exchange(
    name: String, reader: BlockedReader, mark: (String) throws -> Void, stop: () throws -> Void, send: () throws -> Void
  ) throws {
    try reader.waitUntilBlocked()
    try mark("kwalk: begin \(name) tids=\(BlockedReader.currentThreadID()),\(reader.tid)")
    for i in 0..<count {
      try stop()
      if i > 0 { try reader.waitUntilBlocked() }
      try send()
      try reader.waitForMessage()
    }
    try mark("kwalk: end \(name)")
  }

  func tcp(v6: Bool, name: String, mark: (String) throws -> Void, stop: () throws -> Void) throws {
    let listener = try socket(v6: v6, type: SOCK_STREAM)
    defer { close(listener) }
    var one: Int32 = 1
    setsockopt(listener, SOL_SOCKET, SO_REUSEADDR, &one, socklen_t(MemoryLayout<Int32>.size))
    try bind(listener, v6: v6)
    guard listen(listener, 1) == 0 else { throw TraceError.exchange("listen: \(errno)") }
    let port = try localPort(listener, v6: v6)
    let client = try socket(v6: v6, type: SOCK_STREAM)
    defer { close(client) }
    try connect(client, v6: v6, port: port)
    let server = accept(listener, nil, nil)
    guard server >= 0 else { throw TraceError.exchange("accept: \(errno)") }
    // shutdown wakes a reader still in recv; close alone would leave it there until its timeout.
    defer { shutdown(server, Int32(SHUT_RDWR)); close(server) }
    timeouts(server)
    let bytes = [UInt8](repeating: UInt8(ascii: "k"), count: payload)
    let reader = BlockedReader(fd: server, count: count, size: payload, stream: true)
    try exchange(name: name, reader: reader, mark: mark, stop: stop) {
      guard Glibc.send(client, bytes, bytes.count, 0) == bytes.count else { throw TraceError.exchange("send: \(errno)") }
    }
  }

  func udp(v6: Bool, name: String, mark: (String) throws -> Void, stop: () throws -> Void) throws {
    let receiver = try socket(v6: v6, type: SOCK_DGRAM)
    defer { shutdown(receiver, Int32(SHUT_RDWR)); close(receiver) }
    try bind(receiver, v6: v6)
    let port = try localPort(receiver, v6: v6)
    let sender = try socket(v6: v6, type: SOCK_DGRAM)
    defer { close(sender) }
    try connect(sender, v6: v6, port: port)
    let bytes = [UInt8](repeating: UInt8(ascii: "k"), count: payload)
    let reader = BlockedReader(fd: receiver, count: count, size: payload, stream: false)
    try exchange(name: name, reader: reader, mark: mark, stop: stop) {
      guard Glibc.send(sender, bytes, bytes.count, 0) == bytes.count else {
        throw TraceError.exchange("sendto: \(errno)")
      }
    }
  }

  /// One echo request to 127.0.0.1 per message on a raw ICMP socket (root); the kernel answers it and the reader
  /// reads the reply. `ICMP_FILTER` keeps every type but echo reply off the socket, so the reader is woken by the
  /// reply only (a raw socket otherwise also gets a copy of the request).
  func icmpEcho(name: String, mark: (String) throws -> Void, stop: () throws -> Void) throws {
    let fd = Glibc.socket(AF_INET, Int32(SOCK_RAW.rawValue), Int32(IPPROTO_ICMP))
    guard fd >= 0 else { throw TraceError.exchange("raw ICMP socket: \(String(cString: strerror(errno))) (needs root)") }
    defer { shutdown(fd, Int32(SHUT_RDWR)); close(fd) }
    timeouts(fd)
    var allowOnlyEchoReply = ~UInt32(1 << ICMPMessage.echoReply)
    setsockopt(fd, ICMPMessage.solRaw, ICMPMessage.icmpFilter, &allowOnlyEchoReply, socklen_t(MemoryLayout<UInt32>.size))
    try connect(fd, v6: false, port: 0)
    let id = UInt16(truncatingIfNeeded: getpid())
    let reader = BlockedReader(fd: fd, count: count, size: payload + 64, stream: false) { packet in
      ICMPMessage.isEchoReply(packet, id: id)
    }
    var sequence: UInt16 = 0
    try exchange(name: name, reader: reader, mark: mark, stop: stop) {
      sequence += 1
      let request = ICMPMessage.echoRequest(id: id, sequence: sequence, payload: payload)
      guard Glibc.send(fd, request, request.count, 0) == request.count else {
        throw TraceError.exchange("send echo request: \(errno)")
      }
    }
  }

  func socket(v6: Bool, type: __socket_type) throws -> Int32 {
    let fd = Glibc.socket(v6 ? AF_INET6 : AF_INET, Int32(type.rawValue), 0)
    guard fd >= 0 else { throw TraceError.exchange("socket: \(errno)") }
    timeouts(fd)
    return fd
  }

  func timeouts(_ fd: Int32) {
    var tv = timeval(tv_sec: 2, tv_usec: 0)
    setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &tv, socklen_t(MemoryLayout<timeval>.size))
    setsockopt(fd, SOL_SOCKET, SO_SNDTIMEO, &tv, socklen_t(MemoryLayout<timeval>.size))
  }

  func withAddress<T>(v6: Bool, port: UInt16, _ body: (UnsafePointer<sockaddr>, socklen_t) -> T) -> T {
    if v6 {
      var a = sockaddr_in6()
      a.sin6_family = sa_family_t(AF_INET6)
      a.sin6_port = port.bigEndian
      a.sin6_addr = in6addr_loopback
      return withUnsafePointer(to: &a) {
        $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { body($0, socklen_t(MemoryLayout<sockaddr_in6>.size)) }
      }
    }
    var a = sockaddr_in()
    a.sin_family = sa_family_t(AF_INET)
    a.sin_port = port.bigEndian
    a.sin_addr = in_addr(s_addr: UInt32(0x7f00_0001).bigEndian)
    return withUnsafePointer(to: &a) {
      $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { body($0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
    }
  }

  func bind(_ fd: Int32, v6: Bool) throws {
    guard withAddress(v6: v6, port: 0, { Glibc.bind(fd, $0, $1) }) == 0 else { throw TraceError.exchange("bind: \(errno)") }
  }

  func connect(_ fd: Int32, v6: Bool, port: UInt16) throws {
    guard withAddress(v6: v6, port: port, { Glibc.connect(fd, $0, $1) }) == 0 else {
      throw TraceError.exchange("connect: \(errno)")
    }
  }

  func localPort(_ fd: Int32, v6: Bool) throws -> UInt16 {
    var storage = sockaddr_storage()
    var len = socklen_t(MemoryLayout<sockaddr_storage>.size)
    let r = withUnsafeMutablePointer(to: &storage) {
      $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(fd, $0, &len) }
    }
    guard r == 0 else { throw TraceError.exchange("getsockname: \(errno)") }
    return withUnsafePointer(to: &storage) { p -> UInt16 in
      v6 ? p.withMemoryRebound(to: sockaddr_in6.self, capacity: 1) { UInt16(bigEndian: $0.pointee.sin6_port) }
        : p.withMemoryRebound(to: sockaddr_in.self, capacity: 1) { UInt16(bigEndian: $0.pointee.sin_port) }
    }
  }
}
