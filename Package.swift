// swift-tools-version: 6.0
import PackageDescription

// Data flows one way: CohortIngest -> CohortCore -> CohortCharts / CohortReports -> cohort (CLI).
// Cairo (C) stays behind CCairo and is used by CohortCharts only.
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
        .package(url: "https://github.com/weichsel/ZIPFoundation", from: "0.9.19"),
        .package(url: "https://github.com/hummingbird-project/swift-mustache", from: "2.0.0"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.0.0"),
        .package(url: "https://github.com/apple/swift-nio", from: "2.101.2"),
        .package(url: "https://github.com/apple/swift-nio-ssl", from: "2.37.6"),
        .package(url: "https://github.com/vapor/postgres-nio", from: "1.33.0"),
        .package(url: "https://github.com/apple/swift-log", from: "1.5.3"),
    ],
    targets: [
        .target(name: "CohortCore"),
        .target(name: "CByteScan"),
        .target(name: "CPageMove"),
        .target(name: "CohortIngest", dependencies: ["CohortCore", "CByteScan", "CPageMove", .product(name: "ZIPFoundation", package: "ZIPFoundation")]),
        .target(name: "CAtomicSwap"),
        .target(name: "CohortVocabulary", dependencies: ["CohortCore", "CohortIngest", "CohortMail", "CohortExcel", "CohortDatabase"]),
        .target(
            name: "CohortReports",
            dependencies: ["CohortCore", "CohortVocabulary", "CohortCharts", "CohortMail", "CohortExcel", "CAtomicSwap", .product(name: "Mustache", package: "swift-mustache")],
            // Templates/ links to the top-level templates/ folder; the templates are compiled in,
            // so the binary works wherever it is copied. `--templates DIR` overrides them.
            resources: [
                .embedInCode("Templates/report.html.mustache"),
                .embedInCode("Templates/report.md.mustache"),
                .embedInCode("Templates/index.html.mustache"),
                .embedInCode("Templates/mail.html.mustache"),
            ]
        ),
        .target(name: "CohortSample"),
        .systemLibrary(name: "CCairo", pkgConfig: "cairo", providers: [.apt(["libcairo2-dev"])]),
        .systemLibrary(name: "CDeflate", pkgConfig: "zlib", providers: [.apt(["zlib1g-dev"])]),
        .target(name: "CohortCharts", dependencies: ["CohortCore", "CohortVocabulary", "CCairo", "CDeflate"]),
        // libxlsxwriter (C) stays behind CXLSXWriter and is used by CohortExcel only.
        .systemLibrary(name: "CXLSXWriter", pkgConfig: "xlsxwriter", providers: [.apt(["libxlsxwriter-dev"])]),
        .target(name: "CohortExcel", dependencies: ["CohortCore", "CXLSXWriter"]),
        // CohortMail: report.eml (RFC 5322 / MIME) and sending it over SMTP; SwiftNIO (+ NIOSSL for STARTTLS).
        .target(
            name: "CohortMail",
            dependencies: [
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "NIOTLS", package: "swift-nio"),
                .product(name: "NIOSSL", package: "swift-nio-ssl"),
            ]
        ),
        // A PostgreSQL order source: the statements and what comes back (CohortDatabase), and the client
        // that runs them (CohortPostgres: postgres-nio stays behind it, as Cairo stays behind CCairo).
        .target(name: "CohortDatabase", dependencies: ["CohortCore", "CohortIngest"]),
        .target(name: "CohortPostgres", dependencies: ["CohortDatabase", "CohortCore", "CohortIngest", .product(name: "PostgresNIO", package: "postgres-nio"),
                                                .product(name: "Logging", package: "swift-log")]),
        .target(
            name: "CohortJob",
            dependencies: ["CohortCore", "CohortIngest", "CohortVocabulary", "CohortCharts", "CohortReports", "CohortMail", "CohortDatabase",
                           "CohortPostgres", .product(name: "Yams", package: "Yams")]
        ),
        .executableTarget(
            name: "cohort",
            dependencies: [
                "CohortCore", "CohortIngest", "CohortVocabulary", "CohortCharts", "CohortReports", "CohortExcel", "CohortJob", "CohortSample", "CohortMail",
                "CohortDatabase",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .testTarget(name: "CohortCoreTests", dependencies: ["CohortCore", "CohortSample"]),
        .testTarget(name: "CohortIngestTests", dependencies: ["CohortIngest", "CohortCore", "CohortVocabulary", "CohortSample"]),
        .testTarget(name: "CohortVocabularyTests", dependencies: ["CohortVocabulary", "CohortCore", "CohortIngest"]),
        .testTarget(name: "CohortReportsTests", dependencies: ["CohortReports", "CohortCore", "CohortCharts", "CohortIngest", "CohortVocabulary", "CohortMail"],
                    exclude: ["Scripts"]),
        .testTarget(name: "CohortSampleTests", dependencies: ["CohortSample"]),
        .testTarget(name: "CohortChartsTests", dependencies: ["CohortCharts", "CohortCore", "CohortVocabulary", "CohortIngest", "CohortSample"],
                    exclude: ["__Snapshots__"]),
        .testTarget(name: "CohortCLITests", dependencies: ["cohort"]),
        .testTarget(name: "CohortJobTests", dependencies: ["CohortJob", "CohortCore", "CohortVocabulary", "CohortReports", "CohortMail"],
                    exclude: ["Support/read_report.py"]),
        .testTarget(name: "CohortExcelTests", dependencies: ["CohortExcel", "CohortCore"],
                    exclude: ["Support/read_workbook.py"]),
        .testTarget(name: "CohortDatabaseTests", dependencies: ["CohortDatabase", "CohortPostgres", "CohortCore", "CohortIngest", "CohortJob",
                                                               "CohortSample", "CohortVocabulary"]),
        .testTarget(name: "CohortMailTests", dependencies: ["CohortMail", .product(name: "NIOCore", package: "swift-nio")],
                    exclude: ["Scripts"]),
    ],
    swiftLanguageModes: [.v6]
)
