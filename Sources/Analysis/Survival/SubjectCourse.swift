import TrialModel

/// The dated facts about one subject that time-to-event endpoints are derived from.
///
/// Dates that did not happen (or are unknown) are nil.
public struct SubjectCourse: Sendable, Hashable, Codable {
  /// Subject identifier.
  public var subject: String
  /// Enrolment date (the origin of an ITT analysis).
  public var enrolment: CalendarDate?
  /// CAR-T infusion date (day 0).
  public var infusion: CalendarDate?
  /// Date of the first CR/CRi, nil for non-responders.
  public var firstResponse: CalendarDate?
  /// Date of the assessment that closed the response window (treatment failure is declared there
  /// when there was no CR/CRi).
  public var responseAssessment: CalendarDate?
  /// Relapse (or progression) date.
  public var relapse: CalendarDate?
  /// Death date.
  public var death: CalendarDate?
  /// Whether the death was due to the leukaemia (needed by DOR, ELIANA-style).
  public var deathDueToDisease: Bool?
  /// Allogeneic HSCT or other new anticancer therapy date.
  public var transplant: CalendarDate?
  /// Last disease assessment date.
  public var lastAssessment: CalendarDate?
  /// Last date known alive.
  public var lastKnownAlive: CalendarDate?

  public init(
    subject: String, enrolment: CalendarDate? = nil, infusion: CalendarDate? = nil,
    firstResponse: CalendarDate? = nil, responseAssessment: CalendarDate? = nil,
    relapse: CalendarDate? = nil, death: CalendarDate? = nil, deathDueToDisease: Bool? = nil,
    transplant: CalendarDate? = nil, lastAssessment: CalendarDate? = nil, lastKnownAlive: CalendarDate? = nil
  ) {
    self.subject = subject
    self.enrolment = enrolment
    self.infusion = infusion
    self.firstResponse = firstResponse
    self.responseAssessment = responseAssessment
    self.relapse = relapse
    self.death = death
    self.deathDueToDisease = deathDueToDisease
    self.transplant = transplant
    self.lastAssessment = lastAssessment
    self.lastKnownAlive = lastKnownAlive
  }
}
