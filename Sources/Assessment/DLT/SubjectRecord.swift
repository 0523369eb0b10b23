import Inputs
import TrialModel

/// An adverse event graded by the investigator (CTCAE term and grade).
public struct ReportedAdverseEvent: Sendable, Hashable {
  public var term: String
  public var grade: Int
  /// A haematological toxicity (defaults to false).
  public var haematological: Bool?
}

/// One dated assessment in a subject record: exactly one of a CRS observation or grade, an ICANS
/// observation or grade, a lab result, or a reported adverse event.
public struct AssessmentEntry: Sendable, Hashable {
  /// Days after infusion; or give `date` with the record's `infusionDate`.
  public var day: Double?
  public var date: String?
  public var crs: CRSObservation?
  public var crsGrade: Int?
  public var icans: ICANSObservation?
  public var icansGrade: Int?
  public var lab: LabResult?
  public var adverseEvent: ReportedAdverseEvent?
  public var attributions: [Attribution]?
  /// Attributed to the investigational product (CRS and ICANS default to true).
  public var related: Bool?
  /// A laboratory abnormality without clinical consequence.
  public var labOnly: Bool?
}

/// A subject's record for DLT and response assessment (the `--subject` file of the CLI).
public struct SubjectRecord: Sendable, Hashable {
  public var subjectId: String?
  public var ageYears: Double?
  /// `yyyy-MM-dd`; needed only when assessments give dates instead of days.
  public var infusionDate: String?
  /// The last day the record covers (default: the last assessment's day); or `observedThroughDate`.
  public var observedThroughDay: Double?
  public var observedThroughDate: String?
  /// The day (or date) the subject left the study, if it did.
  public var offStudyDay: Double?
  public var offStudyDate: String?
  /// Why the subject cannot be evaluated for DLT (e.g. "not infused"), if so.
  public var notEvaluableReason: String?
  public var assessments: [AssessmentEntry]?
  /// Disease assessments for response.
  public var response: ResponseRecord?

  public init(
    subjectId: String? = nil, ageYears: Double? = nil, infusionDate: String? = nil,
    observedThroughDay: Double? = nil, observedThroughDate: String? = nil, offStudyDay: Double? = nil,
    offStudyDate: String? = nil, notEvaluableReason: String? = nil, assessments: [AssessmentEntry]? = nil,
    response: ResponseRecord? = nil
  ) {
    self.subjectId = subjectId
    self.ageYears = ageYears
    self.infusionDate = infusionDate
    self.observedThroughDay = observedThroughDay
    self.observedThroughDate = observedThroughDate
    self.offStudyDay = offStudyDay
    self.offStudyDate = offStudyDate
    self.notEvaluableReason = notEvaluableReason
    self.assessments = assessments
    self.response = response
  }

  /// The graded toxicity events, grading CRS/ICANS observations and lab values with `settings`.
  public func gradedEvents(settings: AssessmentSettings) throws(InputError) -> [GradedEvent] {
    var events: [GradedEvent] = []
    for (index, entry) in (assessments ?? []).enumerated() {
      do {
        events.append(try event(entry, settings: settings))
      } catch {
        throw error.nested(under: "assessments[\(index)]")
      }
    }
    return events
  }

  /// A study day given as a day or a date, or `nil` when neither is given.
  func optionalDay(_ day: Double?, _ date: String?, field: String) throws(InputError) -> Double? {
    if day == nil && date == nil { return nil }
    do { return try studyDay(day: day, date: date) } catch {
      throw InputError(
        field: error.field == "date" ? field : error.field, expected: error.expected, found: error.found)
    }
  }

  /// The study day of an entry from its `day` or `date`.
  public func studyDay(day: Double?, date: String?) throws(InputError) -> Double {
    if let day {
      if let date, let infusionDate { try checkAgreement(day: day, date: date, infusionDate: infusionDate) }
      return day
    }
    guard let date else {
      throw InputError(field: "day", expected: "a study day or a date", found: "nothing")
    }
    guard let infusionDate else {
      throw InputError(
        field: "date", expected: "a top-level infusionDate to place \"\(date)\" (or a study day)",
        found: "no infusionDate")
    }
    return try StudyDay.days(from: infusionDate, to: date, field: "date")
  }

  private func event(_ e: AssessmentEntry, settings: AssessmentSettings) throws(InputError)
    -> GradedEvent
  {
    let payloads = [
      e.crs != nil, e.crsGrade != nil, e.icans != nil, e.icansGrade != nil, e.lab != nil,
      e.adverseEvent != nil,
    ]
    guard payloads.filter({ $0 }).count == 1 else {
      throw InputError(
        field: "", expected: "exactly one of crs, crsGrade, icans, icansGrade, lab, adverseEvent",
        found: "\(payloads.filter { $0 }.count)")
    }
    var event = GradedEvent(
      day: try studyDay(day: e.day, date: e.date), kind: .crs, term: "CRS", grade: 0,
      labOnly: e.labOnly ?? false,
      related: e.related, attributions: e.attributions ?? [])
    if let o = e.crs {
      do { try apply(CRSGrader(settings: settings.crs).grade(o), to: &event) } catch {
        throw error.nested(under: "crs")
      }
    } else if let g = e.crsGrade {
      try Check.range(g, 0...5, field: "crsGrade")
      event.grade = g
    } else if var o = e.icans {
      o.ageYears = o.ageYears ?? ageYears
      event.kind = .icans
      event.term = "ICANS"
      do { try apply(ICANSGrader(settings: settings.icans).grade(o), to: &event) } catch {
        throw error.nested(under: "icans")
      }
    } else if let g = e.icansGrade {
      try Check.range(g, 0...5, field: "icansGrade")
      (event.kind, event.term, event.grade) = (.icans, "ICANS", g)
    } else if let lab = e.lab {
      (event.kind, event.term, event.haematological) = (.lab, lab.term.rawValue, lab.term.isHaematological)
      do { try apply(CTCAELabGrader().grade(lab), to: &event) } catch { throw error.nested(under: "lab") }
    } else if let ae = e.adverseEvent {
      try Check.range(ae.grade, 0...5, field: "adverseEvent.grade")
      (event.kind, event.term, event.grade) = (.adverseEvent, ae.term, ae.grade)
      event.haematological = ae.haematological ?? false
      event.reasons = ["reported"]
    }
    if event.kind == .crs || event.kind == .icans { event.related = e.related ?? true }
    return event
  }

  private func apply(_ result: GradeResult, to event: inout GradedEvent) {
    event.grade = result.grade
    event.reasons = result.reasons
  }
}
