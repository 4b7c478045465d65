import KwalkCore

/// A source file as its page shows it: text, libclang's tokens, and the identifiers that link to a definition.
public struct SourceFile: Sendable {
  public var source: TokenizedSource
  /// Function names that link to their definition, sorted by offset.
  public var references: [SourceReference]

  public init(source: TokenizedSource, references: [SourceReference]) {
    self.source = source
    self.references = references
  }

  public var path: SourcePath { source.path }
}

/// An identifier naming a function kwalk indexed, and where that function is defined.
public struct SourceReference: Hashable, Sendable {
  public var offset: Int
  public var length: Int
  public var target: SourceLocation

  public init(offset: Int, length: Int, target: SourceLocation) {
    self.offset = offset
    self.length = length
    self.target = target
  }
}
