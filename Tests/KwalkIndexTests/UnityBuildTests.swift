import Foundation
import KwalkCore
import KwalkIndex
import KwalkTestSupport
import Testing

/// A `.c` file that kbuild compiles inside another (kernel/sched's unity builds) is indexed through the file that
/// includes it, and its functions are facts like any other (route-rank's kernel/sched).
@Suite struct UnityBuildTests {
  let locator = DefinitionLocator(sourceRoot: Fixtures.tree("route-rank"))

  @Test func anIncludedFileIsBuiltThroughItsIncluder() {
    #expect(locator.unit(for: "kernel/sched/wait.c") == "kernel/sched/build_utility.c")
    #expect(locator.unit(for: "kernel/sched/completion.c") == "kernel/sched/build_utility.c")
    #expect(locator.unit(for: "kernel/sched/build_utility.c") == "kernel/sched/build_utility.c")
    #expect(locator.unit(for: "net/core/push.c") == "net/core/push.c")
  }
}
