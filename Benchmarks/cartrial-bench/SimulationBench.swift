import DoseFinding
import Foundation
import Simulation

/// Release-mode benchmarks of the `Simulation` module (issue 4): exact operating characteristics
/// per scenario and Monte Carlo throughput. Goals: exact BOIN / i3+3 / mTPI-2 (6 doses, 10 cohorts
/// of 3) ≤ 10 ms per scenario, exact CRM ≤ 200 ms, Monte Carlo ≥ 5×10⁶ trials/s on 2 cores.
enum SimulationBench {
  /// Lin & Yuan (2020) six-dose scenarios L1–L3, target 0.3 (specs/dose-finding.md).
  static let scenarios: [(name: String, truth: [Double])] = [
    ("L1", [0.13, 0.28, 0.41, 0.50, 0.60, 0.70]),
    ("L2", [0.08, 0.15, 0.29, 0.43, 0.50, 0.57]),
    ("L3", [0.28, 0.42, 0.49, 0.61, 0.76, 0.87]),
  ]

  static var intervalDesigns: [(name: String, design: any DoseFindingDesign)] {
    let interval = EquivalenceInterval(lower: 0.25, upper: 0.35)
    return [
      ("BOIN", BOINDesign(target: 0.3, doseCount: 6, maxSampleSize: 30)),
      ("i3+3", I3Plus3Design(target: 0.3, interval: interval, doseCount: 6, maxSampleSize: 30)),
      ("mTPI-2", MTPI2Design(target: 0.3, interval: interval, doseCount: 6, maxSampleSize: 30)),
      ("3+3 (Korn)", ThreePlusThreeDesign(doseCount: 6, variant: .korn)),
    ]
  }

