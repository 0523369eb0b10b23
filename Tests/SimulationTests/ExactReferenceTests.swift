import DoseFinding
import TestSupport
import Testing

@testable import Simulation

@Test func exactMatchesIndependentExactReference() throws {
  var checked = 0
  for entry in try ExactOCReference.all() {
    guard
      let design = ReferenceDesigns.design(
        named: entry.design, doseCount: entry.truth.count)
    else { continue }
    let oc = try ExactOperatingCharacteristics.compute(
      design: design, scenario: Scenario(truth: entry.truth, target: 0.3))
    let label = "\(entry.design) \(entry.scenario)"
    expectClose(oc.selection, entry.selection, absolute: 1e-9, "\(label) selection")
    if let none = entry.noSelection {
      expectClose(oc.noSelection, none, absolute: 1e-9, "\(label) no MTD")
    }
    expectClose(oc.meanPatients, entry.meanPatients, absolute: 1e-9, "\(label) patients")
    if let dlts = entry.meanDLTs {
      expectClose(oc.meanTotalDLTs, dlts, absolute: 1e-9, "\(label) DLTs")
    }
    #expect(abs(oc.totalProbability! - 1) < 1e-12)
    checked += 1
  }
  #expect(checked == 16)
}

@Test func exactAgreesWithPublishedSimulationsWithinFourStandardErrors() throws {
  let rows = try SimulatedOCReference.all()
  let software = [
    "BOIN(BOIN pkg)": "boin", "BOIN(FIND)": "boin", "i3+3(FIND)": "i3+3", "mTPI-2(FIND)": "mtpi2",
    "3+3(FIND)": "3+3 (FIND variant: Korn de-escalation)",
  ]
  let references = try ExactOCReference.all()
  var checked = 0
  for row in rows {
    guard let name = software[row.design],
      let entry = references.first(where: { $0.scenario == row.scenario && $0.design == name }),
      let design = ReferenceDesigns.design(
        named: name, doseCount: entry.truth.count)
    else { continue }
    let oc = try ExactOperatingCharacteristics.compute(
      design: design, scenario: Scenario(truth: entry.truth, target: 0.3))
    for (p, percent) in checkedZip(oc.selection, row.selectionPercent, "\(row.design) \(row.scenario)") {
      // Binomial Monte Carlo error of the published proportion, plus its rounding to 0.1 %.
      let se = (p * (1 - p) / Double(row.trials)).squareRoot()
      #expect(abs(p - percent / 100) <= 4 * se + 0.0005, "\(row.design) \(row.scenario)")
    }
    checked += 1
  }
  #expect(checked == 20)
}

@Test func classicThreePlusThreeMatchesClosedForm() throws {
  // Storer (1989): at dose d, escalation probability e_d = q0 + q1·q0 with q0 = (1−p)³ and
  // q1 = 3p(1−p)²; the MTD is d−1 when the trial stops at d, K when every dose escalates.
  for truth in [[0.05, 0.15, 0.3, 0.45, 0.6], [0.13, 0.28, 0.41, 0.5, 0.6, 0.7], [0.5, 0.6]] {
    let k = truth.count
    let escalate = truth.map { p -> Double in
      let q0 = (1 - p) * (1 - p) * (1 - p)
      let q1 = 3 * p * (1 - p) * (1 - p)
      return q0 + q1 * q0
    }
    var reach = 1.0
    var expected = [Double](repeating: 0, count: k)
    var none = 0.0
    for d in 0..<k {
      let stop = reach * (1 - escalate[d])
      if d == 0 { none = stop } else { expected[d - 1] += stop }
      reach *= escalate[d]
    }
    expected[k - 1] += reach
    let designs: [any DoseFindingDesign] = [
      ThreePlusThreeDesign(doseCount: k, variant: .classic), ClassicThreePlusThree(doseCount: k),
    ]
    for design in designs {
      let oc = try ExactOperatingCharacteristics.compute(
        design: design, scenario: Scenario(truth: truth, target: 0.3))
      expectClose(oc.selection, expected, absolute: 1e-12, "\(design.variantName)")
      #expect(abs(oc.noSelection - none) < 1e-12)
      #expect(abs(oc.stopForToxicity - none) < 1e-12)
    }
  }
}

