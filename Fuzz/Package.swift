// swift-tools-version: 6.0
// The libFuzzer targets of cartrial (README: "Fuzzing"). A package of its own, depending on the main
// package by path, so that the main package's `swift build` and `swift test` never build it.
// Build and run with `Fuzz/run`, which passes `-sanitize=fuzzer,address` to every module.
import PackageDescription

/// libFuzzer's runtime and AddressSanitizer's are linked into each target; gold fails on the
/// entry-point alias SwiftPM adds to executables, so the targets link with lld (shipped with Swift).
let fuzzerLinking: [LinkerSetting] = [.unsafeFlags(["-sanitize=fuzzer,address", "-use-ld=lld"])]

/// One executable per fuzz target: its `main.swift` hands one entry point to ``FuzzSupport``.
func fuzzTarget(_ name: String, _ products: [String]) -> Target {
  .executableTarget(
    name: name,
    dependencies: ["FuzzSupport"] + products.map { .product(name: $0, package: "cartrial") },
    path: "Sources/\(name)", linkerSettings: fuzzerLinking)
}

let package = Package(
  name: "cartrial-fuzz",
  platforms: [.macOS(.v14)],
  dependencies: [.package(path: "cartrial")],
  targets: [
    .target(
      name: "FuzzSupport", dependencies: [.product(name: "Eligibility", package: "cartrial")],
      path: "Sources/FuzzSupport"),
    fuzzTarget("fuzz-protocol", ["ProtocolFiles", "Inputs", "Eligibility"]),
    fuzzTarget("fuzz-criteria", ["Eligibility", "TrialModel"]),
    fuzzTarget("fuzz-patient", ["Eligibility", "ProtocolFiles", "Inputs"]),
    fuzzTarget("fuzz-assessment", ["Assessment", "Inputs", "TrialModel"]),
    fuzzTarget("fuzz-csv", ["Reports", "Inputs"]),
    fuzzTarget("fuzz-counts", ["DoseFinding", "Inputs"]),
  ]
)
