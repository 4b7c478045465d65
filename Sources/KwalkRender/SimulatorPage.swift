import KwalkGraph
import KwalkSimulate

/// A page that steps and plays through a simulation: the path's hops with the current one marked, the context,
/// the queues and the event log so far, each event linked to its `trace_*` line. Works without the script as a
/// full listing; `assets/simulator.js` turns it into a stepper (buttons, ←/→, space, Home/End, `#step=N`,
/// `#hop=send-17`).
public enum SimulatorPage {
  /// Where the page of a simulation goes.
  public static func path(for trace: SimTrace) -> String { "simulator/\(trace.scenario.walkthrough).html" }

  /// The pages of `traces` and their two assets.
  public static func files(_ traces: [SimTrace]) -> [RenderedFile] {
    traces.map { RenderedFile(path(for: $0), render($0)) } + [
      RenderedFile("assets/simulator.js", SimulatorAssets.script), RenderedFile("assets/simulator.css", SimulatorAssets.style),
    ]
  }

  public static func render(_ trace: SimTrace) -> String {
    let e = SimulatorHTML.escape
    let s = trace.scenario
    var body = "<header><h1>Simulator: \(e(s.walkthrough)) on Linux \(e(trace.kernel))</h1>\n"
    body += "<p>\(s.count) × \(s.payload)-byte payload; events of the <code>trace_*</code> sites on the path, as "
      + "<code>/sys/kernel/tracing/trace</code> prints them.</p>\n"
    body += "<nav class=\"controls\"><button data-act=\"first\">first</button><button data-act=\"prev\">← prev</button>"
      + "<button data-act=\"play\">play (space)</button><button data-act=\"next\">next →</button>"
      + "<button data-act=\"last\">last</button> <span id=\"position\"></span></nav></header>\n"
    body += "<main>\n<section class=\"path\"><h2>Path</h2>\n"
    for leg in [trace.send, trace.receive] {
      body += "<h3>\(e(leg.direction))</h3>\n<ol class=\"hops\">\n"
      if let first = leg.hops.first, first.kind != .softirq {
        body += "<li class=\"entry\" id=\"hop-\(e(leg.direction))-entry\">\(e(first.caller))</li>\n"
      }
      for (i, h) in leg.hops.enumerated() {
        body += "<li value=\"\(i)\" id=\"hop-\(e(leg.direction))-\(i)\"><span class=\"kind\">\(e(h.kind.rawValue))</span> "
          + "\(e(h.caller)) → <b>\(e(h.callee))</b> "
          + SimulatorHTML.sourceLink(file: h.callsite.file, line: h.callsite.line, text: "\(h.callsite.file):\(h.callsite.line)")
          + "</li>\n"
      }
      body += "</ol>\n"
    }
    body += "</section>\n<section class=\"state\"><h2>State</h2>\n<p>Context: <b id=\"context\">process</b></p>\n"
    body += "<p>Device: <b>lo</b></p>\n<dl id=\"queues\">\n"
    for q in SimQueues.names { body += "<dt>\(e(q))</dt><dd data-queue=\"\(e(q))\"></dd>\n" }
    body += "</dl>\n</section>\n<section class=\"log\"><h2>Events</h2>\n<ol id=\"events\" start=\"0\">\n"
    for ev in trace.events { body += eventItem(ev) }
    body += "</ol>\n</section>\n</main>\n"
    return SimulatorHTML.layout(
      title: "kwalk simulator: \(s.walkthrough)", css: "../assets/simulator.css", script: "../assets/simulator.js",
      body: body)
  }

  /// One event: its ftrace line, its site and the state after it, as data attributes the script reads.
  static func eventItem(_ ev: SimEvent) -> String {
    let e = SimulatorHTML.escape
    let hop = ev.hop < 0 ? "\(ev.leg)-entry" : "\(ev.leg)-\(ev.hop)"
    let queues = SimQueues.names.map { q -> String in
      let items: [String]
      switch q {
      case "sk_write_queue": items = ev.queues.sk_write_queue
      case "input_pkt_queue": items = ev.queues.input_pkt_queue
      case "process_queue": items = ev.queues.process_queue
      default: items = ev.queues.sk_receive_queue
      }
      return "\(q)=\(items.joined(separator: ","))"
    }.joined(separator: ";")
    var out = "<li id=\"ev-\(ev.index)\" class=\"ev \(e(ev.context.rawValue))\" data-hop=\"\(e(hop))\" "
      + "data-context=\"\(e(ev.context.rawValue))\" data-queues=\"\(e(queues))\">"
      + "<code>\(e(FtraceEncoder.line(ev).trimmingCharacters(in: .whitespaces)))</code> "
    if let site = ev.site {
      out += "— " + SimulatorHTML.sourceLink(file: site.file, line: site.line, text: "\(site.file):\(site.line)")
        + " in \(e(site.function))"
    }
    return out + " <span class=\"fn\">(\(e(ev.leg)) hop \(ev.hop < 0 ? "entry" : String(ev.hop)): \(e(ev.function)))</span></li>\n"
  }
}
