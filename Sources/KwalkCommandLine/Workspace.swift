import Foundation
import KwalkAnnotate
import KwalkCore
import KwalkGraph
import KwalkIndex
import KwalkKernel

/// Wires the stages for one kernel: prepare the tree, index what the walkthroughs need, build the graph.
public struct Workspace {
  public let tree: PreparedTree
  public let indexer: Indexer
  /// The shipped walkthroughs, plus any a command adds before indexing (`kwalk route` adds its own leg).
  public var specs: [WalkthroughSpec]
  /// The walkthroughs as loaded from `annotationsDirectory`: while `specs` is still this, discovery's requests depend
  /// only on files (see `discoveryKey`).
  let shippedSpecs: [WalkthroughSpec]
  public let annotationsDirectory: String
  /// The hand-written notes under `annotationsDirectory`.
  public let annotations: [Annotation]

  /// Prepares `source` and opens its index.
  public init(source: KernelSource, cache: KwalkCache, annotations: String?, progress: ProgressReporter) throws {
    tree = try KernelPreparer(cache: cache, progress: progress).prepare(source)
    indexer = try Indexer(tree: tree, progress: progress)
    annotationsDirectory = try Self.locateAnnotations(annotations)
    specs = try WalkthroughSpec.loadAll(from: annotationsDirectory + "/walkthroughs")
    shippedSpecs = specs
    self.annotations = try AnnotationParser.loadAll(from: annotationsDirectory)
    try AnnotationLegs.check(self.annotations, specs: specs)
  }

  /// `./Annotations`, else the one next to the kwalk package the binary was built from.
  static func locateAnnotations(_ given: String?) throws -> String {
    if let given {
      guard FileManager.default.fileExists(atPath: given) else {
        throw ValidationFailure("annotations directory \(given) does not exist: pass --annotations DIR")
      }
      return given
    }
    var candidates = [FileManager.default.currentDirectoryPath + "/Annotations"]
    var dir = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath().deletingLastPathComponent()
    for _ in 0..<5 {
      candidates.append(dir.path + "/Annotations")
      dir = dir.deletingLastPathComponent()
    }
    guard let found = candidates.first(where: { FileManager.default.fileExists(atPath: $0 + "/walkthroughs") }) else {
      throw ValidationFailure("no Annotations/walkthroughs directory here: run kwalk from its checkout or pass --annotations DIR")
    }
    return found
  }

  /// The files every walkthrough starts from.
  public var startingFiles: [SourcePath] {
    var seen: Set<SourcePath> = []
    let files = specs.flatMap(\.files).filter { seen.insert($0).inserted }
    return files.isEmpty ? ["net/ipv4/ip_output.c", "net/core/dev.c", "drivers/net/loopback.c"] : files
  }

  /// Indexes the starting files and whatever the walkthroughs and the annotations' anchors need.
  public func index() throws -> (IndexSnapshot, Indexer.DiscoveryReport) {
    let discovery = PathDiscovery(specs: specs)
    let anchored = annotations.filter { $0.function != nil && $0.applies(to: tree.version) }
    return try indexer.discover(startingFiles: startingFiles, requestsKey: discoveryKey) { snapshot in
      var requests = discovery.requests(snapshot)
      var asked: Set<String> = []
      for a in anchored where snapshot.functionsByName[a.function!] == nil && asked.insert(a.function!).inserted {
        requests.append(.definition(a.function!, reason: "anchors annotation \(a.id)"))
      }
      return requests
    }
  }

  /// What the requests of `index()` depend on besides the index: the kwalk binary (the discovery rules), every file of
  /// the annotations directory (walkthroughs and notes' anchors) and the kernel's version (which notes apply). Nil
  /// when a command added a walkthrough of its own (`kwalk route`): such a discovery is not stamped.
  var discoveryKey: String? {
    guard specs == shippedSpecs, let files = SiteStamp.files(in: annotationsDirectory) else { return nil }
    let executable = URL(fileURLWithPath: "/proc/self/exe").resolvingSymlinksInPath().path
    var parts = ["kwalk " + KernelPreparer.identity(of: executable), "version " + tree.version.description]
    for (file, hash) in files.sorted(by: { $0.key < $1.key }) { parts.append("annotations \(file) \(hash)") }
    return ContentHash(string: parts.joined(separator: "\u{2}")).description
  }

  /// The anchors record kept next to the annotations.
  public var anchorRecordPath: String { annotationsDirectory + "/" + AnchorRecord.fileName }

  /// Every annotation placed in this kernel.
  public func resolveAnnotations(in snapshot: IndexSnapshot) throws -> [ResolvedAnnotation] {
    let record = try AnchorRecord.load(from: anchorRecordPath)
    let paths = tree.paths
    var cache: [SourcePath: SourceText] = [:]
    let resolver = AnchorResolver(snapshot: snapshot, record: record) { path in
      if let text = cache[path] { return text }
      let text = SourceText(contentsOfFile: paths.absolute(path))
      cache[path] = text
      return text
    }
    return resolver.resolve(annotations.filter { $0.applies(to: tree.version) })
  }

  /// The call graph after indexing.
  public func graph() throws -> CallGraph {
    CallGraph(snapshot: try index().0)
  }

  /// The spec named `name`.
  public func spec(_ name: String) throws -> WalkthroughSpec { try WalkthroughSpec.named(name, in: specs) }
}

/// A usage problem found outside ArgumentParser's own validation.
public struct ValidationFailure: Error, CustomStringConvertible {
  public var description: String
  public init(_ d: String) { description = d }
}
