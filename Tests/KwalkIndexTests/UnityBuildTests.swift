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

  @Test func theIncludedFilesFunctionsAreIndexed() throws {
    let snapshot = try Fixtures.snapshot(tree: "route-rank", files: ["kernel/sched/build_utility.c"])
    let wake = try #require(snapshot.functions(named: "wake_up_common").first)
    #expect(wake.location.path == "kernel/sched/wait.c")
    #expect(snapshot.functions(named: "complete_all").first?.location.path == "kernel/sched/completion.c")
    let calls = snapshot.callsByCaller[wake.id] ?? []
    #expect(calls.map(\.target.description) == ["wait_queue_entry.func"])
  }
}
