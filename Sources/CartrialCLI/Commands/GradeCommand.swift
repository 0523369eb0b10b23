import ArgumentParser
import Assessment
import Foundation
import Inputs
import TrialModel

/// `cartrial grade crs|icans|lab`: one grade from an observation file or flags.
struct GradeCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "grade",
    abstract: "Grade CRS or ICANS (ASTCT 2019) or a lab value (CTCAE v5.0), with the reason.",
    subcommands: [CRS.self, ICANS.self, Lab.self])

  /// What every grade subcommand prints.
  struct Report: Encodable {
    var grade: Int
    var system: String
    /// The deciding finding.
    var reason: String
    /// Every finding and note, deciding first.
    var findings: [String]
    /// Settings in force that are assumptions rather than protocol text.
    var assumptions: [Assumption]

    init(_ result: GradeResult, assumptions: [Assumption]) {
      grade = result.grade
      system = result.system
      reason = result.reasons.first ?? ""
      findings = result.reasons
      self.assumptions = assumptions
    }

    func print(_ output: OutputOptions) throws {
      if output.format == .json { return try Output.json(self) }
      CartrialCLI.print("\(system) grade \(grade)")
      for finding in findings { CartrialCLI.print("  - \(finding)") }
      for assumption in assumptions { CartrialCLI.print("[assumption: \(assumption)]") }
    }
  }

  /// Fails when observation flags are given together with `--input` (the file is the whole
  /// observation: a flag beside it would be silently ignored).
  static func refuseFlags(_ flags: [(String, Bool)], with input: String?) throws {
    guard input != nil else { return }
    let given = flags.filter(\.1).map(\.0)
    guard given.isEmpty else {
      throw ValidationError(
        "--input: expected the observation either in --input or in flags, not both, found --input with "
          + given.joined(separator: ", "))
    }
  }

  /// Settings from `--protocol` when given, else the defaults; `--group`, when given, must name
  /// one of the protocol's groups (the grading settings are the protocol's, for every group).
  static func settings(_ options: ProtocolOptions) throws -> AssessmentSettings {
    guard let trial = try options.loadIfGiven() else { return AssessmentSettings() }
    _ = try trial.namedGroup(options.group)
    return trial.assessment
  }

  /// The observation in the file `--input`, if given, with its document (to place the graders'
  /// errors at their line and column).
  static func read<T: JSONReadable>(_ type: T.Type, input: String?) throws -> (T, JSONDocument)? {
    guard let input else { return nil }
    let document = try InputFile.document(input)
    return (try InputFile.read(T.self, from: document), document)
  }

  /// Runs a grader on an observation read from `document`, or built from flags (`flags` maps the
  /// observation's field names to the options that carried them).
  static func grade(
    _ document: JSONDocument?, flags: [String: String] = [:], _ body: () throws(InputError) -> GradeResult
  ) throws -> GradeResult {
    if let document { return try InputFile.checked(document, body) }
    do {
      return try body()
    } catch {
      var named = error
      named.field = flags[error.field] ?? error.field
      throw CLIError(named.description)
    }
  }

  struct CRS: ParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: "ASTCT 2019 CRS grade from an observation (fever, hypotension/vasopressors, oxygen).")

    @Option(help: "Observation JSON file (see README: CRS observation).") var input: String?
    @Option(name: .customLong("temperature"), parsing: .unconditional, help: "Highest temperature in °C.")
    var temperature: Double?
    @Flag(help: "Antipyretic or anti-cytokine therapy already given (fever no longer required).")
    var antipyreticGiven = false
    @Flag(help: "Hypotension (age-appropriate norms).") var hypotension = false
    @Option(
      name: .customLong("systolic"),
      help: "Lowest systolic blood pressure, mmHg (hypotension by age threshold).")
    var systolic: Double?
    @Option(help: "Age in years (paediatric hypotension threshold).") var age: Double?
    @Option(help: "Number of vasopressors other than vasopressin.") var vasopressors = 0
    @Flag(help: "Vasopressin given.") var vasopressin = false
    @Option(name: .customLong("oxygen"), help: "Oxygen device.") var oxygen: OxygenDevice = .none
    @Option(name: .customLong("flow"), parsing: .unconditional, help: "Oxygen flow in L/min (nasal cannula).")
    var flow: Double?
    @OptionGroup var protocolOptions: ProtocolOptions
    @OptionGroup var output: OutputOptions

    func checkOptions() throws {
      try protocolOptions.validateGroupNeedsProtocol()
      let flags: [(String, Bool)] = [
        ("--temperature", temperature != nil), ("--antipyretic-given", antipyreticGiven),
        ("--hypotension", hypotension), ("--systolic", systolic != nil), ("--age", age != nil),
        ("--vasopressors", vasopressors != 0), ("--vasopressin", vasopressin), ("--oxygen", oxygen != .none),
        ("--flow", flow != nil),
      ]
      try GradeCommand.refuseFlags(flags, with: input)
      if flow != nil && oxygen != .nasalCannula {
        throw ValidationError(
          "--flow: expected with --oxygen nasalCannula (the flow grades low-flow nasal cannula only), found --oxygen "
            + oxygen.rawValue)
      }
    }

    func run() throws {
      try checkOptions()
      try output.require([.text, .json])
      let settings = try GradeCommand.settings(protocolOptions).crs
      let file = try GradeCommand.read(CRSObservation.self, input: input)
      let observation =
        file?.0
        ?? CRSObservation(
          temperatureCelsius: temperature, antipyreticOrAnticytokineGiven: antipyreticGiven,
          hypotension: hypotension, systolicBloodPressure: systolic, ageYears: age,
          vasopressors: vasopressors,
          vasopressin: vasopressin, oxygenDevice: oxygen, oxygenFlowLitresPerMinute: flow)
      let flags = [
        "temperatureCelsius": "--temperature", "vasopressors": "--vasopressors",
        "oxygenFlowLitresPerMinute": "--flow", "systolicBloodPressure": "--systolic", "ageYears": "--age",
      ]
      let result = try GradeCommand.grade(file?.1, flags: flags) { () throws(InputError) in
        try CRSGrader(settings: settings).grade(observation)
      }
      try Report(result, assumptions: settings.assumptions(for: observation)).print(output)
    }
  }

  struct ICANS: ParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: "ASTCT 2019 ICANS grade (ICE, or CAPD below the protocol's age cut-off; other domains).")

    @Option(help: "Observation JSON file (see README: ICANS observation).") var input: String?
    @Option(help: "Age in years (chooses ICE or CAPD).") var age: Double?
    @Option(help: "ICE total, 0–10.") var ice: Int?
    @Option(help: "CAPD total, 0–32.") var capd: Int?
    @Option(help: "Level of consciousness.") var consciousness: ConsciousnessLevel = .alert
    @Option(help: "Seizure finding.") var seizure: SeizureFinding = .none
    @Flag(help: "Deep focal motor weakness.") var motorWeakness = false
    @Option(name: .customLong("icp"), help: "Raised ICP finding (repeatable).")
    var icp: [IntracranialPressureFinding] = []
    @Flag(help: "Awake with global aphasia.") var globalAphasia = false
    @OptionGroup var protocolOptions: ProtocolOptions
    @OptionGroup var output: OutputOptions

    func checkOptions() throws {
      try protocolOptions.validateGroupNeedsProtocol()
      let flags: [(String, Bool)] = [
        ("--age", age != nil), ("--ice", ice != nil), ("--capd", capd != nil),
        ("--consciousness", consciousness != .alert), ("--seizure", seizure != .none),
        ("--motor-weakness", motorWeakness), ("--icp", !icp.isEmpty), ("--global-aphasia", globalAphasia),
      ]
      try GradeCommand.refuseFlags(flags, with: input)
    }

    func run() throws {
      try checkOptions()
      try output.require([.text, .json])
      let settings = try GradeCommand.settings(protocolOptions).icans
      let file = try GradeCommand.read(ICANSObservation.self, input: input)
      let observation =
        file?.0
        ?? ICANSObservation(
          ageYears: age, ice: ice.map { ICEAssessment(total: $0) },
          capd: capd.map { CAPDAssessment(total: $0) }, consciousness: consciousness, seizure: seizure,
          motorWeakness: motorWeakness, intracranialPressure: icp, globalAphasia: globalAphasia)
      let flags = [
        "ageYears": "--age", "ice.total": "--ice", "capd.total": "--capd", "ice": "--ice", "capd": "--capd",
      ]
      let result = try GradeCommand.grade(file?.1, flags: flags) { () throws(InputError) in
        try ICANSGrader(settings: settings).grade(observation)
      }
      try Report(result, assumptions: settings.assumptions).print(output)
    }
  }

  struct Lab: ParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: "CTCAE v5.0 grade of a lab value (neutrophils, platelets, WBC, lymphocytes, Hb, ALT, AST, "
        + "bilirubin, creatinine, fibrinogen).")

    @Option(help: "Lab result JSON file (see README: lab result).") var input: String?
    @Option(help: "Lab term (its CTCAE name and abbreviations such as ANC, Hb and ALT are accepted).")
    var term: LabTerm?
    @Option(parsing: .unconditional, help: "The value.") var value: Double?
    @Option(help: "Unit of value, lln, uln and baseline (e.g. x10^9/L, /µL, g/dL, µmol/L, xULN).") var unit:
      String?
    @Option(help: "Lower limit of normal.") var lln: Double?
    @Option(help: "Upper limit of normal.") var uln: Double?
    @Option(help: "The subject's baseline value.") var baseline: Double?
    @OptionGroup var output: OutputOptions

    func checkOptions() throws {
      let flags: [(String, Bool)] = [
        ("--term", term != nil), ("--value", value != nil), ("--unit", unit != nil), ("--lln", lln != nil),
        ("--uln", uln != nil), ("--baseline", baseline != nil),
      ]
      try GradeCommand.refuseFlags(flags, with: input)
    }

    func run() throws {
      try checkOptions()
      try output.require([.text, .json])
      let file = try GradeCommand.read(LabResult.self, input: input)
      let lab: LabResult
      if let file {
        lab = file.0
      } else {
        guard let term, let value else {
          throw CLIError("--term: expected --input FILE.json, or --term and --value, found neither")
        }
        var parsedUnit: MeasurementUnit?
        if let unit {
          guard let u = MeasurementUnit(parsing: unit) else {
            throw CLIError("--unit: expected \(term.unitHint), found \"\(unit)\"")
          }
          parsedUnit = u
        }
        lab = LabResult(term: term, value: value, unit: parsedUnit, lln: lln, uln: uln, baseline: baseline)
      }
      let flags = [
        "value": "--value", "unit": "--unit", "lln": "--lln", "uln": "--uln", "baseline": "--baseline",
      ]
      let result = try GradeCommand.grade(file?.1, flags: flags) { () throws(InputError) in
        try CTCAELabGrader().grade(lab)
      }
      try Report(result, assumptions: []).print(output)
    }
  }
}
