import KwalkCore

/// A source file as its page shows it: text, libclang's tokens, and the identifiers that link to a definition.
public struct SourceFile: Sendable {
  public var source: TokenizedSource
  /// Function names that link to their definition, sorted by offset.
  public var references: [SourceReference]
  /// The walkthrough steps whose call site, binding or macro is in this file.
  public var steps: [StepReference]

  public init(source: TokenizedSource, references: [SourceReference], steps: [StepReference] = []) {
    self.source = source
    self.references = references
    self.steps = steps
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

/// A step that points into a source file: which walkthrough leg and step, which line, and in what role.
public struct StepReference: Hashable, Sendable, Comparable {
  public var walkthrough: String
  public var direction: String
  /// 1-based step number.
  public var step: Int
  public var line: Int
  /// `call site`, `binding` or `macro definition`.
  public var role: String
  /// `caller → callee`.
  public var title: String

  public init(walkthrough: String, direction: String, step: Int, line: Int, role: String, title: String) {
    self.walkthrough = walkthrough
    self.direction = direction
    self.step = step
    self.line = line
    self.role = role
    self.title = title
  }

  public static func < (a: StepReference, b: StepReference) -> Bool {
    (a.line, a.walkthrough, a.direction, a.step, a.role) < (b.line, b.walkthrough, b.direction, b.step, b.role)
  }
}
