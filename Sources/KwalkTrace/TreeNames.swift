import Foundation

/// Which function names a kernel source tree mentions as whole words in its C, header and assembly files: one
/// `grep -F -w` pass over the tree. A frame name the tree never mentions comes from another version.
public enum TreeNames {
  /// Names the syscall macros generate (`SYSCALL_DEFINE3(connect, …)` → `__x64_sys_connect`): never in the text.
  public static let generatedPrefixes = ["__x64_sys_", "__ia32_sys_", "__se_sys_", "__do_sys_"]

  public static func find(_ names: [String], in root: String) -> Set<String> {
    var found = Set(names.filter { n in generatedPrefixes.contains { n.hasPrefix($0) } })
    let wanted = names.filter { !found.contains($0) }
    guard !wanted.isEmpty, FileManager.default.fileExists(atPath: root) else { return found }
    let patterns = FileManager.default.temporaryDirectory.appendingPathComponent("kwalk-names-\(getpid())")
    defer { try? FileManager.default.removeItem(at: patterns) }
    guard (try? wanted.joined(separator: "\n").write(to: patterns, atomically: true, encoding: .utf8)) != nil else {
      return found
    }
    let p = Process()
    p.executableURL = URL(fileURLWithPath: "/usr/bin/grep")
    p.arguments = ["-rhowF", "-f", patterns.path, "--include=*.c", "--include=*.h", "--include=*.S", root]
    let pipe = Pipe()
    p.standardOutput = pipe
    p.standardError = FileHandle.nullDevice
    guard (try? p.run()) != nil else { return found }
    let data = pipe.fileHandleForReading.readDataToEndOfFile()
    p.waitUntilExit()
    for line in String(decoding: data, as: UTF8.self).split(separator: "\n") { found.insert(String(line)) }
    return found
  }
}
