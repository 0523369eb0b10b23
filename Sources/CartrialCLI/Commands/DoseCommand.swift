import ArgumentParser
import TrialModel

/// `cartrial dose`: the CAR+ cells to infuse at a dose level for a body weight.
struct DoseCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "dose",
    abstract: "Compute the CAR+ cells to infuse: per-kg levels × weight, capped by the level's maximum.")

  @OptionGroup var protocolOptions: ProtocolOptions
  @Option(parsing: .unconditional, help: "The dose level number (1, 2, …; -1 for a de-escalation level).")
  var level: Int
  @Option(
    name: .customLong("weight-kg"),
    help: "Body weight in kg, a plausible weight (0.5–500 kg; see README: plausibility ranges).")
  var weightKg: Double
  @OptionGroup var output: OutputOptions

  /// What `dose --format json` prints: the calculation with the protocol it comes from and the
  /// assumption of its level, if any.
  struct Answer: Encodable {
    var protocolID: String
    var dose: DoseCalculation
    var assumptions: [Assumption]

    /// The level's assumption, as `{setting: "doseLevels[level N]", value: "DOSE", assumption}`.
    init(protocolID: String, dose: DoseCalculation, level: DoseLevel?) {
      self.protocolID = protocolID
      self.dose = dose
      assumptions =
        (level?.assumption).map {
          [Assumption(setting: "doseLevels[level \(dose.level)]", value: "\(dose.dose)", assumption: $0)]
        } ?? []
    }

    private enum CodingKeys: String, CodingKey {
      case protocolID = "protocol"
      case assumptions
    }

    /// The calculation's keys, with `protocol` and `assumptions` beside them.
    func encode(to encoder: any Encoder) throws {
      try dose.encode(to: encoder)
      var c = encoder.container(keyedBy: CodingKeys.self)
      try c.encode(protocolID, forKey: .protocolID)
      try c.encode(assumptions, forKey: .assumptions)
    }
  }

  func run() throws {
    try output.require([.text, .json])
    let (trial, group) = try protocolOptions.loadGroup()
    let dose: DoseCalculation
    do {
      dose = try DoseCalculation(group: group, level: level, weightKg: weightKg)
    } catch {
      throw CLIError("--\(error.field == "weightKg" ? "weight-kg" : error.field): \(error.message)")
    }
    let answer = Answer(protocolID: trial.id, dose: dose, level: group.doseLevel(level))
    if output.format == .json {
      try Output.json(answer)
      return
    }
    print(
      "\(trial.id) group \(group.id), level \(level): \(dose.dose)"
        + (dose.maximumTotal.map { " (max \($0))" } ?? ""))
    print(
      "weight \(Quantity.format(weightKg)) kg → \(Quantity(dose.cells, .cells))"
        + " (\(Quantity(dose.cellsPerKg, .cellsPerKg)))")
    if dose.capped {
      print(
        "capped: \(Quantity(dose.uncappedCells, .cells)) limited to the level's maximum \(dose.maximumTotal!)"
      )
    }
    for assumption in answer.assumptions { print("[assumption: \(assumption)]") }
  }
}
