import ArgumentParser
import DoseFinding
import Foundation
import TrialModel

/// The design options shared by `table`, `decide` and `mtd`: either `--protocol ID [--group G]`
/// or `--design NAME --target T [--ei LOW,HIGH] [--skeleton …] …`. Names, defaults and checks come
/// from `DoseFinding.DesignSettings`.
struct DesignOptions: ParsableArguments {
  @Option(help: "Design: 3+3, i3+3, boin, mtpi2 or crm (case-insensitive; aliases i3p3, mtpi-2).")
  var design: String?
  @Option(help: "Target DLT rate φ, strictly between 0 and 1 (not used by 3+3).")
  var target: Double?
  @Option(help: "Equivalence interval LOW,HIGH for i3+3 and mTPI-2 (default: target ± 0.05).")
  var ei: String?
  @Option(help: "CRM skeleton: increasing prior DLT rates, one per dose, comma-separated.")
  var skeleton: String?
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

  init() {}

  var givenDesignOptions: [String] {
    [
      design.map { _ in "--design" }, target.map { _ in "--target" }, ei.map { _ in "--ei" },
      skeleton.map { _ in "--skeleton" }, variant.map { _ in "--variant" }, phi1.map { _ in "--phi1" },
      phi2.map { _ in "--phi2" }, model.map { _ in "--model" },
      priorVariance.map { _ in "--prior-variance" }, cohortSize.map { _ in "--cohort-size" },
      doses.map { _ in "--doses" },
    ].compactMap { $0 }
  }
}

/// A design ready to use, with how its doses are numbered for the user.
struct ResolvedDesign {
  var design: any DoseFindingDesign
  var settings: DesignSettings
  /// Protocol dose-level numbers, lowest first; `nil`: doses are numbered 1, 2, ….
  var levels: [Int]?
  /// Where the settings came from and which of them are assumptions.
  var notes: [String]

  /// The user-facing number of dose index `index`.
  func label(_ index: Int) -> Int { levels?[index] ?? index + 1 }

  /// The dose index of a user-facing dose number.
  func index(of label: Int, option: String) throws -> Int {
    if let levels {
      guard let index = levels.firstIndex(of: label) else {
        throw CLIError(
          "\(option): expected one of the protocol's dose levels \(levels.map(String.init).joined(separator: ", ")), found \(label)"
        )
      }
      return index
    }
    guard label >= 1 && label <= settings.doseCount else {
      throw CLIError("\(option): expected a dose level 1…\(settings.doseCount), found \(label)")
    }
    return label - 1
  }
}

extension DesignOptions {
  /// The design from `--protocol`/`--group` or from the design options.
  /// - Parameter countEntries: the number of `--counts` entries, the default dose count.
  func resolve(_ protocolOptions: ProtocolOptions, countEntries: Int?) throws -> ResolvedDesign {
    if protocolOptions.reference != nil {
      guard givenDesignOptions.isEmpty else {
        throw ValidationError(
          "use either --protocol or --design options, not both (found --protocol with "
            + givenDesignOptions.joined(separator: ", ") + ")")
      }
      return try fromProtocol(protocolOptions)
    }
    guard let design else { throw ValidationError("missing --design NAME or --protocol ID") }
    let kind = try cli { try DesignSettings.Kind(parsing: design) }
    guard let target = target ?? (kind == .threePlusThree ? 0.3 : nil) else {
      throw ValidationError("missing --target T (the target DLT rate) for --design \(design)")
    }
    let skeletonValues = try skeleton.map { try Self.numbers($0, option: "--skeleton") }
    var settings = DesignSettings(
      kind: kind, target: target,
      doseCount: doses ?? skeletonValues?.count ?? countEntries ?? 1,
      cohortSize: cohortSize ?? 3, maxSampleSize: maxN)
    if let ei {
      let bounds = try Self.numbers(ei, option: "--ei")
      guard bounds.count == 2 else {
        throw CLIError("--ei: expected LOW,HIGH (two numbers), found \"\(ei)\"")
      }
      settings.equivalenceInterval = EquivalenceInterval(lower: bounds[0], upper: bounds[1])
    }
    settings.skeleton = skeletonValues
    settings.boinUnderdosingRate = phi1
    settings.boinOverdosingRate = phi2
    if let variant {
      settings.threePlusThreeVariant = try cli { try ThreePlusThreeDesign.Variant(parsing: variant) }
    }
    if let priorVariance { settings.crmPriorVariance = priorVariance }
    if let model {
      switch model.lowercased() {
      case "empiric", "power": settings.crmModel = .empiric
      case "logistic": settings.crmModel = .logistic(intercept: 3)
      default: throw CLIError("--model: expected empiric or logistic, found \"\(model)\"")
      }
    }
    let built = try cli { try settings.makeDesign() }
    var notes: [String] = []
    if (kind == .i3plus3 || kind == .mtpi2) && ei == nil {
      notes.append("equivalence interval not given: default [target − 0.05, target + 0.05]")
    }
    return ResolvedDesign(design: built, settings: settings, levels: nil, notes: notes)
  }

