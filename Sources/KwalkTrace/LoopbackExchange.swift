import Foundation

#if canImport(Glibc)
  import Glibc
#endif

/// A bounded exchange over loopback only: for 127.0.0.1 and ::1, a TCP connection that writes `count` segments of
/// `payload` bytes (each read back before the next, so each is its own segment) and `count` UDP datagrams. Every
/// socket has a 2-second timeout; nothing leaves the machine.
public struct LoopbackExchange: Sendable {
  public var payload: Int
  public var count: Int

  public init(payload: Int, count: Int) {
    self.payload = payload
    self.count = count
  }

  /// Runs the exchange; `stop` is asked between steps and throws to end it early.
  public func run(stop: () throws -> Void = {}) throws {
    for v6 in [false, true] {
      try stop()
      try tcp(v6: v6, stop: stop)
      try stop()
      try udp(v6: v6, stop: stop)
    }
  }

  func tcp(v6: Bool, stop: () throws -> Void) throws {
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
    defer { close(server) }
    timeouts(server)
    let bytes = [UInt8](repeating: UInt8(ascii: "k"), count: payload)
    var buffer = [UInt8](repeating: 0, count: max(payload, 1) * 2)
    for _ in 0..<count {
      try stop()
      guard Glibc.send(client, bytes, bytes.count, 0) == bytes.count else { throw TraceError.exchange("send: \(errno)") }
      var got = 0
      while got < payload {
        let n = recv(server, &buffer, buffer.count, 0)
        guard n > 0 else { throw TraceError.exchange("recv timed out") }
        got += n
      }
    }
  }

  func udp(v6: Bool, stop: () throws -> Void) throws {
    let receiver = try socket(v6: v6, type: SOCK_DGRAM)
    defer { close(receiver) }
    try bind(receiver, v6: v6)
    let port = try localPort(receiver, v6: v6)
    let sender = try socket(v6: v6, type: SOCK_DGRAM)
    defer { close(sender) }
    try connect(sender, v6: v6, port: port)
    let bytes = [UInt8](repeating: UInt8(ascii: "k"), count: payload)
    var buffer = [UInt8](repeating: 0, count: max(payload, 1) * 2)
    for _ in 0..<count {
      try stop()
      guard Glibc.send(sender, bytes, bytes.count, 0) == bytes.count else { throw TraceError.exchange("sendto: \(errno)") }
      guard recv(receiver, &buffer, buffer.count, 0) >= 0 else { throw TraceError.exchange("recvfrom timed out") }
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
