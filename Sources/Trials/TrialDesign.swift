import DoseFinding
import Inputs
import TrialModel

/// A design ready to run, with everything the shells print beside its answers: the dose levels as
/// the protocol numbers them (−1, 1, 2, …; 1…K without a protocol), where the design came from,
/// and the settings that are assumptions, overrides or defaults.
///
/// This is the one bridge from a protocol group (or from options) to an executable design: `decide`,
/// `table`, `mtd` and `oc`, the trial store and the server all resolve designs here.
public struct TrialDesign: Sendable {
  /// Where the design came from.
  public enum Source: Sendable, Hashable, CustomStringConvertible {
    /// Options typed by the user (doses numbered 1…K).
    case options
    /// A protocol group's design.
    case protocolGroup(trial: String, group: String, label: String)

    /// `options` or `NCT07470073 group A`.
    public var description: String {
      switch self {
      case .options: "options"
      case .protocolGroup(let trial, let group, _): "\(trial) group \(group)"
      }
    }
  }

  /// The registry's description of the design.
  public let specification: any DesignSpecification
  /// The executable design.
  public let design: any DoseFindingDesign
  /// The common settings in force.
  public let setup: DesignSetup
  /// The design-specific parameters in force (as given; defaults are the specification's).
  public let arguments: DesignArguments
  /// User-facing dose level of each dose index, lowest first.
  public let levels: [Int]
  /// Where the design came from.
  public let source: Source
  /// Assumptions, overrides and defaults behind the settings, in setting order.
  public let notes: [SettingNote]

  /// The user-facing level of dose index `index`.
  public func label(_ index: Int) -> Int { levels[index] }

  /// The dose index of user-facing level `level`; `field` names the input that gave it.
  public func index(ofLevel level: Int, field: String) throws(InputError) -> Int {
    guard let index = levels.firstIndex(of: level) else {
      throw InputError(
        .notFound, field: field,
        expected: "a dose level: one of " + levels.map(String.init).joined(separator: ", "), found: "\(level)"
      )
    }
    return index
  }

  /// The design for `request`, on `trial`'s group `group` when a protocol is given.
  ///
  /// - Parameter doseCount: the number of doses to assume without a protocol when the request
  ///   gives neither a dose count nor a skeleton (e.g. the number of count entries).
  public static func resolve(
    _ request: DesignRequest, protocol trial: TrialProtocol? = nil, group: String? = nil,
    registry: DesignRegistry = .standard, doseCount: Int? = nil
  ) throws(InputError) -> TrialDesign {
    guard let trial else {
      if let group {
        throw InputError(
          .conflict, field: "group", expected: "a group only with a protocol", found: "\"\(group)\"")
      }
      return try fromOptions(request, registry: registry, doseCount: doseCount)
    }
    return try fromProtocol(request, trial: trial, group: try trial.group(group), registry: registry)
  }

  private static func fromOptions(_ request: DesignRequest, registry: DesignRegistry, doseCount: Int?)
    throws(InputError) -> TrialDesign
  {
    guard let name = request.design else {
      throw InputError.missing(
        "design", expected: "a design: one of " + registry.names.joined(separator: ", "))
    }
    let specification = try registry.specification(named: name)
    var notes: [SettingNote] = []
    let target: Double
    if let given = request.target {
      target = given
    } else if let fallback = request.defaultTarget {
      target = fallback
      notes.append(SettingNote(.defaultValue, setting: "target", value: "\(fallback)"))
    } else if specification.usesTarget {
      throw InputError.missing("target", expected: "the target DLT rate of \(specification.name)")
    } else {
      target = 0.3
      notes.append(
        SettingNote(
          .defaultValue, setting: "target", value: "0.3",
          reason: "defines the true MTD only; \(specification.name) does not use a target"))
    }
    let arguments = DesignArguments(request.parameters)
    let skeletonCount = try arguments.numbers("skeleton")?.count
    let count = request.doseCount ?? skeletonCount ?? doseCount ?? 1
    let cohortSize = request.cohortSize ?? 3
    let setup = DesignSetup(
      doseCount: count, startDose: (request.startLevel ?? 1) - 1, target: target, cohortSize: cohortSize,
      maxSampleSize: try maxSampleSize(request, cohortSize: cohortSize))
    notes += defaultNotes(specification, arguments)
    return TrialDesign(
      specification: specification,
      design: try DesignRegistry.makeDesign(specification, setup: setup, arguments: arguments),
      setup: setup, arguments: arguments, levels: Array(1...max(1, count)), source: .options, notes: notes)
  }

