import FuzzSupport
import KwalkTrace

// libFuzzer calls this with each input: the text of one ftrace file, as `kwalk verify --trace FILE` reads it.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzTrace(_ start: UnsafePointer<UInt8>?, _ count: Int) -> CInt {
  let text = FuzzOracle.text(start, count)
  let source = "fuzz.trace"
  do {
    let trace = try TraceParser.parse(text, source: source)
    FuzzOracle.checkLines(trace.records.map { ($0.line, "record \($0.name)") }, in: text)
  } catch {
    // "Not ftrace text" is a verdict on the whole file (more lines that are not events than events), so it names
    // the file and no line; every other error must name a line.
    FuzzOracle.check(error, source: source, text: text, wholeFile: TraceError.notFtrace(source).description)
  }
  return 0
}

/// `fuzz-trace`: TraceParser.parse under libFuzzer (`make fuzz`).
@main enum FuzzTrace {
  static func main() { FuzzDriver.run(fuzzTrace) }
}
