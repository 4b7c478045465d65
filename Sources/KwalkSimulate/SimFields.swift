/// The fields each watched event prints, in ftrace's order, for the values the model knows.
enum SimFields {
  /// Events whose format has `skbaddr` and `len` of the packet on `lo`: the `net` system's, but for the exits. The
  /// journey's other systems (`Scenario.journeySystems`) are modelled by name and context only.
  static func carriesSkb(_ system: String, _ event: String) -> Bool {
    system == "net" && !["napi_poll", "softirq_entry", "softirq_exit", "softirq_raise", "netif_rx_exit"].contains(event)
  }

  static func fields(_ event: String, address: String, len: Int?, scenario: Scenario, work: Int) -> [SimField] {
    let l = String(len ?? 0)
    switch event {
    case "sched_waking", "sched_wakeup":
      // The woken task: the reader, on the CPU the softirq runs on (the model has one).
      return [SimField("comm", SimRun.reader), SimField("pid", String(SimRun.readerPid)), SimField("prio", "120"),
        SimField("target_cpu", "000")]
    case "softirq_entry", "softirq_exit", "softirq_raise": return [SimField("vec", "3"), SimField("action", "NET_RX")]
    case "napi_poll":
      return [SimField("napi", "backlog"), SimField("dev_name", "(no_device)"), SimField("work", String(work)),
        SimField("budget", "64")]
    case "netif_rx_exit", "netif_receive_skb_exit": return [SimField("ret", "0")]
    case "net_dev_xmit": return [SimField("dev", "lo"), SimField("skbaddr", address), SimField("len", l), SimField("rc", "0")]
    case "net_dev_start_xmit":
      return [SimField("dev", "lo"), SimField("skbaddr", address), SimField("protocol", scenario.etherType),
        SimField("len", l), SimField("network_offset", String(scenario.headers.ethernet))]
    case "netif_rx_entry", "netif_receive_skb_entry":
      return [SimField("dev", "lo"), SimField("skbaddr", address), SimField("protocol", scenario.etherType),
        SimField("len", l)]
    default: return [SimField("dev", "lo"), SimField("skbaddr", address), SimField("len", l)]
    }
  }
}
