import FuzzSupport
import KwalkGraph

// libFuzzer calls this with each input: the text of one `.walk` file.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzWalkthrough(_ start: UnsafePointer<UInt8>?, _ count: Int) -> CInt {
  let text = FuzzOracle.text(start, count)
  let source = "fuzz.walk"
  do {
    let spec = try WalkthroughSpec.parse(text, source: source)
    for leg in spec.legs { FuzzOracle.checkLine(leg.line, in: text, what: "[\(leg.direction)]") }
    for c in spec.constraints { FuzzOracle.checkLine(c.line, in: text, what: "context \(c.field)") }
  } catch {
    FuzzOracle.check(error, source: source, text: text)
  }
  return 0
}

/// `fuzz-walkthrough`: WalkthroughSpec.parse under libFuzzer (`make fuzz`).
@main enum FuzzWalkthrough {
  static func main() { FuzzDriver.run(fuzzWalkthrough) }
}
