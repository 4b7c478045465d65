import ArgumentParser
import Foundation
import KwalkKernel

/// `kwalk kernels`: the Debian kernels installed, fetched into the cache, and offered by Debian's suites.
struct KernelsCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "kernels", abstract: "List the Debian kernels installed, cached, and available to fetch.")
  @Option(name: .long, help: "kwalk's cache directory (default: $XDG_CACHE_HOME/kwalk or ~/.cache/kwalk).")
  var cache: String?
  @Flag(help: "Do not read Debian's package lists; list only what is on this machine.") var offline = false
  @Option(help: "text or json.") var format: OutputFormat = .text

  func run() throws {
    try reportingErrors {
      let kwalkCache = cache.map { KwalkCache(root: $0) } ?? .standard()
      let archive = DebianArchive(cache: kwalkCache, progress: ProgressReporter())
      let offers = offline ? nil : Result { try archive.available() }
      let catalog = KernelCatalog.build(debian: DebianKernels(), archive: archive, offers: offers)
      if let problem = catalog.archiveProblem {
        FileHandle.standardError.write(Data("kwalk: cannot list the kernels Debian's suites offer: \(problem)\n".utf8))
      }
      if format == .json { return try printJSON(catalog.entries) }
      print(catalog.text(), terminator: "")
    }
  }
}
