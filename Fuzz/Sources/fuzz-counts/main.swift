import DoseFinding
import FuzzSupport
import Inputs

/// Every standard design (target 0.3, cohorts of 3) for `doseCount` doses, built once per dose
/// count (building a design computes its decision boundaries, which the input does not change).
nonisolated(unsafe) var designs: [Int: [any DoseFindingDesign]] = [:]

func standardDesigns(doseCount: Int) -> [any DoseFindingDesign] {
  if let cached = designs[doseCount] { return cached }
  let setup = DesignSetup(doseCount: doseCount, target: 0.3)
  let built = DesignRegistry.standard.specifications.compactMap { specification in
    try? DesignRegistry.makeDesign(specification, setup: setup, arguments: DesignArguments())
  }
  designs[doseCount] = built
  return built
}

// The `--counts` parser on arbitrary text; counts that parse are decided by every standard design
// at each treated dose, and the MTD selected, as `cartrial decide` and `cartrial mtd` do.
runFuzzer { bytes in
  guard let counts = try? DoseCounts.parseList(text(bytes)), counts.count <= DesignSetup.maximumDoses else {
    return
  }
  for design in standardDesigns(doseCount: counts.count) {
    for current in counts.indices where counts[current].patients > 0 {
      guard let history = try? TrialHistory.fromCounts(counts, currentDose: current, design: design) else {
        continue
      }
      let recommendation = design.recommend(history)
      _ = design.selectMTD(history, stoppedBy: recommendation.stop ?? .maxSampleSize)
    }
  }
}
