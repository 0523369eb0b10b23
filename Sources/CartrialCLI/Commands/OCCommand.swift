import ArgumentParser
import DoseFinding
import Foundation
import Simulation
import TrialModel

/// `cartrial oc`: operating characteristics of a dose-finding design, exact or simulated.
struct OCCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "oc",
    abstract: "Operating characteristics of a dose-finding design under assumed true DLT rates.",
    discussion: """
      Exact (--exact) enumerates every trial path, merging equal states; simulation \
      (--simulate N --seed S) is reproducible for any number of threads and gives a Monte Carlo \
      standard error for every figure. Each --truth gives one result. With --protocol the \
      design comes from the protocol file; a protocol with several groups needs one truth per \
      group: --truth 'A=0.05,0.1,0.25,0.4;B=0.1,0.3'.
      """)

  @OptionGroup var protocolOptions: ProtocolOptions
  @Option(help: "Design: 3+3, i3+3, boin, mtpi2 or crm.") var design: String?
  @Option(help: "Design variant (3+3: classic, korn or find).") var variant: String?
  @Option(help: "Target DLT rate φ (default 0.3; with --protocol, the protocol's).") var target: Double = 0.3
  @Option(help: "Equivalence interval 'lower,upper' (i3+3, mTPI-2); default φ ± 0.05.") var ei: String?
  @Option(help: "CRM skeleton (required for crm), one prior DLT rate per dose: s1,…,sK.")
  var skeleton: String?
  @Option(name: .customLong("truth"), help: "True DLT probabilities p1,…,pK (repeat for more scenarios).")
  var truths: [String] = []
  @Option(name: .customLong("cohort-size"), help: "Patients per cohort (default 3, or the protocol's).")
  var cohortSize: Int?
  @Option(help: "Number of cohorts (default 10, or the protocol's maximum sample size / cohort size).")
  var cohorts: Int?
  @Option(help: "Starting dose level, 1-based (default 1, or the protocol's starting level).") var start: Int?
  @Flag(help: "Exact operating characteristics.") var exact = false
  @Option(help: "Simulate this many trials instead.") var simulate: Int?
  @Option(help: "Seed of the simulation (default 1).") var seed: UInt64 = 1
  @Option(help: "Worker threads for the simulation (default: all cores).") var threads: Int?
  @OptionGroup var output: OutputOptions

  func validate() throws {
    guard exact != (simulate != nil) else {
      throw ValidationError("give exactly one of --exact or --simulate N")
    }
    if let n = simulate, n < 2 { throw ValidationError("--simulate: expected at least 2 trials, found \(n)") }
    guard !truths.isEmpty else { throw ValidationError("missing --truth p1,…,pK") }
    guard (protocolOptions.reference == nil) != (design == nil) else {
      throw ValidationError("give either --protocol ID or --design NAME (not both)")
    }
    if let c = cohorts, c < 1 { throw ValidationError("--cohorts: expected at least 1, found \(c)") }
    if let c = cohortSize, c < 1 { throw ValidationError("--cohort-size: expected at least 1, found \(c)") }
  }

  func run() throws {
    try output.require([.text, .json, .svg])
    let simulation = simulate.map {
      MonteCarloSimulation(
        trials: $0, seed: seed, threads: threads ?? ProcessInfo.processInfo.activeProcessorCount)
    }
    if output.format == .svg && truths.count != 1 {
      throw ValidationError("--format svg draws one scenario; give a single --truth")
    }
    if protocolOptions.reference != nil {
      try runProtocol(simulation)
      return
    }
    var results: [OperatingCharacteristics] = []
    for (index, text) in truths.enumerated() {
      let truth = try OCInput.probabilities(text, option: "--truth", index: index)
      let scenario = try OCInput.scenario(truth, target: target, option: "--truth \(text)")
      results.append(try Self.evaluate(try design(doseCount: truth.count), scenario, simulation))
    }
    try OCReport.print(results, format: output.format)
  }

  /// The design from the command-line options (defaults: cohorts of 3, 10 cohorts, dose 1).
  func design(doseCount: Int) throws -> any DoseFindingDesign {
    let size = cohortSize ?? 3
    return try Self.makeDesign(
      name: design ?? "", variant: variant, target: target,
      interval: try ei.map { try OCInput.interval($0) },
      skeleton: try skeleton.map { try OCInput.probabilities($0, option: "--skeleton", index: 0) },
      doseCount: doseCount, cohortSize: size, maxSampleSize: size * (cohorts ?? 10),
      startDose: (start ?? 1) - 1)
  }

  /// Exact or simulated characteristics, with a progress bar for long simulations.
  static func evaluate(
    _ design: any DoseFindingDesign, _ scenario: Scenario, _ simulation: MonteCarloSimulation?
  ) throws -> OperatingCharacteristics {
    do {
      guard let simulation else {
        return try ExactOperatingCharacteristics.compute(design: design, scenario: scenario)
      }
      let bar = ProgressBar(total: simulation.trials)
      defer { bar.finish() }
      return try simulation.run(design: design, scenario: scenario, progress: bar.update)
    } catch {
      throw CLIError(error.description)
    }
  }
}
