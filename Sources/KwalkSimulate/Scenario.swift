import Foundation
import KwalkIndex

/// What the simulator sends: a walkthrough's protocols, a payload size, how many, and the tracepoints watched.
///
/// Header sizes and TCP options are wire-format facts (RFC 791, 8200, 793, 768, 7323, IEEE 802.3), not facts
/// about the kernel's path, so they are parameters of the model rather than something read from the index.
public struct Scenario: Hashable, Codable, Sendable {
  /// The transport protocol.
  public enum Transport: String, Codable, Sendable {
    /// One data segment and the ACK it provokes.
    case tcp
    /// One datagram.
    case udp
    /// One echo request, which the receiver's kernel answers with an echo reply.
    case icmp
  }

  /// The network protocol.
  public enum Network: String, Codable, Sendable {
    /// 127.0.0.1.
    case ipv4
    /// ::1.
    case ipv6
  }

  /// Header sizes in bytes, by layer.
  public struct Headers: Hashable, Codable, Sendable {
    public var ethernet = 14
    public var ipv4 = 20
    public var ipv6 = 40
    public var tcp = 20
    public var udp = 8
    /// The ICMP echo header: type, code, checksum, identifier, sequence (RFC 792).
    public var icmp = 8
    /// TCP options on an established connection: timestamps (10) padded by two NOPs.
    public var tcpOptions = 12
    public init() {}
  }

  public var walkthrough: String
  public var transport: Transport
  public var network: Network
  /// Payload bytes per data segment or datagram.
  public var payload: Int
  /// How many segments or datagrams.
  public var count: Int
  public var headers: Headers
  /// Tracepoints watched, as `system:event`: the ones `kwalk trace` enables.
  public var events: [String]

  /// The tracepoints both the simulator and `kwalk trace` use.
  public static let defaultEvents = [
    "irq:softirq_entry", "irq:softirq_exit", "irq:softirq_raise", "napi:napi_poll", "net:net_dev_queue",
    "net:net_dev_start_xmit", "net:net_dev_xmit", "net:netif_receive_skb", "net:netif_rx", "net:netif_rx_entry",
    "net:netif_rx_exit",
  ]

  /// The trace systems whose every event the whole journey may fire beside `defaultEvents`: the socket layer, the
  /// transports, the skb's life and the scheduler's wake-up of the reader.
  public static let journeySystems = ["sched", "skb", "sock", "tcp", "udp"]

  /// `defaultEvents` and every event of `journeySystems` the index has a `trace_*` site for, sorted.
  public static func journeyEvents(in snapshot: IndexSnapshot) -> [String] {
    let sites = snapshot.tracepointsByCaller.values.joined().filter { journeySystems.contains($0.system) }
    return Array(Set(defaultEvents + sites.map { "\($0.system):\($0.event)" })).sorted()
  }

  /// The walkthroughs named by their message rather than `<transport>-<network>`: `icmp-echo` is ping 127.0.0.1,
  /// an ICMP echo request over IPv4 (the ICMPv6 echo would be its own name).
  static let messageWalkthroughs: [String: (Transport, Network)] = ["icmp-echo": (.icmp, .ipv4)]

  /// A scenario for a walkthrough named `<transport>-<network>` (`tcp-ipv4`, `udp-ipv4`, `tcp-ipv6`, `udp-ipv6`)
  /// or `icmp-echo`. For ICMP, `payload` is the echo's data after its header.
  public init(walkthrough: String, payload: Int, count: Int = 1, events: [String] = Scenario.defaultEvents) throws {
    let parts = walkthrough.split(separator: "-").map(String.init)
    let named = Self.messageWalkthroughs[walkthrough]
    guard let t = named?.0 ?? (parts.count == 2 ? Transport(rawValue: parts[0]) : nil), t != .icmp || named != nil,
      let n = named?.1 ?? (parts.count == 2 ? Network(rawValue: parts[1]) : nil)
    else {
      throw SimulateError.unknownScenario(walkthrough)
    }
    guard payload >= 0, payload <= 1400 else { throw SimulateError.badParameter("--payload \(payload)", "0...1400") }
    guard count >= 1, count <= 64 else { throw SimulateError.badParameter("--count \(count)", "1...64") }
    self.walkthrough = walkthrough
    transport = t
    network = n
    self.payload = payload
    self.count = count
    headers = Headers()
    self.events = events.sorted()
  }

  /// The transport header with its options.
  public var transportHeader: Int {
    switch transport {
    case .tcp: return headers.tcp + headers.tcpOptions
    case .udp: return headers.udp
    case .icmp: return headers.icmp
    }
  }

  /// What the sender's skbs are called: `data`, `datagram`, `request`.
  public var sentKind: String {
    switch transport {
    case .tcp: return "data"
    case .udp: return "datagram"
    case .icmp: return "request"
    }
  }
  /// The network header.
  public var networkHeader: Int { network == .ipv4 ? headers.ipv4 : headers.ipv6 }
  /// The EtherType the events print (`protocol=0x0800`).
  public var etherType: String { network == .ipv4 ? "0x0800" : "0x86dd" }
}
