import Foundation
import KwalkCore

/// Which Debian LLVM versions this machine has or can install, and which one a kernel tree gets.
///
/// A tree states its minimum LLVM in `scripts/min-tool-version.sh llvm` (5.16 and later) or, before that, as
/// `CLANG_VERSION < N` in `include/linux/compiler-clang.h`. kwalk uses Debian's default LLVM, 14, when it is new
/// enough, so that the result does not depend on what else is installed, and otherwise the oldest Debian LLVM that is.
public struct LLVMVersions: Sendable {
  /// Major versions installed under `/usr/lib/llvm-<N>` with the tools kbuild needs.
  public var installed: [Int]
  /// Major versions a configured apt source offers (`clang-<N>` packages), asked only when the preferred version
  /// does not do (apt-cache takes seconds).
  public var installable: @Sendable () -> [Int]

  public init(installed: [Int], installable: @escaping @Sendable () -> [Int]) {
    self.installed = installed.sorted()
    self.installable = installable
  }

  public init(installed: [Int], installable: [Int]) {
    self.init(installed: installed, installable: { installable })
  }

  /// Debian's default LLVM (Debian 12's `clang` package), preferred whenever a tree accepts it.
  public static let preferred = 14

  /// What this machine has: `/usr/lib/llvm-*` and apt's `clang-<N>` package names.
  public static func probe() -> LLVMVersions {
    let dirs = (try? FileManager.default.contentsOfDirectory(atPath: "/usr/lib")) ?? []
    let installed = dirs.compactMap { name -> Int? in
      guard name.hasPrefix("llvm-"), let n = Int(name.dropFirst(5)) else { return nil }
      return Toolchain(llvm: n).isInstalled ? n : nil
    }
    return LLVMVersions(installed: installed) {
      let names = ProcessRunner.output("/usr/bin/apt-cache", ["pkgnames", "clang-"]) ?? ""
      return names.split(separator: "\n").compactMap { name -> Int? in
        name.hasPrefix("clang-") ? Int(name.dropFirst(6)) : nil
      }
    }
  }

  /// Every version known, installed or not.
  public var all: [Int] { Array(Set(installed + installable())).sorted() }

  /// The toolchain for a tree whose minimum is `minimum` (any when nil); `kernel` names the tree in errors.
  public func choose(minimum: ToolVersion?, kernel: String) throws -> Toolchain {
    if minimum.map({ $0.major <= Self.preferred }) ?? true, installed.contains(Self.preferred) {
      return Toolchain(llvm: Self.preferred)
    }
    let known = all
    let fits = known.filter { minimum == nil || $0 >= minimum!.major }
    let llvm = fits.contains(Self.preferred) ? Self.preferred : fits.first(where: { $0 > Self.preferred }) ?? fits.first
    guard let llvm else {
      throw KernelError.llvmUnavailable(kernel: kernel, minimum: minimum?.description ?? "?", available: known)
    }
    let toolchain = Toolchain(llvm: llvm)
    guard installed.contains(llvm) else {
      throw KernelError.llvmNotInstalled(
        kernel: kernel, minimum: minimum?.description ?? "\(llvm)", packages: toolchain.packages)
    }
    return toolchain
  }

  /// The minimum LLVM version a tree at `root` states, or nil when it states none.
  public static func minimum(ofTreeAt root: String) -> ToolVersion? {
    let script = root + "/scripts/min-tool-version.sh"
    if FileManager.default.fileExists(atPath: script) {
      var env = ProcessInfo.processInfo.environment
      env["SRCARCH"] = "x86"
      env["ARCH"] = "x86_64"
      let out = ProcessRunner.output("/bin/sh", [script, "llvm"], environment: env)
      return out.flatMap { ToolVersion($0.trimmingCharacters(in: .whitespacesAndNewlines)) }
    }
    // Before min-tool-version.sh: `#if CLANG_VERSION < 100001` (10.0.1) in compiler-clang.h.
    guard let text = try? String(contentsOfFile: root + "/include/linux/compiler-clang.h", encoding: .utf8) else {
      return nil
    }
    for line in text.split(separator: "\n") where line.contains("CLANG_VERSION <") {
      let digits = line.split(separator: "<").last?.trimmingCharacters(in: .whitespaces).prefix { $0.isNumber }
      if let digits, let n = Int(digits), n >= 10000 {
        return ToolVersion(major: n / 10000, minor: n / 100 % 100, patch: n % 100)
      }
    }
    return nil
  }
}
