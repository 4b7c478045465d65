/// A changed declaration on the path: a function's signature, or the type of the pointer field a hop goes through.
public struct SignatureChange: Hashable, Codable, Sendable {
  /// `function` or `field`.
  public var subject: String
  /// The function's name, or the field (`net_device_ops.ndo_start_xmit`).
  public var name: String
  /// As written in the old version (a field's type is derived from the function it reaches).
  public var old: String
  /// As written in the new version.
  public var new: String

  public init(subject: String, name: String, old: String, new: String) {
    self.subject = subject
    self.name = name
    self.old = old
    self.new = new
  }
}
