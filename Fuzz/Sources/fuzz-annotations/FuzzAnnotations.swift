import FuzzSupport
import KwalkAnnotate

// libFuzzer calls this with each input: the text of one annotation file (`Annotations/<walkthrough>/*.md`).
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzAnnotations(_ start: UnsafePointer<UInt8>?, _ count: Int) -> CInt {
  let text = FuzzOracle.text(start, count)
  let file = "fuzz.md"
  do {
    let notes = try AnnotationParser.parse(text, file: file)
    FuzzOracle.checkLines(notes.map { ($0.line, "annotation \($0.id)") }, in: text)
  } catch {
    FuzzOracle.check(error, source: file, text: text)
  }
  return 0
}

/// `fuzz-annotations`: AnnotationParser.parse under libFuzzer (`make fuzz`).
@main enum FuzzAnnotations {
  static func main() { FuzzDriver.run(fuzzAnnotations) }
}
