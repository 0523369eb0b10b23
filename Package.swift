// swift-tools-version: 6.0
import PackageDescription

/// Shared compiler settings for every target (Swift 6 language mode is implied by the tools version).
let swiftSettings: [SwiftSetting] = [
  .enableUpcomingFeature("ExistentialAny")
]

let package = Package(
  name: "cartrial",
  platforms: [.macOS(.v14)],
  products: [
    .executable(name: "cartrial", targets: ["cartrial"]),
    .library(name: "Inputs", targets: ["Inputs"]),
    .library(name: "TrialModel", targets: ["TrialModel"]),
    .library(name: "ProtocolFiles", targets: ["ProtocolFiles"]),
    .library(name: "Probability", targets: ["Probability"]),
    .library(name: "DoseFinding", targets: ["DoseFinding"]),
    .library(name: "Simulation", targets: ["Simulation"]),
    .library(name: "Eligibility", targets: ["Eligibility"]),
    .library(name: "Assessment", targets: ["Assessment"]),
    .library(name: "Analysis", targets: ["Analysis"]),
    .library(name: "Charts", targets: ["Charts"]),
    .library(name: "Trials", targets: ["Trials"]),
    .library(name: "Reports", targets: ["Reports"]),
    .library(name: "TrialConduct", targets: ["TrialConduct"]),
    .library(name: "TrialStore", targets: ["TrialStore"]),
    .library(name: "TrialServer", targets: ["TrialServer"]),
    .library(name: "Registry", targets: ["Registry"]),
    .library(name: "Exports", targets: ["Exports"]),
  ],
  dependencies: [
    .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
    .package(url: "https://github.com/jpsim/Yams", from: "6.0.0"),
    .package(url: "https://github.com/apple/swift-numerics", from: "1.0.0"),
    .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
    .package(url: "https://github.com/vapor/postgres-nio", from: "1.33.2"),
    .package(url: "https://github.com/apple/swift-crypto", from: "3.12.3"),
    .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.28.1"),
    .package(url: "https://github.com/hummingbird-project/hummingbird-auth", from: "2.5.0"),
    .package(url: "https://github.com/hummingbird-project/swift-mustache", from: "2.1.1"),
    .package(url: "https://github.com/apple/swift-log", from: "1.16.2"),
    .package(url: "https://github.com/swift-server/swift-service-lifecycle", from: "2.13.0"),
    .package(url: "https://github.com/apple/swift-http-types", from: "1.8.0"),
    .package(url: "https://github.com/apple/swift-nio", from: "2.101.2"),
  ],
  targets: [
    .target(name: "Inputs", swiftSettings: swiftSettings),
    .target(name: "TrialModel", dependencies: ["Inputs"], swiftSettings: swiftSettings),
    .target(
      name: "Probability",
      dependencies: [.product(name: "RealModule", package: "swift-numerics")],
      swiftSettings: swiftSettings),
    .target(
      name: "DoseFinding",
      dependencies: ["Inputs", "Probability", .product(name: "RealModule", package: "swift-numerics")],
      swiftSettings: swiftSettings),
    .target(name: "Simulation", dependencies: ["DoseFinding", "Inputs"], swiftSettings: swiftSettings),
    .target(name: "Eligibility", dependencies: ["Inputs", "TrialModel"], swiftSettings: swiftSettings),
    .target(
      name: "ProtocolFiles",
      dependencies: ["TrialModel", "Inputs", "Eligibility", "DoseFinding", "Yams"],
      resources: [.copy("Resources/Protocols")],
      swiftSettings: swiftSettings),
    .target(
      name: "Assessment",
      dependencies: ["Inputs", "TrialModel", .product(name: "RealModule", package: "swift-numerics")],
      swiftSettings: swiftSettings),
    .target(
      name: "Analysis",
      dependencies: ["Probability", "TrialModel", .product(name: "RealModule", package: "swift-numerics")],
      swiftSettings: swiftSettings),
    .target(name: "Charts", swiftSettings: swiftSettings),
    .target(
      name: "Trials",
      dependencies: ["Inputs", "TrialModel", "ProtocolFiles", "DoseFinding", "Simulation", "Charts"],
      swiftSettings: swiftSettings),
    .target(
      name: "Reports", dependencies: ["Inputs", "TrialModel", "Assessment", "Analysis", "Charts"],
      swiftSettings: swiftSettings),
    // Finding: ClinicalTrials.gov v2 records, draft protocols with suggested criteria, search and
    // pre-screening (pure; the store keeps the imported records).
    .target(
      name: "Registry",
      dependencies: ["Inputs", "TrialModel", "Eligibility", "ProtocolFiles"],
      swiftSettings: swiftSettings),
    // Standard exports of a trial's state: CDISC SDTM, HL7 FHIR R4, CDISC ODM (pure).
    .target(
      name: "Exports",
      dependencies: ["Inputs", "TrialModel", "Assessment", "Analysis", "Reports", "TrialConduct"],
      swiftSettings: swiftSettings),
    // The event store: I/O by design (SQLite, PostgreSQL, key files), kept out of every pure target.
    .target(
      name: "TrialStore",
      dependencies: [
        "Inputs", "TrialModel", "ProtocolFiles", "TrialConduct", "Registry",
        .product(name: "GRDB", package: "GRDB.swift"),
        .product(name: "PostgresNIO", package: "postgres-nio"),
        .product(name: "Crypto", package: "swift-crypto"),
      ],
      swiftSettings: swiftSettings),
    .target(
      name: "TrialConduct",
      dependencies: [
        "Inputs", "TrialModel", "ProtocolFiles", "Eligibility", "Assessment", "DoseFinding", "Simulation",
        "Trials",
        "Analysis", "Reports",
      ],
      swiftSettings: swiftSettings),
    // The web application: HTTP API, pages, accounts and sessions (Hummingbird, on the store).
    .target(
      name: "TrialServer",
      dependencies: [
        "Inputs", "TrialModel", "ProtocolFiles", "Trials", "Reports", "Charts", "Eligibility", "Assessment",
        "DoseFinding", "Simulation", "TrialConduct", "TrialStore", "Registry", "Exports",
        .product(name: "Hummingbird", package: "hummingbird"),
        .product(name: "HummingbirdBcrypt", package: "hummingbird-auth"),
        .product(name: "Mustache", package: "swift-mustache"),
        .product(name: "Logging", package: "swift-log"),
        .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
        .product(name: "Crypto", package: "swift-crypto"),
        .product(name: "HTTPTypes", package: "swift-http-types"),
        .product(name: "NIOCore", package: "swift-nio"),
        .product(name: "NIOPosix", package: "swift-nio"),
      ],
      resources: [.copy("Resources/Templates"), .copy("Resources/Static"), .copy("Resources/OpenAPI")],
      swiftSettings: swiftSettings),
    .target(
      name: "CartrialCLI",
      dependencies: [
        "Inputs", "TrialModel", "ProtocolFiles", "DoseFinding", "Simulation", "Eligibility", "Assessment",
        "Analysis", "Charts", "Trials", "Reports", "TrialConduct", "TrialStore", "TrialServer", "Registry",
        "Exports",
        .product(name: "ArgumentParser", package: "swift-argument-parser"),
        .product(name: "Logging", package: "swift-log"),
      ],
      swiftSettings: swiftSettings),
    .executableTarget(name: "cartrial", dependencies: ["CartrialCLI"], swiftSettings: swiftSettings),
    .executableTarget(
      name: "cartrial-bench",
      dependencies: [
        "Probability", "DoseFinding", "Simulation", "Eligibility", "TrialModel", "ProtocolFiles", "Analysis",
        "Assessment", "TrialConduct", "TrialStore", "Registry", .product(name: "GRDB", package: "GRDB.swift"),
        .product(name: "PostgresNIO", package: "postgres-nio"),
      ],
      path: "Benchmarks/cartrial-bench",
      swiftSettings: swiftSettings),
    .target(name: "TestSupport", path: "Tests/TestSupport", swiftSettings: swiftSettings),
    .testTarget(name: "InputsTests", dependencies: ["Inputs"], swiftSettings: swiftSettings),
    .testTarget(
      name: "ProtocolFilesTests", dependencies: ["ProtocolFiles", "TrialModel", "Inputs"],
      swiftSettings: swiftSettings),
    .testTarget(
      name: "TrialModelTests", dependencies: ["TrialModel", "Inputs"], swiftSettings: swiftSettings),
    .testTarget(name: "ProbabilityTests", dependencies: ["Probability"], swiftSettings: swiftSettings),
    .testTarget(
      name: "DoseFindingTests", dependencies: ["DoseFinding", "Inputs", "TestSupport"],
      swiftSettings: swiftSettings),
    .testTarget(
      name: "SimulationTests", dependencies: ["Simulation", "DoseFinding", "Inputs", "TestSupport"],
      swiftSettings: swiftSettings),
    .testTarget(
      name: "EligibilityTests",
      dependencies: ["Eligibility", "Inputs", "TrialModel", "ProtocolFiles", "TestSupport"],
      swiftSettings: swiftSettings),
    .testTarget(
      name: "AssessmentTests", dependencies: ["Assessment", "Inputs", "TrialModel", "ProtocolFiles"],
      swiftSettings: swiftSettings),
    .testTarget(
      name: "AnalysisTests", dependencies: ["Analysis", "TrialModel", "TestSupport"],
      swiftSettings: swiftSettings),
    .testTarget(
      name: "TrialsTests",
      dependencies: [
        "Trials", "TrialModel", "ProtocolFiles", "DoseFinding", "Simulation", "Inputs", "TestSupport",
      ],
      swiftSettings: swiftSettings),
    .testTarget(name: "ChartsTests", dependencies: ["Charts"], swiftSettings: swiftSettings),
    .testTarget(
      name: "ReportsTests", dependencies: ["Reports", "Analysis", "TrialModel", "Inputs", "ProtocolFiles"],
      swiftSettings: swiftSettings),
    .testTarget(
      name: "CartrialCLITests", dependencies: ["CartrialCLI", "Inputs", "ProtocolFiles", "TestSupport"],
      swiftSettings: swiftSettings),
    .testTarget(
      name: "TrialConductTests",
      dependencies: [
        "TrialConduct", "TrialModel", "ProtocolFiles", "Eligibility", "Assessment", "Inputs", "TestSupport",
        "DoseFinding", "Trials",
      ],
      swiftSettings: swiftSettings),
    .testTarget(
      name: "TrialStoreTests",
      dependencies: [
        "TrialStore", "TrialConduct", "TrialModel", "ProtocolFiles", "Inputs", "Registry", "TestSupport",
      ],
      swiftSettings: swiftSettings),
    .testTarget(
      name: "TrialServerTests",
      dependencies: [
        "TrialServer", "TrialStore", "TrialConduct", "Trials", "Simulation", "Inputs", "TestSupport",
        .product(name: "HummingbirdTesting", package: "hummingbird"),
        .product(name: "Logging", package: "swift-log"),
      ],
      swiftSettings: swiftSettings),
    .testTarget(name: "TestSupportTests", dependencies: ["TestSupport"], swiftSettings: swiftSettings),
    .testTarget(
      name: "RegistryTests",
      dependencies: ["Registry", "Eligibility", "ProtocolFiles", "TrialModel", "Inputs", "TestSupport"],
      swiftSettings: swiftSettings),
    .testTarget(
      name: "ExportsTests",
      dependencies: [
        "Exports", "Assessment", "Reports", "TrialConduct", "TrialModel", "ProtocolFiles", "Inputs",
        "TestSupport",
      ],
      swiftSettings: swiftSettings),
  ]
)
