import Foundation
import KwalkCore

/// Reads compile commands out of what `make -n` prints for objects, without compiling them.
///
/// kbuild compiles an object with one recipe line that ends by handing its own command to fixdep, which writes it into
/// the object's `.cmd` file: `...; scripts/basic/fixdep net/ipv4/.tcp.o.d net/ipv4/tcp.o '<command>' >
/// net/ipv4/.tcp.o.cmd; rm -f ...`. A dry run prints that line with the command quoted for the shell, so the text
/// between the quotes, unquoted, is byte for byte what the `.cmd` file would record after `cmd_net/ipv4/tcp.o := `
/// (`savedcmd_` from 6.2): the same text `CompileCommand(kbuildCommandFile:)` reads after a build.
public enum KbuildDryRun {
  /// The commands the dry run's `output` says for `files` (tree-relative `.c` paths); files it says nothing about are
  /// left out.
  public static func commands(in output: String, for files: [SourcePath], directory: String) -> [SourcePath: CompileCommand] {
    var wanted: [String: SourcePath] = [:]
    for file in files where file.value.hasSuffix(".c") { wanted[commandFileName(of: file)] = file }
    var out: [SourcePath: CompileCommand] = [:]
    for line in output.split(separator: "\n", omittingEmptySubsequences: true) where line.contains("fixdep") {
      for (quoted, commandFile) in fixdepCommands(in: Substring(line)) {
        guard let file = wanted[commandFile], out[file] == nil else { continue }
        let target = String(file.value.dropLast(2)) + ".o"
        if let command = CompileCommand(kbuildCommandFile: "cmd_\(target) := \(quoted)\n", directory: directory) {
          out[file] = command
        }
      }
    }
    return out
  }

  /// The `.cmd` file kbuild writes for `file`: `net/ipv4/.tcp.o.cmd`.
  static func commandFileName(of file: SourcePath) -> String {
    let base = String(file.value.dropLast(2))
    let dir = (base as NSString).deletingLastPathComponent
    let name = (base as NSString).lastPathComponent
    return (dir.isEmpty ? "" : dir + "/") + "." + name + ".o.cmd"
  }

  /// Each `'<command>' > <file>.cmd` in a recipe line, with the command unquoted (`'\''` is a quote) and the `.cmd`
  /// file it goes to.
  static func fixdepCommands(in line: Substring) -> [(String, String)] {
    var found: [(String, String)] = []
    var rest = line[...]
    while let marker = rest.range(of: "scripts/basic/fixdep ") {
      rest = rest[marker.upperBound...]
      guard let open = rest.firstIndex(of: "'") else { break }
      var command = ""
      var i = rest.index(after: open)
      var closed = false
      while i < rest.endIndex {
        if rest[i] == "'" {
          let escaped = rest[i...].hasPrefix("'\\''")
          if escaped {
            command.append("'")
            i = rest.index(i, offsetBy: 4)
            continue
          }
          closed = true
          break
        }
        command.append(rest[i])
        i = rest.index(after: i)
      }
      guard closed else { break }
      rest = rest[rest.index(after: i)...]
      let afterQuote = rest.drop { $0 == " " }
      guard afterQuote.hasPrefix(">") else { continue }
      let target = afterQuote.dropFirst().drop { $0 == " " }.prefix { $0 != ";" && $0 != " " && $0 != "\t" }
      found.append((command, String(target)))
    }
    return found
  }
}
