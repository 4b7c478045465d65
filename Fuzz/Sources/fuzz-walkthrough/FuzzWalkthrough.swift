import FuzzSupport
import KwalkGraph

// libFuzzer calls this with each input: the text of one `.walk` file.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzWalkthrough(_ start: UnsafePointer<UInt8>?, _ count: Int) -> CInt {
  let text = FuzzOracle.text(start, count)
  let source = "fuzz.walk"
  do {
    let spec = try WalkthroughSpec.parse(text, source: source)
    let legs = spec.legs.map { (line: $0.line, what: "[\($0.direction)]") }
    FuzzOracle.checkLines(legs + spec.constraints.map { ($0.line, "context \($0.field)") }, in: text)
  } catch {
    FuzzOracle.check(error, source: source, text: text)
  }
  return 0
}

/// `fuzz-walkthrough`: WalkthroughSpec.parse under libFuzzer (`make fuzz`).
@main enum FuzzWalkthrough {
  static func main() { FuzzDriver.run(fuzzWalkthrough) }
}
