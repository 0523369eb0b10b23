import Assessment
import Eligibility
import TrialModel

/// One subject of a running trial, as the events so far describe them.
public struct SubjectState: Sendable, Hashable {
  /// Where a subject is in the trial.
  public enum Status: String, Sendable, Hashable, Codable, CaseIterable {
    case screened, consented, enrolled, awaitingProduct, productReleased, productFailed, lymphodepleted
    /// Infused; the DLT outcome is not yet adjudicated.
    case inDLTWindow
    /// Adjudicated DLT or no DLT.
    case evaluable
    case notEvaluable
    case offStudy
  }

  public var id: String
  public var site: String?
  /// The latest screening.
  public var screening: SubjectScreened?
  /// Investigator attestations by criterion id: `true` when the subject passes it.
  public var attestations: [String: Bool] = [:]
  public var consentDate: CalendarDate?
  public var enrolment: Enrolled?
  public var leukapheresis: ProductStep?
  public var productReleased: ProductStep?
  public var productFailed: ProductStep?
  public var lymphodepletion: LymphodepletionGiven?
  public var infusion: Infused?
  /// Assessments with the sequence of the event that recorded each.
  public var assessments: [RecordedAssessment] = []
  public var diseaseAssessments: [DiseaseAssessment] = []
  public var kinetics: [KineticsSampled] = []
  public var treatments: [ConcomitantTreatment] = []
  public var adjudication: DLTAdjudicated?
  public var offStudy: OffStudy?
  /// Whether the subject's cohort slot was given to a replacement.
  public var replaced = false

  init(id: String) { self.id = id }

  public var status: Status {
    if offStudy != nil { return .offStudy }
    if let adjudication { return adjudication.outcome == .notEvaluable ? .notEvaluable : .evaluable }
    if infusion != nil { return .inDLTWindow }
    if lymphodepletion != nil { return .lymphodepleted }
    if productFailed != nil { return .productFailed }
    if productReleased != nil { return .productReleased }
    if leukapheresis != nil { return .awaitingProduct }
    if enrolment != nil { return .enrolled }
    if consentDate != nil { return .consented }
    return .screened
  }

  /// The screening status with the investigator's attestations applied: an attested criterion
  /// counts as met (or not met, when the investigator found it fails).
  public var eligibility: ScreeningStatus? {
    guard let report = screening?.report else { return nil }
    return ScreeningStatus(
      verdicts: report.criteria.map { c in
        guard c.verdict == .attestation, let satisfied = attestations[c.id] else { return c.verdict }
        return satisfied ? .met : .notMet
      })
  }

  /// Criteria that still await an investigator's attestation.
  public var pendingAttestations: [String] {
    (screening?.report.pendingAttestations ?? []).filter { attestations[$0] == nil }
  }

  /// The last day of the subject's DLT window (`dltWindowDays` after infusion), once infused.
  public func dltWindowEnd(windowDays: Int) -> CalendarDate? {
    infusion.map { $0.date.adding(days: windowDays) }
  }
}

/// An assessment with the sequence of the event that recorded it.
public struct RecordedAssessment: Sendable, Hashable {
  public var sequence: Int
  public var entry: AssessmentEntry
}

extension SubjectState {
  /// The days after infusion on which `record` was recorded for this subject (an entry given by
  /// date counts on its day after the infusion; a sample at 6 hours on day 0).
  public func recordedDays(_ record: ScheduledAssessment.Record) -> Set<Int> {
    let infused = infusion?.date
    func day(_ day: Double?, _ date: String?) -> Int? {
      if let day { return Int(day.rounded(.down)) }
      guard let date, let infused, let d = CalendarDate(iso: date) else { return nil }
      return d.days(since: infused)
    }
    switch record {
    case .dailyGrades:
      return Set(
        assessments.map(\.entry).filter {
          $0.crs != nil || $0.crsGrade != nil || $0.icans != nil || $0.icansGrade != nil
        }.compactMap { day($0.day, $0.date) })
    case .diseaseAssessment: return Set(diseaseAssessments.compactMap { day($0.day, $0.date) })
    case .kineticsSample: return Set(kinetics.map { Int($0.day.rounded(.down)) })
    }
  }
}
