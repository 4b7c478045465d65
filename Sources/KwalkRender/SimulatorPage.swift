import KwalkCore
import KwalkGraph
import KwalkSimulate

/// A walkthrough's simulation as a page: controls, the path's hops (list and Graphviz graph) with the current one
/// marked, the context and queues, and the event log so far, each event linked to its `trace_*` line. Without the
/// script it is a full listing; `assets/simulator.js` turns it into a stepper (buttons, ←/→, space, Home/End,
/// `#step=N`, and `#hop=send-17` from a walkthrough step, which lands on that hop's `data-event`).
struct SimulatorPage {
  let kernel: SiteModel.Kernel
  let simulation: SiteModel.Simulation
  var page: String { simulation.page }
  var trace: SimTrace { simulation.trace }
  /// The walkthrough the simulation follows, when the site has its pages.
  var walkthrough: SiteModel.Walkthrough? {
    kernel.walkthroughs.first { $0.spec.name == trace.scenario.walkthrough }
  }

  /// The whole page.
  func render() -> String {
    let s = trace.scenario
    let title = walkthrough?.spec.title ?? s.walkthrough
    let what = s.transport == .tcp ? "data segment and the ACK it provokes" : "datagram"
    let body: [HTMLNode] = [
      .tag("h1", [:], [.text("Simulator: \(title) "), .textTag("span", s.walkthrough, class: "direction")]),
      .tag(
        "p", class: "meta",
        [
          .text("Linux \(trace.kernel): \(s.count) × \(s.payload)-byte \(what), on "),
          .code("lo"), .text(". The events are those of the "), .code("trace_*"),
          .text(" sites the index found on the path, printed as "), .code("/sys/kernel/tracing/trace"),
          .text(" prints them; \(trace.events.count) events."),
        ]),
      controls(),
      .tag(
        "div", class: "sim",
        [
          .tag("section", class: "sim-state", state()),
          .tag("section", class: "sim-log", [.textTag("h2", "Event log"), events()]),
          .tag("section", class: "sim-path", SiteModel.Simulation.legs(of: trace).map(leg)),
        ]),
    ]
    return PageLayout.document(
      page: page, title: "Simulator: \(title) — Linux \(kernel.version)",
      crumbs: [("Linux \(kernel.version)", nil), ("simulator", nil), (s.walkthrough, nil)], body: body,
      scripts: [SitePaths.simulatorScript])
  }

  /// The buttons the script wires up, and the position it fills in.
  func controls() -> HTMLNode {
    let buttons = [("first", "« first"), ("prev", "← prev"), ("play", "play (space)"), ("next", "next →"),
      ("last", "last »")]
    return .tag(
      "nav", ["class": "sim-controls", "aria-label": "simulator controls"],
      buttons.map { act, text in .tag("button", ["type": "button", "data-act": act], [.text(text)]) } + [
        .tag("span", ["id": "position", "aria-live": "polite"], [.text("all \(trace.events.count) events")])
      ])
  }

  /// Context, device, skb and queues after the current event (the script fills them in).
  func state() -> [HTMLNode] {
    var rows: [HTMLNode] = [
      .textTag("dt", "context"), .tag("dd", [:], [.tag("b", ["id": "context"], [.text("process")])]),
      .textTag("dt", "device"), .tag("dd", [:], [.code("lo")]),
      .textTag("dt", "skb"), .tag("dd", ["id": "skb"], [.text("—")]),
    ]
    for q in SimQueues.names {
      rows += [.tag("dt", [:], [.code(q)]), .tag("dd", ["data-queue": q], [.text("(empty)")])]
    }
    return [.textTag("h2", "State"), .tag("dl", ["class": "facts", "id": "queues"], rows)]
  }

