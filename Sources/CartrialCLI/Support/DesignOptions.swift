import ArgumentParser
import DoseFinding
import Inputs
import TrialModel
import Trials

/// The design options shared by `table`, `decide`, `mtd` and `oc`: either `--protocol ID [--group G]`,
/// optionally with overrides, or `--design NAME --target T …`. Names, defaults and checks come from
/// the design registry (`DoseFinding`) through the application layer (`Trials`).
///
/// With `--protocol`, `--design` and `--doses` are refused (the protocol fixes them); every other
/// option overrides the protocol's value and the output says so.
struct DesignOptions: ParsableArguments {
  @Option(help: ArgumentHelp(DesignOptions.designHelp))
  var design: String?
  @Option(help: "Target DLT rate φ, strictly between 0 and 1 (not used by 3+3).")
  var target: Double?
  @Option(help: "Equivalence interval LOW,HIGH for i3+3 and mTPI-2 (default: target ± 0.05).")
  var ei: ListArgument<Double>?
  @Option(help: "CRM skeleton: increasing prior DLT rates, one per dose, comma-separated.")
  var skeleton: ListArgument<Double>?
  @Option(help: "3+3 variant: classic (default), korn or find.")
  var variant: String?
  @Option(name: .customLong("cohort-size"), help: "Patients per cohort (default 3).")
  var cohortSize: Int?
  @Option(name: .customLong("max-n"), help: "Maximum sample size N (the trial stops when it is reached).")
  var maxN: Int?
  @Option(help: "Number of dose levels (default: the skeleton length or the number of --counts entries).")
  var doses: Int?
  @Option(help: "BOIN φ1, the highest sub-therapeutic rate (default 0.6·target).")
  var phi1: Double?
  @Option(help: "BOIN φ2, the lowest overly toxic rate (default 1.4·target).")
  var phi2: Double?
  @Option(help: "CRM working model: empiric (default) or logistic (intercept 3).")
  var model: String?
  @Option(name: .customLong("prior-variance"), help: "CRM prior variance of β (default 1.34).")
  var priorVariance: Double?
  @Option(
    name: .customLong("set"),
    help: ArgumentHelp(
      "Any other design parameter as NAME=VALUE (repeatable), e.g. eliminationCutoff=0.9, earlyStop=12, "
        + "restrict=false; see README 'Design parameters'.", valueName: "name=value"))
  var settings: [SettingArgument] = []

  init() {}

  /// The registry's designs with their aliases, for `--help`.
  static var designHelp: String {
    "Design: "
      + DesignRegistry.standard.specifications.map { spec in
        spec.aliases.isEmpty ? spec.name : "\(spec.name) (or \(spec.aliases.joined(separator: ", ")))"
      }.joined(separator: ", ") + "; case-insensitive."
  }

  /// Settings every design has, each with its own option (not `--set`).
  static let commonSettings = [
    "target": "--target", "cohortSize": "--cohort-size", "maxSampleSize": "--max-n", "doses": "--doses",
    "startLevel": "--start", "startDose": "--start", "design": "--design",
  ]

  /// The request these options make; `cohorts` and `startLevel` come from `oc`.
  func request(cohorts: Int? = nil, startLevel: Int? = nil) throws -> DesignRequest {
    var parameters: [String: SettingValue] = [:]
    for setting in settings {
      if let option = Self.commonSettings[setting.name] {
        throw ValidationError(
          "--set \(setting.name): expected a design parameter, found \(setting.name), which is given as \(option)"
        )
      }
      guard parameters[setting.name] == nil else {
        throw ValidationError("--set \(setting.name): expected once, found twice")
      }
      parameters[setting.name] = setting.value
    }
    let named: [(String, String, SettingValue?)] = [
      ("--ei", "equivalenceInterval", try ei.map { .numbers(try $0.values(option: "--ei")) }),
      ("--skeleton", "skeleton", try skeleton.map { .numbers(try $0.values(option: "--skeleton")) }),
      ("--variant", "variant", variant.map { .text($0) }), ("--phi1", "phi1", phi1.map { .number($0) }),
      ("--phi2", "phi2", phi2.map { .number($0) }), ("--model", "model", model.map { .text($0) }),
      ("--prior-variance", "priorVariance", priorVariance.map { .number($0) }),
    ]
    for (option, name, value) in named {
      guard let value else { continue }
      guard parameters[name] == nil else {
        throw ValidationError(
          "--set \(name): expected either \(option) or --set \(name) (the same parameter), found both")
      }
      parameters[name] = value
    }
    return DesignRequest(
      design: design, target: target, cohortSize: cohortSize, maxSampleSize: maxN, cohorts: cohorts,
      doseCount: doses, startLevel: startLevel, parameters: parameters)
  }

  /// The design for these options on `--protocol`/`--group` when given.
  /// - Parameter countEntries: the number of `--counts` entries, the default dose count.
  func resolve(
    _ protocolOptions: ProtocolOptions, countEntries: Int? = nil, cohorts: Int? = nil, startLevel: Int? = nil,
    defaultTarget: Double? = nil
  ) throws -> TrialDesign {
    var request = try request(cohorts: cohorts, startLevel: startLevel)
    if protocolOptions.reference == nil { request.defaultTarget = defaultTarget }
    let trial = try protocolOptions.loadIfGiven()
    return try presenting(designParameters: true) {
      try TrialDesign.resolve(request, protocol: trial, group: protocolOptions.group, doseCount: countEntries)
    }
  }
}
