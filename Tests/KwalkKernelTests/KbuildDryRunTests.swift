import Foundation
import KwalkCore
import KwalkKernel
import Testing

/// Compile commands read from the recipe lines `make -n` prints, the way kbuild prints them (6.12's form below, cut
/// short; `'\''` is how kbuild quotes a quote for the shell).
@Suite struct KbuildDryRunTests {
  static let recipe =
    ##"set -e;  echo '  CC      drivers/net/loopback.o';   trap 'rm -f drivers/net/loopback.o; trap - HUP; kill -s HUP $$' HUP; clang -Wp,-MMD,drivers/net/.loopback.o.d -nostdinc -I./include -DKBUILD_MODFILE='"drivers/net/loopback"' -DX=\#1 -c -o drivers/net/loopback.o /src/drivers/net/loopback.c  ; scripts/basic/fixdep drivers/net/.loopback.o.d drivers/net/loopback.o 'clang -Wp,-MMD,drivers/net/.loopback.o.d -nostdinc -I./include -DKBUILD_MODFILE='\''"drivers/net/loopback"'\'' -DX=\#1 -DY=$$HOME -c -o drivers/net/loopback.o /src/drivers/net/loopback.c  ; ./tools/objtool/objtool --orc drivers/net/loopback.o' > drivers/net/.loopback.o.cmd; rm -f drivers/net/.loopback.o.d"##

  @Test func theCommandFixdepWouldRecord() throws {
    let output = ["make[2]: Entering directory '/build'", ":", Self.recipe, "make[2]: Leaving directory '/build'"]
      .joined(separator: "\n")
    let said = KbuildDryRun.commands(
      in: output, for: ["drivers/net/loopback.c", "net/core/dev.c"], directory: "/build")
    #expect(Array(said.keys) == ["drivers/net/loopback.c"])
    let c = try #require(said["drivers/net/loopback.c"])
    // The same text a `.cmd` file holds after a build, read by the same parser.
    let fromFile = try #require(
      CompileCommand(
        kbuildCommandFile: ##"savedcmd_drivers/net/loopback.o := clang -Wp,-MMD,drivers/net/.loopback.o.d -nostdinc -I./include -DKBUILD_MODFILE='"drivers/net/loopback"' -DX=\#1 -DY=$$HOME -c -o drivers/net/loopback.o /src/drivers/net/loopback.c  ; ./tools/objtool/objtool --orc drivers/net/loopback.o"##
          + "\n", directory: "/build"))
    #expect(c == fromFile)
    #expect(c.arguments.contains("-DKBUILD_MODFILE=\"drivers/net/loopback\""))
    #expect(c.arguments.contains("-DX=#1") && c.arguments.contains("-DY=$HOME"))
    #expect(c.file == "/src/drivers/net/loopback.c" && !c.arguments.contains("--orc"))
  }

  @Test func onlyTheFilesAskedForAndOnlyWholeQuotes() {
    let other = Self.recipe.replacingOccurrences(of: "loopback", with: "veth")
    // A line cut off inside the quote (output that is not kbuild's) says nothing.
    let cut = String(Self.recipe.prefix(Self.recipe.count - 80))
    let said = KbuildDryRun.commands(in: other + "\n" + cut, for: ["drivers/net/loopback.c"], directory: "/build")
    #expect(said.isEmpty)
    let veth = KbuildDryRun.commands(in: other + "\n" + cut, for: ["drivers/net/veth.c"], directory: "/build")
    #expect(veth["drivers/net/veth.c"]?.file == "/src/drivers/net/veth.c")
  }
}
