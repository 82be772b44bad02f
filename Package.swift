// swift-tools-version: 6.0
import PackageDescription

// Data flows one way: CohortIngest -> CohortCore -> CohortReports -> cohort (CLI).
// CohortCore is Foundation-only and does no I/O; see ARCHITECTURE in README.md.
let package = Package(
    name: "cohort",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "cohort", targets: ["cohort"]),
        .library(name: "CohortCore", targets: ["CohortCore"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
    ],
    targets: [
        .target(name: "CohortCore"),
        .target(name: "CohortIngest", dependencies: ["CohortCore"]),
        .target(name: "CohortReports", dependencies: ["CohortCore", "CohortIngest"]),
        .target(name: "CohortSample"),
        .executableTarget(
            name: "cohort",
            dependencies: [
                "CohortCore", "CohortIngest", "CohortReports", "CohortSample",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .testTarget(name: "CohortCoreTests", dependencies: ["CohortCore"]),
        .testTarget(name: "CohortIngestTests", dependencies: ["CohortIngest", "CohortCore"]),
        .testTarget(name: "CohortReportsTests", dependencies: ["CohortReports", "CohortCore"]),
        .testTarget(name: "CohortSampleTests", dependencies: ["CohortSample"]),
        .testTarget(name: "CohortCLITests", dependencies: ["cohort"]),
    ],
    swiftLanguageModes: [.v6]
)
