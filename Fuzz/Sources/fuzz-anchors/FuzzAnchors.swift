import FuzzSupport
import KwalkAnnotate

// libFuzzer calls this with each input: the text of one `anchors.lock`.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzAnchors(_ start: UnsafePointer<UInt8>?, _ count: Int) -> CInt {
  let text = FuzzOracle.text(start, count)
  let file = "fuzz/anchors.lock"
  do {
    _ = try AnchorRecord.parse(text, file: file)
  } catch {
    FuzzOracle.check(error, source: file, text: text)
  }
  return 0
}

/// `fuzz-anchors`: AnchorRecord.parse under libFuzzer (`make fuzz`).
@main enum FuzzAnchors {
  static func main() { FuzzDriver.run(fuzzAnchors) }
}
