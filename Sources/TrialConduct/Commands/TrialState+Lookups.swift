import Assessment
import Eligibility
import Foundation
import Inputs
import ProtocolFiles
import TrialModel
import Trials

/// The lookups and date checks every conduct rule is built on.
extension TrialState {
  func subject(_ id: String, actor: Actor) throws(InputError) -> SubjectState {
    guard let s = subjects[id] else {
      throw InputError(.notFound, field: "subject", expected: "a screened subject of \(trial)", found: id)
    }
    try Rule.sameSite(s.site, actor)
    return s
  }

  /// An enrolled subject, with `date` (if any) on or after consent and not after today.
  func enrolled(_ id: String, actor: Actor, date: CalendarDate?, today: CalendarDate)
    throws(InputError)
    -> SubjectState
  {
    let s = try subject(id, actor: actor)
    guard s.enrolment != nil else {
      throw Rule.refuse("subject", "an enrolled subject", "\(id) is not enrolled")
    }
    if let date { try checkDate(date, of: s, today: today) }
    return s
  }

  /// A clinical date of subject `s`: not after today, not before their consent.
  func checkDate(_ date: CalendarDate, of s: SubjectState, today: CalendarDate) throws(InputError) {
    try Rule.notFuture(date, today, "date")
    if let consent = s.consentDate, date < consent {
      throw Rule.refuse("date", "on or after the subject's consent (\(consent))", "\(date)")
    }
  }

  /// An entry's date, from its `date` or its study `day` after the infusion, is a clinical date
  /// like any other (``checkDate(_:of:today:)``); a day before any infusion cannot be placed yet.
  func checkEntryDate(day: Double?, date: String?, of s: SubjectState, today: CalendarDate)
    throws(InputError)
  {
    if let date, let placed = CalendarDate(iso: date) {
      try checkDate(placed, of: s, today: today)
    } else if let day, let infusion = s.infusion {
      try checkDate(infusion.date.adding(days: Int(day.rounded(.down))), of: s, today: today)
    }
  }

  func existingGroup(_ id: String) throws(InputError) -> GroupState {
    guard let g = group(id) else {
      throw InputError(
        .notFound, field: "group", expected: "one of " + groups.map(\.id).joined(separator: ", "), found: id)
    }
    return g
  }

  func pending(_ g: GroupState) throws(InputError) -> RecommendationMade {
    guard let r = g.pendingRecommendation else {
      throw Rule.refuse("group", "a recommendation awaiting decision", "none for group \(g.id)")
    }
    return r
  }

  /// The subject as a ``SubjectRecord`` (the shape DLT and response assessment read).
  public func subjectRecord(_ s: SubjectState, through date: CalendarDate?) -> SubjectRecord {
    subjectRecord(s, through: date, withAssessments: true)
  }

  /// The subject as a ``SubjectRecord``, without its assessments when a check needs only the
  /// dates (copying them at every assessment recorded would make a long trial quadratic).
  func subjectRecord(_ s: SubjectState, through date: CalendarDate?, withAssessments: Bool) -> SubjectRecord {
    let infusion = s.infusion?.date
    var record = SubjectRecord()
    record.subjectId = s.id
    record.infusionDate = infusion?.description
    if withAssessments { record.assessments = s.assessments.map(\.entry) }
    if let infusion, let date { record.observedThroughDay = Double(max(0, date.days(since: infusion))) }
    if let off = s.offStudy, let infusion { record.offStudyDay = Double(off.date.days(since: infusion)) }
    if s.infusion == nil { record.notEvaluableReason = "not infused" }
    record.response = ResponseRecord(assessments: s.diseaseAssessments)
    return record
  }

  static func parse<T: JSONReadable>(_: T.Type, _ text: String, file: String) throws(InputError) -> T {
    try T(jsonBytes: Array(text.utf8), file: file)
  }

  static func checked(_ text: String) throws(InputError) -> TrialProtocol {
    do { return try ProtocolLoader.load(yaml: text, file: "protocol") } catch {
      throw error.errors.first
        ?? InputError(.invalidValue, field: "protocol", expected: "a protocol", found: "errors")
    }
  }
}
