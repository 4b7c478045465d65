import KwalkCore

/// The layer of a header.
public enum HeaderLayer: String, Hashable, Sendable {
  /// Ethernet, pushed by the neighbour output and pulled by `eth_type_trans`.
  case link
  /// IPv4 or IPv6.
  case network
  /// TCP (with options) or UDP.
  case transport
}
