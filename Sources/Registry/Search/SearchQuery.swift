import Inputs

/// A search of the registry: words, and filters on the record's status, phase, the patient's age
/// and sex, and the distance of the nearest site from a place.
public struct SearchQuery: Sendable, Hashable {
  /// Words to find in titles, conditions, interventions and criteria (empty: every record that
  /// passes the filters, newest registration first).
  public var text: String
  /// Overall statuses to keep (`RECRUITING`); empty keeps all.
  public var statuses: Set<String>
  /// Phases to keep (`PHASE1`); a record with any of them is kept; empty keeps all.
  public var phases: Set<String>
  /// The patient's age in years: keeps records whose age limits admit it.
  public var ageYears: Double?
  /// The patient's sex: keeps records open to it.
  public var sex: RegistryListing.Sex?
  /// A place: hits show their nearest site and its distance.
  public var near: GeoPoint?
  /// With ``near``: keeps records with a site within this many km.
  public var withinKm: Double?
  /// The page, from 1.
  public var page: Int
  /// Hits per page, 1 to ``maximumPageSize``.
  public var pageSize: Int

  /// The most hits one page holds.
  public static let maximumPageSize = 100

  /// The statuses ClinicalTrials.gov gives a record (API v2 `Status`).
  public static let knownStatuses = [
    "ACTIVE_NOT_RECRUITING", "COMPLETED", "ENROLLING_BY_INVITATION", "NOT_YET_RECRUITING", "RECRUITING",
    "SUSPENDED", "TERMINATED", "WITHDRAWN", "AVAILABLE", "NO_LONGER_AVAILABLE", "TEMPORARILY_NOT_AVAILABLE",
    "APPROVED_FOR_MARKETING", "WITHHELD", "UNKNOWN",
  ]
  /// The phases ClinicalTrials.gov gives a record (API v2 `Phase`).
  public static let knownPhases = ["EARLY_PHASE1", "PHASE1", "PHASE2", "PHASE3", "PHASE4", "NA"]

  public init(
    text: String = "", statuses: Set<String> = [], phases: Set<String> = [], ageYears: Double? = nil,
    sex: RegistryListing.Sex? = nil, near: GeoPoint? = nil, withinKm: Double? = nil, page: Int = 1,
    pageSize: Int = 20
  ) {
    self.text = text
    self.statuses = statuses
    self.phases = phases
    self.ageYears = ageYears
    self.sex = sex
    self.near = near
    self.withinKm = withinKm
    self.page = page
    self.pageSize = pageSize
  }

  /// The query checked, statuses and phases in the registry's spelling (`recruiting` →
  /// `RECRUITING`); each problem names its field.
  public func validated() throws(InputErrors) -> SearchQuery {
    var errors: [InputError] = []
    var copy = self
    copy.statuses = Set(statuses.map { $0.uppercased() })
    for status in copy.statuses.sorted() where !Self.knownStatuses.contains(status) {
      errors.append(.notOneOf("status", allowed: Self.knownStatuses, found: "\"\(status)\""))
    }
    copy.phases = Set(phases.map { $0.uppercased() })
    for phase in copy.phases.sorted() where !Self.knownPhases.contains(phase) {
      errors.append(.notOneOf("phase", allowed: Self.knownPhases, found: "\"\(phase)\""))
    }
    if let age = ageYears, !(age.isFinite && age >= 0 && age <= 150) {
      errors.append(InputError(field: "age", expected: "an age in years from 0 to 150", found: "\(age)"))
    }
    if let near, !near.isValid {
      errors.append(
        InputError(
          field: "near", expected: "latitude −90…90 and longitude −180…180",
          found: "\(near.latitude),\(near.longitude)"))
    }
    if let km = withinKm {
      if near == nil {
        errors.append(.missing("near", expected: "a place (latitude,longitude) for withinKm"))
      }
      if !(km.isFinite && km > 0) {
        errors.append(InputError(field: "withinKm", expected: "a distance in km above 0", found: "\(km)"))
      }
    }
    if page < 1 { errors.append(InputError(field: "page", expected: "a page from 1", found: "\(page)")) }
    if !(1...Self.maximumPageSize).contains(pageSize) {
      errors.append(
        InputError(
          field: "pageSize", expected: "1 to \(Self.maximumPageSize) hits a page", found: "\(pageSize)"))
    }
    if !errors.isEmpty { throw InputErrors(errors) }
    return copy
  }
}
