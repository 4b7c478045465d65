import Foundation
import KwalkCore
import KwalkTestSupport
import Testing

/// `kwalk site` for the real 6.1 tree, opened page by page in headless Chromium.
@Suite(.serialized) struct SiteBrowserTests {
  /// Runs the built kwalk and returns its status and standard output; its last error line is recorded on failure.
  func kwalk(_ arguments: [String]) throws -> (Int32, String) {
    let p = Process()
    p.executableURL = URL(fileURLWithPath: Fixtures.repository + "/.build/debug/kwalk")
    p.arguments = arguments
    let out = Pipe()
    let errFile = FileManager.default.temporaryDirectory.appendingPathComponent("kwalk-err-\(UUID().uuidString)")
    _ = FileManager.default.createFile(atPath: errFile.path, contents: nil)
    defer { try? FileManager.default.removeItem(at: errFile) }
    p.standardOutput = out
    p.standardError = try FileHandle(forWritingTo: errFile)
    try p.run()
    let data = out.fileHandleForReading.readDataToEndOfFile()
    p.waitUntilExit()
    if p.terminationStatus != 0 {
      let err = (try? String(contentsOf: errFile, encoding: .utf8)) ?? ""
      Issue.record("kwalk \(arguments.joined(separator: " ")): \(err.split(separator: "\n").suffix(3))")
    }
    return (p.terminationStatus, String(decoding: data, as: UTF8.self))
  }

  /// Every file under `root`, site-relative, sorted.
  func files(under root: String) -> [String] {
    let e = FileManager.default.enumerator(atPath: root)
    var out: [String] = []
    while let f = e?.nextObject() as? String {
      var dir: ObjCBool = false
      if FileManager.default.fileExists(atPath: root + "/" + f, isDirectory: &dir), !dir.boolValue { out.append(f) }
    }
    return out.sorted()
  }

  @Test func everyPageLoadsAndEveryLinkResolves() throws {
    let browser = try #require(Chromium(), "chromium is not installed: apt-get install chromium")
    let root = FileManager.default.temporaryDirectory.appendingPathComponent("kwalk-site-\(UUID().uuidString)").path
    defer { try? FileManager.default.removeItem(atPath: root) }
    // With a recorded trace, so the verify report page is among the pages checked.
    let arguments = [
      "site", "--kernel", "6.1", "--out", root, "--annotations", Fixtures.repository + "/Annotations", "--trace",
      Fixtures.tree("traces") + "/tcp-ipv4-stacks.trace",
    ]
    let (status, printed) = try kwalk(arguments)
    #expect(status == 0)
    let all = files(under: root)
    let pages = all.filter { $0.hasSuffix(".html") }
    #expect(printed == "wrote \(pages.count) pages (\(all.count) files) to \(root)\n", "\(printed)")
    for w in ["tcp-ipv4/send", "tcp-ipv4/receive", "udp-ipv4/send", "tcp-ipv6/receive"] {
      #expect(pages.contains("6.1/walk/\(w).html"))
    }
    #expect(
      pages.contains("6.1/source/net/core/dev.c.html") && pages.contains("6.1/source/drivers/net/loopback.c.html"))
    // The annotation drift report, whose rows the notes on the steps link to.
    #expect(pages.contains("annotations.html"))
    for w in ["tcp-ipv4", "tcp-ipv6", "udp-ipv4"] { #expect(pages.contains("6.1/sim/\(w).html")) }
    #expect(pages.contains("6.1/verify.html") && all.contains("assets/simulator.js"))
    // The verify report as Markdown beside the page.
    #expect(all.contains("markdown/6.1/verify.md"))

    // Two browsers at a time.
    let outcomes = ParallelWork.map(count: pages.count, workers: 2) { i in try browser.visit(root + "/" + pages[i]) }
    var visits: [String: Chromium.Visit] = [:]
    var failures: [String] = []
    for (page, outcome) in zip(pages, outcomes) {
      switch outcome {
      case .success(let v): visits[page] = v
      case .failure(let error): failures.append("\(page): \(error)")
      }
    }
    #expect(failures.isEmpty, "\(failures)")

    var ids: [String: Set<String>] = [:]
    for (page, v) in visits { ids[page] = Set(DOMScan.values(of: "id", in: v.dom)) }
    var checked = 0
    for page in pages {
      let v = try #require(visits[page])
      #expect(v.status == 0, "\(page): chromium exited \(v.status)")
      #expect(v.console.isEmpty, "\(page): \(v.console.prefix(3))")
      #expect(v.dom.contains("</main>"), "\(page) did not load")
      let base = URL(fileURLWithPath: root + "/" + page)
      for href in DOMScan.values(of: "href", in: v.dom) + DOMScan.values(of: "xlink:href", in: v.dom) {
        #expect(!href.hasPrefix("/") && !href.contains("://"), "\(page): \(href) is not a relative link")
        let parts = href.split(separator: "#", maxSplits: 1, omittingEmptySubsequences: false).map(String.init)
        let target: String
        if parts[0].isEmpty {
          target = page
        } else {
          let url = URL(fileURLWithPath: parts[0], relativeTo: base.deletingLastPathComponent()).standardizedFileURL
          guard url.path.hasPrefix(root + "/") else {
            Issue.record("\(page): \(href) leaves the site")
            continue
          }
          target = String(url.path.dropFirst(root.count + 1))
        }
        guard all.contains(target) else {
          Issue.record("\(page): \(href) points at a missing file \(target)")
          continue
        }
        // A fragment with `=` is read by a page's script: the simulator's `#hop=send-3` selects `#hop-send-3`.
        if parts.count == 2, target.hasSuffix(".html"), parts[1].hasPrefix("hop=") {
          let id = "hop-" + parts[1].dropFirst(4)
          #expect(ids[target]?.contains(id) == true, "\(page): \(href) names no hop")
        } else if parts.count == 2, target.hasSuffix(".html"), !parts[1].contains("=") {
          #expect(ids[target]?.contains(parts[1]) == true, "\(page): \(href) names no element")
        }
        checked += 1
      }
    }
    #expect(checked > 1000, "only \(checked) links checked")

    // The graph: Graphviz's SVG is in the page, one linked node per function, and the first node links to step 1.
    let send = try #require(visits["6.1/walk/tcp-ipv4/send.html"]).dom
    #expect(send.contains("<figure class=\"graph\">") && send.contains("<svg"))
    #expect(send.contains("class=\"node fn\"") && DOMScan.values(of: "xlink:href", in: send).contains("#step-1"))
    #expect(send.contains("class=\"kind kind-pointer\"") && send.contains("class=\"note status-"))

    try checkSimulator(root: root, visits: visits, browser: browser)

    // The verify page shows the path check: this trace marks no walkthrough's traffic, so each is listed as not
    // checked, as the text report says.
    let verify = try #require(visits["6.1/verify.html"]).dom
    #expect(verify.contains("Recorded stacks against each walkthrough's path"))
    #expect(verify.contains("<li>tcp-ipv4: the trace marks no traffic of it (record with kwalk trace)</li>"))

    // A second run finds nothing changed and writes nothing. With a page gone, a third renders everything again,
    // to the same bytes.
    let before = try all.map { try Data(contentsOf: URL(fileURLWithPath: root + "/" + $0)) }
    let (again, said) = try kwalk(arguments)
    #expect(again == 0 && said.hasSuffix("is up to date: \(pages.count) pages (\(all.count) files), nothing changed since it was written\n"), "\(said)")
    try FileManager.default.removeItem(atPath: root + "/index.html")
    let (third, redone) = try kwalk(arguments)
    #expect(third == 0 && redone.hasPrefix("wrote ") && files(under: root) == all)
    for (f, data) in zip(all, before) {
      #expect((try? Data(contentsOf: URL(fileURLWithPath: root + "/" + f))) == data, "\(f) changed on a later run")
    }

    let artifacts = Fixtures.repository + "/.build/artifacts"
    try FileManager.default.createDirectory(atPath: artifacts, withIntermediateDirectories: true)
    let png = artifacts + "/tcp-ipv4-send.png"
    try? FileManager.default.removeItem(atPath: png)
    #expect(try browser.screenshot(root + "/6.1/walk/tcp-ipv4/send.html", to: png) == 0)
    let size = (try? FileManager.default.attributesOfItem(atPath: png)[.size] as? Int) ?? 0
    #expect(size > 20_000, "screenshot \(png) is \(size) bytes")
  }

