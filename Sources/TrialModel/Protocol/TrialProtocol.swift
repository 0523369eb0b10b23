import Inputs

/// A computable trial protocol: everything the registry record and the protocol fix, in one value.
///
/// A value only: the `ProtocolFiles` module loads it from a YAML protocol file (and ships the five
/// seed trials as bundled resources). The file format is documented key by key in the README.
public struct TrialProtocol: Codable, Sendable, Hashable {
  /// ClinicalTrials.gov id, e.g. `NCT07470073`.
  public var id: String
  /// Sponsor and other secondary ids (`CT19-ALL-02`).
  public var secondaryIds: [String]
  /// Official title.
  public var title: String
  /// Short name used in listings.
  public var shortTitle: String?
  public var phase: TrialPhase
  public var status: TrialStatus
  /// Study start date as the registry gives it (partial ISO: `2022-03` or `2022-03-18`).
  public var startDate: String?
  public var sponsor: String
  public var sites: [Site]
  public var conditions: [String]
  public var product: Product
  public var enrollment: Enrollment
  /// Ages admitted to the trial as a whole (each group narrows it).
  public var ages: AgeRange
  /// Population groups, each with its own dose levels and escalation.
  public var groups: [PopulationGroup]
  public var lymphodepletion: Lymphodepletion?
  public var schedule: [ScheduledAssessment]
  public var endpoints: [Endpoint]
  public var criteria: Criteria
  /// Clinical assessment settings (CRS/ICANS, DLT rules, response); defaults when omitted.
  public var assessment: AssessmentSettings
  /// How cohorts are run (replacement, overrides, waiting for decisions); defaults when absent.
  public var conduct: ConductSettings

  private enum CodingKeys: String, CodingKey {
    case id, secondaryIds, title, shortTitle, phase, status, startDate, sponsor, sites, conditions
    case product, enrollment, ages, groups, lymphodepletion, schedule, endpoints, criteria, assessment,
      conduct
  }

  public init(from decoder: any Decoder) throws {
    let c = try decoder.container(keyedBy: CodingKeys.self)
    id = try c.decode(String.self, forKey: .id)
    secondaryIds = try c.decodeIfPresent([String].self, forKey: .secondaryIds) ?? []
    title = try c.decode(String.self, forKey: .title)
    shortTitle = try c.decodeIfPresent(String.self, forKey: .shortTitle)
    phase = try c.decode(TrialPhase.self, forKey: .phase)
    status = try c.decode(TrialStatus.self, forKey: .status)
    startDate = try c.decodeIfPresent(String.self, forKey: .startDate)
    sponsor = try c.decode(String.self, forKey: .sponsor)
    sites = try c.decodeIfPresent([Site].self, forKey: .sites) ?? []
    conditions = try c.decodeIfPresent([String].self, forKey: .conditions) ?? []
    product = try c.decode(Product.self, forKey: .product)
    enrollment = try c.decode(Enrollment.self, forKey: .enrollment)
    ages = try c.decode(AgeRange.self, forKey: .ages)
    groups = try c.decode([PopulationGroup].self, forKey: .groups)
    lymphodepletion = try c.decodeIfPresent(Lymphodepletion.self, forKey: .lymphodepletion)
    schedule = try c.decodeIfPresent([ScheduledAssessment].self, forKey: .schedule) ?? []
    endpoints = try c.decodeIfPresent([Endpoint].self, forKey: .endpoints) ?? []
    criteria =
      try c.decodeIfPresent(Criteria.self, forKey: .criteria) ?? Criteria(inclusion: [], exclusion: [])
    assessment = try c.decodeIfPresent(AssessmentSettings.self, forKey: .assessment) ?? AssessmentSettings()
    conduct = try c.decodeIfPresent(ConductSettings.self, forKey: .conduct) ?? ConductSettings()
  }

  /// The group with id `id` (case-insensitive), or the only group when `id` is `nil`.
  /// - Throws: ``InputError`` for the field `group`, listing the protocol's groups: `.missing` when
  ///   `id` is `nil` and the protocol has several groups, `.notFound` when no group has that id.
  public func group(_ id: String?) throws(InputError) -> PopulationGroup {
    let expected = "one of \(self.id)'s groups " + groups.map(\.id).joined(separator: ", ")
    guard let id else {
      guard groups.count == 1 else { throw InputError.missing("group", expected: expected) }
      return groups[0]
    }
    guard let group = groups.first(where: { $0.id.lowercased() == id.lowercased() }) else {
      throw InputError(.notFound, field: "group", expected: expected, found: "\"\(id)\"")
    }
    return group
  }
}
