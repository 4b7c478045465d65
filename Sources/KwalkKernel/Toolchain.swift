import Foundation

/// The LLVM a kernel tree is configured, built and parsed with: Debian's `/usr/lib/llvm-<N>`, whose clang, lld and
/// llvm tools kbuild runs (`make LLVM=1` with that directory first on `PATH`) and whose libclang reads the tree.
public struct Toolchain: Codable, Hashable, Sendable {
  /// The LLVM major version (14, 19).
  public var llvm: Int
  /// The compiler as kbuild recorded it (`CONFIG_CC_VERSION_TEXT`: `Debian clang version 19.1.7 (3~deb12u1)`).
  public var compiler: String

  public init(llvm: Int, compiler: String = "") {
    self.llvm = llvm
    self.compiler = compiler
  }

  /// Debian's directory of this LLVM's unsuffixed tools.
  public var binDirectory: String { "/usr/lib/llvm-\(llvm)/bin" }

  /// The C compiler kbuild runs.
  public var clang: String { binDirectory + "/clang" }

  /// The Debian packages that provide this LLVM for kwalk.
  public var packages: [String] { ["clang-\(llvm)", "lld-\(llvm)", "llvm-\(llvm)", "libclang-\(llvm)-dev"] }

  /// The compiler and where it is, for the site and `kwalk kernels` (`Debian clang version 19.1.7 (…/clang)`).
  public var summary: String { (compiler.isEmpty ? "clang \(llvm)" : compiler) + " (\(clang))" }

  /// The environment kbuild runs in: this LLVM's tools first on `PATH`, so that `LLVM=1` means them on every kernel
  /// version (5.10's kbuild knows no `LLVM=-19` suffix) and never another clang on `PATH`.
  func environment(_ base: [String: String] = ProcessInfo.processInfo.environment) -> [String: String] {
    var env = base
    env["PATH"] = binDirectory + ":" + (base["PATH"] ?? "/usr/bin:/bin")
    return env
  }

  /// Whether the tools kbuild needs are on this machine.
  var isInstalled: Bool {
    ["clang", "ld.lld", "llvm-ar", "llvm-nm", "llvm-objcopy"].allSatisfy {
      FileManager.default.isExecutableFile(atPath: binDirectory + "/" + $0)
    }
  }

  /// `CONFIG_CC_VERSION_TEXT` from a configured build directory's `.config`.
  static func compilerText(buildRoot: String) -> String? {
    guard let text = try? String(contentsOfFile: buildRoot + "/.config", encoding: .utf8) else { return nil }
    for line in text.split(separator: "\n") where line.hasPrefix("CONFIG_CC_VERSION_TEXT=") {
      let value = line.dropFirst("CONFIG_CC_VERSION_TEXT=".count)
      return String(value).trimmingCharacters(in: CharacterSet(charactersIn: "\""))
    }
    return nil
  }
}
