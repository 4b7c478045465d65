import Foundation
import KwalkCore
import KwalkKernel

extension Fixtures {
  /// A copy of linux-mini at `source` posing as a prepared tree whose cache is `cache`, with a compile database in
  /// kbuild's form for two units (`net/core/dev.c`, `kernel/softirq.c`): the index's own tests need no kbuild.
  public static func preparedMiniCopy(source: String, cache: String) throws -> PreparedTree {
    try FileManager.default.createDirectory(atPath: cache + "/build", withIntermediateDirectories: true)
    try FileManager.default.copyItem(atPath: tree("linux-mini"), toPath: source)
    let tree = PreparedTree(
      version: KernelVersion(major: 0, minor: 0), sourceRoot: source, buildRoot: cache + "/build",
      cacheDirectory: cache, configOrigin: "fixture", debianPackageVersion: nil, label: "mini", inputsDigest: "mini")
    var db = CompileDatabase()
    for file in ["net/core/dev.c", "kernel/softirq.c"] {
      let path = tree.sourceRoot + "/" + file
      db.commands[SourcePath(file)] = CompileCommand(
        directory: tree.buildRoot, file: path,
        arguments: ["clang"] + arguments(for: tree.sourceRoot) + ["-c", "-o", "x.o", path])
    }
    try db.compileCommandsJSON().write(to: URL(fileURLWithPath: tree.compileDatabasePath))
    return tree
  }
}
