// swift-tools-version:6.0
import PackageDescription

/// Debian's libclang 14 keeps its headers under /usr/lib/llvm-14; KwalkClang loads the library itself at run time.
let clangHeaders: [SwiftSetting] = [.unsafeFlags(["-Xcc", "-I/usr/lib/llvm-14/include"])]

let package = Package(
  name: "kwalk",
  platforms: [.macOS(.v13)],
  products: [
    .executable(name: "kwalk", targets: ["kwalk"]),
    // For the libFuzzer harnesses in Fuzz/, which can only reach this package's targets through products.
    .library(name: "KwalkGraph", targets: ["KwalkGraph"]),
    .library(name: "KwalkAnnotate", targets: ["KwalkAnnotate"]),
    .library(name: "KwalkTrace", targets: ["KwalkTrace"]),
  ],
  dependencies: [
    .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
    .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
  ],
  targets: [
    .executableTarget(name: "kwalk", dependencies: ["KwalkCommandLine"], swiftSettings: clangHeaders),
    .target(
      name: "KwalkCommandLine",
      dependencies: [
        "KwalkCore", "KwalkKernel", "KwalkIndex", "KwalkStore", "KwalkGraph", "KwalkAnnotate", "KwalkRender",
        "KwalkDiff", "KwalkSimulate", "KwalkTrace",
        .product(name: "ArgumentParser", package: "swift-argument-parser"),
      ], swiftSettings: clangHeaders),
    .target(name: "KwalkCore"),
    .systemLibrary(name: "CClang", path: "Sources/CClang"),
    .target(name: "KwalkClang", dependencies: ["CClang", "KwalkCore"], swiftSettings: clangHeaders),
    .target(name: "KwalkKernel", dependencies: ["KwalkCore"], swiftSettings: clangHeaders),
    .target(name: "KwalkStore", dependencies: ["KwalkCore", .product(name: "GRDB", package: "GRDB.swift")], swiftSettings: clangHeaders),
    .target(name: "KwalkIndex", dependencies: ["KwalkCore", "KwalkClang", "KwalkKernel", "KwalkStore"], swiftSettings: clangHeaders),
    .target(name: "KwalkGraph", dependencies: ["KwalkCore", "KwalkIndex"], swiftSettings: clangHeaders),
    .target(name: "KwalkAnnotate", dependencies: ["KwalkCore", "KwalkIndex", "KwalkGraph"], swiftSettings: clangHeaders),
    .target(
      name: "KwalkDiff", dependencies: ["KwalkCore", "KwalkIndex", "KwalkGraph", "KwalkAnnotate"],
      swiftSettings: clangHeaders),
    .target(name: "KwalkSimulate", dependencies: ["KwalkCore", "KwalkGraph", "KwalkIndex"], swiftSettings: clangHeaders),
    .target(
      name: "KwalkTrace", dependencies: ["KwalkCore", "KwalkGraph", "KwalkIndex", "KwalkSimulate"],
      swiftSettings: clangHeaders),
    .target(
      name: "KwalkRender",
      dependencies: ["KwalkCore", "KwalkGraph", "KwalkAnnotate", "KwalkDiff", "KwalkSimulate", "KwalkTrace"],
      swiftSettings: clangHeaders),
    .target(
      name: "KwalkTestSupport",
      dependencies: ["KwalkCore", "KwalkKernel", "KwalkIndex", "KwalkGraph"], swiftSettings: clangHeaders),
    .testTarget(name: "KwalkCoreTests", dependencies: ["KwalkCore", "KwalkTestSupport"], swiftSettings: clangHeaders),
    .testTarget(
      name: "KwalkClangTests", dependencies: ["KwalkClang", "KwalkTestSupport"], swiftSettings: clangHeaders),
    .testTarget(name: "KwalkKernelTests", dependencies: ["KwalkKernel", "KwalkTestSupport"], swiftSettings: clangHeaders),
    .testTarget(name: "KwalkIndexTests", dependencies: ["KwalkIndex", "KwalkStore", "KwalkTestSupport"], swiftSettings: clangHeaders),
    .testTarget(name: "KwalkGraphTests", dependencies: ["KwalkGraph", "KwalkTestSupport"], swiftSettings: clangHeaders),
    .testTarget(
      name: "KwalkAnnotateTests", dependencies: ["KwalkAnnotate", "KwalkIndex", "KwalkTestSupport"],
      swiftSettings: clangHeaders),
    .testTarget(
      name: "KwalkDiffTests", dependencies: ["KwalkDiff", "KwalkGraph", "KwalkRender", "KwalkTestSupport"],
      swiftSettings: clangHeaders),
    .testTarget(
      name: "KwalkRenderTests",
      dependencies: [
        "KwalkRender", "KwalkGraph", "KwalkAnnotate", "KwalkTestSupport", "KwalkSimulate", "KwalkTrace", "KwalkDiff",
      ],
      exclude: ["Snapshots"], swiftSettings: clangHeaders),
    .testTarget(
      name: "KwalkSimulateTests", dependencies: ["KwalkSimulate", "KwalkGraph", "KwalkTestSupport"],
      swiftSettings: clangHeaders),
    .testTarget(
      name: "KwalkTraceTests", dependencies: ["KwalkTrace", "KwalkSimulate", "KwalkGraph", "KwalkTestSupport"],
      swiftSettings: clangHeaders),
    .testTarget(
      name: "KwalkIntegrationTests",
      dependencies: [
        "KwalkKernel", "KwalkIndex", "KwalkGraph", "KwalkAnnotate", "KwalkClang", "KwalkTestSupport", "KwalkCommandLine",
        "kwalk", "KwalkDiff", "KwalkSimulate", "KwalkTrace",
      ],
      swiftSettings: clangHeaders),
  ],
  swiftLanguageModes: [.v6]
)