  private static func fromProtocol(
    _ request: DesignRequest, trial: TrialProtocol, group: PopulationGroup, registry: DesignRegistry
  ) throws(InputError) -> TrialDesign {
    let stated = group.design
    if let name = request.design {
      throw InputError(
        .conflict, field: "design",
        expected: "no design name with a protocol (\(trial.id) group \(group.id) uses \(stated.name))",
        found: "\"\(name)\"")
    }
    if let count = request.doseCount {
      throw InputError(
        .conflict, field: "doses",
        expected: "no dose count with a protocol (group \(group.id) has \(group.doseLevels.count) levels)",
        found: "\(count)")
    }
    let specification = try registry.specification(named: stated.name, field: "design.name")
    var notes = Notes()
    let target = notes.resolve("target", stated.target, request.target)
    let cohortSize = notes.resolve("cohortSize", stated.cohortSize, request.cohortSize)
    let maxN = notes.resolve(
      "maxSampleSize", stated.maxSampleSize, try maxSampleSize(request, cohortSize: cohortSize))
    let startLevel = notes.resolve("startingLevel", group.startingLevel, request.startLevel)
    var arguments = DesignArguments()
    for name in Set(stated.settings.keys).union(request.parameters.keys).sorted() {
      let protocolValue = stated.settings[name]
      // A value equal to the protocol's is the protocol's (its assumption, if any, still holds).
      let given = request.parameters[name].flatMap { $0 == protocolValue?.value ? nil : $0 }
      arguments[name] = given ?? protocolValue?.value
      if let given {
        notes.all.append(
          SettingNote(
            .override, setting: name, value: given.description,
            protocolValue: protocolValue?.value.description))
      } else if let reason = protocolValue?.assumption {
        notes.all.append(
          SettingNote(.assumption, setting: name, value: protocolValue!.value.description, reason: reason))
      }
    }
    notes.all += defaultNotes(specification, arguments)
    let levels = group.orderedLevels
    guard let start = levels.firstIndex(of: startLevel) else {
      throw InputError(
        .notFound, field: "startLevel",
        expected: "a dose level of group \(group.id): one of "
          + levels.map(String.init).joined(separator: ", "),
        found: "\(startLevel)")
    }
    let setup = DesignSetup(
      doseCount: levels.count, startDose: start, target: target, cohortSize: cohortSize, maxSampleSize: maxN)
    let design: any DoseFindingDesign
    do {
      design = try DesignRegistry.makeDesign(specification, setup: setup, arguments: arguments)
    } catch {
      // A protocol value that does not fit an override (the protocol's EI around a new target) is
      // the protocol's field, not the user's.
      let root = String(error.field.prefix { $0 != "." && $0 != "[" })
      guard stated.settings[root] != nil, request.parameters[root] == nil else { throw error }
      throw error.nested(under: "protocol.design")
    }
    return TrialDesign(
      specification: specification, design: design, setup: setup,
      arguments: arguments, levels: levels,
      source: .protocolGroup(trial: trial.id, group: group.id, label: group.label), notes: notes.all)
  }

  /// `maxSampleSize`, or `cohorts × cohortSize`; not both.
  private static func maxSampleSize(_ request: DesignRequest, cohortSize: Int) throws(InputError) -> Int? {
    if let n = request.maxSampleSize, let c = request.cohorts {
      throw InputError(
        .conflict, field: "cohorts", expected: "either a number of cohorts or a maximum sample size (\(n))",
        found: "\(c)")
    }
    if let c = request.cohorts {
      guard c >= 1 else { throw InputError(field: "cohorts", expected: "at least 1 cohort", found: "\(c)") }
      let (n, overflow) = c.multipliedReportingOverflow(by: cohortSize)
      guard !overflow else {
        throw InputError(
          .limitExceeded, field: "cohorts", expected: "a trial size that fits an integer", found: "\(c)")
      }
      return n
    }
    return request.maxSampleSize
  }

  /// Notes for the parameters whose default a reader should see (``DesignParameter/isNotedWhenDefault``).
  private static func defaultNotes(_ specification: any DesignSpecification, _ arguments: DesignArguments)
    -> [SettingNote]
  {
    specification.parameters.filter { $0.isNotedWhenDefault && arguments[$0.name] == nil }.map {
      SettingNote(.defaultValue, setting: $0.name, value: $0.defaultValue)
    }
  }

  /// Collects the notes while choosing between a protocol value and an override.
  private struct Notes {
    var all: [SettingNote] = []

    mutating func resolve<Value: CustomStringConvertible & Codable & Sendable & Hashable>(
      _ setting: String, _ stated: Assumed<Value>, _ given: Value?
    ) -> Value {
      if let given, given != stated.value {
        all.append(
          SettingNote(.override, setting: setting, value: "\(given)", protocolValue: "\(stated.value)"))
        return given
      }
      if let reason = stated.assumption {
        all.append(SettingNote(.assumption, setting: setting, value: "\(stated.value)", reason: reason))
      }
      return stated.value
    }
  }
}
