import Foundation
import KwalkCore
import KwalkIndex

extension Fixtures {
  /// Reads a file of fixture tree `tree` by tree-relative path, as a kernel's source reader does.
  public static func sourceReader(tree: String) -> (SourcePath) -> SourceText? {
    let root = self.tree(tree)
    return { SourceText(contentsOfFile: root + "/" + $0.value) }
  }
}
