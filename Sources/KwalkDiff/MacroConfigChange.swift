/// The config guards (`#if CONFIG_…`) around the `#define` of the macro a hop's call goes through, compared between
/// versions: the call site may be unchanged while whether (or which) macro definition a kernel compiles is not.
public struct MacroConfigChange: Hashable, Codable, Sendable {
  /// The macro (`INDIRECT_CALL_INET`), as the new version's hop names it.
  public var macro: String
  /// Where each version defines it (`include/linux/indirect_call_wrapper.h:40`).
  public var oldDefinition: String
  public var newDefinition: String
  /// The guards around the definitions, compared like a call's (`ConfigChange`).
  public var change: ConfigChange

  public init(macro: String, oldDefinition: String, newDefinition: String, change: ConfigChange) {
    self.macro = macro
    self.oldDefinition = oldDefinition
    self.newDefinition = newDefinition
    self.change = change
  }
}
