import CClang
import Foundation
import Synchronization

/// The libclang entry points, opened once per process and LLVM version.
///
/// The library is opened with dlopen so that a machine without libclang gets `ClangError.libraryMissing`, a
/// one-line message, where a linked library would stop the process in the loader before `main`. A kernel prepared
/// with clang 19 is parsed by libclang 19 and one prepared with clang 14 by libclang 14, in the same process: each
/// is opened with `RTLD_LOCAL` next to its own builtin headers, and only the C API, stable across versions, is used.
public final class ClangLibrary: @unchecked Sendable {
  /// The resolved functions.
  let api: KwalkClangAPI
  /// The file that was opened.
  public let path: String

  private init(api: KwalkClangAPI, path: String) {
    self.api = api
    self.path = path
  }

  /// Debian's default LLVM (the `libclang-dev` package), used when no version is asked for (the fixtures).
  public static let defaultLLVM = 14

  /// Places tried in order for LLVM `llvm`. Debian's `/usr/lib/llvm-N` directory comes first so that libclang
  /// finds its builtin headers next to itself.
  static func candidates(llvm: Int) -> [String] {
    // An explicit choice is the only one tried, so a wrong path is reported, not silently replaced.
    if let env = ProcessInfo.processInfo.environment["KWALK_LIBCLANG"], !env.isEmpty { return [env] }
    return ["/usr/lib/llvm-\(llvm)/lib/libclang-\(llvm).so.1", "/usr/lib/llvm-\(llvm)/lib/libclang.so.1"]
  }

  private static let loaded = Mutex<[Int: Result<ClangLibrary, ClangError>]>([:])

  private static func open(llvm: Int) -> Result<ClangLibrary, ClangError> {
    var api = KwalkClangAPI()
    let tried = candidates(llvm: llvm)
    for path in tried {
      guard let failure = kwalk_clang_load(path, &api) else {
        return .success(ClangLibrary(api: api, path: path))
      }
      let name = String(cString: failure)
      if name != "dlopen" { return .failure(.symbolMissing(name, library: path)) }
    }
    if llvm == defaultLLVM { return .failure(.libraryMissing(tried: tried)) }
    return .failure(.versionMissing(llvm: llvm, tried: tried))
  }

  /// The process-wide library of LLVM `llvm` (Debian's default when nil), or the reason it cannot be opened.
  public static func shared(llvm: Int? = nil) throws -> ClangLibrary {
    let version = llvm ?? defaultLLVM
    return try loaded.withLock { libraries in
      if let done = libraries[version] { return done }
      let result = open(llvm: version)
      libraries[version] = result
      return result
    }.get()
  }

  /// Converts and disposes a `CXString`.
  func string(_ s: CXString) -> String {
    defer { api.clang_disposeString(s) }
    guard let c = api.clang_getCString(s) else { return "" }
    return String(cString: c)
  }
}
