/// What the trial finder knows of one registry record: the texts it searches and the facts it
/// filters and compares on. Built from a ClinicalTrials.gov v2 record; plain data.
public struct RegistryListing: Sendable, Hashable, Codable {
  /// A study site, with its coordinates when the record gives them.
  public struct Site: Sendable, Hashable, Codable {
    public var facility: String
    public var city: String?
    public var country: String?
    /// The site's recruitment status (`RECRUITING`), when given.
    public var status: String?
    public var point: GeoPoint?

    public init(
      facility: String, city: String? = nil, country: String? = nil, status: String? = nil,
      point: GeoPoint? = nil
    ) {
      self.facility = facility
      self.city = city
      self.country = country
      self.status = status
      self.point = point
    }

    /// `Facility, City, Country`.
    public var place: String { ([facility] + [city, country].compactMap { $0 }).joined(separator: ", ") }
  }

  /// The sexes a record admits (`eligibilityModule.sex`).
  public enum Sex: String, Sendable, Hashable, Codable, CaseIterable {
    case all = "ALL", female = "FEMALE", male = "MALE"

    /// A patient's sex as typed (`female`, `Male`); nil for anything else (a patient is not `ALL`).
    public init?(patient text: String) {
      guard let sex = Sex(rawValue: text.uppercased()), sex != .all else { return nil }
      self = sex
    }
  }

  public var nctId: String
  /// The brief title, then the official title and acronym when they differ.
  public var title: String
  public var officialTitle: String?
  /// `overallStatus` as the registry writes it (`RECRUITING`).
  public var status: String
  /// `phases` (`PHASE1`, `PHASE2`, `EARLY_PHASE1`, `NA`).
  public var phases: [String]
  /// Conditions, keywords and the record's MeSH condition terms.
  public var conditions: [String]
  /// Interventions: type, name and description, and the arm labels and descriptions.
  public var interventions: [String]
  /// The eligibility criteria text, verbatim.
  public var criteria: String
  /// The brief summary (compared for related trials, not searched).
  public var summary: String
  public var minimumAge: AgeLimit?
  public var maximumAge: AgeLimit?
  public var sex: Sex
  /// `stdAges` (`CHILD`, `ADULT`, `OLDER_ADULT`).
  public var ageGroups: [String]
  public var sites: [Site]

  public init(
    nctId: String, title: String, officialTitle: String? = nil, status: String, phases: [String] = [],
    conditions: [String] = [], interventions: [String] = [], criteria: String = "", summary: String = "",
    minimumAge: AgeLimit? = nil, maximumAge: AgeLimit? = nil, sex: Sex = .all, ageGroups: [String] = [],
    sites: [Site] = []
  ) {
    self.nctId = nctId
    self.title = title
    self.officialTitle = officialTitle
    self.status = status
    self.phases = phases
    self.conditions = conditions
    self.interventions = interventions
    self.criteria = criteria
    self.summary = summary
    self.minimumAge = minimumAge
    self.maximumAge = maximumAge
    self.sex = sex
    self.ageGroups = ageGroups
    self.sites = sites
  }

  /// Whether a patient of `years` falls within the record's age limits (no limit admits all).
  public func admits(ageYears years: Double) -> Bool {
    (minimumAge?.admitsAsMinimum(years: years) ?? true) && (maximumAge?.admitsAsMaximum(years: years) ?? true)
  }

  /// Whether a patient of `sex` may take part (a record for all sexes admits everyone).
  public func admits(sex patient: Sex) -> Bool { sex == .all || patient == .all || sex == patient }

  /// The site nearest to `point` that has coordinates, with its distance in km.
  public func nearestSite(to point: GeoPoint) -> (site: Site, distanceKm: Double)? {
    sites.compactMap { site in site.point.map { (site, $0.distanceKm(to: point)) } }
      .min { $0.1 < $1.1 }
  }
}
