import CClang

/// A libclang index: the owner of translation units. Not thread-safe; use one per worker.
public final class ClangIndex {
  let library: ClangLibrary
  let raw: CXIndex

  /// Creates an index of LLVM `llvm`'s libclang (Debian's default when nil) that prints no diagnostics of its own.
  public init(llvm: Int? = nil) throws {
    library = try ClangLibrary.shared(llvm: llvm)
    guard let index = library.api.clang_createIndex(0, 0) else {
      throw ClangError.libraryMissing(tried: [library.path])
    }
    raw = index
  }

  deinit { library.api.clang_disposeIndex(raw) }
}
