/// What a token is, as a source view colours it.
public enum SourceTokenKind: String, Hashable, Codable, Sendable, CaseIterable {
  /// A C keyword (`return`, `struct`) or a preprocessor directive's name (`define`).
  case keyword
  /// A comment, line or block.
  case comment
  /// A number, character or string literal.
  case literal
  /// An identifier that names a macro: a use the preprocessor expanded, or the name in a `#define`.
  case macro
  /// Any other identifier.
  case identifier
  /// Operators and separators.
  case punctuation
}

/// One token of a source file as libclang lexed it: where it is and what it is.
public struct SourceToken: Hashable, Codable, Sendable {
  /// 1-based line of the first byte.
  public var line: Int
  /// 1-based column (in bytes) of the first byte.
  public var column: Int
  /// Byte offset of the first byte in the file.
  public var offset: Int
  /// Length in bytes (a block comment may span lines).
  public var length: Int
  /// Its kind.
  public var kind: SourceTokenKind

  public init(line: Int, column: Int, offset: Int, length: Int, kind: SourceTokenKind) {
    self.line = line
    self.column = column
    self.offset = offset
    self.length = length
    self.kind = kind
  }
}

/// A source file's text with the tokens libclang found in it.
public struct TokenizedSource: Sendable {
  /// The tree-relative path.
  public var path: SourcePath
  /// The bytes.
  public var text: SourceText
  /// Tokens in file order.
  public var tokens: [SourceToken]

  public init(path: SourcePath, text: SourceText, tokens: [SourceToken]) {
    self.path = path
    self.text = text
    self.tokens = tokens
  }
}
