import Foundation

/// A `trace_*` call site: file and line in the indexed tree, and the function that holds it.
public struct SimSite: Hashable, Codable, Sendable {
  public var file: String
  public var line: Int
  public var function: String
}
