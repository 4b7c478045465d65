import Foundation
import KwalkCore
import KwalkKernel
import KwalkTestSupport
import Testing

/// Compile commands from kbuild's `.cmd` files, and the one-line errors for bad kernel input.
@Suite struct KernelTests {
  @Test func kbuildCommandFile() throws {
    let text = """
      savedcmd_net/core/dev.o := clang -Wp,-MMD,net/core/.dev.o.d -nostdinc -I/src/include -I./include -include /src/include/linux/kconfig.h -DKBUILD_MODFILE='"net/core/dev"' -DX=\\#1 -I /src/net/core -I ./net/core -c -o net/core/dev.o /src/net/core/dev.c  ; ./tools/objtool/objtool --orc net/core/dev.o

      source_net/core/dev.o := /src/net/core/dev.c
      """
    let c = try #require(CompileCommand(kbuildCommandFile: text, directory: "/build"))
    #expect(c.file == "/src/net/core/dev.c")
    #expect(c.arguments.first == "clang")
    #expect(!c.arguments.contains("--orc"))
    #expect(c.arguments.contains("-DKBUILD_MODFILE=\"net/core/dev\""))
    #expect(c.arguments.contains("-DX=#1"))
    #expect(c.frontendArguments == [
      "-nostdinc", "-I/src/include", "-I/build/./include", "-include", "/src/include/linux/kconfig.h",
      "-DKBUILD_MODFILE=\"net/core/dev\"", "-DX=#1", "-I", "/src/net/core", "-I", "/build/./net/core",
    ])
  }

  @Test func olderKbuildPrefix() throws {
    let c = try #require(CompileCommand(kbuildCommandFile: "cmd_a.o := clang -c -o a.o a.c\n", directory: "/b"))
    #expect(c.file == "/b/a.c")
    #expect(CompileCommand(kbuildCommandFile: "deps_a.o := x\n", directory: "/b") == nil)
  }

  @Test func unknownAndMissingKernels() throws {
    let dir = FileManager.default.temporaryDirectory.appendingPathComponent("kwalk-src-\(UUID().uuidString)").path
    try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(atPath: dir) }
    _ = FileManager.default.createFile(atPath: dir + "/linux-source-6.1.tar.xz", contents: Data())
    let debian = DebianKernels(sourceDirectory: dir)
    #expect(debian.installed() == ["6.1"])
    #expect(throws: KernelError.unknownKernel("banana", installed: ["6.1"])) { try debian.locate("banana") }
    do {
      _ = try debian.locate("6.12")
      Issue.record("expected an error")
    } catch let e as KernelError {
      #expect(e.description == "linux-source-6.12 is not installed: apt-get install linux-source-6.12 (installed: 6.1)")
    }
    #expect(throws: KernelError.configNotInstalled(series: "6.1", path: dir + "/linux-config-6.1/config.amd64_none_amd64.xz")) {
      try debian.locate("6.1")
    }
  }

  @Test func notAKernelTree() throws {
    let cache = FileManager.default.temporaryDirectory.appendingPathComponent("kwalk-cache-\(UUID().uuidString)").path
    defer { try? FileManager.default.removeItem(atPath: cache) }
    let preparer = KernelPreparer(cache: KwalkCache(root: cache), progress: .silent)
    let fixture = Fixtures.tree("linux-mini")
    do {
      _ = try preparer.prepare(.tree(path: fixture, config: nil))
      Issue.record("expected an error")
    } catch let e as KernelError {
      #expect(e.description == "\(fixture) is not a kernel tree (no Makefile with VERSION and PATCHLEVEL): point --tree at the top of a Linux source tree")
    }
    #expect(throws: KernelError.self) { try preparer.prepare(.tree(path: "/nonexistent/kwalk", config: nil)) }
    // Nothing half-written: no kernel directory appeared.
    #expect(!FileManager.default.fileExists(atPath: cache + "/kernels/tree-linux-mini"))
  }

  @Test func cacheLocation() {
    #expect(KwalkCache.standard(environment: ["XDG_CACHE_HOME": "/x"]).root == "/x/kwalk")
    #expect(KwalkCache.standard(environment: ["HOME": "/home/u"]).root == "/home/u/.cache/kwalk")
  }
}
