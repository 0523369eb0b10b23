import DoseFinding

/// Turns a weighted list of finished-trial outcomes into ``OperatingCharacteristics``.
///
/// Every figure is the weighted mean of a per-trial quantity. For exact results the weights are
/// probabilities; for simulations they are counts of trials, and the standard error of a mean is
/// sqrt(s² / N) with s² the sample variance (divisor N − 1).
struct OutcomeSummary {
  let scenario: Scenario
  let maxSampleSize: Int

  /// Per-trial quantities in a fixed order: selection per dose, no selection, patients per dose,
  /// DLTs per dose, total DLTs, sample size, early stop, stop for toxicity, selection above the
  /// true MTD, share of patients above the true MTD, correct selection.
  private func features(_ o: TrialOutcome) -> [Double] {
    let k = scenario.doseCount
    let mtd = scenario.trueMTD
    var f = [Double](repeating: 0, count: 3 * k + 8)
    if let s = o.selected { f[s] = 1 } else { f[k] = 1 }
    var total = 0
    var totalDLTs = 0
    var above = 0
    for d in 0..<k {
      f[k + 1 + d] = Double(o.counts[d].patients)
      f[2 * k + 1 + d] = Double(o.counts[d].dlts)
      total += o.counts[d].patients
      totalDLTs += o.counts[d].dlts
      if d > mtd { above += o.counts[d].patients }
    }
    f[3 * k + 1] = Double(totalDLTs)
    f[3 * k + 2] = Double(total)
    f[3 * k + 3] = total < maxSampleSize ? 1 : 0
    f[3 * k + 4] = o.stopReason == .lowestDoseTooToxic ? 1 : 0
    f[3 * k + 5] = (o.selected ?? -1) > mtd ? 1 : 0
    f[3 * k + 6] = total > 0 ? Double(above) / Double(total) : 0
    f[3 * k + 7] = o.selected == mtd ? 1 : 0
    return f
  }

  /// The figures from `outcomes` with weights; `trials` is set for simulations (standard errors).
  func characteristics(
    _ outcomes: [(outcome: TrialOutcome, weight: Double)], design: String,
    method: OperatingCharacteristics.Method, trials: Int?, seed: UInt64?
  ) -> OperatingCharacteristics {
    let k = scenario.doseCount
    var sum = [Double](repeating: 0, count: 3 * k + 8)
    var sumSquares = sum
    var sizes: [Int: Double] = [:]
    var totalWeight = 0.0
    for (outcome, weight) in outcomes {
      let f = features(outcome)
      for i in f.indices {
        sum[i] += weight * f[i]
        sumSquares[i] += weight * f[i] * f[i]
      }
      sizes[outcome.counts.reduce(0) { $0 + $1.patients }, default: 0] += weight
      totalWeight += weight
    }
    let normaliser = trials.map(Double.init) ?? 1
    let mean = sum.map { $0 / normaliser }
    let sizeDistribution = sizes.keys.sorted().map {
      SampleSizeProbability(patients: $0, probability: sizes[$0]! / normaliser)
    }
    var result = OperatingCharacteristics(
      method: method, variant: design, truth: scenario.truth, target: scenario.target,
      trueMTD: scenario.trueMTD + 1, trials: trials, seed: seed,
      selection: Array(mean[0..<k]), noSelection: mean[k],
      meanPatients: Array(mean[(k + 1)..<(2 * k + 1)]),
      meanDLTs: Array(mean[(2 * k + 1)..<(3 * k + 1)]), meanTotalDLTs: mean[3 * k + 1],
      meanSampleSize: mean[3 * k + 2], sampleSizeDistribution: sizeDistribution,
      earlyStop: mean[3 * k + 3], stopForToxicity: mean[3 * k + 4],
      selectionAboveMTD: mean[3 * k + 5], patientsAboveMTD: mean[3 * k + 6],
      correctSelection: mean[3 * k + 7],
      totalProbability: trials == nil ? totalWeight : nil, standardErrors: nil, levels: Array(1...k))
    if let n = trials, n > 1 {
      let nd = Double(n)
      let se = mean.indices.map { i in
        (max(0, sumSquares[i] / nd - mean[i] * mean[i]) * nd / (nd - 1) / nd).squareRoot()
      }
      result.standardErrors = .init(
        selection: Array(se[0..<k]), noSelection: se[k],
        meanPatients: Array(se[(k + 1)..<(2 * k + 1)]),
        meanDLTs: Array(se[(2 * k + 1)..<(3 * k + 1)]), meanTotalDLTs: se[3 * k + 1],
        meanSampleSize: se[3 * k + 2],
        sampleSizeDistribution: sizeDistribution.map {
          SampleSizeProbability(
            patients: $0.patients,
            probability: ($0.probability * (1 - $0.probability) / (nd - 1)).squareRoot())
        },
        earlyStop: se[3 * k + 3], stopForToxicity: se[3 * k + 4],
        selectionAboveMTD: se[3 * k + 5], patientsAboveMTD: se[3 * k + 6],
        correctSelection: se[3 * k + 7])
    }
    return result
  }
}
