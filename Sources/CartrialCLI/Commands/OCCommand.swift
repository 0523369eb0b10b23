import ArgumentParser
import DoseFinding
import Foundation
import Simulation
import TrialModel
import Trials

/// `cartrial oc`: operating characteristics of a dose-finding design, exact or simulated.
struct OCCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "oc",
    abstract: "Operating characteristics of a dose-finding design under assumed true DLT rates.",
    discussion: """
      Exact (--exact) enumerates every trial path, merging equal states; simulation \
      (--simulate N --seed S) is reproducible for any number of threads and gives a Monte Carlo \
      standard error for every figure. Each --truth gives one result. With --protocol the \
      design comes from the protocol file and doses are named by its levels; options given with it \
      override the protocol's values (the output says so). A protocol with several groups needs \
      one truth per group: --truth 'A=0.05,0.1,0.25,0.4;B=0.1,0.3'.
      """)

  @OptionGroup var protocolOptions: ProtocolOptions
  @OptionGroup var designOptions: DesignOptions
  @Option(name: .customLong("truth"), help: "True DLT probabilities p1,…,pK (repeat for more scenarios).")
  var truths: [TruthArgument] = []
  @Option(help: "Number of cohorts (default 10, or the protocol's maximum sample size / cohort size).")
  var cohorts: Int?
  @Option(help: "Starting dose level (default 1, or the protocol's starting level).") var start: Int?
  @Flag(help: "Exact operating characteristics.") var exact = false
  @Option(help: "Monte Carlo operating characteristics from this many simulated trials (at least 2).")
  var simulate: Int?
  @Option(help: "Seed of the simulation (default 1).") var seed: UInt64?
  @Option(help: "Worker threads for the simulation (default: all cores).") var threads: Int?
  @Option(
    name: .customLong("from-counts"),
    help:
      "Conditional OC (with --exact): the trial's patients/DLTs per level so far, lowest first, e.g. \"3/0,3/1\"."
  )
  var fromCounts: ListArgument<DoseCounts>?
  @Option(help: "With --from-counts: the level the last cohort received.") var current: Int?
  @Option(
    name: .customLong("last-cohort"),
    help: "With --from-counts: the last cohort's patients/DLTs (for a coherence rule).")
  var lastCohort: ListArgument<DoseCounts>?
  @Flag(
    help:
      "Posterior predictive OC (with --exact): each level's DLT rate from an independent Beta prior updated by the trial's data, instead of --truth."
  )
  var predictive = false
  @Option(help: "With --predictive: the Beta(a, b) prior of every level, a,b (default 1,1, uniform).")
  var prior: String?
  @OptionGroup var output: OutputOptions

  /// `--prior a,b` as a prior.
  func predictivePrior() throws -> PredictivePrior { try PredictivePrior.parse(prior) }

  func checkOptions() throws {
    if predictive {
      guard exact, truths.isEmpty else {
        throw ValidationError(
          "--predictive: expected with --exact and without --truth (the prior replaces it)")
      }
      guard output.format != .svg else {
        throw ValidationError("--format: expected text or json with --predictive")
      }
      _ = try predictivePrior()
      if let fromCounts { _ = try fromCounts.values(option: "--from-counts") }
      if fromCounts != nil && current == nil {
        throw ValidationError(
          "--current: expected the level the last cohort received with --from-counts, found none")
      }
      return
    }
    if prior != nil { throw ValidationError("--prior: expected only with --predictive") }
    try output.require([.text, .json, .svg])
    guard exact != (simulate != nil) else {
      throw ValidationError(
        "--exact/--simulate: expected exactly one of --exact or --simulate N, found "
          + (exact ? "both" : "neither"))
    }
    if let n = simulate, n < 2 { throw ValidationError("--simulate: expected at least 2 trials, found \(n)") }
    guard !truths.isEmpty else {
      throw ValidationError("--truth: expected true DLT probabilities p1,…,pK, found none")
    }
    guard protocolOptions.reference != nil || designOptions.design != nil else {
      throw ValidationError("--design: expected --design NAME or --protocol ID, found neither")
    }
    if exact && seed != nil {
      throw ValidationError("--seed: expected only with --simulate N (--exact has no seed)")
    }
    if let c = cohorts, c < 1 { throw ValidationError("--cohorts: expected at least 1, found \(c)") }
    if cohorts != nil && designOptions.maxN != nil {
      throw ValidationError("--cohorts: expected either --cohorts or --max-n, found both")
    }
    if let t = threads, t < 1 { throw ValidationError("--threads: expected at least 1, found \(t)") }
    if output.format == .svg && truths.count != 1 {
      throw ValidationError(
        "--truth: expected a single scenario with --format svg (it draws one), found \(truths.count)")
    }
    for truth in truths { _ = try truth.parsed() }
    if let fromCounts {
      _ = try fromCounts.values(option: "--from-counts")
      guard exact else {
        throw ValidationError("--from-counts: expected with --exact (conditional OC are exact)")
      }
      guard current != nil else {
        throw ValidationError(
          "--current: expected the level the last cohort received with --from-counts, found none")
      }
      guard output.format != .svg else {
        throw ValidationError("--format: expected text or json with --from-counts")
      }
      if let lastCohort, try lastCohort.values(option: "--last-cohort").count != 1 {
        throw ValidationError("--last-cohort: expected one n/y, found \"\(lastCohort.text)\"")
      }
    } else if current != nil || lastCohort != nil {
      throw ValidationError("--current/--last-cohort: expected only with --from-counts")
    }
  }

  var method: OperatingCharacteristicsMethod {
    guard let simulate else { return .exact }
    return .simulation(
      MonteCarloSimulation(
        trials: simulate, seed: seed ?? 1, threads: threads ?? ProcessInfo.processInfo.activeProcessorCount))
  }

  func run() throws {
    try checkOptions()
    let trial = try protocolOptions.loadIfGiven()
    if let trial, protocolOptions.group == nil, trial.groups.count > 1 {
      guard fromCounts == nil else {
        throw CLIError(
          "--group: expected one group of \(trial.id) with --from-counts (a trial's counts are a group's)")
      }
      return try runGroups(trial)
    }
    if predictive { return try runPredictive(trial) }
    if let fromCounts, let current { return try runFromCounts(trial, fromCounts, current: current) }
    let defaultCohorts = trial == nil && designOptions.maxN == nil ? TrialDesign.defaultCohorts : nil
    var results: [OperatingCharacteristicsAnswer] = []
    var design: TrialDesign?
    for (index, truth) in truths.enumerated() {
      let values = try truth.single(option: "--truth")
      let resolved = try designOptions.resolve(
        protocolOptions, countEntries: values.count, cohorts: cohorts ?? defaultCohorts, startLevel: start,
        defaultTarget: 0.3)
      design = resolved
      if let simulate {
        Self.noteSimulationCost(simulate, maxSampleSize: resolved.design.maxSampleSize)
      } else {
        Self.noteExactCost(resolved.design.maxSampleSize, cohortSize: resolved.design.cohortSize)
      }
      let bar = ProgressBar(total: simulate ?? 0)
      defer { bar.finish() }
      results.append(
        try presenting(
          rename: [
            "truth": "--truth \(truths.count > 1 ? "\(index + 1) " : "")'\(truth.text)'",
            "maxSampleSize": cohorts != nil ? "--cohorts" : "--max-n",
          ],
          designParameters: true
        ) {
          try resolved.operatingCharacteristics(
            truth: values, method: method, progress: bar.update, exactProgress: bar.update)
        })
    }
    try OCReport.print(results, design: design!, format: output.format)
  }

  /// Conditional OC from a trial's counts: the usual figures, then what is done and what is
  /// expected still to come.
  private func runFromCounts(_ trial: TrialProtocol?, _ counts: ListArgument<DoseCounts>, current: Int) throws
  {
    let observed = try counts.values(option: "--from-counts")
    let last = try lastCohort?.values(option: "--last-cohort").first
    var results: [(OperatingCharacteristicsAnswer, ConditionalFigures)] = []
    var design: TrialDesign?
    for (index, truth) in truths.enumerated() {
      let values = try truth.single(option: "--truth")
      let resolved = try resolveFromCounts(trial, countEntries: values.count)
      design = resolved
      var rename = fromCountsOptions
      rename["truth"] = "--truth \(truths.count > 1 ? "\(index + 1) " : "")'\(truth.text)'"
      results.append(
        try presenting(rename: rename, designParameters: true) {
          try resolved.conditionalOperatingCharacteristics(
            truth: values, counts: observed, current: current, lastCohort: last)
        })
    }
    try OCReport.printConditional(results, notes: design!.textNotes, format: output.format)
  }

  /// The design of a conditional or predictive run (10 cohorts by default without a protocol).
  private func resolveFromCounts(_ trial: TrialProtocol?, countEntries: Int?) throws -> TrialDesign {
    try designOptions.resolve(
      protocolOptions, countEntries: countEntries,
      cohorts: cohorts ?? (trial == nil && designOptions.maxN == nil ? TrialDesign.defaultCohorts : nil),
      startLevel: start, defaultTarget: 0.3)
  }

  /// The options the library's fields name in a conditional or predictive run.
  private var fromCountsOptions: [String: String] {
    [
      "counts": "--from-counts", "current": "--current", "lastCohort": "--last-cohort", "prior": "--prior",
      "maxSampleSize": cohorts != nil ? "--cohorts" : "--max-n",
    ]
  }

  /// Posterior predictive OC, from the empty trial or from `--from-counts`.
  private func runPredictive(_ trial: TrialProtocol?) throws {
    let observed = try fromCounts?.values(option: "--from-counts") ?? []
    guard trial != nil || !observed.isEmpty || designOptions.skeleton != nil else {
      throw CLIError(
        "--predictive: expected --protocol or --from-counts (they give the dose levels), found neither")
    }
    let last = try lastCohort?.values(option: "--last-cohort").first
    let resolved = try resolveFromCounts(trial, countEntries: observed.isEmpty ? nil : observed.count)
    let prior = try predictivePrior()
    let result = try presenting(rename: fromCountsOptions, designParameters: true) {
      try resolved.predictiveOperatingCharacteristics(
        prior: prior, counts: observed, current: current, lastCohort: last)
    }
    try OCReport.printConditional(
      [result],
      notes: resolved.textNotes + [prior.note], format: output.format)
  }

  /// Exact enumerations above this many patients print their cost on standard error first.
  static let exactNoteThreshold = OperatingCharacteristicsCost.largeExactSampleSize

  /// The cost of a large exact enumeration, said before it starts (its states grow geometrically
  /// with the cohorts; the figure is the one measured in BENCHMARKS.md).
  static func noteExactCost(_ maxSampleSize: Int, cohortSize: Int) {
    guard maxSampleSize > exactNoteThreshold, maxSampleSize <= ExactOperatingCharacteristics.maximumSampleSize
    else { return }
    Cartrial.diagnose(
      "cartrial: note: exact enumeration of \(maxSampleSize / cohortSize) cohorts of \(cohortSize): its states "
        + "grow about 1.5–2× per cohort (20 cohorts of 3 for an interval design take about 4 s and 200 MB, CRM "
        + "about 45 s and 1.2 GB); progress is shown on a "
        + "terminal, and --simulate N is faster for large trials\n")
  }

  /// Simulations of more patients in all than this print their size on standard error first.
  static let simulationNoteThreshold = OperatingCharacteristicsCost.largeSimulationPatients

  /// The size of a large simulation, said before it starts.
  static func noteSimulationCost(_ trials: Int, maxSampleSize: Int) {
    let patients = OperatingCharacteristicsCost.simulatedPatients(
      trials: trials, maxSampleSize: maxSampleSize)
    guard patients > Double(simulationNoteThreshold) else { return }
    Cartrial.diagnose(
      "cartrial: note: simulating \(trials) trials of up to \(maxSampleSize) patients each (up to "
        + String(format: "%.1e", patients)
        + " patient outcomes) takes a while; progress and the time left are "
        + "shown on a terminal\n")
  }

  /// Every group of a multi-group protocol, with one progress bar over all groups.
  private func runGroups(_ trial: TrialProtocol) throws {
    guard output.format != .svg else {
      throw ValidationError("--group: expected a group with --format svg (it draws one), found none")
    }
    let request = try designOptions.request(cohorts: cohorts, startLevel: start)
    var results: [ProtocolOperatingCharacteristics] = []
    for truth in truths {
      let perGroup = try truth.perGroup(option: "--truth")
      let perGroupTrials = simulate ?? 0
      let bar = ProgressBar(total: perGroupTrials * trial.groups.count)
      defer { bar.finish() }
      results.append(
        try presenting(rename: ["truth": "--truth"], designParameters: true) {
          try ProtocolOperatingCharacteristics.compute(
            trial, truths: perGroup, request: request, method: method,
            progress: { group, done in bar.update(group * perGroupTrials + done) })
        })
    }
    try OCReport.print(results, format: output.format)
  }
}

