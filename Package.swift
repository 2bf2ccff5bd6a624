// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "esent",
    products: [
        // The C library: build/lib/libesent.so comes from this product (see the Makefile for the link flags).
        .library(name: "esent", type: .dynamic, targets: ["Esent"]),
    ],
    targets: [
        // esent.h as a Clang module, shared by the Swift code and Swift/Clang-modules consumers.
        .target(name: "CEsent", path: "include", publicHeadersPath: "."),
        .target(
            name: "Esent",
            dependencies: ["CEsent"],
            path: "Sources/Esent",
            swiftSettings: [.unsafeFlags(["-enforce-exclusivity=unchecked"])]
        ),
        .testTarget(name: "EsentTests", dependencies: ["Esent", "CEsent"], path: "Tests/EsentTests"),
    ],
    // Swift 5 mode: Mutex-protected state is passed inout to the core's closures, which Swift 6 region checking rejects.
    swiftLanguageModes: [.v5]
)
