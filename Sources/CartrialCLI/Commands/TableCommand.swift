import ArgumentParser
import DoseFinding

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

  struct Row: Encodable {
    var n: Int
    var y: Int
    var decision: String
  }

  struct Boundaries: Encodable {
    var escalate: Double
    var deescalate: Double
  }

  struct Answer: Encodable {
    var design: String
    var variant: String
    var target: Double?
    var ei: [Double]?
    var maxN: Int
    var boundaries: Boundaries?
    var rows: [Row]
    var notes: [String]
  }

  func run() throws {
    try output.require([.text, .json, .csv])
    let resolved = try designOptions.resolve(protocolOptions, countEntries: nil)
    let sixForThreePlusThree = resolved.settings.kind == .threePlusThree ? 6 : nil
    guard let maxN = resolved.settings.maxSampleSize ?? sixForThreePlusThree else {
      throw ValidationError("missing --max-n N (the largest number of patients at a dose to tabulate)")
    }
    let answer = try Self.table(resolved, maxN: maxN)
    switch output.format {
    case .json: try Output.json(answer)
    case .csv:
      Output.csv(
        header: ["n", "y", "decision"], rows: answer.rows.map { ["\($0.n)", "\($0.y)", $0.decision] })
    default: printText(answer, resolved)
    }
  }

  static func table(_ resolved: ResolvedDesign, maxN: Int) throws -> Answer {
    let settings = resolved.settings
    let decide: (Int, Int) -> TableDecision
    var patients = Array(1...max(1, maxN))
    var boundaries: Boundaries?
    switch resolved.design {
    case let boin as BOINDesign:
      decide = { boin.decision(patients: $0, dlts: $1) }
      boundaries = Boundaries(
        escalate: boin.boundaries.escalation, deescalate: boin.boundaries.deescalation)
    case let interval as any IntervalDesign:
      decide = { interval.decision(patients: $0, dlts: $1) }
    case is ThreePlusThreeDesign:
      decide = { ThreePlusThreeDesign.decision(patients: $0, dlts: $1) }
      patients = [3, 6]
    default:
      throw CLIError("--design: CRM has no decision table (its decisions depend on all doses); use decide")
    }
    let rows = patients.flatMap { n in (0...n).map { Row(n: n, y: $0, decision: decide(n, $0).rawValue) } }
    let usesInterval = settings.kind == .i3plus3 || settings.kind == .mtpi2
    let ei = settings.effectiveInterval
    return Answer(
      design: settings.kind.rawValue, variant: resolved.design.variantName,
      target: settings.kind == .threePlusThree ? nil : settings.target,
      ei: usesInterval ? [ei.lower, ei.upper] : nil, maxN: maxN, boundaries: boundaries, rows: rows,
      notes: resolved.notes)
  }

  private func printText(_ answer: Answer, _ resolved: ResolvedDesign) {
    print(answer.variant)
    if let b = answer.boundaries {
      print("λe = \(fixedDecimal(b.escalate, 6))  λd = \(fixedDecimal(b.deescalate, 6))")
    }
    // One line per n: the y ranges of each decision (they are contiguous in y).
    print("   n  E (y ≤)  S        D        DU (y ≥)")
    var byN: [Int: [Row]] = [:]
    for row in answer.rows { byN[row.n, default: []].append(row) }
    for n in byN.keys.sorted() {
      let rows = byN[n]!
      func range(_ d: String) -> String {
        let ys = rows.filter { $0.decision == d }.map(\.y)
        guard let low = ys.first, let high = ys.last else { return "–" }
        return low == high ? "\(low)" : "\(low)–\(high)"
      }
      let columns = ["E", "S", "D", "DU"].map { range($0).padding(toLength: 8, withPad: " ", startingAt: 0) }
      print(
        String(repeating: " ", count: max(0, 4 - String(n).count)) + "\(n)  " + columns.joined(separator: " ")
      )
    }
    for note in answer.notes { print("[\(note)]") }
  }
}
