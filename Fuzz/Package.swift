// swift-tools-version:6.0
import PackageDescription

/// The root package's targets import CClang, whose header needs Debian's libclang 14 headers.
let clangHeaders: [SwiftSetting] = [.unsafeFlags(["-Xcc", "-I/usr/lib/llvm-14/include"])]

/// libFuzzer harnesses for the four parsers that read what users write (issue #13). A package of its own so that
/// `-sanitize=fuzzer` never reaches kwalk's own build; `make fuzz` builds and runs them.
let package = Package(
  name: "kwalk-fuzz",
  dependencies: [.package(name: "kwalk", path: "..")],
  targets: [
    .systemLibrary(name: "CLibFuzzer"),
    .target(name: "FuzzSupport", dependencies: ["CLibFuzzer"]),
    .executableTarget(
      name: "fuzz-walkthrough",
      dependencies: ["FuzzSupport", .product(name: "KwalkGraph", package: "kwalk")], swiftSettings: clangHeaders),
    .executableTarget(
      name: "fuzz-annotations",
      dependencies: ["FuzzSupport", .product(name: "KwalkAnnotate", package: "kwalk")], swiftSettings: clangHeaders),
    .executableTarget(
      name: "fuzz-anchors",
      dependencies: ["FuzzSupport", .product(name: "KwalkAnnotate", package: "kwalk")], swiftSettings: clangHeaders),
    .executableTarget(
      name: "fuzz-trace",
      dependencies: ["FuzzSupport", .product(name: "KwalkTrace", package: "kwalk")], swiftSettings: clangHeaders),
  ]
)
