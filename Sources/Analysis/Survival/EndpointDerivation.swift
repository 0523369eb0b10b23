import TrialModel

/// A derived time to event for one subject.
public struct EndpointOutcome: Sendable, Hashable, Codable {
  /// Subject identifier.
  public let subject: String
  /// Days from the origin to the event or censoring.
  public let days: Int
  /// true = event, false = censored.
  public let event: Bool
  /// What ended follow-up ("relapse", "death", "treatment failure", "transplant", "last assessment"…).
  public let reason: String

  /// As a survival observation (time in days).
  public var observation: SurvivalObservation { SurvivalObservation(time: Double(days), event: event) }
}

/// Why an endpoint could not be derived for a subject.
public struct EndpointDerivationError: Error, CustomStringConvertible, Equatable {
  public let description: String
}

extension EndpointDefinition {
  /// Derives this endpoint for one subject; nil when the subject is not evaluable (a
  /// non-responder for DOR/RFS).
  /// - Throws: ``EndpointDerivationError`` when the origin date or the follow-up date is missing,
  ///   or a date falls before the origin.
  public func derive(for course: SubjectCourse) throws -> EndpointOutcome? {
    if respondersOnly, course.firstResponse == nil { return nil }
    let originDate: CalendarDate?
    switch origin {
    case .infusion: originDate = course.infusion
    case .enrolment: originDate = course.enrolment
    case .firstResponse: originDate = course.firstResponse
    }
    guard let start = originDate else {
      throw EndpointDerivationError(
        description: "subject \(course.subject): \(name) needs the \(origin.rawValue) date")
    }
    var events: [(CalendarDate, String)] = []
    if relapseIsEvent, let relapse = course.relapse { events.append((relapse, "relapse")) }
    if let death = course.death {
      switch deaths {
      case .anyCause: events.append((death, "death"))
      case .diseaseOnly where course.deathDueToDisease == true: events.append((death, "death due to disease"))
      default: break
      }
    }
    if let failureDate = treatmentFailure, course.firstResponse == nil,
      let assessed = course.responseAssessment
    {
      events.append((failureDate == .origin ? start : assessed, "treatment failure"))
    }
    if transplant == .event, let date = course.transplant { events.append((date, "transplant")) }
    let firstEvent = events.min { $0.0 < $1.0 }

    let outcome: (date: CalendarDate, reason: String, event: Bool)
    if transplant == .censor, let date = course.transplant, firstEvent.map({ date < $0.0 }) ?? true {
      outcome = (date, "transplant (censored)", false)
    } else if let event = firstEvent {
      outcome = (event.0, event.1, true)
    } else if let end = followUpEnd(course) {
      outcome = (end.0, end.1, false)
    } else {
      throw EndpointDerivationError(
        description:
          "subject \(course.subject): \(name) needs a \(followUp.rawValue) date (no event recorded)")
    }
    let (date, reason, isEvent) = outcome
    let days = date.days(since: start)
    guard days >= 0 else {
      throw EndpointDerivationError(
        description: "subject \(course.subject): \(name) \(reason) date \(date) is before the origin \(start)"
      )
    }
    return EndpointOutcome(subject: course.subject, days: days, event: isEvent, reason: reason)
  }

  /// The end of follow-up for a subject without an event: the last assessment (not after a
  /// death that is not an event) or the last date known alive (the death date if dead).
  private func followUpEnd(_ course: SubjectCourse) -> (CalendarDate, String)? {
    switch followUp {
    case .lastKnownAlive:
      if let alive = course.lastKnownAlive { return (alive, "last known alive") }
      return course.death.map { ($0, "death (censored)") }
    case .lastAssessment:
      if let death = course.death, course.lastAssessment.map({ death < $0 }) ?? true {
        return (death, "death (censored)")
      }
      return course.lastAssessment.map { ($0, "last assessment") }
    }
  }
}
