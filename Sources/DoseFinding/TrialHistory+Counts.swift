import Inputs

extension TrialHistory {
  /// The history for a decision from observed counts: `counts` padded with untreated doses to
  /// the design's dose count, treating at `currentDose` (0-based), with eliminations inferred from
  /// the counts of the other doses by ``DoseFindingDesign/eliminates(_:)`` (such a dose eliminates
  /// itself and all higher doses). Throws when there are more count entries than doses, `currentDose` is not a
  /// dose, has no patients, or lies at or above an eliminated dose. `label` gives the user-facing
  /// name of a dose index in messages (default: 1-based).
  public static func fromCounts(
    _ counts: [DoseCounts], currentDose: Int, design: some DoseFindingDesign,
    lastCohort: DoseCounts? = nil, label: (Int) -> Int = { $0 + 1 }
  ) throws(InputError) -> TrialHistory {
    let doseCount = design.doseCount
    guard counts.count <= doseCount else {
      throw InputError(
        field: "counts", expected: "at most \(doseCount) entries (one per dose level)",
        found: "\(counts.count) entries")
    }
    guard currentDose >= 0 && currentDose < doseCount else {
      throw InputError(
        .notFound, field: "current", expected: "a dose level 1…\(doseCount)", found: "\(currentDose + 1)")
    }
    let padded = counts + Array(repeating: DoseCounts(), count: doseCount - counts.count)
    guard padded[currentDose].patients > 0 else {
      throw InputError(
        .conflict, field: "current", expected: "a dose with patients in the counts",
        found: "dose \(label(currentDose)) with 0 patients")
    }
    let eliminatedFrom = padded.indices.first { j in j != currentDose && design.eliminates(padded[j]) }
    if let e = eliminatedFrom, e < currentDose {
      throw InputError(
        .conflict, field: "current",
        expected:
          "a dose below the eliminated dose \(label(e)) (\(padded[e].dlts)/\(padded[e].patients) DLTs)",
        found: "dose \(label(currentDose))")
    }
    return TrialHistory(
      counts: padded, currentDose: currentDose, eliminatedFrom: eliminatedFrom, lastCohort: lastCohort)
  }
}
