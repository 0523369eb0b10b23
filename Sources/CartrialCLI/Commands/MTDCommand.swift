import ArgumentParser
import DoseFinding
import Foundation

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
  var counts: String
  @OptionGroup var output: OutputOptions

  struct Answer: Encodable {
    var design: String
    var variant: String
    var mtd: Int?
    var estimates: [Double?]
    var doses: [Int]
    var notes: [String]

    enum CodingKeys: String, CodingKey { case design, variant, mtd, estimates, doses, notes }

    /// `mtd` is written as null when no dose is selected (not omitted).
    func encode(to encoder: any Encoder) throws {
      var c = encoder.container(keyedBy: CodingKeys.self)
      try c.encode(design, forKey: .design)
      try c.encode(variant, forKey: .variant)
      try c.encode(mtd, forKey: .mtd)
      try c.encode(estimates, forKey: .estimates)
      try c.encode(doses, forKey: .doses)
      try c.encode(notes, forKey: .notes)
    }
  }

  func run() throws {
    try output.require([.text, .json, .csv])
    let observed = try cli { try DoseCounts.parseList(counts) }
    let resolved = try designOptions.resolve(protocolOptions, countEntries: observed.count)
    let answer = try Self.select(resolved, counts: observed)
    switch output.format {
    case .json: try Output.json(answer)
    case .csv:
      Output.csv(
        header: ["dose", "patients", "dlts", "estimate", "mtd"],
        rows: answer.doses.indices.map { i in
          let c = i < observed.count ? observed[i] : DoseCounts()
          return [
            "\(answer.doses[i])", "\(c.patients)", "\(c.dlts)",
            answer.estimates[i].map { fixedDecimal($0) } ?? "", answer.mtd == answer.doses[i] ? "yes" : "",
          ]
        })
    default:
      print(resolved.design.variantName)
      print("MTD: " + (answer.mtd.map { "dose \($0)" } ?? "none (no dose is acceptable)"))
      for i in answer.doses.indices {
        let c = i < observed.count ? observed[i] : DoseCounts()
        print(
          "  dose \(answer.doses[i]): \(c.patients) patients, \(c.dlts) DLTs, estimate "
            + (answer.estimates[i].map { fixedDecimal($0) } ?? "–"))
      }
      for note in answer.notes { print("[\(note)]") }
    }
  }

  static func select(_ resolved: ResolvedDesign, counts: [DoseCounts]) throws -> Answer {
    let design = resolved.design
    guard counts.count <= design.doseCount else {
      throw CLIError(
        "--counts: expected at most \(design.doseCount) entries (one per dose level), found \(counts.count)")
    }
    let padded = counts + Array(repeating: DoseCounts(), count: design.doseCount - counts.count)
    let history = TrialHistory(counts: padded, currentDose: 0)
    let mtd = design.selectMTD(history, stoppedBy: .maxSampleSize)
    var estimates: [Double?] = Array(repeating: nil, count: design.doseCount)
    switch design {
    case let interval as any IntervalDesign:
      for entry in interval.mtdSelection.estimates(padded) { estimates[entry.dose] = entry.estimate }
    case let crm as CRMDesign:
      estimates = crm.posterior(padded).toxicity
    default:
      estimates = padded.map { $0.patients > 0 ? Double($0.dlts) / Double($0.patients) : nil }
    }
    return Answer(
      design: resolved.settings.kind.rawValue, variant: design.variantName, mtd: mtd.map(resolved.label),
      estimates: estimates, doses: (0..<design.doseCount).map(resolved.label), notes: resolved.notes)
  }
}

/// `x` with `digits` decimals.
func fixedDecimal(_ x: Double, _ digits: Int = 4) -> String {
  String(format: "%.\(digits)f", x)
}
