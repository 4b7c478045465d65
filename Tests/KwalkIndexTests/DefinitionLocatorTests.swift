import Foundation
import KwalkCore
@testable import KwalkIndex
import Testing

/// The tree-wide text search reads only the directories whose files it could keep.
@Suite struct DefinitionLocatorTests {
  @Test func otherArchitecturesAndToolsAreNotSearched() throws {
    let root = FileManager.default.temporaryDirectory.appendingPathComponent("kwalk-locator-\(UUID().uuidString)").path
    defer { try? FileManager.default.removeItem(atPath: root) }
    for file in ["arch/x86/kernel/a.c", "arch/arm/kernel/b.c", "tools/lib/c.c", "Documentation/d.c", "net/core/e.c",
                 "kernel/f.c"] {
      let path = root + "/" + file
      try FileManager.default.createDirectory(
        atPath: (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
      try "int foo(int x)\n{\n\treturn x;\n}\n".write(toFile: path, atomically: true, encoding: .utf8)
    }
    let locator = DefinitionLocator(sourceRoot: root)
    #expect(locator.searchedRoots() == ["./arch/x86", "./kernel", "./net"])
    #expect(locator.definitions(of: ["foo"]) == ["foo": ["arch/x86/kernel/a.c", "kernel/f.c", "net/core/e.c"]])
  }

  /// A definition line holding a byte that is not UTF-8 (a Latin-1 comment, as some drivers still have) is found: the
  /// search matches bytes, whatever the user's locale.
  @Test func aDefinitionLineThatIsNotUTF8IsFound() throws {
    let root = FileManager.default.temporaryDirectory.appendingPathComponent("kwalk-locator-\(UUID().uuidString)").path
    defer { try? FileManager.default.removeItem(atPath: root) }
    try FileManager.default.createDirectory(atPath: root + "/drivers/net", withIntermediateDirectories: true)
    let latin1 = Data("static int /* caf".utf8) + Data([0xE9]) + Data(" */ bar(int x)\n{\n\treturn x;\n}\n".utf8)
    try latin1.write(to: URL(fileURLWithPath: root + "/drivers/net/g.c"))
    #expect(DefinitionLocator(sourceRoot: root).definitions(of: ["bar"]) == ["bar": ["drivers/net/g.c"]])
  }
}
