import ArgumentParser
import Assessment
import Foundation
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
    var assumptions: [String]

    init(_ result: GradeResult, assumptions: [String]) {
      grade = result.grade
      system = result.system
      reason = result.reasons.first ?? ""
      findings = result.reasons
      self.assumptions = assumptions
    }

    func print(_ output: OutputOptions) throws {
      if output.format == .json { return try Output.json(self) }
      Swift.print("\(system) grade \(grade)")
      for finding in findings { Swift.print("  - \(finding)") }
      for assumption in assumptions { Swift.print("[assumption: \(assumption)]") }
    }
  }

  /// Settings from `--protocol` when given, else the defaults.
  static func settings(_ options: ProtocolOptions) throws -> AssessmentSettings {
    try options.loadIfGiven()?.assessment ?? AssessmentSettings()
  }

  /// Runs a grader, turning input errors into CLI errors naming the file and field, or the flag.
  static func grade(
    _ source: String?, flags: [String: String] = [:], _ body: () throws(AssessmentInputError) -> GradeResult
  ) throws -> GradeResult {
    do {
      return try body()
    } catch {
      if let source { throw CLIError("\(source): \(error.description)") }
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
    @Option(
      name: .customLong("oxygen"),
      help: "Oxygen device: \(OxygenDevice.allCases.map(\.rawValue).joined(separator: ", ")).")
    var oxygen: String = "none"
    @Option(name: .customLong("flow"), parsing: .unconditional, help: "Oxygen flow in L/min (nasal cannula).")
    var flow: Double?
    @OptionGroup var protocolOptions: ProtocolOptions
    @OptionGroup var output: OutputOptions

    func run() throws {
      try output.require([.text, .json])
      let settings = try GradeCommand.settings(protocolOptions).crs
      let observation: CRSObservation
      if let input {
        observation = try AssessmentJSON.read(CRSObservation.self, path: input)
      } else {
        guard let device = OxygenDevice(rawValue: oxygen) else {
          throw CLIError(
            "--oxygen: expected one of \(OxygenDevice.allCases.map(\.rawValue).joined(separator: ", ")), found '\(oxygen)'"
          )
        }
        observation = CRSObservation(
          temperatureCelsius: temperature, antipyreticOrAnticytokineGiven: antipyreticGiven,
          hypotension: hypotension, systolicBloodPressure: systolic, ageYears: age,
          vasopressors: vasopressors,
          vasopressin: vasopressin, oxygenDevice: device, oxygenFlowLitresPerMinute: flow)
      }
      let flags = [
        "temperatureCelsius": "--temperature", "vasopressors": "--vasopressors",
        "oxygenFlowLitresPerMinute": "--flow", "systolicBloodPressure": "--systolic", "ageYears": "--age",
      ]
      let result = try GradeCommand.grade(input, flags: flags) { () throws(AssessmentInputError) in
        try CRSGrader(settings: settings).grade(observation)
      }
      var notes = [
        settings.feverThresholdCelsius.assumption, settings.lowFlowMaximumLitresPerMinute.assumption,
      ]
      if observation.systolicBloodPressure != nil {
        let limit = CRSGrader(settings: settings).hypotensionThreshold(ageYears: observation.ageYears)
        let paediatric =
          observation.ageYears.map { $0 < settings.hypotensionAdultFromAgeYears.value } ?? false
        let source =
          paediatric ? settings.paediatricHypotensionBaseMmHg : settings.adultHypotensionSystolicBelow
        notes.append(source.assumption.map { "hypotension below \(Quantity.format(limit)) mmHg: \($0)" })
      }
      try Report(result, assumptions: notes.compactMap { $0 }).print(output)
    }
  }

  struct ICANS: ParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: "ASTCT 2019 ICANS grade (ICE, or CAPD below the protocol's age cut-off; other domains).")

    @Option(help: "Observation JSON file (see README: ICANS observation).") var input: String?
    @Option(help: "Age in years (chooses ICE or CAPD).") var age: Double?
    @Option(help: "ICE total, 0–10.") var ice: Int?
    @Option(help: "CAPD total, 0–32.") var capd: Int?
    @Option(
      help: "Consciousness: \(ConsciousnessLevel.allCases.map(\.rawValue).joined(separator: ", ")).")
    var consciousness: String = "alert"
    @Option(help: "Seizure: \(SeizureFinding.allCases.map(\.rawValue).joined(separator: ", ")).")
    var seizure: String = "none"
    @Flag(help: "Deep focal motor weakness.") var motorWeakness = false
    @Option(
      name: .customLong("icp"),
      help:
        "Raised ICP finding (repeatable): \(IntracranialPressureFinding.allCases.map(\.rawValue).joined(separator: ", "))."
    )
    var icp: [String] = []
    @Flag(help: "Awake with global aphasia.") var globalAphasia = false
    @OptionGroup var protocolOptions: ProtocolOptions
    @OptionGroup var output: OutputOptions

    func run() throws {
      try output.require([.text, .json])
      let settings = try GradeCommand.settings(protocolOptions).icans
      let observation: ICANSObservation
      if let input {
        observation = try AssessmentJSON.read(ICANSObservation.self, path: input)
      } else {
        observation = ICANSObservation(
          ageYears: age, ice: ice.map { ICEAssessment(total: $0) },
          capd: capd.map { CAPDAssessment(total: $0) },
          consciousness: try AssessmentJSON.choice(consciousness, option: "--consciousness"),
          seizure: try AssessmentJSON.choice(seizure, option: "--seizure"), motorWeakness: motorWeakness,
          intracranialPressure: try icp.map { try AssessmentJSON.choice($0, option: "--icp") },
          globalAphasia: globalAphasia)
      }
      let flags = [
        "ageYears": "--age", "ice.total": "--ice", "capd.total": "--capd", "ice": "--ice", "capd": "--capd",
      ]
      let result = try GradeCommand.grade(input, flags: flags) { () throws(AssessmentInputError) in
        try ICANSGrader(settings: settings).grade(observation)
      }
      let notes = [settings.capdBelowAgeYears.assumption, settings.capdGrade3Minimum.assumption]
      try Report(result, assumptions: notes.compactMap { $0 }).print(output)
    }
  }

  struct Lab: ParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: "CTCAE v5.0 grade of a lab value (neutrophils, platelets, WBC, lymphocytes, Hb, ALT, AST, "
        + "bilirubin, creatinine, fibrinogen).")

    @Option(help: "Lab result JSON file (see README: lab result).") var input: String?
    @Option(help: "Lab term (e.g. neutrophils, ANC, platelets, hb, alt, creatinine).") var term: String?
    @Option(parsing: .unconditional, help: "The value.") var value: Double?
    @Option(help: "Unit of value, lln, uln and baseline (e.g. x10^9/L, /µL, g/dL, µmol/L, xULN).") var unit:
      String?
    @Option(help: "Lower limit of normal.") var lln: Double?
    @Option(help: "Upper limit of normal.") var uln: Double?
    @Option(help: "The subject's baseline value.") var baseline: Double?
    @OptionGroup var output: OutputOptions

    func run() throws {
      try output.require([.text, .json])
      let lab: LabResult
      if let input {
        lab = try AssessmentJSON.read(LabResult.self, path: input)
      } else {
        guard let term, let value else { throw CLIError("give --input FILE.json, or --term and --value") }
        guard let parsed = LabTerm(parsing: term) else {
          throw CLIError(
            "--term: expected one of \(LabTerm.allCases.map(\.rawValue).joined(separator: ", ")), found '\(term)'"
          )
        }
        var parsedUnit: MeasurementUnit?
        if let unit {
          guard let u = MeasurementUnit(parsing: unit) else {
            throw CLIError("--unit: expected \(parsed.unitHint), found '\(unit)'")
          }
          parsedUnit = u
        }
        lab = LabResult(term: parsed, value: value, unit: parsedUnit, lln: lln, uln: uln, baseline: baseline)
      }
      let flags = [
        "value": "--value", "unit": "--unit", "lln": "--lln", "uln": "--uln", "baseline": "--baseline",
      ]
      let result = try GradeCommand.grade(input, flags: flags) { () throws(AssessmentInputError) in
        try CTCAELabGrader().grade(lab)
      }
      try Report(result, assumptions: []).print(output)
    }
  }
}

