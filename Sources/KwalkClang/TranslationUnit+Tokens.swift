import CClang
import KwalkCore

extension TranslationUnit {
  /// The tokens of `file` (absolute path; the main file or a header this unit read), classified with the unit's
  /// cursors: an identifier the preprocessor expanded or defined as a macro is `.macro`. Empty when the unit did not
  /// read the file.
  public func tokens(inFile file: String, text: SourceText) -> [SourceToken] {
    let size = text.bytes.count
    guard let cxFile = api.clang_getFile(raw, file) else { return [] }
    let begin = api.clang_getLocationForOffset(raw, cxFile, 0)
    let end = api.clang_getLocationForOffset(raw, cxFile, UInt32(size))
    let range = api.clang_getRange(begin, end)
    var tokens: UnsafeMutablePointer<CXToken>?
    var count: UInt32 = 0
    api.clang_tokenize(raw, range, &tokens, &count)
    guard let tokens, count > 0 else { return [] }
    defer { api.clang_disposeTokens(raw, tokens, count) }
    var cursors = [CXCursor](repeating: CXCursor(), count: Int(count))
    cursors.withUnsafeMutableBufferPointer { api.clang_annotateTokens(raw, tokens, count, $0.baseAddress) }
    let access = CursorAccess(library: index.library)
    var out: [SourceToken] = []
    out.reserveCapacity(Int(count))
    var previousHash = -1
    for i in 0..<Int(count) {
      let token = tokens[i]
      let extent = api.clang_getTokenExtent(raw, token)
      let (line, column, start) = fileLocation(api.clang_getRangeStart(extent))
      let (_, _, end) = fileLocation(api.clang_getRangeEnd(extent))
      guard end > start else { continue }
      var kind: SourceTokenKind
      switch api.clang_getTokenKind(token) {
      case CXToken_Keyword: kind = .keyword
      case CXToken_Comment: kind = .comment
      case CXToken_Literal: kind = .literal
      case CXToken_Identifier: kind = .identifier
      default: kind = .punctuation
      }
      if kind == .identifier {
        let cursorKind = access.kind(cursors[i])
        if previousHash >= 0 && previousHash == line {
          // The word after a `#` that starts a line is a directive (`define`, `include`, `ifdef`).
          kind = .keyword
        } else if cursorKind == CXCursor_MacroExpansion || cursorKind == CXCursor_MacroDefinition {
          // A macro's arguments are annotated with the expansion too; only the macro's own name counts.
          if access.spelling(cursors[i]) == text.text(start..<end) {
            kind = .macro
          }
        }
      }
      previousHash = -1
      if kind == .punctuation && end == start + 1 && text.bytes[start] == UInt8(ascii: "#")
        && out.last.map({ $0.line != line }) ?? true
      {
        previousHash = line
        // The `#` of a directive reads as part of it.
        kind = .keyword
      }
      out.append(SourceToken(line: line, column: column, offset: start, length: end - start, kind: kind))
    }
    return out
  }

  /// Line, column and offset of a location in its file.
  private func fileLocation(_ location: CXSourceLocation) -> (Int, Int, Int) {
    var line: UInt32 = 0
    var column: UInt32 = 0
    var offset: UInt32 = 0
    api.clang_getFileLocation(location, nil, &line, &column, &offset)
    return (Int(line), Int(column), Int(offset))
  }
}
