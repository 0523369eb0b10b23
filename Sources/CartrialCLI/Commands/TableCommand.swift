import ArgumentParser
import DoseFinding
import Trials

/// `cartrial table`: the decision table of an interval design (or 3+3) for every (n, y).
struct TableCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "table",
    abstract: "Print the decision (E, S, D, DU) for every number of patients n = 1…N and DLTs y = 0…n.",
    discussion: """
      E escalate, S stay, D de-escalate, DU de-escalate and never use this or higher doses again.
      BOIN also prints its boundaries λe, λd and the integer counts (as BOIN get.boundary).
      3+3 decides only after cohorts of 3 and 6 patients, so its table has n = 3 and 6.
      """)

  @OptionGroup var protocolOptions: ProtocolOptions
  @OptionGroup var designOptions: DesignOptions
  @OptionGroup var output: OutputOptions

  func checkOptions() throws { try output.require([.text, .json, .csv]) }

  func run() throws {
    try checkOptions()
    let design = try designOptions.resolve(protocolOptions)
    let answer = try presenting(designParameters: true) { try design.table() }
    switch output.format {
    case .json: try Output.json(answer)
    case .csv:
      Output.csv(
        header: ["n", "y", "decision"],
        rows: answer.rows.map { ["\($0.n)", "\($0.y)", $0.decision.rawValue] })
    default: Self.printText(answer, design)
    }
  }

  static func printText(_ answer: TableAnswer, _ design: TrialDesign) {
    print(answer.header.variant)
    if let b = answer.boundaries {
      print("λe = \(fixedDecimal(b.escalate, 6))  λd = \(fixedDecimal(b.deescalate, 6))")
    }
    // One line per n: the y ranges of each decision (they are contiguous in y).
    print("   n  E (y ≤)  S        D        DU (y ≥)")
    var byN: [Int: [DecisionTable.Row]] = [:]
    for row in answer.rows { byN[row.n, default: []].append(row) }
    for n in byN.keys.sorted() {
      let rows = byN[n]!
      func range(_ d: TableDecision) -> String {
        let ys = rows.filter { $0.decision == d }.map(\.y)
        guard let low = ys.first, let high = ys.last else { return "–" }
        return low == high ? "\(low)" : "\(low)–\(high)"
      }
      let columns = [TableDecision.escalate, .stay, .deescalate, .deescalateUnacceptable].map {
        range($0).padding(toLength: 8, withPad: " ", startingAt: 0)
      }
      print(
        String(repeating: " ", count: max(0, 4 - String(n).count)) + "\(n)  " + columns.joined(separator: " ")
      )
    }
    for note in design.textNotes { print("[\(note)]") }
  }
}
