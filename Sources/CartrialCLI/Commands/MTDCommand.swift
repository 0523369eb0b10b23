import ArgumentParser
import DoseFinding
import Foundation
import Trials

/// `cartrial mtd`: the final MTD selection from all counts.
struct MTDCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "mtd",
    abstract: "Select the MTD from the DLT counts per dose at the end of the trial.",
    discussion: """
      Interval designs (BOIN, i3+3, mTPI-2): isotonic regression with the BOIN tie rules over treated,
      non-eliminated doses (estimates: isotonic DLT rates, null where a dose is untreated or eliminated).
      CRM: the dose whose plug-in estimate is closest to the target (estimates: plug-in rates).
      3+3: the highest dose with 0/3 or ≤ 1/6 below the first dose with ≥ 2 DLTs (estimates: y/n).
      """)

  @OptionGroup var protocolOptions: ProtocolOptions
  @OptionGroup var designOptions: DesignOptions
  @Option(help: "Patients/DLTs per dose, lowest dose first, e.g. \"3/0,6/1,9/3\".")
  var counts: ListArgument<DoseCounts>
  @OptionGroup var output: OutputOptions

  func checkOptions() throws {
    try output.require([.text, .json, .csv])
    _ = try counts.values(option: "--counts")
  }

  func run() throws {
    try checkOptions()
    let observed = try counts.values(option: "--counts")
    let design = try designOptions.resolve(protocolOptions, countEntries: observed.count)
    let answer = try presenting(designParameters: true) { try design.selectMTD(counts: observed) }
    switch output.format {
    case .json: try Output.json(answer)
    case .csv:
      Output.csv(
        header: ["dose", "patients", "dlts", "estimate", "mtd"],
        rows: zip(answer.counts, answer.estimates).map { c, estimate in
          [
            "\(c.level)", "\(c.patients)", "\(c.dlts)", estimate.map { fixedDecimal($0) } ?? "",
            answer.mtd == c.level ? "yes" : "",
          ]
        })
    default:
      print(answer.header.variant)
      print("MTD: " + (answer.mtd.map { "dose \($0)" } ?? "none (no dose is acceptable)"))
      for (c, estimate) in zip(answer.counts, answer.estimates) {
        print(
          "  dose \(c.level): \(c.patients) patients, \(c.dlts) DLTs, estimate "
            + (estimate.map { fixedDecimal($0) } ?? "–"))
      }
      for note in design.textNotes { print("[\(note)]") }
    }
  }
}

/// `x` with `digits` decimals.
func fixedDecimal(_ x: Double, _ digits: Int = 4) -> String {
  String(format: "%.\(digits)f", x)
}
