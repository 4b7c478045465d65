import CLibFuzzer
import Glibc

/// Hands the process over to libFuzzer. SwiftPM renames a Swift executable's entry point and links `main` to it
/// (`--defsym main=<module>_main`, so that tests can link executables), which leaves no room for the `main` that
/// libFuzzer ships; each harness's `@main` therefore starts libFuzzer's driver itself.
public enum FuzzDriver {
  /// Runs libFuzzer with the command line's options on `testOneInput` (the harness's `LLVMFuzzerTestOneInput`) and
  /// exits with its status.
  public static func run(_ testOneInput: @convention(c) (UnsafePointer<UInt8>?, Int) -> CInt) -> Never {
    var argc = CommandLine.argc
    var argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>? = CommandLine.unsafeArgv
    exit(LLVMFuzzerRunDriver(&argc, &argv, testOneInput))
  }
}
