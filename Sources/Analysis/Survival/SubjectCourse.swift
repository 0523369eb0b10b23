/// The dated facts about one subject that time-to-event endpoints are derived from.
///
/// Dates that did not happen (or are unknown) are nil.
public struct SubjectCourse: Sendable, Hashable, Codable {
  /// Subject identifier.
  public var subject: String
  /// Enrolment date (the origin of an ITT analysis).
  public var enrolment: CalendarDay?
  /// CAR-T infusion date (day 0).
  public var infusion: CalendarDay?
  /// Date of the first CR/CRi, nil for non-responders.
  public var firstResponse: CalendarDay?
  /// Date of the assessment that closed the response window (treatment failure is declared there
  /// when there was no CR/CRi).
  public var responseAssessment: CalendarDay?
  /// Relapse (or progression) date.
  public var relapse: CalendarDay?
  /// Death date.
  public var death: CalendarDay?
  /// Whether the death was due to the leukaemia (needed by DOR, ELIANA-style).
  public var deathDueToDisease: Bool?
  /// Allogeneic HSCT or other new anticancer therapy date.
  public var transplant: CalendarDay?
  /// Last disease assessment date.
  public var lastAssessment: CalendarDay?
  /// Last date known alive.
  public var lastKnownAlive: CalendarDay?

  public init(
    subject: String, enrolment: CalendarDay? = nil, infusion: CalendarDay? = nil,
    firstResponse: CalendarDay? = nil, responseAssessment: CalendarDay? = nil,
    relapse: CalendarDay? = nil, death: CalendarDay? = nil, deathDueToDisease: Bool? = nil,
    transplant: CalendarDay? = nil, lastAssessment: CalendarDay? = nil, lastKnownAlive: CalendarDay? = nil
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
