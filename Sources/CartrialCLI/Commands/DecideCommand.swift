import ArgumentParser
import DoseFinding

/// `cartrial decide`: the dose for the next cohort given the counts so far.
struct DecideCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "decide",
    abstract: "Decide the next cohort's dose (E, S, D, DU or stop) from the DLT counts per dose.",
    discussion: """
      Doses are numbered 1, 2, … with --design, and by the protocol's level numbers with --protocol.
      Eliminations are inferred from the counts (a dose meeting the design's DU rule, and all above).
      """)

  @OptionGroup var protocolOptions: ProtocolOptions
  @OptionGroup var designOptions: DesignOptions
  @Option(parsing: .unconditional, help: "The dose the last cohort received.")
  var current: Int
  @Option(help: "Patients/DLTs per dose, lowest dose first, e.g. \"3/0,3/1\".")
  var counts: String
  @Option(
    name: .customLong("last-cohort"),
    help: "CRM coherence: the last cohort's patients/DLTs (default: the coherence rule is not applied).")
  var lastCohort: String?
  @OptionGroup var output: OutputOptions

  /// The JSON answer.
  struct Answer: Encodable {
    var design: String
    var variant: String
    var currentDose: Int
    var decision: String
    var nextDose: Int?
    var stopReason: String?
    var eliminated: [Int]
    var estimates: [Double]?
    var explanation: [String]
    var notes: [String]

    enum CodingKeys: String, CodingKey {
      case design, variant, currentDose, decision, nextDose, stopReason, eliminated, estimates
      case explanation, notes
    }

    /// `nextDose` is written as null when the trial stops (not omitted).
    func encode(to encoder: any Encoder) throws {
      var c = encoder.container(keyedBy: CodingKeys.self)
      try c.encode(design, forKey: .design)
      try c.encode(variant, forKey: .variant)
      try c.encode(currentDose, forKey: .currentDose)
      try c.encode(decision, forKey: .decision)
      try c.encode(nextDose, forKey: .nextDose)
      try c.encodeIfPresent(stopReason, forKey: .stopReason)
      try c.encode(eliminated, forKey: .eliminated)
      try c.encodeIfPresent(estimates, forKey: .estimates)
      try c.encode(explanation, forKey: .explanation)
      try c.encode(notes, forKey: .notes)
    }
  }

  func run() throws {
    try output.require([.text, .json, .csv])
    let observed = try cli { try DoseCounts.parseList(counts) }
    let resolved = try designOptions.resolve(protocolOptions, countEntries: observed.count)
    let answer = try Self.decide(resolved, counts: observed, current: current, lastCohort: lastCohort)
    switch output.format {
    case .json: try Output.json(answer)
    case .csv:
      Output.csv(
        header: ["design", "currentDose", "decision", "nextDose", "eliminated"],
        rows: [
          [
            answer.design, "\(answer.currentDose)", answer.decision, answer.nextDose.map(String.init) ?? "",
            answer.eliminated.map(String.init).joined(separator: " "),
          ]
        ])
    default:
      print(resolved.design.variantName)
      let listed = resolved.design.doseCount
      let countText = (0..<listed).map { "\(resolved.label($0)): \(counts(at: $0, observed))" }
      print("Counts (dose: patients/DLTs): " + countText.joined(separator: ", "))
      print(
        "Decision at dose \(answer.currentDose): \(answer.decision)"
          + (answer.nextDose.map { " → next dose \($0)" } ?? " (\(answer.stopReason ?? "stop"))"))
      print(
        "Eliminated: "
          + (answer.eliminated.isEmpty ? "none" : answer.eliminated.map(String.init).joined(separator: ", ")))
      for line in answer.explanation { print("  " + line) }
      for note in answer.notes { print("[\(note)]") }
    }
  }

  private func counts(at index: Int, _ observed: [DoseCounts]) -> String {
    index < observed.count ? "\(observed[index].patients)/\(observed[index].dlts)" : "0/0"
  }

  /// The decision for `counts` at user-facing dose `current`.
  static func decide(
    _ resolved: ResolvedDesign, counts: [DoseCounts], current: Int, lastCohort: String?
  ) throws -> Answer {
    let design = resolved.design
    guard counts.count <= design.doseCount else {
      throw CLIError(
        "--counts: expected at most \(design.doseCount) entries (one per dose level), found \(counts.count)")
    }
    let index = try resolved.index(of: current, option: "--current")
    let last = try lastCohort.map { text throws in
      let parsed = try cli { try DoseCounts.parseList(text, field: "last-cohort") }
      guard parsed.count == 1 else { throw CLIError("--last-cohort: expected one n/y, found \"\(text)\"") }
      return parsed[0]
    }
    let history = try cli {
      try TrialHistory.fromCounts(counts, currentDose: index, design: design, lastCohort: last)
    }
    let recommendation = design.recommend(history)
    let decision: String
    if recommendation.stop != nil {
      decision = "stop"
    } else if let table = recommendation.decision {
      decision = table.rawValue
    } else {
      let next = recommendation.nextDose!
      decision = next > index ? "E" : next < index ? "D" : "S"
    }
    let eliminatedFrom = recommendation.eliminatedFrom ?? design.doseCount
    var notes = resolved.notes
    if design is CRMDesign && last == nil {
      notes.append("no --last-cohort given: CRM coherence restriction not applied")
    }
    return Answer(
      design: resolved.settings.kind.rawValue, variant: design.variantName, currentDose: current,
      decision: decision, nextDose: recommendation.nextDose.map(resolved.label),
      stopReason: recommendation.stop?.rawValue,
      eliminated: (eliminatedFrom..<design.doseCount).map(resolved.label),
      estimates: (design as? CRMDesign)?.posterior(history.counts).toxicity,
      explanation: recommendation.explanation, notes: notes)
  }
}
