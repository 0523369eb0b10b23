import DoseFinding
import Foundation
import Inputs

/// Monte Carlo operating characteristics: seeded, reproducible and parallel.
///
/// Trials are split into fixed blocks of ``blockSize``; block b draws from its own
/// ``Xoshiro256StarStar`` stream (the seeded generator advanced by b calls of `jump()`), and one
/// uniform number decides each cohort's DLT count (inversion of the binomial CDF). Each finished
/// trial is counted under its outcome key (counts, selection, stop reason); integer counts are
/// merged across threads and the figures are summed in key order, so the result depends on the
/// seed and the number of trials only, never on the number of threads.
///
/// With ``memoizeDecisions`` (the default) each thread asks the design once per distinct state and
/// then walks its ``DecisionGraph``: the inner loop is a uniform draw, a table look-up and an array
/// index, with no allocation. Without it the design is called after every cohort of every trial
/// (for checking; both modes give identical results for the same seed).
public struct MonteCarloSimulation: Sendable {
  /// Trials per block (one random stream per block).
  public static let blockSize = 4096

  /// Number of simulated trials.
  public var trials: Int
  /// Seed of the generator.
  public var seed: UInt64
  /// Worker threads (default: all active processors).
  public var threads: Int
  /// Reuse the design's decision for repeated states (see the type's documentation).
  public var memoizeDecisions: Bool

  /// A simulation of `trials` trials from `seed`.
  public init(
    trials: Int, seed: UInt64, threads: Int = ProcessInfo.processInfo.activeProcessorCount,
    memoizeDecisions: Bool = true
  ) {
    self.trials = trials
    self.seed = seed
    self.threads = max(1, threads)
    self.memoizeDecisions = memoizeDecisions
  }

  /// Simulates `design` under `scenario` from the 0-based `startDose` (default: the design's own).
  /// `progress`, if given, is called from worker threads with the number of trials finished so far
  /// after every block.
  public func run(
    design: some DoseFindingDesign, scenario: Scenario, startDose: Int? = nil,
    progress: (@Sendable (_ finishedTrials: Int) -> Void)? = nil
  ) throws(InputError) -> OperatingCharacteristics {
    let outcomes = try outcomeCounts(
      design: design, scenario: scenario, startDose: startDose, progress: progress)
    return OutcomeSummary(scenario: scenario, maxSampleSize: design.maxSampleSize)
      .characteristics(
        outcomes, design: design.variantName, method: .simulation, trials: trials, seed: seed)
  }

  /// Every distinct simulated outcome with its number of trials, in a fixed key order.
  func outcomeCounts(
    design: some DoseFindingDesign, scenario: Scenario, startDose: Int?,
    progress: (@Sendable (_ finishedTrials: Int) -> Void)?
  ) throws(InputError) -> [(outcome: TrialOutcome, weight: Double)] {
    guard trials >= 2 else {
      throw InputError(field: "trials", expected: "at least 2 simulated trials", found: "\(trials)")
    }
    let startDose = startDose ?? design.startDose
    try TrialSetup.validate(design: design, scenario: scenario, startDose: startDose)
    let layout = try StateLayout(
      doseCount: design.doseCount, maxSampleSize: design.maxSampleSize,
      cohortSize: design.cohortSize)
    let table = CohortOutcomeTable(truth: scenario.truth, cohortSize: design.cohortSize)
    let blockCount = (trials + Self.blockSize - 1) / Self.blockSize
    var generator = Xoshiro256StarStar(seed: seed)
    var streams: [Xoshiro256StarStar] = []
    streams.reserveCapacity(blockCount)
    for _ in 0..<blockCount {
      streams.append(generator)
      generator.jump()
    }
    let workers = min(threads, blockCount)
    let results = WorkerResults(count: workers)
    let finished = FinishedTrials(report: progress)
    let job = SimulationJob(
      design: design, layout: layout, table: table, startDose: startDose, trials: trials,
      streams: streams)
    let memoize = memoizeDecisions
    DispatchQueue.concurrentPerform(iterations: workers) { worker in
      let blocks = Array(stride(from: worker, to: blockCount, by: workers))
      let hits =
        memoize
        ? job.runMemoized(blocks: blocks, finished: finished)
        : job.runDirect(blocks: blocks, finished: finished)
      results.store(hits, at: worker)
    }
    var merged: [PackedState: Int] = [:]
    for hits in results.all() {
      merged.merge(hits, uniquingKeysWith: +)
    }
    return merged.keys.sorted(by: PackedState.precedes).map {
      (outcome: layout.outcome($0), weight: Double(merged[$0]!))
    }
  }
}

extension PackedState {
  /// A fixed total order on keys (word by word), so sums run in the same order on every run.
  static func precedes(_ a: PackedState, _ b: PackedState) -> Bool {
    for i in 0..<4 where a.words[i] != b.words[i] { return a.words[i] < b.words[i] }
    return false
  }
}

/// Per-worker results, each slot written once by its worker.
private final class WorkerResults: @unchecked Sendable {
  private let lock = NSLock()
  private var slots: [[PackedState: Int]]

  init(count: Int) { slots = Array(repeating: [:], count: count) }

  func store(_ hits: [PackedState: Int], at index: Int) {
    lock.withLock { slots[index] = hits }
  }

  func all() -> [[PackedState: Int]] { lock.withLock { slots } }
}

/// Counts finished trials across workers and forwards the running total to a progress callback.
final class FinishedTrials: @unchecked Sendable {
  private let lock = NSLock()
  private var total = 0
  private let report: (@Sendable (Int) -> Void)?

  init(report: (@Sendable (Int) -> Void)?) { self.report = report }

  func add(_ count: Int) {
    guard let report else { return }
    let now = lock.withLock {
      total += count
      return total
    }
    report(now)
  }
}
