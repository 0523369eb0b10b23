import DoseFinding

// Test-only designs written straight from the specification's pseudo-code, so that the engine can be
// checked against the references independently of the DoseFinding module's implementations.

/// An interval design driven by a published decision table (FIND 0.1.1 output), with the
/// BOIN/FIND isotonic MTD selection (BOIN `select.mtd`). Doses with a "DU" cell are eliminated.
struct TableDrivenDesign: DoseFindingDesign {
  let doseCount: Int
  let cohortSize = 3
  let maxSampleSize: Int
  let target: Double
  let table: [Int: [Int: String]]
  var variantName: String { "table-driven test design" }

  init(table: [Int: [Int: String]], doseCount: Int, cohorts: Int, target: Double = 0.3) {
    self.table = table
    self.doseCount = doseCount
    self.maxSampleSize = 3 * cohorts
    self.target = target
  }

  func decision(_ c: DoseCounts) -> String { table[c.patients]?[c.dlts] ?? "S" }

  func recommend(_ h: TrialHistory) -> Recommendation {
    let d = h.currentDose
    if h.totalPatients >= maxSampleSize {
      // BOIN get.oc: no decision (and no elimination) after the final cohort.
      return Recommendation(
        decision: nil, nextDose: nil, eliminatedFrom: h.eliminatedFrom, stop: .maxSampleSize)
    }
    var eliminated = h.eliminatedFrom
    var next = d
    switch decision(h.counts[d]) {
    case "DU":
      eliminated = min(eliminated ?? d, d)
      if d == 0 {
        return Recommendation(
          decision: .deescalateUnacceptable, nextDose: nil, eliminatedFrom: 0,
          stop: .lowestDoseTooToxic)
      }
      next = d - 1
    case "E":
      if d + 1 < doseCount && (eliminated ?? doseCount) > d + 1 { next = d + 1 }
    case "D":
      if d > 0 { next = d - 1 }
    default: break
    }
    return Recommendation(decision: nil, nextDose: next, eliminatedFrom: eliminated, stop: nil)
  }

  func selectMTD(_ h: TrialHistory, stoppedBy reason: StopReason) -> Int? {
    let eliminatedFrom =
      h.counts.indices.first { h.counts[$0].patients >= 3 && decision(h.counts[$0]) == "DU" }
      ?? doseCount
    if eliminatedFrom == 0 { return nil }
    let admissible = (0..<eliminatedFrom).filter { h.counts[$0].patients > 0 }
    if admissible.isEmpty { return nil }
    return admissible[
      isotonicClosest(counts: admissible.map { h.counts[$0] }, target: target)]
  }
}

/// BOIN `select.mtd`: weighted pool-adjacent-violators on p̂ = (y+0.05)/(n+0.1) with weights
/// 1/var, a k·1e-10 tie-break, then the first index closest to the target.
func isotonicClosest(counts: [DoseCounts], target: Double) -> Int {
  var blocks: [(value: Double, weight: Double, size: Int)] = []
  for c in counts {
    let y = Double(c.dlts)
    let n = Double(c.patients)
    let p = (y + 0.05) / (n + 0.1)
    let variance = (y + 0.05) * (n - y + 0.05) / ((n + 0.1) * (n + 0.1) * (n + 1.1))
    blocks.append((p, 1 / variance, 1))
    while blocks.count > 1 && blocks[blocks.count - 2].value > blocks[blocks.count - 1].value {
      let b = blocks.removeLast()
      let a = blocks.removeLast()
      let w = a.weight + b.weight
      blocks.append(((a.value * a.weight + b.value * b.weight) / w, w, a.size + b.size))
    }
  }
  let fitted = blocks.flatMap { repeatElement($0.value, count: $0.size) }
  var best = 0
  var bestDistance = Double.infinity
  for (k, value) in fitted.enumerated() {
    let distance = abs(value + Double(k + 1) * 1e-10 - target)
    if distance < bestDistance {
      best = k
      bestDistance = distance
    }
  }
  return best
}

/// Classic 3+3 without de-escalation (Storer 1989; spec (d) "Classic").
struct ClassicThreePlusThree: DoseFindingDesign {
  let doseCount: Int
  let cohortSize = 3
  var maxSampleSize: Int { 6 * doseCount }
  var variantName: String { "3+3 classic (test)" }

  func recommend(_ h: TrialHistory) -> Recommendation {
    let d = h.currentDose
    let c = h.counts[d]
    let tooToxic = c.dlts >= 2
    let escalate = (c.patients == 3 && c.dlts == 0) || (c.patients == 6 && c.dlts <= 1)
    if tooToxic {
      return Recommendation(
        decision: nil, nextDose: nil, eliminatedFrom: d,
        stop: d == 0 ? .lowestDoseTooToxic : .designRule)
    }
    if escalate {
      if d == doseCount - 1 {
        return Recommendation(decision: nil, nextDose: nil, eliminatedFrom: nil, stop: .designRule)
      }
      return Recommendation(decision: nil, nextDose: d + 1, eliminatedFrom: nil, stop: nil)
    }
    return Recommendation(decision: nil, nextDose: d, eliminatedFrom: nil, stop: nil)
  }

  func selectMTD(_ h: TrialHistory, stoppedBy reason: StopReason) -> Int? {
    let d = h.currentDose
    return h.counts[d].dlts >= 2 ? (d == 0 ? nil : d - 1) : d
  }
}
