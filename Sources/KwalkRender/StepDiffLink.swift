/// Where a walkthrough step's hop sits on the version diff page, and what changed about it in a few words.
public struct StepDiffLink: Hashable, Sendable {
  /// Site path of the diff page (`diff/6.1-6.12.html`).
  public var page: String
  /// The entry's id on that page.
  public var anchor: String
  /// The other kernel's release (`6.12.117` on a 6.1 step).
  public var otherVersion: String
  /// `renamed; kind, body`: the relation and the kinds of change, for the link's text.
  public var summary: String

  public init(page: String, anchor: String, otherVersion: String, summary: String) {
    self.page = page
    self.anchor = anchor
    self.otherVersion = otherVersion
    self.summary = summary
  }
}
