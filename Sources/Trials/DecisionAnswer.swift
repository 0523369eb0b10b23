import DoseFinding
import Inputs

/// The recommendation for the next cohort from the counts so far: what `decide` prints and the
/// API returns. Every dose is named by its level.
public struct DecisionAnswer: Sendable, Encodable {
  public var header: DesignHeader
  /// Patients and DLTs per level.
  public var counts: [LevelCounts]
  /// The level the last cohort received.
  public var currentDose: Int
  /// `E`, `S`, `D`, `DU` or `stop`.
  public var decision: String
  /// The next cohort's level; `nil` (JSON null) when the trial stops.
  public var nextDose: Int?
  /// Why the trial stops.
  public var stopReason: StopReason?
  /// Levels never to be used again.
  public var eliminated: [Int]
  /// Model-based DLT estimates per level (CRM), when the design has them.
  public var estimates: [Double]?
  /// The numbers behind the decision.
  public var explanation: [String]

  enum Keys: String, CodingKey {
    case counts, currentDose, decision, nextDose, stopReason, eliminated, estimates, explanation
  }

  public func encode(to encoder: any Encoder) throws {
    try header.encode(to: encoder)
    var c = encoder.container(keyedBy: Keys.self)
    try c.encode(counts, forKey: .counts)
    try c.encode(currentDose, forKey: .currentDose)
    try c.encode(decision, forKey: .decision)
    try c.encode(nextDose, forKey: .nextDose)
    try c.encodeIfPresent(stopReason, forKey: .stopReason)
    try c.encode(eliminated, forKey: .eliminated)
    try c.encodeIfPresent(estimates, forKey: .estimates)
    try c.encode(explanation, forKey: .explanation)
  }
}

extension TrialDesign {
  /// The trial's state from counts per level (lowest first), the current level and the last
  /// cohort, checked against the design (fields `counts[i]`, `current`, `lastCohort`).
  public func trialHistory(counts: [DoseCounts], current: Int, lastCohort: DoseCounts? = nil)
    throws(InputError)
    -> TrialHistory
  {
    for (i, c) in counts.enumerated() { try c.validate(field: "counts[\(i)]") }
    try lastCohort?.validate(field: "lastCohort")
    let index = try index(ofLevel: current, field: "current")
    if let lastCohort {
      guard design.usesLastCohort else {
        throw InputError(
          .conflict, field: "lastCohort",
          expected: "no last cohort: \(specification.name) has no coherence rule that uses it",
          found: "\(lastCohort.patients)/\(lastCohort.dlts)")
      }
      let atCurrent = index < counts.count ? counts[index] : DoseCounts()
      guard lastCohort.patients <= atCurrent.patients, lastCohort.dlts <= atCurrent.dlts else {
        throw InputError(
          .conflict, field: "lastCohort",
          expected:
            "a cohort within the counts at level \(current) (\(atCurrent.patients)/\(atCurrent.dlts))",
          found: "\(lastCohort.patients)/\(lastCohort.dlts)")
      }
    }
    return try TrialHistory.fromCounts(
      counts, currentDose: index, design: design, lastCohort: lastCohort, label: label)
  }

  /// The decision after the counts `counts` (lowest level first; missing levels untreated) with
  /// the last cohort at level `current`. `lastCohort` feeds a coherence rule
  /// (``DoseFindingDesign/usesLastCohort``); without it the rule is not applied, and the answer
  /// says so.
  ///
  /// Field names in errors: `counts`, `current`, `lastCohort`.
  public func decide(counts: [DoseCounts], current: Int, lastCohort: DoseCounts? = nil) throws(InputError)
    -> DecisionAnswer
  {
    let history = try trialHistory(counts: counts, current: current, lastCohort: lastCohort)
    let index = history.currentDose
    let recommendation = design.recommend(history)
    let decision: String
    if recommendation.stop != nil {
      decision = "stop"
    } else if let table = recommendation.decision {
      decision = table.rawValue
    } else {
      let next = recommendation.nextDose ?? index
      decision = next > index ? "E" : next < index ? "D" : "S"
    }
    var extra: [SettingNote] = []
    if design.usesLastCohort && lastCohort == nil {
      extra.append(
        SettingNote(
          .defaultValue, setting: "lastCohort", value: "none",
          reason: "the coherence restriction is not applied"))
    }
    let eliminatedFrom = recommendation.eliminatedFrom ?? design.doseCount
    return DecisionAnswer(
      header: DesignHeader(self, extraNotes: extra), counts: levelCounts(history.counts),
      currentDose: current, decision: decision, nextDose: recommendation.nextDose.map(label),
      stopReason: recommendation.stop, eliminated: (eliminatedFrom..<design.doseCount).map(label),
      estimates: design.posteriorEstimates(history.counts), explanation: recommendation.explanation)
  }
}
