import Assessment
import Inputs
import TrialModel

/// What `subject show` prints and the subject page shows: the subject's timeline (every event
/// about them, with who recorded it and when, corrections and signatures), the dose received, the
/// graded events, the DLT status by the protocol's rules beside the adjudication, and the best
/// overall response.
public struct SubjectSummary: Encodable, Sendable {
  public struct Entry: Encodable, Sendable {
    public var sequence: Int
    public var recordedAt: String
    public var clinicalDate: CalendarDate?
    public var actor: Actor
    public var kind: String
    public var summary: String
    /// Corrections of this event, oldest first (the summary shows the original).
    public var corrections: [String]
    public var signatures: [String]
  }

  public var subject: String
  public var status: String
  public var eligibility: String?
  /// Criteria waiting for an investigator's attestation.
  public var pendingAttestations: [String]
  public var group: String?
  public var level: Int?
  public var dose: DoseCalculation?
  public var timeline: [Entry]
  public var gradedEvents: [GradedEvent]
  /// The protocol's DLT rules applied to the recorded assessments as of the status date.
  public var dltByRules: DLTAdjudication?
  public var adjudication: DLTAdjudicated?
  public var bestResponse: BestOverallResponse?

  /// The summary of `subject` in `log`, as of `today`.
  public init(_ log: TrialLog, subject id: String, today: CalendarDate) throws(InputError) {
    let state = log.state
    guard let s = state.subjects[id] else {
      throw InputError(
        .notFound, field: "subject",
        expected: "a subject of \(state.trial): " + state.subjectOrder.joined(separator: ", "),
        found: id)
    }
    subject = id
    status = s.status.rawValue
    eligibility = s.eligibility?.rawValue
    pendingAttestations = s.pendingAttestations
    group = s.enrolment?.group
    level = s.enrolment?.level
    dose = s.infusion?.dose
    adjudication = s.adjudication
    timeline = log.events.filter { $0.event.body.subject == id && $0.event.kind != .correction }.map { e in
      Entry(
        sequence: e.sequence, recordedAt: EventCoding.timestamp(e.event.recordedAt),
        clinicalDate: e.event.clinicalDate,
        actor: e.event.actor, kind: e.event.kind.rawValue, summary: e.event.body.summary,
        corrections: (state.corrections[e.sequence] ?? []).map { "\($0.replacement.summary) (\($0.reason))" },
        signatures: (state.signatures[e.sequence] ?? []).map(\.manifestation))
    }
    let record = state.subjectRecord(s, through: today)
    gradedEvents = (try? record.gradedEvents(settings: state.protocolInForce.assessment)) ?? []
    if s.infusion != nil, let e = s.enrolment {
      dltByRules = try? record.adjudicateDLT(
        settings: state.protocolInForce.assessment, designWindowDays: state.dltWindowDays(group: e.group))
      bestResponse = try? record.bestOverallResponse(settings: state.protocolInForce.assessment.response)
    }
  }
}
