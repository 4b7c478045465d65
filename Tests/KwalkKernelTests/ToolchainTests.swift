import Foundation
import KwalkKernel
import KwalkTestSupport
import Testing

/// Which LLVM a tree gets, and the one-line errors when this machine cannot give it.
@Suite struct ToolchainTests {
  @Test func minimumFromTheTree() throws {
    let root = Fixtures.tree("toolchains")
    #expect(LLVMVersions.minimum(ofTreeAt: root + "/needs-llvm-17") == ToolVersion(major: 17, minor: 0, patch: 1))
    #expect(LLVMVersions.minimum(ofTreeAt: root + "/clang-header") == ToolVersion(major: 10, minor: 0, patch: 1))
    #expect(LLVMVersions.minimum(ofTreeAt: root + "/none") == nil)
  }

  @Test func debianDefaultWhenNewEnoughElseTheOldestThatIs() throws {
    let machine = LLVMVersions(installed: [14, 19], installable: [13, 14, 15, 16, 19])
    #expect(try machine.choose(minimum: ToolVersion("10.0.1"), kernel: "linux 5.10.223").llvm == 14)
    #expect(try machine.choose(minimum: ToolVersion("13.0.1"), kernel: "linux 6.12.117").llvm == 14)
    #expect(try machine.choose(minimum: nil, kernel: "linux 6.1.192").llvm == 14)
    let t = try machine.choose(minimum: ToolVersion("17.0.1"), kernel: "linux 7.2.13")
    #expect(t.llvm == 19 && t.clang == "/usr/lib/llvm-19/bin/clang")
    #expect(t.packages == ["clang-19", "lld-19", "llvm-19", "libclang-19-dev"])
    // 15 is what a tree needing 15 gets, installed or not.
    let missing = try #require(throws: KernelError.self) {
      try machine.choose(minimum: ToolVersion("15.0.0"), kernel: "linux 6.99.1")
    }
    #expect(
      missing.description
        == "linux 6.99.1 needs LLVM 15.0.0 or later: apt-get install clang-15 lld-15 llvm-15 libclang-15-dev")
    let tooNew = try #require(throws: KernelError.self) {
      try machine.choose(minimum: ToolVersion("21.0.0"), kernel: "linux 8.1.2")
    }
    #expect(tooNew.description == "linux 8.1.2 needs LLVM 21.0.0 or later, which no Debian package here provides "
      + "(Debian LLVMs known to apt: 13, 14, 15, 16, 19); use a kernel that builds with one of them")
  }

  @Test func toolVersions() {
    #expect(ToolVersion("17.0.1")?.description == "17.0.1")
    #expect(ToolVersion("18")?.description == "18.0.0")
    #expect(ToolVersion("x.1") == nil && ToolVersion("") == nil && ToolVersion("1.2.3.4") == nil)
  }
}
