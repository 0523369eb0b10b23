import ArgumentParser
import DoseFinding
import Trials

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
  @Option(parsing: .unconditional, help: "The dose level the last cohort received.")
  var current: Int
  @Option(help: "Patients/DLTs per dose, lowest dose first, e.g. \"3/0,3/1\".")
  var counts: ListArgument<DoseCounts>
  @Option(
    name: .customLong("last-cohort"),
    help: "CRM coherence: the last cohort's patients/DLTs (default: the coherence rule is not applied).")
  var lastCohort: ListArgument<DoseCounts>?
  @OptionGroup var output: OutputOptions

  func checkOptions() throws {
    try output.require([.text, .json, .csv])
    _ = try counts.values(option: "--counts")
    if let lastCohort, try lastCohort.values(option: "--last-cohort").count != 1 {
      throw ValidationError("--last-cohort: expected one n/y, found \"\(lastCohort.text)\"")
    }
  }

  func run() throws {
    try checkOptions()
    let observed = try counts.values(option: "--counts")
    let design = try designOptions.resolve(protocolOptions, countEntries: observed.count)
    let last = try lastCohort?.values(option: "--last-cohort").first
    let answer = try presenting(designParameters: true) {
      try design.decide(counts: observed, current: current, lastCohort: last)
    }
    switch output.format {
    case .json: try Output.json(answer)
    case .csv:
      Output.csv(
        header: ["design", "currentDose", "decision", "nextDose", "eliminated"],
        rows: [
          [
            answer.header.design, "\(answer.currentDose)", answer.decision,
            answer.nextDose.map(String.init) ?? "", answer.eliminated.map(String.init).joined(separator: " "),
          ]
        ])
    default: Self.printText(answer, design)
    }
  }

  static func printText(_ answer: DecisionAnswer, _ design: TrialDesign) {
    print(answer.header.variant)
    print(
      "Counts (dose: patients/DLTs): "
        + answer.counts.map { "\($0.level): \($0.patients)/\($0.dlts)" }.joined(separator: ", "))
    print(
      "Decision at dose \(answer.currentDose): \(answer.decision)"
        + (answer.nextDose.map { " → next dose \($0)" } ?? " (\(answer.stopReason?.rawValue ?? "stop"))"))
    print(
      "Eliminated: "
        + (answer.eliminated.isEmpty ? "none" : answer.eliminated.map(String.init).joined(separator: ", ")))
    for line in answer.explanation { print("  " + line) }
    for note in design.textNotes + SettingNote.text(Array(answer.header.notes.dropFirst(design.notes.count)))
    {
      print("[\(note)]")
    }
  }
}
