import DoseFinding

/// Turns weighted finished-trial outcomes into ``OperatingCharacteristics``, one outcome at a
/// time (``add(selected:stopReason:weight:counts:)``, allocation-free, so that an exact
/// enumeration can stream millions of finished states into it) or from a list.
///
/// Every figure is the weighted mean of a per-trial quantity. For exact results the weights are
/// probabilities; for simulations they are counts of trials, and the standard error of a mean is
/// sqrt(s² / N) with s² the sample variance (divisor N − 1).
struct OutcomeSummary {
  let scenario: Scenario
  let maxSampleSize: Int
  /// Per-trial quantities in a fixed order: selection per dose, no selection, patients per dose,
  /// DLTs per dose, total DLTs, sample size, early stop, stop for toxicity, selection above the
  /// true MTD, share of patients above the true MTD, correct selection — weighted sums and sums
  /// of squares.
  private var sum: [Double]
  private var sumSquares: [Double]
  /// Weight of each sample size (index: patients).
  private var sizes: [Double]
  private var totalWeight = CompensatedSum()
  /// Whether sums of squares are kept (simulations' standard errors; exact results need none).
  private let keepsSquares: Bool
  private let doseCount: Int
  private let trueMTD: Int

  init(scenario: Scenario, maxSampleSize: Int, keepsSquares: Bool = true) {
    self.scenario = scenario
    self.maxSampleSize = maxSampleSize
    self.keepsSquares = keepsSquares
    doseCount = scenario.doseCount
    trueMTD = scenario.trueMTD
    sum = Array(repeating: 0, count: 3 * scenario.doseCount + 8)
    sumSquares = keepsSquares ? sum : []
    sizes = Array(repeating: 0, count: maxSampleSize + 1)
  }

  /// Adds one finished trial of weight `weight`: its selection (`nil`: no MTD), why it stopped,
  /// and `counts(d)`, its patients and DLTs at dose d.
  mutating func add(
    selected: Int?, stopReason: StopReason, weight: Double, counts: (Int) -> DoseCounts
  ) {
    let k = doseCount
    let mtd = trueMTD
    let squares = keepsSquares
    var total = 0
    sum.withUnsafeMutableBufferPointer { sum in
      sumSquares.withUnsafeMutableBufferPointer { sumSquares in
        func add(_ i: Int, _ value: Double) {
          sum[i] += weight * value
          if squares { sumSquares[i] += weight * value * value }
        }
        add(selected ?? k, 1)
        var totalDLTs = 0
        var above = 0
        for d in 0..<k {
          let c = counts(d)
          add(k + 1 + d, Double(c.patients))
          add(2 * k + 1 + d, Double(c.dlts))
          total += c.patients
          totalDLTs += c.dlts
          if d > mtd { above += c.patients }
        }
        add(3 * k + 1, Double(totalDLTs))
        add(3 * k + 2, Double(total))
        if total < maxSampleSize { add(3 * k + 3, 1) }
        if stopReason == .lowestDoseTooToxic { add(3 * k + 4, 1) }
        if (selected ?? -1) > mtd { add(3 * k + 5, 1) }
        if total > 0 { add(3 * k + 6, Double(above) / Double(total)) }
        if selected == mtd { add(3 * k + 7, 1) }
      }
    }
    if total >= sizes.count { sizes.append(contentsOf: repeatElement(0, count: total + 1 - sizes.count)) }
    sizes[total] += weight
    totalWeight.add(weight)
  }

  /// Adds a finished trial's outcome with weight `weight`.
  mutating func add(_ outcome: TrialOutcome, weight: Double) {
    add(selected: outcome.selected, stopReason: outcome.stopReason, weight: weight) { outcome.counts[$0] }
  }

  /// The figures from `outcomes` with weights; `trials` is set for simulations (standard errors).
  func characteristics(
    _ outcomes: [(outcome: TrialOutcome, weight: Double)], design: String,
    method: OperatingCharacteristics.Method, trials: Int?, seed: UInt64?
  ) -> OperatingCharacteristics {
    var summary = self
    for (outcome, weight) in outcomes { summary.add(outcome, weight: weight) }
    return summary.characteristics(design: design, method: method, trials: trials, seed: seed)
  }

  /// The figures of the outcomes added so far; `trials` is set for simulations (standard errors).
  func characteristics(
    design: String, method: OperatingCharacteristics.Method, trials: Int?, seed: UInt64?
  ) -> OperatingCharacteristics {
    let k = scenario.doseCount
    let normaliser = trials.map(Double.init) ?? 1
    let mean = sum.map { $0 / normaliser }
    let sizeDistribution = sizes.indices.filter { sizes[$0] > 0 }.map {
      SampleSizeProbability(patients: $0, probability: sizes[$0] / normaliser)
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
      totalProbability: trials == nil ? totalWeight.value : nil, standardErrors: nil, levels: Array(1...k))
    if let n = trials, n > 1, keepsSquares {
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
