/// The config guards (`#if CONFIG_…`) around the `#define` of the macro a hop's call goes through, compared between
/// versions: the call site may be unchanged while whether (or which) macro definition a kernel compiles is not. The
/// macro is the call's own or one that its body uses (`INDIRECT_CALL_2` inside `INDIRECT_CALL_INET`), followed as
/// `MacroChain` says.
public struct MacroConfigChange: Hashable, Codable, Sendable {
  /// The macro (`INDIRECT_CALL_INET`), as the new version's hop names it.
  public var macro: String
  /// Where each version defines it (`include/linux/indirect_call_wrapper.h:40`).
  public var oldDefinition: String
  public var newDefinition: String
  /// The guards around the definitions, compared like a call's (`ConfigChange`).
  public var change: ConfigChange
  /// The macros whose bodies lead to this one, from the one written at the call site on (`INDIRECT_CALL_INET`);
  /// empty when this is the call's own macro.
  public var through: [String]

  public init(
    macro: String, oldDefinition: String, newDefinition: String, change: ConfigChange, through: [String] = []
  ) {
    self.macro = macro
    self.oldDefinition = oldDefinition
    self.newDefinition = newDefinition
    self.change = change
    self.through = through
  }
}
