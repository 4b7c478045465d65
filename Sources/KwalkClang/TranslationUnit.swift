import CClang
import Foundation

/// A parsed C file. Holds its index strongly: libclang requires the index to outlive its units.
public final class TranslationUnit {
  let index: ClangIndex
  let raw: CXTranslationUnit
  /// The main file as given to the parser.
  public let path: String

  var api: KwalkClangAPI { index.library.api }

  /// Parses `path` with compiler `arguments` (no compiler name, no `-c`/`-o`, no source file).
  public init(index: ClangIndex, path: String, arguments: [String]) throws {
    self.index = index
    self.path = path
    var unit: CXTranslationUnit?
    let options =
      CXTranslationUnit_DetailedPreprocessingRecord.rawValue | CXTranslationUnit_KeepGoing.rawValue
    let code: CXErrorCode = withCStrings(arguments) { argv in
      index.library.api.clang_parseTranslationUnit2(
        index.raw, path, argv, Int32(arguments.count), nil, 0, options, &unit)
    }
    guard code == CXError_Success, let unit else {
      throw ClangError.parseFailed(file: path, code: Int(code.rawValue))
    }
    raw = unit
  }

  deinit { api.clang_disposeTranslationUnit(raw) }

  /// Diagnostics by severity, with the first errors formatted as libclang prints them.
  public func diagnostics(keepingErrors limit: Int = 5) -> (warnings: Int, errors: Int, firstErrors: [String]) {
    var warnings = 0
    var errors = 0
    var first: [String] = []
    let count = api.clang_getNumDiagnostics(raw)
    for i in 0..<count {
      guard let d = api.clang_getDiagnostic(raw, i) else { continue }
      defer { api.clang_disposeDiagnostic(d) }
      let severity = api.clang_getDiagnosticSeverity(d)
      if severity == CXDiagnostic_Warning {
        warnings += 1
      } else if severity == CXDiagnostic_Error || severity == CXDiagnostic_Fatal {
        errors += 1
        if first.count < limit {
          first.append(
            index.library.string(api.clang_formatDiagnostic(d, api.clang_defaultDiagnosticDisplayOptions())))
        }
      }
    }
    return (warnings, errors, first)
  }

  /// Every file the parse read (the main file and each header), as absolute or build-relative paths.
  public func includedFiles() -> [String] {
    var files: Set<String> = []
    withoutActuallyEscaping({ (file: CXFile?) in
      if let file { files.insert(self.index.library.string(self.api.clang_getFileName(file))) }
    }) { body in
      withUnsafePointer(to: body) { ctx in
        api.clang_getInclusions(
          raw,
          { file, _, _, data in
            data!.assumingMemoryBound(to: ((CXFile?) -> Void).self).pointee(file)
          }, UnsafeMutableRawPointer(mutating: ctx))
      }
    }
    return files.sorted()
  }
}

/// Calls `body` with a C `argv` for `strings`.
func withCStrings<R>(_ strings: [String], _ body: (UnsafePointer<UnsafePointer<CChar>?>?) -> R) -> R {
  let owned = strings.map { strdup($0) }
  defer { owned.forEach { free($0) } }
  let pointers: [UnsafePointer<CChar>?] = owned.map { $0.map { UnsafePointer($0) } }
  return pointers.withUnsafeBufferPointer { body($0.baseAddress) }
}
