/// One ClinicalTrials.gov API v2 study record (`GET /api/v2/studies/{nctId}`), read into values.
///
/// Field names follow the API v2 data structure
/// (https://clinicaltrials.gov/data-api/about-api/study-data-structure); texts are kept as
/// written (markdown included), ages as written ("18 Years"), dates as partial ISO strings.
/// Read with ``init(json:source:)``; ``RegistryImport`` reads many files.
public struct RegistryRecord: Sendable, Hashable, Codable {
  /// `identificationModule.nctId`: `NCT` followed by 8 digits.
  public var nctId: String
  /// `identificationModule.orgStudyIdInfo.id`: the sponsor's own study id.
  public var orgStudyId: String?
  /// `identificationModule.secondaryIdInfos[].id`.
  public var secondaryIds: [String]
  /// `identificationModule.acronym`.
  public var acronym: String?
  public var briefTitle: String
  public var officialTitle: String?
  public var overallStatus: RegistryStatus
  /// `designModule.phases`; empty for observational studies.
  public var phases: [RegistryPhase]
  /// `designModule.studyType` as written (INTERVENTIONAL, OBSERVATIONAL, EXPANDED_ACCESS).
  public var studyType: String?
  /// `sponsorCollaboratorsModule.leadSponsor.name`.
  public var leadSponsor: String
  /// `sponsorCollaboratorsModule.collaborators[].name`.
  public var collaborators: [String]
  public var startDate: RegistryDate?
  public var primaryCompletionDate: RegistryDate?
  public var completionDate: RegistryDate?
  /// `statusModule.lastUpdatePostDateStruct.date`.
  public var lastUpdate: String?
  /// `derivedSection.miscInfoModule.versionHolder`: the date of the registry data version.
  public var versionHolder: String?
  public var enrollment: RegistryEnrollment?
  /// `conditionsModule.conditions`.
  public var conditions: [String]
  /// `conditionsModule.keywords`.
  public var keywords: [String]
  /// `derivedSection.conditionBrowseModule.meshes[].term`.
  public var conditionMeshTerms: [String]
  /// `derivedSection.interventionBrowseModule.meshes[].term`.
  public var interventionMeshTerms: [String]
  public var armGroups: [RegistryArmGroup]
  public var interventions: [RegistryIntervention]
  public var primaryOutcomes: [RegistryOutcome]
  public var secondaryOutcomes: [RegistryOutcome]
  public var otherOutcomes: [RegistryOutcome]
  public var eligibility: RegistryEligibility
  public var locations: [RegistryLocation]
  /// `descriptionModule.briefSummary`.
  public var briefSummary: String?
  /// `descriptionModule.detailedDescription`.
  public var detailedDescription: String?
  /// The file (or label) the record was read from, as given.
  public var source: String
}

/// A partial ISO date (`2024-04` or `2024-04-02`) with whether it is actual or estimated.
public struct RegistryDate: Sendable, Hashable, Codable {
  public var date: String
  /// `nil` when the record does not say (older records).
  public var type: RegistryActuality?

  public init(date: String, type: RegistryActuality?) {
    self.date = date
    self.type = type
  }
}

/// `designModule.enrollmentInfo`.
public struct RegistryEnrollment: Sendable, Hashable, Codable {
  public var count: Int
  public var type: RegistryActuality?

  public init(count: Int, type: RegistryActuality?) {
    self.count = count
    self.type = type
  }
}

/// `armsInterventionsModule.armGroups[]`.
public struct RegistryArmGroup: Sendable, Hashable, Codable {
  public var label: String
  public var type: RegistryArmGroupType?
  public var description: String?
  /// `"Type: name"` strings naming the arm's interventions.
  public var interventionNames: [String]
}

/// `armsInterventionsModule.interventions[]`.
public struct RegistryIntervention: Sendable, Hashable, Codable {
  public var type: RegistryInterventionType
  public var name: String
  public var description: String?
  public var armGroupLabels: [String]
  public var otherNames: [String]
}

/// One primary, secondary or other outcome measure.
public struct RegistryOutcome: Sendable, Hashable, Codable {
  public var measure: String
  public var description: String?
  public var timeFrame: String?
}

/// `eligibilityModule`.
public struct RegistryEligibility: Sendable, Hashable, Codable {
  /// The criteria as one markdown string ("Inclusion Criteria:\n\n* …").
  public var criteria: String
  public var healthyVolunteers: Bool?
  public var sex: RegistrySex?
  /// As written: "18 Years", "6 Months"; `nil` for no limit.
  public var minimumAge: String?
  public var maximumAge: String?
  public var stdAges: [RegistryStandardAge]
}

/// `contactsLocationsModule.locations[]`.
public struct RegistryLocation: Sendable, Hashable, Codable {
  public var facility: String?
  public var city: String?
  public var state: String?
  public var zip: String?
  public var country: String?
  public var status: RegistryStatus?
  /// `geoPoint.lat`, `geoPoint.lon` in decimal degrees (WGS 84).
  public var latitude: Double?
  public var longitude: Double?
}