/// A `--truth` value: `p1,…,pK` for one design, or `A=p1,…;B=q1,…` for the groups of a protocol.
struct TruthArgument: ExpressibleByArgument, Sendable {
  let text: String

  init(argument: String) { text = argument }

  /// Checks the syntax.
  func parsed() throws {
    if text.contains("=") { _ = try perGroup(option: "--truth") } else { _ = try single(option: "--truth") }
  }

  /// One list of probabilities.
  func single(option: String) throws -> [Double] {
    guard !text.contains("=") else {
      throw ValidationError(
        "\(option) '\(text)': expected p1,…,pK (GROUP=… needs a protocol with several groups)")
    }
    return try ListArgument<Double>(argument: text).values(option: "\(option) '\(text)'")
  }

  /// Group id → probabilities; each group at most once.
  func perGroup(option: String) throws -> [String: [Double]] {
    var result: [String: [Double]] = [:]
    for part in text.split(separator: ";") {
      let pieces = part.split(separator: "=", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
      guard pieces.count == 2, !pieces[0].isEmpty else {
        throw ValidationError("\(option) '\(text)': expected GROUP=p1,…,pK separated by ';', found '\(part)'")
      }
      guard result[pieces[0]] == nil else {
        throw ValidationError("\(option) '\(text)': expected each group once, found \(pieces[0]) twice")
      }
      result[pieces[0]] = try ListArgument<Double>(argument: pieces[1]).values(
        option: "\(option) \(pieces[0])")
    }
    return result
  }
}

extension PredictivePrior {
  /// `--prior a,b` (default Beta(1, 1)).
  static func parse(_ text: String?) throws -> PredictivePrior {
    guard let text else { return try PredictivePrior() }
    let parts = text.split(separator: ",").map { Double($0.trimmingCharacters(in: .whitespaces)) }
    guard parts.count == 2, let a = parts[0], let b = parts[1] else {
      throw ValidationError("--prior: expected a,b (e.g. 1,1), found \(text)")
    }
    do { return try PredictivePrior(a: a, b: b) } catch {
      throw ValidationError("--prior: expected \(error.expected), found \(error.found)")
    }
  }

}
