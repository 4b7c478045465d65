import KwalkSimulate

/// An skb's events: from `net_dev_queue` until its address is queued again, with the address-less events (softirq,
/// napi_poll, netif_rx_exit) that follow its events on the same CPU.
public struct SkbEvents: Hashable, Sendable {
  public var address: String
  public var events: [ObservedEvent]
}
