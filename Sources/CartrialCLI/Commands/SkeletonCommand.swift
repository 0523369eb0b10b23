import ArgumentParser
import DoseFinding

/// `cartrial skeleton`: a CRM skeleton calibrated by the indifference-interval method.
struct SkeletonCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "skeleton",
    abstract: "Calibrate a CRM skeleton (Lee & Cheung 2009; dfcrm getprior).")

  @Option(help: "Half-width δ of the indifference interval, 0 < δ < min(target, 1 − target).")
  var halfwidth: Double
  @Option(help: "Target DLT rate φ, strictly between 0 and 1.")
  var target: Double
  @Option(name: .customLong("prior-mtd"), help: "The prior guess of the MTD, a dose level 1…doses.")
  var priorMTD: Int
  @Option(help: "Number of dose levels.")
  var doses: Int
  @Option(help: "CRM working model: empiric (default) or logistic (intercept 3).")
  var model: String = "empiric"
  @OptionGroup var output: OutputOptions

  struct Answer: Encodable {
    var halfwidth: Double
    var target: Double
    var priorMTD: Int
    var doses: Int
    var model: String
    var skeleton: [Double]
  }

  func run() throws {
    try output.require([.text, .json, .csv])
    let workingModel: CRMWorkingModel
    switch model.lowercased() {
    case "empiric", "power": workingModel = .empiric
    case "logistic": workingModel = .logistic(intercept: 3)
    default: throw ValidationError("--model: expected empiric or logistic, found \"\(model)\"")
    }
    let skeleton = try presenting(rename: ["halfWidth": "--halfwidth", "priorMTD": "--prior-mtd"]) {
      try SkeletonCalibration.skeleton(
        halfWidth: halfwidth, target: target, priorMTD: priorMTD - 1, doseCount: doses, model: workingModel)
    }
    let answer = Answer(
      halfwidth: halfwidth, target: target, priorMTD: priorMTD, doses: doses, model: workingModel.name,
      skeleton: skeleton)
    switch output.format {
    case .json: try Output.json(answer)
    case .csv:
      Output.csv(
        header: ["dose", "skeleton"],
        rows: zip(skeleton.indices, Self.distinct(skeleton, digits: 6)).map { ["\($0 + 1)", $1] })
    default:
      print(Self.distinct(skeleton, digits: 4).joined(separator: " "))
      print(
        "[\(workingModel.name) model; indifference interval \(target) ± \(halfwidth); prior MTD dose \(priorMTD)]"
      )
    }
  }

  /// The values with at least `digits` decimals and as many more as keep them strictly increasing
  /// inside (0, 1) once printed, so that the printed skeleton is one `--skeleton` accepts.
  static func distinct(_ values: [Double], digits: Int) -> [String] {
    for d in digits...17 {
      let printed = values.map { fixedDecimal($0, d) }
      let parsed = printed.compactMap(Double.init)
      if parsed.count == values.count, parsed.allSatisfy({ $0 > 0 && $0 < 1 }),
        zip(parsed, parsed.dropFirst()).allSatisfy({ $0 < $1 })
      {
        return printed
      }
    }
    return values.map { "\($0)" }
  }
}
