/// Why libclang could not do what kwalk asked.
public enum ClangError: Error, CustomStringConvertible, Equatable {
  /// The shared library is not on this machine.
  case libraryMissing(tried: [String])
  /// The libclang of the LLVM version a kernel was prepared with is not on this machine.
  case versionMissing(llvm: Int, tried: [String])
  /// The library lacks an entry point kwalk needs (too old).
  case symbolMissing(String, library: String)
  /// `clang_parseTranslationUnit2` failed outright.
  case parseFailed(file: String, code: Int)

  public var description: String {
    switch self {
    case .libraryMissing(let tried):
      return "libclang not found (tried \(tried.joined(separator: ", "))): apt-get install libclang-dev, "
        + "or set KWALK_LIBCLANG to the library's path"
    case .versionMissing(let llvm, let tried):
      return "libclang \(llvm) not found (tried \(tried.joined(separator: ", "))): "
        + "apt-get install libclang-\(llvm)-dev, "
        + "or set KWALK_LIBCLANG to the library's path"
    case .symbolMissing(let name, let library):
      return "\(library) has no \(name): install Debian's libclang (apt-get install libclang-dev)"
    case .parseFailed(let file, let code):
      let reason =
        switch code {
        case 1: "libclang failed"
        case 2: "libclang crashed"
        case 3: "invalid arguments"
        case 4: "AST read error"
        default: "error \(code)"
        }
      return "could not parse \(file): \(reason); check that its compile command is complete"
    }
  }
}
