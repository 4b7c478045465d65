/// The same step in one kernel of the site, for a walkthrough step's version switcher (as Elixir switches versions):
/// the step that shows the same logical hop, followed through renames, splits and merges by the history's rows.
public struct StepVersionLink: Hashable, Sendable {
  /// The kernel's directory in the site (`6.12`).
  public var label: String
  /// Its release (`6.12.117`).
  public var version: String
  /// Site path of that kernel's walkthrough page of the same leg.
  public var page: String
  /// The 1-based step number there; nil when that kernel's path has no such hop.
  public var step: Int?
  /// The callee's name there (a rename shows the other name).
  public var callee: String?
  /// What changed from the kernel before this one (`renamed`, `kind`, `body`, …); empty when nothing did.
  public var changes: [String]
  /// This link is the page's own kernel.
  public var isCurrent: Bool

  public init(
    label: String, version: String, page: String, step: Int?, callee: String?, changes: [String], isCurrent: Bool
  ) {
    self.label = label
    self.version = version
    self.page = page
    self.step = step
    self.callee = callee
    self.changes = changes
    self.isCurrent = isCurrent
  }
}