  /// CPU time of the calling thread, in seconds (insensitive to other processes on the machine).
  static func threadCPUTime() -> Double {
    var t = timespec()
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &t)
    return Double(t.tv_sec) + Double(t.tv_nsec) * 1e-9
  }

  /// Median wall time and median thread CPU time of `repetitions` runs of `body`, in seconds.
  static func median(_ repetitions: Int, _ body: () throws -> Void) rethrows -> (
    wall: Double, cpu: Double
  ) {
    let clock = ContinuousClock()
    var wall: [Double] = []
    var cpu: [Double] = []
    for _ in 0..<repetitions {
      let start = threadCPUTime()
      let elapsed = try clock.measure(body)
      cpu.append(threadCPUTime() - start)
      wall.append(
        Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) * 1e-18)
    }
    return (wall.sorted()[wall.count / 2], cpu.sorted()[cpu.count / 2])
  }

  static func run() throws {
    print("== Simulation (issue 4) ==")
    print("cores: \(ProcessInfo.processInfo.activeProcessorCount)")
    try runExact(intervalRepetitions: 21, crmRepetitions: 5)
    try runSimulation()
  }

  /// Exact operating characteristics only (`cartrial-bench exact`: once each, e.g. under callgrind).
  static func runExact(intervalRepetitions: Int, crmRepetitions: Int) throws {
    for (name, design) in intervalDesigns {
      for scenario in scenarios {
        let s = try Scenario(truth: scenario.truth, target: 0.3)
        let time = try median(intervalRepetitions) {
          _ = try ExactOperatingCharacteristics.compute(design: design, scenario: s)
        }
        print(
          "exact \(name) \(scenario.name): "
            + String(format: "%.2f ms wall, %.2f ms CPU", time.wall * 1000, time.cpu * 1000))
      }
    }
    // dfcrm getprior(0.05, 0.3, 3, 6) skeleton, as in the reference files.
    let skeleton = try SkeletonCalibration.skeleton(
      halfWidth: 0.05, target: 0.3, priorMTD: 2, doseCount: 6)
    let crm = CRMDesign(skeleton: skeleton, target: 0.3, maxSampleSize: 30)
    for scenario in scenarios {
      let s = try Scenario(truth: scenario.truth, target: 0.3)
      let time = try median(crmRepetitions) {
        _ = try ExactOperatingCharacteristics.compute(design: crm, scenario: s)
      }
      print(
        "exact CRM \(scenario.name): "
          + String(format: "%.1f ms wall, %.1f ms CPU", time.wall * 1000, time.cpu * 1000))
    }
  }

  /// Peak resident memory of the process so far, in MB (a high-water mark: runs are made in
  /// increasing size, so each run's figure is its own peak).
  static func peakMemoryMB() -> Double {
    var usage = rusage()
    #if os(Linux)
      getrusage(__rusage_who_t(RUSAGE_SELF.rawValue), &usage)
      return Double(usage.ru_maxrss) / 1024  // kilobytes
    #else
      getrusage(RUSAGE_SELF, &usage)
      return Double(usage.ru_maxrss) / 1_048_576  // bytes
    #endif
  }

  /// Exact OC at full trial size (issue 16 §3): BOIN, i3+3 and mTPI-2 on L2 with 10, 15 and 20
  /// cohorts of 3, wall and CPU time, peak memory, and the states per cohort of the largest.
  static func runExactSize() throws {
    print("== Exact OC at full size (issue 16) ==")
    let s = try Scenario(truth: scenarios[1].truth, target: 0.3)
    let interval = EquivalenceInterval(lower: 0.25, upper: 0.35)
    for cohorts in [10, 15, 20] {
      let n = 3 * cohorts
      let designs: [(String, any DoseFindingDesign)] = [
        ("BOIN", BOINDesign(target: 0.3, doseCount: 6, maxSampleSize: n)),
        ("i3+3", I3Plus3Design(target: 0.3, interval: interval, doseCount: 6, maxSampleSize: n)),
        ("mTPI-2", MTPI2Design(target: 0.3, interval: interval, doseCount: 6, maxSampleSize: n)),
      ]
      for (name, design) in designs {
        nonisolated(unsafe) var growth: [Int] = []
        var total = 0.0
        let time = try median(cohorts == 20 ? 1 : 5) {
          growth = []
          let oc = try ExactOperatingCharacteristics.compute(design: design, scenario: s) {
            growth.append($0.statesAtCohort)
          }
          total = oc.totalProbability ?? .nan
        }
        print(
          "exact \(name) L2, N = \(n): "
            + String(
              format: "%.3f s wall, %.3f s CPU, peak memory %.0f MB, %d states, total probability − 1 = %.1e",
              time.wall, time.cpu, peakMemoryMB(), growth.reduce(0, +), total - 1))
        if cohorts == 20 && name == "BOIN" {
          print("  states after each cohort: " + growth.map(String.init).joined(separator: " "))
        }
      }
    }
  }

  /// Monte Carlo throughput.
  static func runSimulation() throws {
    let skeleton = try SkeletonCalibration.skeleton(
      halfWidth: 0.05, target: 0.3, priorMTD: 2, doseCount: 6)
    let crm = CRMDesign(skeleton: skeleton, target: 0.3, maxSampleSize: 30)
    let s = try Scenario(truth: scenarios[1].truth, target: 0.3)
    for (name, design) in intervalDesigns + [("CRM", crm)] {
      // CRM: fewer trials (each thread fits its own posteriors once per count vector).
      let trials = name == "CRM" ? 400_000 : 4_000_000
      for threads in [1, 2] {
        let time = try median(3) {
          _ = try MonteCarloSimulation(trials: trials, seed: 1, threads: threads).run(
            design: design, scenario: s)
        }
        print(
          "simulate \(name) L2, \(threads) thread(s): "
            + String(format: "%.2f", Double(trials) / time.wall / 1e6) + "×10⁶ trials/s")
      }
      // Calling the design after every cohort (the reference path; far too slow for CRM).
      guard name != "CRM" else { continue }
      let direct = 400_000
      let time = try median(3) {
        _ = try MonteCarloSimulation(trials: direct, seed: 1, threads: 2, memoizeDecisions: false)
          .run(design: design, scenario: s)
      }
      print(
        "simulate \(name) L2, 2 threads, design called every cohort: "
          + String(format: "%.2f", Double(direct) / time.wall / 1e6) + "×10⁶ trials/s")
    }
  }
}
