import Inputs

// The closed value sets of ClinicalTrials.gov API v2 study records, spelled as the API spells them
// (UPPER_SNAKE). Source: ClinicalTrials.gov data structure, "Enumeration types"
// (https://clinicaltrials.gov/data-api/about-api/study-data-structure), checked against the 1,527
// real study records of the test corpus. A value outside its set refuses the record.

/// `statusModule.overallStatus`, `lastKnownStatus` and `locations[].status` (API v2 `Status`).
public enum RegistryStatus: String, Sendable, Hashable, Codable, InputEnumeration {
  case activeNotRecruiting = "ACTIVE_NOT_RECRUITING"
  case completed = "COMPLETED"
  case enrollingByInvitation = "ENROLLING_BY_INVITATION"
  case notYetRecruiting = "NOT_YET_RECRUITING"
  case recruiting = "RECRUITING"
  case suspended = "SUSPENDED"
  case terminated = "TERMINATED"
  case withdrawn = "WITHDRAWN"
  case available = "AVAILABLE"
  case noLongerAvailable = "NO_LONGER_AVAILABLE"
  case temporarilyNotAvailable = "TEMPORARILY_NOT_AVAILABLE"
  case approvedForMarketing = "APPROVED_FOR_MARKETING"
  case withheld = "WITHHELD"
  case unknown = "UNKNOWN"
}

/// `designModule.phases[]` (API v2 `Phase`); phase 1/2 is `[PHASE1, PHASE2]`.
public enum RegistryPhase: String, Sendable, Hashable, Codable, InputEnumeration {
  case notApplicable = "NA"
  case earlyPhase1 = "EARLY_PHASE1"
  case phase1 = "PHASE1"
  case phase2 = "PHASE2"
  case phase3 = "PHASE3"
  case phase4 = "PHASE4"
}

/// `eligibilityModule.sex` (API v2 `Sex`).
public enum RegistrySex: String, Sendable, Hashable, Codable, InputEnumeration {
  case female = "FEMALE"
  case male = "MALE"
  case all = "ALL"
}

/// `eligibilityModule.stdAges[]` (API v2 `StandardAge`): CHILD < 18, ADULT 18–64, OLDER_ADULT ≥ 65.
public enum RegistryStandardAge: String, Sendable, Hashable, Codable, InputEnumeration {
  case child = "CHILD"
  case adult = "ADULT"
  case olderAdult = "OLDER_ADULT"
}

/// `armGroups[].type` (API v2 `ArmGroupType`).
public enum RegistryArmGroupType: String, Sendable, Hashable, Codable, InputEnumeration {
  case experimental = "EXPERIMENTAL"
  case activeComparator = "ACTIVE_COMPARATOR"
  case placeboComparator = "PLACEBO_COMPARATOR"
  case shamComparator = "SHAM_COMPARATOR"
  case noIntervention = "NO_INTERVENTION"
  case other = "OTHER"
}

/// `interventions[].type` (API v2 `InterventionType`).
public enum RegistryInterventionType: String, Sendable, Hashable, Codable, InputEnumeration {
  case behavioral = "BEHAVIORAL"
  case biological = "BIOLOGICAL"
  case combinationProduct = "COMBINATION_PRODUCT"
  case device = "DEVICE"
  case diagnosticTest = "DIAGNOSTIC_TEST"
  case dietarySupplement = "DIETARY_SUPPLEMENT"
  case drug = "DRUG"
  case genetic = "GENETIC"
  case other = "OTHER"
  case procedure = "PROCEDURE"
  case radiation = "RADIATION"
}

/// Whether a date or an enrolment is `ACTUAL` or `ESTIMATED` (API v2 `DateType`,
/// `EnrollmentType`).
public enum RegistryActuality: String, Sendable, Hashable, Codable, InputEnumeration {
  case actual = "ACTUAL"
  case estimated = "ESTIMATED"
}