/// Reading the Assessment JSON inputs with errors that name the file and the field.
enum AssessmentJSON {
  /// Decodes `path`, failing on a field the type does not read: a misspelt optional field (say
  /// `vasopresors`) would otherwise be dropped silently and change the grade.
  static func read<T: Codable>(_ type: T.Type, path: String) throws -> T {
    let data: Data
    do {
      data = try Data(contentsOf: URL(fileURLWithPath: path))
    } catch {
      throw CLIError("\(path): cannot read the file (\(error.localizedDescription))")
    }
    let value: T
    do {
      value = try JSONDecoder().decode(T.self, from: data)
    } catch let error as DecodingError {
      throw CLIError("\(path): \(describe(error))")
    } catch {
      throw CLIError("\(path): \(error.localizedDescription)")
    }
    // Every field that was read comes back when the value is encoded again.
    if let input = try? JSONSerialization.jsonObject(with: data),
      let read = try? JSONSerialization.jsonObject(with: JSONEncoder().encode(value)),
      let field = unknownField(in: input, read: read, path: "")
    {
      throw CLIError("\(path): \(field): unknown field")
    }
    return value
  }

  /// The path of the first field of `input` (null-valued ones aside) that is not in `read`.
  static func unknownField(in input: Any, read: Any, path: String) -> String? {
    if let object = input as? [String: Any], let known = read as? [String: Any] {
      for key in object.keys.sorted() where !(object[key] is NSNull) {
        let child = path.isEmpty ? key : "\(path).\(key)"
        guard let value = known[key] else { return child }
        if let found = unknownField(in: object[key]!, read: value, path: child) { return found }
      }
    } else if let array = input as? [Any], let known = read as? [Any], array.count == known.count {
      for (index, (element, value)) in zip(array, known).enumerated() {
        if let found = unknownField(in: element, read: value, path: "\(path)[\(index)]") { return found }
      }
    }
    return nil
  }

