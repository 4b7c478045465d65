import Foundation
import KwalkCommandLine
import KwalkGraph
import KwalkKernel
import KwalkTestSupport
import Testing

/// `--tree PATH` on a real kernel tree that is not a Debian package, as a user's checkout: Debian's 6.1 source
/// unpacked once into `<standard cache>/checkouts/linux-6.1`, read with the architecture's defconfig and with a
/// `--config FILE`, prepared, indexed and walked, and never written to.
@Suite(.serialized) struct TreeOptionTests {
  /// The checkout and a user's config file beside it, made once (through a `.tmp` directory and a rename).
  static let checkout = Result { () throws -> (tree: String, config: String) in
    let dir = KwalkCache.standard().root + "/checkouts"
    let tree = dir + "/linux-6.1"
    let config = dir + "/linux-6.1.config"
    let fm = FileManager.default
    try fm.createDirectory(atPath: dir, withIntermediateDirectories: true)
    if !fm.fileExists(atPath: tree) {
      let tmp = tree + ".tmp"
      try? fm.removeItem(atPath: tmp)
      try fm.createDirectory(atPath: tmp, withIntermediateDirectories: true)
      try run("/usr/bin/tar", ["-xf", DebianKernels().tarball("6.1"), "-C", tmp])
      try fm.moveItem(atPath: tmp + "/linux-source-6.1", toPath: tree)
      try fm.removeItem(atPath: tmp)
    }
    if !fm.fileExists(atPath: config) {
      let script = "xz -dc \"$0\" > \"$1.tmp\" && mv \"$1.tmp\" \"$1\""
      try run("/bin/sh", ["-c", script, DebianKernels().config("6.1"), config])
    }
    return (tree, config)
  }

  static func run(_ tool: String, _ arguments: [String]) throws {
    let p = Process()
    p.executableURL = URL(fileURLWithPath: tool)
    p.arguments = arguments
    try p.run()
    p.waitUntilExit()
    guard p.terminationStatus == 0 else { throw ValidationFailure("\(tool) \(arguments) failed") }
  }

  @Test func defconfigTreeIsPreparedIndexedAndWalked() throws {
    let (tree, _) = try Self.checkout.get()
    let ws = try Workspace(
      source: .tree(path: tree, config: nil), cache: .standard(), annotations: Fixtures.repository + "/Annotations",
      progress: ProgressReporter())
    #expect(ws.tree.label == "linux-6.1" && ws.tree.debianPackageVersion == nil)
    #expect(ws.tree.configOrigin == "the x86_64 defconfig" && ws.tree.toolchain.llvm == 14)
    #expect(ws.tree.version.series == "6.1" && ws.tree.sourceRoot == tree)
    let graph = try ws.graph()
    let paths = try PathFinder(graph: graph, spec: try ws.spec("tcp-ipv4")).paths()
    let send = try #require(paths.first { $0.direction == "send" })
    let receive = try #require(paths.first { $0.direction == "receive" })
    #expect(inOrder(classicSend, send.functions), "\(send.functions)")
    #expect(inOrder(classicReceive, receive.functions), "\(receive.functions)")
    // kbuild wrote only into the cache.
    for written in [".config", "include/config", "include/generated", "net/core/dev.o"] {
      #expect(!FileManager.default.fileExists(atPath: tree + "/" + written), "\(written) in the checkout")
    }
  }

  @Test func treeWithAConfigFileEndToEnd() throws {
    let (tree, config) = try Self.checkout.get()
    let (status, out, errors) = try runKwalkOutput([
      "path", "--tree", tree, "--config", config, "--walkthrough", "tcp-ipv4", "--format", "json",
      "--annotations", Fixtures.repository + "/Annotations",
    ])
    #expect(status == 0, "\(errors)")
    let legs = try #require(try JSONSerialization.jsonObject(with: Data(out.utf8)) as? [[String: Any]])
    #expect(legs.map { $0["direction"] as? String } == ["send", "receive"])
    #expect(legs.allSatisfy { ($0["kernel"] as? String)?.hasPrefix("6.1.") == true })
    let callees = legs.flatMap { ($0["hops"] as? [[String: Any]] ?? []).compactMap { $0["callee"] as? String } }
    #expect(inOrder(["loopback_xmit", "__netif_rx", "enqueue_to_backlog", "net_rx_action", "tcp_v4_rcv"], callees))
    // Its own prepared tree, apart from the defconfig one: the config's content is part of the key.
    let stamps = try FileManager.default.contentsOfDirectory(atPath: KwalkCache.standard().root + "/kernels")
      .filter { $0.hasPrefix("tree-linux-6.1-") && !$0.hasSuffix(".lock") }
    #expect(stamps.count >= 2, "\(stamps)")
    let (bad, message) = try runKwalk(["flags", "--tree", Fixtures.tree("toolchains/none")])
    #expect(bad == 1)
    #expect(
      message.hasSuffix(
        "is not a kernel tree (no Makefile with VERSION and PATCHLEVEL): point --tree at the top of a Linux source tree\n"),
      "\(message)")
  }
}
