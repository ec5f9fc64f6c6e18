// swift-tools-version:6.0
import PackageDescription

// whittle: a Dockerfile optimizer. One module per layer; the executable is a thin shell
// over WhittleCLI. No third-party packages: Foundation, Dispatch and the test libraries only.
let package = Package(
    name: "whittle",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "whittle", targets: ["whittle"]),
        .library(name: "WhittleSyntax", targets: ["WhittleSyntax"]),
        .library(name: "WhittleCLI", targets: ["WhittleCLI"]),
    ],
    targets: [
        .target(name: "WhittleSyntax"),
        .target(name: "WhittleShell"),
        .target(name: "WhittleTOML"),
        .target(name: "WhittleDiff"),
        .target(name: "WhittleEngine", dependencies: ["WhittleSyntax", "WhittleTOML"]),
        .target(name: "WhittlePasses", dependencies: ["WhittleSyntax", "WhittleShell", "WhittleEngine"]),
        .target(
            name: "WhittleCLI",
            dependencies: ["WhittleSyntax", "WhittleShell", "WhittleEngine", "WhittlePasses", "WhittleDiff"]),
        .executableTarget(name: "whittle", dependencies: ["WhittleCLI"]),
        .target(name: "GoldenSupport", path: "Tests/GoldenSupport"),
        .testTarget(name: "WhittleSyntaxTests", dependencies: ["WhittleSyntax", "GoldenSupport"]),
        .testTarget(name: "WhittleTOMLTests", dependencies: ["WhittleTOML"]),
        .testTarget(name: "WhittleDiffTests", dependencies: ["WhittleDiff"]),
        .testTarget(name: "WhittleShellTests", dependencies: ["WhittleShell"]),
        .testTarget(
            name: "WhittlePassesTests",
            dependencies: ["WhittlePasses", "WhittleEngine", "WhittleSyntax", "GoldenSupport"]),
        .testTarget(name: "WhittleCLITests", dependencies: ["WhittleCLI", "WhittleSyntax", "GoldenSupport"]),
    ],
    swiftLanguageModes: [.v6]
)
