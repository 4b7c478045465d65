/// How a pointer hop's callee came to be in its pointer, compared between versions.
public struct BindingChange: Hashable, Codable, Sendable {
  /// One binding site, as `file:line` with its form, holder and text.
  public struct Site: Hashable, Codable, Sendable {
    public var location: String
    /// `initializer`, `assignment`, `registration` or `argument`.
    public var form: String
    /// The variable initialized or the function that assigns or registers.
    public var container: String?
    public var text: String

    public init(location: String, form: String, container: String?, text: String) {
      self.location = location
      self.form = form
      self.container = container
      self.text = text
    }
  }

  /// The field in each version, when it differs (a different struct holds the pointer).
  public var oldField: String?
  public var newField: String?
  /// The binding sites in each version.
  public var old: [Site]
  public var new: [Site]
  /// The sites moved to another file or holder, as `old → new` lines.
  public var moved: [String]
  /// The forms, when they differ (`initializer` → `assignment`).
  public var formChanged: String?
  /// Other functions the pointer may now reach, or no longer reaches.
  public var candidatesGained: [String]
  public var candidatesLost: [String]

  public init(
    oldField: String?, newField: String?, old: [Site], new: [Site], moved: [String], formChanged: String?,
    candidatesGained: [String], candidatesLost: [String]
  ) {
    self.oldField = oldField
    self.newField = newField
    self.old = old
    self.new = new
    self.moved = moved
    self.formChanged = formChanged
    self.candidatesGained = candidatesGained
    self.candidatesLost = candidatesLost
  }
}
