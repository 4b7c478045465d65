import ArgumentParser
import KwalkKernel

/// The options every command that reads a kernel shares.
struct KernelOptions: ParsableArguments {
  @Option(name: .long, help: "Debian kernel series to read (linux-source-<series>); default 6.1.")
  var kernel: [String] = []

  @Option(name: .long, help: "A local kernel tree to read instead of a Debian package.")
  var tree: String?

  @Option(name: .long, help: "The .config to use with --tree (default: the tree's architecture defconfig).")
  var config: String?

  @Option(name: .long, help: "kwalk's cache directory (default: $XDG_CACHE_HOME/kwalk or ~/.cache/kwalk).")
  var cache: String?

  @Option(name: .long, help: "The annotations directory (default: ./Annotations).")
  var annotations: String?

  /// The kernel sources named, the default one when none is.
  var sources: [KernelSource] {
    if let tree { return [.tree(path: tree, config: config)] }
    let series = kernel.isEmpty ? ["6.1"] : kernel
    return series.map { .debian(series: $0) }
  }

  /// The single source for commands that read one kernel.
  func single() throws -> KernelSource {
    let s = sources
    guard s.count == 1 else { throw ValidationError("this command reads one kernel; pass --kernel once") }
    return s[0]
  }

  var kwalkCache: KwalkCache { cache.map { KwalkCache(root: $0) } ?? .standard() }
}

/// Output formats of the query commands.
enum OutputFormat: String, ExpressibleByArgument, CaseIterable {
  case text, json
}
