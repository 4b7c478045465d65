import ArgumentParser
import KwalkCore
import KwalkKernel

/// `kwalk flags`: prepares the tree and prints the path of its compile database.
struct FlagsCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "flags",
    abstract: "Prepare a kernel tree and print the path of its compile_commands.json (kbuild's own flags).")

  @OptionGroup var kernel: KernelOptions

  @Option(name: .long, help: "Also print the compile command of this tree-relative .c file.")
  var file: [String] = []

  func run() throws {
    try reportingErrors {
      let progress = ProgressReporter()
      let tree = try KernelPreparer(cache: kernel.kwalkCache, progress: progress).prepare(try kernel.single())
      let defaults: [SourcePath] = ["net/ipv4/ip_output.c", "net/core/dev.c", "drivers/net/loopback.c"]
      let wanted = defaults + file.map { SourcePath($0) }
      let kbuild = Kbuild(tree: tree, progress: progress)
      var commands = try kbuild.compileCommands(for: wanted)
      let asked = file.map { SourcePath($0) }
      // The dry run says a command for any .c file: a build tells whether this config compiles the ones asked for.
      if !asked.isEmpty {
        _ = try kbuild.confirmByBuilding(asked)
        commands = kbuild.database().commands
      }
      for f in asked {
        guard let c = commands[f] else { throw KernelError.notBuilt(file: f.value, log: tree.logDirectory + "/kbuild.log") }
        print(c.arguments.joined(separator: " "))
      }
      print(tree.compileDatabasePath)
    }
  }
}
