import Foundation
import KwalkTestSupport
import Testing

/// `kwalk site` for the real 6.1 tree, opened page by page in headless Chromium.
@Suite(.serialized) struct SiteBrowserTests {
  /// Runs the built kwalk and returns its status and standard output.
  func kwalk(_ arguments: [String]) throws -> (Int32, String) {
    let p = Process()
    p.executableURL = URL(fileURLWithPath: Fixtures.repository + "/.build/debug/kwalk")
    p.arguments = arguments
    let out = Pipe()
    p.standardOutput = out
    p.standardError = FileHandle.nullDevice
    try p.run()
    let data = out.fileHandleForReading.readDataToEndOfFile()
    p.waitUntilExit()
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
    let (status, printed) = try kwalk(
      ["site", "--kernel", "6.1", "--out", root, "--annotations", Fixtures.repository + "/Annotations"])
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

    // Two browsers at a time.
    var visits: [String: Chromium.Visit] = [:]
    var failures: [String] = []
    let lock = NSLock()
    var next = 0
    DispatchQueue.concurrentPerform(iterations: 2) { _ in
      while true {
        lock.lock()
        let i = next
        next += 1
        lock.unlock()
        guard i < pages.count else { return }
        do {
          let v = try browser.visit(root + "/" + pages[i])
          lock.lock()
          visits[pages[i]] = v
          lock.unlock()
        } catch {
          lock.lock()
          failures.append("\(pages[i]): \(error)")
          lock.unlock()
        }
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
        // A fragment with `=` is read by a page's script (the simulator's `#hop=send-3`), not an element id.
        if parts.count == 2, target.hasSuffix(".html"), !parts[1].contains("=") {
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

    // A second run replaces the site with the same bytes.
    let before = try all.map { try Data(contentsOf: URL(fileURLWithPath: root + "/" + $0)) }
    let (again, _) = try kwalk(
      ["site", "--kernel", "6.1", "--out", root, "--annotations", Fixtures.repository + "/Annotations"])
    #expect(again == 0 && files(under: root) == all)
    for (f, data) in zip(all, before) {
      #expect((try? Data(contentsOf: URL(fileURLWithPath: root + "/" + f))) == data, "\(f) changed on a second run")
    }

    let artifacts = Fixtures.repository + "/.build/artifacts"
    try FileManager.default.createDirectory(atPath: artifacts, withIntermediateDirectories: true)
    let png = artifacts + "/tcp-ipv4-send.png"
    try? FileManager.default.removeItem(atPath: png)
    #expect(try browser.screenshot(root + "/6.1/walk/tcp-ipv4/send.html", to: png) == 0)
    let size = (try? FileManager.default.attributesOfItem(atPath: png)[.size] as? Int) ?? 0
    #expect((size ?? 0) > 20_000, "screenshot \(png) is \(size ?? 0) bytes")
  }
}
