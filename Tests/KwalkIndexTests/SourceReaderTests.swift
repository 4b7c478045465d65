import KwalkCore
import KwalkIndex
import Testing

/// Which translation unit tokenizes which file for the source pages.
@Suite struct SourceReaderTests {
  let mapper = TreePathMapper(sourceRoot: "/src", buildRoot: "/build")
  let inputs: [SourcePath: [String]] = [
    "net/a.c": ["/src/net/a.c", "/src/include/x.h"],
    "net/b.c": ["/src/net/b.c", "/build/../src/include/x.h", "/src/include/y.h"],
    "net/c.c": ["/src/net/c.c", "/src/include/y.h"],
  ]

  @Test func headersGoThroughAUnitAlreadyParsed() {
    let plan = SourceReader.plan(
      files: ["include/x.h", "include/y.h", "net/b.c", "include/z.h"], inputs: inputs,
      commands: ["net/a.c", "net/b.c", "net/c.c"], mapper: mapper)
    // b.c is parsed anyway and read both headers: one parse serves all three files. z.h was read by no unit.
    #expect(plan == ["net/b.c": ["net/b.c", "include/x.h", "include/y.h"]])
  }

  @Test func otherwiseTheFirstUnitThatReadIt() {
    let plan = SourceReader.plan(
      files: ["include/y.h"], inputs: inputs, commands: ["net/a.c", "net/b.c", "net/c.c"], mapper: mapper)
    #expect(plan == ["net/b.c": ["include/y.h"]])
    let noCommand = SourceReader.plan(files: ["include/y.h"], inputs: inputs, commands: ["net/c.c"], mapper: mapper)
    #expect(noCommand == ["net/c.c": ["include/y.h"]], "a unit kbuild has no command for cannot be parsed again")
  }
}
