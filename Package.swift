// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "esent",
    products: [
        // The C library: build/lib/libesent.so comes from this product (see the Makefile for the link flags).
        .library(name: "esent", type: .dynamic, targets: ["Esent"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-system", from: "1.8.1"),
    ],
    targets: [
        // esent.h as a Clang module, shared by the Swift code and Swift/Clang-modules consumers.
        .target(name: "CEsent", path: "include", publicHeadersPath: "."),
        // CRC-32C, the checksum of every page (C: the x86 carry-less multiply instructions, chosen at run time).
        .target(name: "CEsentChecksum", path: "Sources/CEsentChecksum"),
        // The engine: core (registry, instances, backup), storage (file formats, log, replay) and I/O.
        // Package-internal (`package` access), shared by the C library and the command-line tool.
        .target(
            name: "EsentCore",
            dependencies: [
                "CEsent", "CEsentChecksum", .product(name: "SystemPackage", package: "swift-system"),
            ],
            path: "Sources/EsentCore"
        ),
        // The C ABI: thin @c functions that unpack, call EsentCore and map the result.
        .target(
            name: "Esent",
            dependencies: ["CEsent", "EsentCore"],
            path: "Sources/Esent"
        ),
        .testTarget(name: "EsentTests", dependencies: ["EsentCore", "CEsent"], path: "Tests/EsentTests"),
    ],
    // Swift 6: the compiler checks data races; instance state is Sendable and lives behind its Mutex.
    swiftLanguageModes: [.v6]
)