  /// One leg: its graph (nodes link to the walkthrough's steps) and its hops.
  func leg(_ path: PacketPath) -> HTMLNode {
    let direction = path.direction
    let walkPage = SitePaths.walkthrough(
      kernel: kernel.label, name: trace.scenario.walkthrough, direction: direction)
    let hasWalk = walkthrough?.legs.contains { $0.path.direction == direction } ?? false
    var parts: [HTMLNode] = [
      .tag(
        "h2", [:],
        [.text(direction + " ")]
          + (hasWalk ? [.link(SitePaths.relative(from: page, to: walkPage), "walkthrough page")] : []))
    ]
    var graph: [HTMLNode] = []
    if let svg = walkthrough?.legs.first(where: { $0.path.direction == direction })?.graphSVG {
      // Graphviz's links point at the walkthrough page's steps, which live on that page, not this one; its ids
      // (`node1`) would repeat between the two legs' pictures.
      let linked = svg.replacingOccurrences(
        of: "xlink:href=\"#", with: "xlink:href=\"\(SitePaths.relative(from: page, to: walkPage))#"
      ).replacingOccurrences(of: " id=\"", with: " id=\"\(direction)-")
      graph.append(
        .tag(
          "figure", ["class": "graph", "data-leg": direction], [.tag("div", class: "graph-scroll", [.trusted(linked)])]
        ))
    }
    var hops: [HTMLNode] = []
    if let first = path.hops.first, first.kind != .softirq {
      hops.append(hopItem(direction, -1, [.code(first.caller), .text(" (entry)")], function: first.caller))
    }
    for (i, h) in path.hops.enumerated() {
      var content: [HTMLNode] = [
        KindBadge.node(h.kind), .text(" "), .code(h.caller), .text(" → "), .tag("b", [:], [.code(h.callee)]),
        .text(" "), place(h.callsite.file, h.callsite.line),
      ]
      if hasWalk {
        content += [
          .text(" "),
          .link(
            SitePaths.relative(from: page, to: walkPage, fragment: SitePaths.stepAnchor(i + 1)), "step \(i + 1)",
            class: "step-link"),
        ]
      }
      hops.append(hopItem(direction, i, content, function: h.callee))
    }
    parts.append(.tag("div", class: "hops-scroll", [.tag("ol", ["class": "hops", "start": "1"], hops)]))
    return .tag("div", ["class": "sim-leg", "id": "leg-\(direction)"], parts + graph)
  }

  /// One hop of the list: its key as id, the function the graph marks, and the event a `#hop=` link lands on.
  func hopItem(_ direction: String, _ hop: Int, _ content: [HTMLNode], function: String) -> HTMLNode {
    let key = SiteModel.Simulation.hopKey(leg: direction, hop: hop)
    return .tag(
      "li",
      [
        "id": "hop-\(key)", "value": hop < 0 ? nil : String(hop + 1), "class": hop < 0 ? "entry" : nil,
        "data-fn": function, "data-event": String(simulation.landings[key] ?? -1),
      ], content)
  }

  /// Every event, in order: its ftrace line, its site, and the state after it as data attributes.
  func events() -> HTMLNode {
    let items = trace.events.map { ev -> HTMLNode in
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
      var content: [HTMLNode] = [.code(FtraceEncoder.line(ev).trimmingCharacters(in: .whitespaces))]
      if let site = ev.site {
        content += [.text(" — "), place(site.file, site.line), .text(" in "), .code(site.function)]
      }
      // Shown 1-based, like the walkthrough's steps; ids and keys stay 0-based.
      let step = ev.hop < 0 ? "entry" : "step \(ev.hop + 1)"
      content.append(.textTag("span", " (\(ev.leg) \(step): \(ev.function))", class: "fn"))
      return .tag(
        "li",
        [
          "id": "ev-\(ev.index)", "class": "ev \(ev.context.rawValue)", "data-name": ev.qualifiedName,
          "data-hop": SiteModel.Simulation.hopKey(leg: ev.leg, hop: ev.hop), "data-context": ev.context.rawValue,
          "data-skb": ev.skb, "data-queues": queues,
        ], content)
    }
    return .tag("ol", ["id": "events", "start": "1"], items)
  }

  /// A link to `file:line` on its source page, or plain text when the site has no page for it.
  func place(_ file: String, _ line: Int) -> HTMLNode { kernel.place(SourcePath(file), line, from: page) }
}