  /// The simulator page after its script ran: it shows the first event, and a walkthrough step's link lands on its
  /// hop, marked in the list and on the graph, with the event log up to that hop's state.
  func checkSimulator(root: String, visits: [String: Chromium.Visit], browser: Chromium) throws {
    let sim = try #require(visits["6.1/sim/tcp-ipv4.html"]).dom
    // The script filled the position and marked the first event; the later ones wait.
    #expect(sim.contains("<span id=\"position\" aria-live=\"polite\">event 1 of "), "\(sim.prefix(2000))")
    #expect(sim.contains("<li id=\"ev-0\" class=\"ev process current\""))
    #expect(sim.contains("<li id=\"ev-1\" class=\"ev process future\""))
    #expect(sim.contains("class=\"node fn current\""), "the graph marks the current function")
    #expect(sim.contains("<svg") && sim.contains("<figure class=\"graph\" data-leg=\"receive\">"))
    // Each event names the line of its trace_* call on a source page.
    let eventLinks = DOMScan.values(of: "href", in: sim).filter { $0.hasPrefix("../source/") }
    #expect(eventLinks.contains { $0.hasPrefix("../source/net/core/dev.c.html#L") })

    // Step 19 of the send walk: its link lands on hop 18 of the send leg.
    let send = try #require(visits["6.1/walk/tcp-ipv4/send.html"]).dom
    let link = try #require(DOMScan.values(of: "href", in: send).first { $0.hasSuffix("#hop=send-18") })
    #expect(link == "../../sim/tcp-ipv4.html#hop=send-18")
    let landed = try browser.visit(root + "/6.1/sim/tcp-ipv4.html", fragment: "hop=send-18").dom
    let hop = try #require(landed.range(of: "<li id=\"hop-send-18\""))
    let tag = landed[hop.lowerBound...].prefix { $0 != ">" }
    #expect(tag.contains("class=\"current\""), "\(tag)")
    let event = try #require(Int(DOMScan.values(of: "data-event", in: String(tag)).first ?? ""))
    if event >= 0 {
      #expect(landed.contains("<li id=\"ev-\(event)\" class=\"ev process current\""))
      #expect(!landed.contains("<li id=\"ev-\(event + 1)\" class=\"ev process current\""))
    }
    #expect(landed.contains("class=\"node fn current\""))
  }
}
