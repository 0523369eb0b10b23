import DoseFinding
import Foundation
import Probability

/// Release-mode benchmarks of the `DoseFinding` module (issue 3): the per-cohort decision of the
/// interval designs (fast path, no explanation), the isotonic MTD selection, a CRM posterior fit
/// and the incomplete beta.
enum DoseFindingBench {
  static func seconds(_ body: () -> Void) -> Double {
    let elapsed = ContinuousClock().measure(body)
    return Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) * 1e-18
  }

  /// Deterministic histories: dose d, counts (3k, y) spread over 5 doses.
  static func histories(_ count: Int) -> [TrialHistory] {
    (0..<count).map { i in
      var counts = (0..<5).map { j in DoseCounts(patients: 3 * ((i + j) % 4), dlts: 0) }
      for j in counts.indices { counts[j].dlts = min(counts[j].patients, (i * 7 + j * 3) % 4) }
      let d = i % 5
      if counts[d].patients == 0 { counts[d] = DoseCounts(patients: 3, dlts: i % 4) }
      return TrialHistory(counts: counts, currentDose: d)
    }
  }

  static func run() {
    print("== DoseFinding (issue 3) ==")
    let ei = EquivalenceInterval(lower: 0.25, upper: 0.35)
    let designs: [(String, any DoseFindingDesign)] = [
      ("BOIN", BOINDesign(target: 0.3, doseCount: 5, maxSampleSize: 30)),
      ("i3+3", I3Plus3Design(target: 0.3, interval: ei, doseCount: 5, maxSampleSize: 30)),
      ("mTPI-2", MTPI2Design(target: 0.3, interval: ei, doseCount: 5, maxSampleSize: 30)),
      ("3+3", ThreePlusThreeDesign(doseCount: 5, variant: .korn)),
    ]
    let sample = histories(1000)
    for (name, design) in designs {
      var checksum = 0
      let rounds = 2000
      let time = seconds {
        for _ in 0..<rounds {
          for h in sample { checksum &+= design.recommend(h, explain: false).nextDose ?? -1 }
        }
      }
      let perCall = time / Double(rounds * sample.count) * 1e9
      print("\(name) recommend(explain: false): \(String(format: "%.1f", perCall)) ns/call  [\(checksum)]")
    }
    let boin = BOINDesign(target: 0.3, doseCount: 5, maxSampleSize: 30)
    var selected = 0
    let selection = seconds {
      for _ in 0..<100 { for h in sample { selected &+= boin.selectMTD(h, stoppedBy: .maxSampleSize) ?? -1 } }
    }
    print("isotonic MTD selection: \(String(format: "%.2f", selection / 1e5 * 1e6)) µs/call  [\(selected)]")
    let skeleton = try! SkeletonCalibration.skeleton(halfWidth: 0.05, target: 0.3, priorMTD: 2, doseCount: 5)
    let crm = CRMDesign(skeleton: skeleton, target: 0.3, maxSampleSize: 30)
    var total = 0.0
    // Fixed Gauss–Legendre rule with per-design tables (`CRMQuadrature`); 20 rounds of 1,000 fits.
    let fits = seconds { for _ in 0..<20 { for h in sample { total += crm.posterior(h.counts).betaMean } } }
    print(
      "CRM posterior fit (5 doses): \(String(format: "%.2f", fits / Double(20 * sample.count) * 1e6)) µs/fit  [\(String(format: "%.3f", total))]"
    )
    var sum = 0.0
    let betas = seconds {
      for a in 1...100 {
        for b in 1...100 { sum += IncompleteBeta.regularized(0.3, a: Double(a), b: Double(b)) }
      }
    }
    print(
      "incomplete beta I_0.3(a, b), a, b ≤ 100: \(String(format: "%.0f", betas / 1e4 * 1e9)) ns/call  [\(String(format: "%.3f", sum))]"
    )
  }
}
