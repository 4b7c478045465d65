/// A function definition found in a translation unit.
public struct FunctionFact: Hashable, Codable, Sendable {
  /// libclang USR.
  public var id: SymbolID
  /// The function's name.
  public var name: String
  /// Where its name is written in the definition.
  public var location: SourceLocation
  /// First line of the definition (return type) and last line of the body.
  public var startLine: Int
  /// Last line of the body.
  public var endLine: Int
  /// `static` linkage.
  public var isStatic: Bool
  /// Declared `inline` (including `__always_inline`).
  public var isInline: Bool
  /// The signature as written, whitespace folded: `int ip_output(struct net *net, struct sock *sk, struct sk_buff *skb)`.
  public var signature: String
  /// Parameter names in order.
  public var parameters: [String]

  public init(
    id: SymbolID, name: String, location: SourceLocation, startLine: Int, endLine: Int, isStatic: Bool,
    isInline: Bool, signature: String, parameters: [String]
  ) {
    self.id = id
    self.name = name
    self.location = location
    self.startLine = startLine
    self.endLine = endLine
    self.isStatic = isStatic
    self.isInline = isInline
    self.signature = signature
    self.parameters = parameters
  }
}