@Test func designsAgreeWithTheirPublishedDecisionTables() throws {
  // The DoseFinding designs and test-only designs driven by FIND's published tables give the same
  // exact operating characteristics on every reference scenario.
  var compared = 0
  for entry in try ExactOCReference.all() {
    guard
      let design = ReferenceDesigns.design(
        named: entry.design, doseCount: entry.truth.count),
      let table = try ReferenceDesigns.tableDriven(named: entry.design, doseCount: entry.truth.count)
    else { continue }
    let scenario = try Scenario(truth: entry.truth, target: 0.3)
    let real = try ExactOperatingCharacteristics.compute(design: design, scenario: scenario)
    let tabled = try ExactOperatingCharacteristics.compute(design: table, scenario: scenario)
    expectClose(
      real.selection + real.meanPatients, tabled.selection + tabled.meanPatients, absolute: 1e-12,
      "\(entry.design) \(entry.scenario)")
    compared += 1
  }
  #expect(compared == 12)  // boin, i3+3 and mTPI-2 on A, L1, L2, L3
}

/// Every state `design` can reach with cohorts of 3 (histories after each cohort).
func reachableHistories(_ design: some DoseFindingDesign) throws -> [TrialHistory] {
  let layout = try StateLayout(
    doseCount: design.doseCount, maxSampleSize: design.maxSampleSize, cohortSize: 3)
  var graph = DecisionGraph(design: design, layout: layout, startDose: 0)
  var node = 0
  while node < graph.nodeCount {
    if graph.nextDose[node] >= 0 {
      for y in 0...3 { _ = graph.child(Int32(node), outcome: y) }
    }
    node += 1
  }
  var history = TrialHistory(doseCount: design.doseCount, startDose: 0)
  return graph.keys.map { key in
    layout.unpack(key, into: &history)
    return history
  }
}

@Test func designSelectionEqualsItsDefinitionOnEveryReachableState() throws {
  // Every state the reference designs can reach, finished as if the trial stopped there: the
  // designs' table-driven, allocation-free selectMTD (what the engine calls) must return exactly
  // the selection restated from its definition — the isotonic estimates of the doses below the
  // first dose the rule (evaluated by incomplete beta) eliminates, BOIN's tie rules, the optional
  // bound and step-down. Reachable states depend on the design and the number of doses only.
  var checked = 0
  for name in ["boin", "i3+3", "mtpi2"] {
    guard let design = ReferenceDesigns.design(named: name, doseCount: 6) as? any IntervalDesign
    else { continue }
    let selection = design.mtdSelection
    let rule = selection.elimination
    for history in try reachableHistories(design) {
      let limit =
        history.counts.firstIndex {
          $0.patients >= rule.minimumPatients
            && rule.overdoseProbability(patients: $0.patients, dlts: $0.dlts) > rule.cutoff
        } ?? history.counts.count
      var selected: Int?
      if limit > 0 {
        var tail = selection
        tail.elimination.minimumPatients = .max
        let estimates = tail.estimates(Array(history.counts[0..<limit]))
        let eligible = estimates.enumerated().filter { entry in
          selection.upperBound.map { entry.element.estimate <= $0 } ?? true
        }
        if let best = eligible.min(by: {
          abs($0.element.estimate + Double($0.offset + 1) * 1e-10 - selection.target)
            < abs($1.element.estimate + Double($1.offset + 1) * 1e-10 - selection.target)
        }) {
          let step = selection.stepDownAbove.map { best.element.estimate > $0 } ?? false
          selected = step ? (best.element.dose > 0 ? best.element.dose - 1 : nil) : best.element.dose
        }
      }
      #expect(design.selectMTD(history, stoppedBy: .maxSampleSize) == selected)
      #expect(design.selectMTD(history, stoppedBy: .lowestDoseTooToxic) == nil)
      checked += 1
    }
  }
  #expect(checked > 10_000)
}
