import DoseFinding
import Inputs

/// The dose selected at the end of a trial from all counts: what `mtd` prints and the API
/// returns.
public struct MTDAnswer: Sendable, Encodable {
  public var header: DesignHeader
  /// Patients and DLTs per level.
  public var counts: [LevelCounts]
  /// The selected level; `nil` (JSON null) when no dose is acceptable.
  public var mtd: Int?
  /// The estimates the selection uses, one per level (`nil` where a level has none).
  public var estimates: [Double?]

  enum Keys: String, CodingKey { case counts, mtd, estimates }

  public func encode(to encoder: any Encoder) throws {
    try header.encode(to: encoder)
    var c = encoder.container(keyedBy: Keys.self)
    try c.encode(counts, forKey: .counts)
    try c.encode(mtd, forKey: .mtd)
    try c.encode(estimates, forKey: .estimates)
  }
}

extension TrialDesign {
  /// The final selection from `counts` (lowest level first; missing levels untreated).
  ///
  /// Field names in errors: `counts` (also when no level has a patient: with no data there is
  /// nothing to select from, which is not the same as "no dose is acceptable").
  public func selectMTD(counts: [DoseCounts]) throws(InputError) -> MTDAnswer {
    guard counts.count <= design.doseCount else {
      throw InputError(
        field: "counts", expected: "at most \(design.doseCount) entries (one per dose level)",
        found: "\(counts.count) entries")
    }
    for (i, c) in counts.enumerated() { try c.validate(field: "counts[\(i)]") }
    guard counts.contains(where: { $0.patients > 0 }) else {
      throw InputError(
        field: "counts", expected: "at least one treated patient (the MTD is selected from data)",
        found: "no patient at any level")
    }
    let padded = counts + Array(repeating: DoseCounts(), count: design.doseCount - counts.count)
    let history = TrialHistory(counts: padded, currentDose: 0)
    return MTDAnswer(
      header: DesignHeader(self), counts: levelCounts(padded),
      mtd: design.selectMTD(history, stoppedBy: .maxSampleSize).map(label),
      estimates: design.selectionEstimates(padded))
  }
}