  private func fromProtocol(_ protocolOptions: ProtocolOptions) throws -> ResolvedDesign {
    let (trial, group) = try protocolOptions.loadGroup()
    let p = group.design
    let settings = try DesignSettings.from(group, trialID: trial.id, maxSampleSize: maxN)
    let built = try DesignSettings.fromFile(group, trialID: trial.id) { try settings.makeDesign() }
    let levels = group.orderedLevels
    var notes = ["design of \(trial.id) group \(group.id) (\(group.label))"]
    let assumed: [(String, String?)] = [
      ("target", p.target.assumption), ("equivalence interval", p.equivalenceInterval?.assumption),
      ("cohort size", p.cohortSize.assumption), ("max N", maxN == nil ? p.maxSampleSize.assumption : nil),
    ]
    var seen = Set<String>()
    for (name, assumption) in assumed {
      guard let assumption else { continue }
      notes.append(
        seen.insert(assumption).inserted ? "assumed \(name): \(assumption)" : "assumed \(name): as above")
    }
    if maxN != nil { notes.append("max N \(maxN!) from --max-n (overrides the protocol)") }
    return ResolvedDesign(design: built, settings: settings, levels: levels, notes: notes)
  }

  /// Comma-separated numbers.
  static func numbers(_ text: String, option: String) throws -> [Double] {
    try text.split(separator: ",", omittingEmptySubsequences: false).map { part in
      let trimmed = part.trimmingCharacters(in: .whitespaces)
      guard let value = Double(trimmed) else {
        throw CLIError("\(option): expected comma-separated numbers, found \"\(trimmed)\" in \"\(text)\"")
      }
      return value
    }
  }
}

/// Runs `body`, turning a settings error into a CLI error naming the option.
func cli<T>(_ body: () throws -> T) throws -> T {
  do {
    return try body()
  } catch let error as DesignSettingsError {
    throw CLIError("--\(error.field): expected \(error.expected), found \(error.found)")
  }
}

extension DesignSettings {
  /// The design settings of a protocol group (`design:` in the protocol file), with
  /// `maxSampleSize` overriding the file's when given. Errors name the protocol field, e.g.
  /// "NCT07470073 group A design.target: expected …, found …".
  static func from(_ group: PopulationGroup, trialID: String, maxSampleSize: Int? = nil) throws
    -> DesignSettings
  {
    let p = group.design
    let kind = try fromFile(group, trialID: trialID) { try Kind(parsing: p.name) }
    let levels = group.orderedLevels
    var settings = DesignSettings(
      kind: kind, target: p.target.value, doseCount: levels.count, cohortSize: p.cohortSize.value,
      maxSampleSize: maxSampleSize ?? p.maxSampleSize.value,
      startDose: levels.firstIndex(of: group.startingLevel.value) ?? 0)
    if let interval = p.equivalenceInterval?.value {
      guard interval.count == 2 else {
        throw CLIError(
          "\(trialID) group \(group.id) design.equivalenceInterval: expected [LOW, HIGH], found \(interval)")
      }
      settings.equivalenceInterval = EquivalenceInterval(lower: interval[0], upper: interval[1])
    }
    settings.skeleton = p.skeleton
    if let variant = p.variant {
      settings.threePlusThreeVariant = try fromFile(group, trialID: trialID) {
        try ThreePlusThreeDesign.Variant(parsing: variant)
      }
    }
    try fromFile(group, trialID: trialID) { try settings.validate() }
    return settings
  }

  /// Runs `body`, turning a settings error into a CLI error naming the protocol field.
  static func fromFile<T>(_ group: PopulationGroup, trialID: String, _ body: () throws -> T) throws -> T {
    do {
      return try body()
    } catch let error as DesignSettingsError {
      throw CLIError(
        "\(trialID) group \(group.id) design.\(error.field): expected \(error.expected), found \(error.found)"
      )
    }
  }
}
