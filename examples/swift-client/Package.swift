// swift-tools-version:5.9
// A Swift program using an installed libesent: `import CEsent` comes from PREFIX/include/module.modulemap, which
// also links -lesent. For a PREFIX other than /usr/local:
//   swift build -Xswiftc -I$PREFIX/include -Xlinker -L$PREFIX/lib
import PackageDescription

let package = Package(
    name: "esent-swift-client",
    targets: [
        .executableTarget(name: "EsentClient", path: "Sources/EsentClient")
    ]
)