  /// `field a.b[2]: expected …, found …` for a decoding error.
  static func describe(_ error: DecodingError) -> String {
    func path(_ keys: [any CodingKey]) -> String {
      var text = ""
      for key in keys {
        if let index = key.intValue {
          text += "[\(index)]"
        } else {
          text += (text.isEmpty ? "" : ".") + key.stringValue
        }
      }
      return text.isEmpty ? "(top level)" : text
    }
    switch error {
    case .keyNotFound(let key, let context):
      return "\(path(context.codingPath + [key])): missing required field"
    case .typeMismatch(let type, let context):
      return "\(path(context.codingPath)): expected \(type), found another type (\(context.debugDescription))"
    case .valueNotFound(let type, let context):
      return "\(path(context.codingPath)): expected \(type), found null"
    case .dataCorrupted(let context):
      let message =
        context.debugDescription.contains("Cannot initialize")
        ? "unexpected value (\(context.debugDescription))" : context.debugDescription
      return "\(path(context.codingPath)): \(message)"
    @unknown default:
      return "\(error)"
    }
  }

  /// Parses an enumeration value given on the command line.
  static func choice<T: RawRepresentable & CaseIterable>(_ text: String, option: String) throws -> T
  where T.RawValue == String {
    guard let value = T(rawValue: text) else {
      throw CLIError(
        "\(option): expected one of \(T.allCases.map(\.rawValue).joined(separator: ", ")), found '\(text)'")
    }
    return value
  }
}
