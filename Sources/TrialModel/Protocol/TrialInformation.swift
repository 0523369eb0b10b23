import Inputs

/// Registry phase of a trial, spelled as ClinicalTrials.gov v2 spells it.
public enum TrialPhase: String, Codable, Hashable, InputEnumeration {
  case earlyPhase1 = "EARLY_PHASE1"
  case phase1 = "PHASE1"
  case phase1Phase2 = "PHASE1_PHASE2"
  case phase2 = "PHASE2"
}

/// Registry recruitment status (ClinicalTrials.gov v2 `overallStatus`).
public enum TrialStatus: String, Codable, Hashable, InputEnumeration {
  case notYetRecruiting = "NOT_YET_RECRUITING"
  case recruiting = "RECRUITING"
  case enrollingByInvitation = "ENROLLING_BY_INVITATION"
  case activeNotRecruiting = "ACTIVE_NOT_RECRUITING"
  case suspended = "SUSPENDED"
  case terminated = "TERMINATED"
  case completed = "COMPLETED"
  case withdrawn = "WITHDRAWN"
  case unknown = "UNKNOWN"
}

/// Where the CAR-T cells come from.
public enum CellSource: String, Codable, Hashable, InputEnumeration {
  case autologous, allogeneic, universal
}

/// The investigational product.
public struct Product: Codable, Sendable, Hashable {
  public var name: String
  public var source: CellSource
  /// Antigens targeted, e.g. `[CD19]` or `[CD19, CD20]`.
  public var targets: [String]
}

/// A trial site.
public struct Site: Codable, Sendable, Hashable {
  public var name: String
  public var city: String?
  public var country: String?
}

/// Planned enrolment.
public struct Enrollment: Codable, Sendable, Hashable {
  /// The registry's target (or upper) enrolment.
  public var target: Assumed<Int>
  /// The lower end when the registry gives a range ("18–36").
  public var minimum: Int?
}

/// One agent of the lymphodepleting regimen.
public struct LymphodepletionAgent: Codable, Sendable, Hashable {
  /// Drug name (`fludarabine`, `cyclophosphamide`).
  public var drug: String
  /// Daily dose, in mg/m².
  public var dailyDose: Quantity
  /// Days relative to infusion (day 0), e.g. `[-5, -4, -3]`.
  public var days: [Int]
}

/// The lymphodepleting regimen.
public struct Lymphodepletion: Codable, Sendable, Hashable {
  public var agents: [LymphodepletionAgent]
  /// Why the regimen was assumed, when the registry names the drugs but not the doses.
  public var assumption: String?
}

/// A scheduled assessment (e.g. bone-marrow response on days 28 and 90).
public struct ScheduledAssessment: Codable, Sendable, Hashable {
  /// What records a scheduled assessment as done on its day.
  public enum Record: String, Codable, Sendable, Hashable, CaseIterable {
    /// A daily entry with CRS or ICANS findings or grades.
    case dailyGrades
    /// A disease (response) assessment.
    case diseaseAssessment
    /// A cellular-kinetics sample.
    case kineticsSample
  }

  public var name: String
  /// Days after infusion.
  public var days: [Int]
  public var assumption: String?
  /// What records it (`records:` in the protocol file); when absent, read from the name: CRS or
  /// ICANS → daily grades, marrow, response or MRD → disease assessment, kinetics, PK or qPCR →
  /// kinetics sample; otherwise nothing (such an assessment is always listed as due).
  public var records: Record?

  /// ``records``, or what the name says.
  public var recordedBy: Record? {
    if let records { return records }
    let name = name.lowercased()
    func mentions(_ words: String...) -> Bool { words.contains { name.contains($0) } }
    if mentions("crs", "icans", "cytokine release", "neurotox") { return .dailyGrades }
    if mentions("kinetic", "qpcr", "expansion") { return .kineticsSample }
    if mentions("marrow", "response", "mrd") { return .diseaseAssessment }
    return nil
  }
}

/// What an endpoint measures.
public enum EndpointMeasure: String, Codable, Hashable, InputEnumeration {
  case dlt, adverseEvents, orr, cr, mrdNegativity, dor, pfs, efs, rfs, os, kinetics, pharmacodynamics
}

/// A primary or secondary endpoint with its assessment window.
public struct Endpoint: Codable, Sendable, Hashable {
  public var id: String
  public var name: String
  public var primary: Bool
  public var measure: EndpointMeasure
  /// Window after infusion in days, when the endpoint has one: ORR within 3 months is 90; for a
  /// kinetics endpoint, the end of the partial-AUC interval (AUC0–28d is 28).
  public var windowDays: Assumed<Int>?
}
