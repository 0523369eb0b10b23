import Foundation
import TestSupport
import Testing

@testable import DoseFinding

/// A minimal exact enumeration (probability of every merged ``TrialHistory`` cohort by cohort),
/// written here only to check the designs end to end against `exact_oc_reference.json`, an
/// independent exact computation that agrees with BOIN 2.7.2, FIND 0.1.1 and dfcrm simulations.
/// (The production engine is the `Simulation` module.)
enum ExactEnumeration {
  struct Result {
    var selection: [Double]
    var noSelection: Double
    var meanPatients: [Double]
  }

  static func run(_ design: some DoseFindingDesign, truth: [Double], cohorts: Int) -> Result {
    let k = design.doseCount
    let c = design.cohortSize
    var result = Result(
      selection: Array(repeating: 0, count: k), noSelection: 0,
      meanPatients: Array(repeating: 0, count: k))
    var states = [TrialHistory(doseCount: k, startDose: design.startDose): 1.0]
    for _ in 0..<cohorts where !states.isEmpty {
      var next: [TrialHistory: Double] = [:]
      for (history, probability) in states {
        let d = history.currentDose
        for y in 0...c {
          let outcome = binomial(c, y, truth[d]) * probability
          guard outcome > 0 else { continue }
          var h = history
          h.counts[d].patients += c
          h.counts[d].dlts += y
          if design.usesLastCohort { h.lastCohort = DoseCounts(patients: c, dlts: y) }
          let rec = design.recommend(h, explain: false)
          if let stop = rec.stop {
            if let mtd = design.selectMTD(h, stoppedBy: stop) {
              result.selection[mtd] += outcome
            } else {
              result.noSelection += outcome
            }
            for j in 0..<k { result.meanPatients[j] += outcome * Double(h.counts[j].patients) }
          } else {
            h.currentDose = rec.nextDose!
            h.eliminatedFrom = rec.eliminatedFrom
            next[h, default: 0] += outcome
          }
        }
      }
      states = next
    }
    precondition(states.isEmpty, "the design did not stop at its maximum sample size")
    return result
  }

  static func binomial(_ n: Int, _ y: Int, _ p: Double) -> Double {
    var coefficient = 1.0
    for i in 0..<y { coefficient = coefficient * Double(n - i) / Double(i + 1) }
    return coefficient * pow(p, Double(y)) * pow(1 - p, Double(n - y))
  }
}

struct ExactOperatingCharacteristicsTests {
  /// The reference entries of one design (by its name in the file); at least one.
  static func references(where matches: (ExactOCReference) -> Bool) throws -> [ExactOCReference] {
    let entries = try ExactOCReference.all().filter(matches)
    try #require(!entries.isEmpty, "no reference entries")
    return entries
  }

  func check(
    _ design: some DoseFindingDesign, against reference: ExactOCReference, tolerance: Double,
    sourceLocation: SourceLocation = #_sourceLocation
  ) {
    let exact = ExactEnumeration.run(design, truth: reference.truth, cohorts: 100)
    let label = "\(reference.design) \(reference.scenario)"
    expectClose(
      exact.selection, reference.selection, absolute: tolerance, "\(label) selection",
      sourceLocation: sourceLocation)
    expectClose(
      exact.meanPatients, reference.meanPatients, absolute: tolerance * 30, "\(label) patients",
      sourceLocation: sourceLocation)
    if let none = reference.noSelection {
      expectClose(
        exact.noSelection, none, absolute: tolerance, "\(label) none", sourceLocation: sourceLocation)
    }
  }

  @Test(arguments: ["boin", "i3+3", "mtpi2"])
  func intervalDesignsMatchExactReference(name: String) throws {
    let interval = EquivalenceInterval(lower: 0.25, upper: 0.35)
    let references = try Self.references { $0.design == name }
    #expect(references.map(\.scenario) == ["A", "L1", "L2", "L3"])
    for reference in references {
      let k = reference.truth.count
      let design: any DoseFindingDesign =
        switch name {
        case "boin": BOINDesign(target: 0.3, doseCount: k, maxSampleSize: 30)
        case "i3+3": I3Plus3Design(target: 0.3, interval: interval, doseCount: k, maxSampleSize: 30)
        default: MTPI2Design(target: 0.3, interval: interval, doseCount: k, maxSampleSize: 30)
        }
      check(design, against: reference, tolerance: 1e-9)
    }
  }

  /// The reference's "3+3 (FIND variant: Korn de-escalation)" is reproduced by the Korn and FIND
  /// variants (which coincide when every dose holds at most 6 patients); classic differs.
  @Test func threePlusThreeMatchesExactReference() throws {
    let references = try Self.references { $0.design.hasPrefix("3+3") }
    #expect(references.count == 4)
    for reference in references {
      let k = reference.truth.count
      check(ThreePlusThreeDesign(doseCount: k, variant: .korn), against: reference, tolerance: 1e-9)
      check(ThreePlusThreeDesign(doseCount: k, variant: .find), against: reference, tolerance: 1e-9)
      let classic = ExactEnumeration.run(
        ThreePlusThreeDesign(doseCount: k, variant: .classic), truth: reference.truth, cohorts: 100)
      #expect(abs(classic.noSelection - reference.noSelection!) > 1e-3)
    }
  }

  /// dfcrm-style CRM (empiric, σ² = 1.34, getprior(0.05, 0.3, 3, K), restrict = TRUE) against the
  /// exact reference, whose CRM column agrees with 10⁴ dfcrm `crmsim` trials. Scenario A only
  /// (debug-mode run time); fits are cached per count vector.
  @Test func crmMatchesExactReference() throws {
    for reference in try Self.references(where: { $0.design == "crm" && $0.scenario == "A" }) {
      let k = reference.truth.count
      let skeleton = try SkeletonCalibration.skeleton(halfWidth: 0.05, target: 0.3, priorMTD: 2, doseCount: k)
      let design = CachedCRM(design: CRMDesign(skeleton: skeleton, target: 0.3, maxSampleSize: 30))
      check(design, against: reference, tolerance: 1e-7)
    }
  }
}

/// CRM with posterior fits memoised per count vector (test helper; single-threaded use).
struct CachedCRM: DoseFindingDesign {
  final class Cache: @unchecked Sendable {
    var fits: [[DoseCounts]: CRMPosterior] = [:]
  }
  let design: CRMDesign
  let cache = Cache()
  var doseCount: Int { design.doseCount }
  var cohortSize: Int { design.cohortSize }
  var maxSampleSize: Int { design.maxSampleSize }
  var variantName: String { design.variantName }
  var usesLastCohort: Bool { design.usesLastCohort }

  func fit(_ counts: [DoseCounts]) -> CRMPosterior {
    if let fit = cache.fits[counts] { return fit }
    let fit = design.posterior(counts)
    cache.fits[counts] = fit
    return fit
  }

  func recommend(_ history: TrialHistory) -> Recommendation {
    design.recommend(history, posterior: fit(history.counts), explain: false)
  }

  func selectMTD(_ history: TrialHistory, stoppedBy reason: StopReason) -> Int? {
    design.selectMTD(posterior: fit(history.counts), stoppedBy: reason)
  }
}
