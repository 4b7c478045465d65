import CClang
import Foundation

/// The libclang entry points, opened once per process.
///
/// The library is opened with dlopen so that a machine without libclang gets `ClangError.libraryMissing`, a
/// one-line message, where a linked library would stop the process in the loader before `main`.
public final class ClangLibrary: @unchecked Sendable {
  /// The resolved functions.
  let api: KwalkClangAPI
  /// The file that was opened.
  public let path: String

  private init(api: KwalkClangAPI, path: String) {
    self.api = api
    self.path = path
  }

  /// Places tried in order. Debian's llvm-14 directory comes first so that libclang finds its builtin headers
  /// next to itself.
  static var candidates: [String] {
    // An explicit choice is the only one tried, so a wrong path is reported, not silently replaced.
    if let env = ProcessInfo.processInfo.environment["KWALK_LIBCLANG"], !env.isEmpty { return [env] }
    return ["/usr/lib/llvm-14/lib/libclang-14.so.1", "/usr/lib/llvm-14/lib/libclang.so.1", "libclang-14.so.1"]
  }

  private static let loaded: Result<ClangLibrary, ClangError> = {
    var api = KwalkClangAPI()
    for path in candidates {
      guard let failure = kwalk_clang_load(path, &api) else {
        return .success(ClangLibrary(api: api, path: path))
      }
      let name = String(cString: failure)
      if name != "dlopen" { return .failure(.symbolMissing(name, library: path)) }
    }
    return .failure(.libraryMissing(tried: candidates))
  }()

  /// The process-wide library, or the reason it cannot be opened.
  public static func shared() throws -> ClangLibrary {
    try loaded.get()
  }

  /// Converts and disposes a `CXString`.
  func string(_ s: CXString) -> String {
    defer { api.clang_disposeString(s) }
    guard let c = api.clang_getCString(s) else { return "" }
    return String(cString: c)
  }
}
