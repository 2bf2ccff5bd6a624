// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "esent",
    products: [
        // The C library: build/lib/libesent.so comes from this product (see the Makefile for the link flags).
        .library(name: "esent", type: .dynamic, targets: ["Esent"]),
        // The esentutl command (dumps, checksums, backup-set verification, recovery); `make` builds it.
        .executable(name: "esentutl", targets: ["esentutl"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-system", from: "1.8.1"),
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
    ],
    targets: [
        // include/esent.h as the library's own Swift code sees it (C spellings of the constants); clients import
        // the installed module map (include/esent.modulemap), which gives Swift typed constants.
        .target(name: "CEsent", path: "Sources/CEsent"),
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
        // esentutl: the command line over EsentCore's inspection code and its JetInit/JetTerm.
        .executableTarget(
            name: "esentutl",
            dependencies: ["CEsent", "EsentCore", .product(name: "ArgumentParser", package: "swift-argument-parser")],
            path: "Sources/esentutl"
        ),
        // make bench-btree: the B+tree alone over pages in memory (ns per insert, lookup, scan step).
        .executableTarget(name: "btree-bench", dependencies: ["EsentCore"], path: "bench/btree"),
        // make bench-engine: the paged engine on a file and a log (ns per cached lookup, durable commits/s).
        .executableTarget(name: "engine-bench", dependencies: ["EsentCore"], path: "bench/engine"),
        .testTarget(name: "EsentTests", dependencies: ["EsentCore", "CEsent"], path: "Tests/EsentTests"),
    ],
    // Swift 6: the compiler checks data races; instance state is Sendable and lives behind its Mutex.
    swiftLanguageModes: [.v6]
)
