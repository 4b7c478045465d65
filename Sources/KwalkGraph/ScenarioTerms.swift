/// The words a walkthrough's `[scenario]` may use, and what each says about the code: the one place where the
/// route finder's knowledge of kernel conventions lives (which config symbol, condition or callee belongs to a
/// feature). A term never names a route; it only lets the finder tell code that cannot run in the situation from
/// code that can. Every signal is matched against facts the index found (a call site's `#if` guards, the
/// conditions around it, its callee), so a renamed identifier simply stops matching; it never invents a hop.
public enum ScenarioTerms {
  /// The keys of a `[scenario]` section.
  public enum Aspect: String, CaseIterable, Hashable, Sendable {
    /// The address family of the traffic.
    case family
    /// The state of the sockets.
    case socket
    /// Where the traffic goes.
    case destination
    /// Features compiled in but not in use at run time.
    case inactive
  }

  /// The address families.
  public enum Family: String, Hashable, Sendable {
    case ipv4, ipv6

    /// The other one.
    var other: Family { self == .ipv4 ? .ipv6 : .ipv4 }
  }

  /// What marks code as belonging to a term.
  public enum Signal: Hashable, Sendable {
    /// The call sits inside `#if`/`#ifdef` of this config symbol.
    case config(String)
    /// The call runs only when a condition naming this identifier holds (`holds: true`) or fails (`false`).
    case condition(String, holds: Bool)
    /// The call is to this function.
    case callee(String)
  }

  /// One word of the vocabulary.
  public struct Term: Hashable, Sendable {
    public var name: String
    public var aspect: Aspect
    /// What it means, for a reader.
    public var meaning: String
    /// What code it rules out.
    public var signals: [Signal]
  }

  /// The vocabulary.
  public static let all: [Term] = [
    Term(name: "ipv4", aspect: .family, meaning: "IPv4 traffic: code marked as IPv6-only is not on the route", signals: []),
    Term(name: "ipv6", aspect: .family, meaning: "IPv6 traffic: code marked as IPv4-only is not on the route", signals: []),
    Term(
      name: "connected", aspect: .socket, meaning: "the sending socket is connected, so its route is cached",
      signals: [.condition("connected", holds: false)]),
    Term(
      name: "established", aspect: .socket,
      meaning: "the connection is established: no listening, handshake or time-wait code",
      signals: [
        .condition("TCP_LISTEN", holds: true), .condition("TCP_SYN_SENT", holds: true),
        .condition("TCP_SYN_RECV", holds: true), .condition("TCP_NEW_SYN_RECV", holds: true),
        .condition("TCP_TIME_WAIT", holds: true), .condition("TCP_ESTABLISHED", holds: false),
      ]),
    Term(
      name: "loopback", aspect: .destination,
      meaning: "the destination is a local unicast address on lo: no multicast or broadcast code",
      signals: [
        .condition("ipv6_addr_is_multicast", holds: true), .condition("ipv4_is_multicast", holds: true),
        .condition("RTCF_MULTICAST", holds: true), .condition("RTCF_BROADCAST", holds: true),
      ]),
    Term(
      name: "not-v4mapped", aspect: .destination,
      meaning: "an IPv6 destination that is not an IPv4-mapped address (::ffff:a.b.c.d)",
      signals: [.condition("ipv6_addr_v4mapped", holds: true)]),
    Term(
      name: "rps", aspect: .inactive, meaning: "receive packet steering is off: packets stay on the CPU that queued them",
      signals: [.config("CONFIG_RPS"), .condition("rps_needed", holds: true)]),
    Term(
      name: "netfilter-rules", aspect: .inactive, meaning: "no netfilter rules are loaded: the hooks find no entries",
      signals: [.condition("hook_head", holds: true), .callee("nf_hook_slow"), .callee("nf_hook_slow_list")]),
    Term(
      name: "bpf", aspect: .inactive, meaning: "no BPF programs are attached (cgroup, XDP, tc, socket filters)",
      signals: [
        .condition("cgroup_bpf_enabled", holds: true), .condition("generic_xdp_needed_key", holds: true),
        .condition("tcf_bypass_check", holds: false), .condition("tc_skip_classify", holds: false),
      ]),
    Term(
      name: "tc", aspect: .inactive, meaning: "no traffic-control filters or actions on the device's ingress or egress",
      signals: [.condition("egress_needed_key", holds: true), .condition("ingress_needed_key", holds: true),
        .condition("tcx_needed_key", holds: true)]),
    Term(
      name: "gso", aspect: .inactive, meaning: "the packets are small: no segmentation offload to undo",
      signals: [.condition("skb_is_gso", holds: true), .condition("netif_needs_gso", holds: true)]),
    Term(
      name: "cork", aspect: .inactive, meaning: "the socket is not corked and the sender does not pass MSG_MORE",
      signals: [.condition("corkreq", holds: true), .condition("MSG_MORE", holds: true)]),
    Term(
      name: "fastopen", aspect: .inactive,
      meaning: "the sender does not use TCP Fast Open (no data in the SYN, no connect deferred to the first write)",
      signals: [
        .condition("MSG_FASTOPEN", holds: true), .condition("fastopen_req", holds: true),
        .condition("defer_connect", holds: true),
      ]),
    Term(
      name: "packet-taps", aspect: .inactive, meaning: "no packet socket (tcpdump) listens on all devices",
      signals: [.condition("ptype_all", holds: true), .condition("dev_nit_active", holds: true)]),
    Term(
      name: "memory-pressure", aspect: .inactive,
      meaning: "the receiver keeps within its buffer and no memory reserve is in use: no pressure or reserve code",
      signals: [
        .condition("tcp_try_rmem_schedule", holds: true), .condition("sk_memalloc_socks", holds: true),
        .condition("skb_pfmemalloc", holds: true), .condition("sk_under_memory_pressure", holds: true),
      ]),
    Term(
      name: "hdrincl", aspect: .inactive,
      meaning: "a raw socket leaves the IP header to the kernel (IP_HDRINCL is off), as ping's ICMP socket does",
      signals: [.condition("hdrincl", holds: true)]),
    Term(
      name: "qdisc", aspect: .inactive, meaning: "the device has no queueing discipline (lo's noqueue)",
      signals: [.condition("enqueue", holds: true)]),
  ]

  /// The term `name` of `aspect`.
  public static func term(_ name: String, aspect: Aspect) -> Term? {
    all.first { $0.name == name && $0.aspect == aspect }
  }

  /// The family a function's name marks it as belonging to, by the kernel's naming habit (`ip6_output`,
  /// `tcp_v4_rcv`, `udpv6_sendmsg`, `ip_local_out`); nil for shared code (`tcp_sendmsg`, `dst_output`).
  public static func family(ofFunction name: String) -> Family? {
    let words = name.split(separator: "_").map { $0.lowercased() }
    guard let first = words.first else { return nil }
    // The family is the first word (`ip6_output`, `icmp_rcv`) or a `v4`/`v6` word (`tcp_v4_rcv`); a later `ip` is
    // something else (`__local_bh_enable_ip`: an instruction pointer).
    let v6First: Set<String> = ["ip6", "ipv6", "inet6", "icmpv6", "icmp6", "udp6", "udpv6", "tcp6", "raw6", "rawv6", "ping6"]
    let v4First: Set<String> = ["ip", "ipv4", "ip4", "inet4", "icmp", "udp4", "tcp4", "raw4", "ping4"]
    if v6First.contains(first) || words.contains("v6") || words.contains("ipv6") { return .ipv6 }
    if v4First.contains(first) || words.contains("v4") || words.contains("ipv4") { return .ipv4 }
    return nil
  }
}
