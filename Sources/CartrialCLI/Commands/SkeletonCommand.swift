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

  func validate() throws {
    guard target > 0 && target < 1 else {
      throw ValidationError("--target: expected a DLT rate strictly between 0 and 1, found \(target)")
    }
    guard halfwidth > 0 && halfwidth < min(target, 1 - target) else {
      throw ValidationError(
        "--halfwidth: expected 0 < δ < min(target, 1 − target) = \(min(target, 1 - target)), found \(halfwidth)"
      )
    }
    guard doses >= 1 else { throw ValidationError("--doses: expected at least 1 dose level, found \(doses)") }
    guard priorMTD >= 1 && priorMTD <= doses else {
      throw ValidationError("--prior-mtd: expected a dose level 1…\(doses), found \(priorMTD)")
    }
  }

  func run() throws {
    try output.require([.text, .json, .csv])
    let workingModel: CRMWorkingModel
    switch model.lowercased() {
    case "empiric", "power": workingModel = .empiric
    case "logistic": workingModel = .logistic(intercept: 3)
    default: throw ValidationError("--model: expected empiric or logistic, found \"\(model)\"")
    }
    let skeleton = SkeletonCalibration.skeleton(
      halfWidth: halfwidth, target: target, priorMTD: priorMTD - 1, doseCount: doses, model: workingModel)
    let answer = Answer(
      halfwidth: halfwidth, target: target, priorMTD: priorMTD, doses: doses, model: workingModel.name,
      skeleton: skeleton)
    switch output.format {
    case .json: try Output.json(answer)
    case .csv:
      Output.csv(
        header: ["dose", "skeleton"],
        rows: skeleton.enumerated().map { ["\($0.offset + 1)", fixedDecimal($0.element, 6)] })
    default:
      print(skeleton.map { fixedDecimal($0) }.joined(separator: " "))
      print(
        "[\(workingModel.name) model; indifference interval \(target) ± \(halfwidth); prior MTD dose \(priorMTD)]"
      )
    }
  }
}
