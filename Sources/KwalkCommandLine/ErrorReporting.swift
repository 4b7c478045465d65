import ArgumentParser
import Foundation
import KwalkKernel

/// Runs a command body; any error becomes one `kwalk: error: …` line (plus kbuild's last lines where they help)
/// and exit status 1.
func reportingErrors(_ body: () throws -> Void) throws {
  do {
    try body()
  } catch let e as ExitCode {
    throw e
  } catch let e as ValidationError {
    throw e
  } catch {
    var text = "kwalk: error: \(error)\n"
    if let k = error as? KernelError {
      for line in k.details { text += "  | \(line)\n" }
    }
    FileHandle.standardError.write(Data(text.utf8))
    throw ExitCode(1)
  }
}

/// Prints JSON with sorted keys.
func printJSON<T: Encodable>(_ value: T) throws {
  let encoder = JSONEncoder()
  encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
  print(String(decoding: try encoder.encode(value), as: UTF8.self))
}
