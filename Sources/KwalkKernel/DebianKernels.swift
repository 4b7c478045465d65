import Foundation

/// Debian's kernel source packages as installed under /usr/src.
public struct DebianKernels: Sendable {
  /// Where the packages put their files.
  public var sourceDirectory: String

  /// `sourceDirectory` defaults to `$KWALK_DEBIAN_SOURCES`, else `/usr/src`, where the packages install.
  public init(sourceDirectory: String? = nil) {
    let environment = ProcessInfo.processInfo.environment["KWALK_DEBIAN_SOURCES"]
    self.sourceDirectory = sourceDirectory ?? environment.flatMap { $0.isEmpty ? nil : $0 } ?? "/usr/src"
  }

  /// The config flavour kwalk uses: Debian's generic amd64 kernel.
  public static let configFlavour = "config.amd64_none_amd64.xz"

  /// Installed series (`6.1`, `6.12`), sorted by version.
  public func installed() -> [String] {
    let names = (try? FileManager.default.contentsOfDirectory(atPath: sourceDirectory)) ?? []
    return names.compactMap { name -> String? in
      guard name.hasPrefix("linux-source-"), name.hasSuffix(".tar.xz") else { return nil }
      return String(name.dropFirst("linux-source-".count).dropLast(".tar.xz".count))
    }.sorted(by: Self.precedes)
  }

  /// Orders series by version (`5.10` before `6.1` before `6.12`).
  static func precedes(_ a: String, _ b: String) -> Bool {
    let numbers = { (s: String) in s.split(separator: ".").compactMap { Int($0) } }
    return numbers(a).lexicographicallyPrecedes(numbers(b))
  }

  /// `series` sorted by version.
  public static func sortedSeries(_ series: [String]) -> [String] { series.sorted(by: precedes) }

  /// The source tarball of `series`.
  public func tarball(_ series: String) -> String { "\(sourceDirectory)/linux-source-\(series).tar.xz" }

  /// Debian's amd64 config of `series`.
  public func config(_ series: String) -> String { "\(sourceDirectory)/linux-config-\(series)/\(Self.configFlavour)" }

  /// Checks a `--kernel` value and returns the tarball and config paths.
  public func locate(_ series: String) throws -> (tarball: String, config: String) {
    let valid = series.split(separator: ".").count == 2 && series.split(separator: ".").allSatisfy { Int($0) != nil }
    guard valid else { throw KernelError.unknownKernel(series, installed: installed()) }
    let tar = tarball(series)
    guard FileManager.default.fileExists(atPath: tar) else {
      throw KernelError.sourceNotInstalled(series: series, installed: installed())
    }
    let cfg = config(series)
    guard FileManager.default.fileExists(atPath: cfg) else {
      throw KernelError.configNotInstalled(series: series, path: cfg)
    }
    return (tar, cfg)
  }

  /// The installed package's version (`6.1.192-2`), from dpkg.
  public func packageVersion(_ series: String) -> String? {
    ProcessRunner.output("/usr/bin/dpkg-query", ["-W", "-f", "${Version}", "linux-source-\(series)"])
      .flatMap { $0.isEmpty ? nil : $0 }
  }
}
