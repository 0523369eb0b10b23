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
  @Option(name: .customLong("weight-kg"), help: "Body weight in kg, in (0, 300].") var weightKg: Double
  @OptionGroup var output: OutputOptions

  func run() throws {
    try output.require([.text, .json])
    let (trial, group) = try protocolOptions.loadGroup()
    let dose: DoseCalculation
    do {
      dose = try DoseCalculation(group: group, level: level, weightKg: weightKg)
    } catch {
      throw CLIError("--\(error.field == "weightKg" ? "weight-kg" : error.field): \(error.message)")
    }
    if output.format == .json {
      try Output.json(dose)
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
    if let assumption = group.doseLevel(level)?.assumption { print("[assumption: \(assumption)]") }
  }
}
