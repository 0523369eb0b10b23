import Inputs
import TrialModel

extension SubjectRecord {
  /// `subject S-03`, or `the subject` for a record without an id (names the subject in errors).
  var named: String { subjectId.map { "subject \($0)" } ?? "the subject" }

  /// Checks that the record's timeline is possible before anything is adjudicated from it:
  /// a plausible age; no entry (toxicity or disease assessment) whose `day` and `date` disagree
  /// (given the `infusionDate`); a toxicity observation that ends (`observedThroughDay` or `…Date`)
  /// on or after the infusion (day 0) and on or after the last toxicity assessment, which it must
  /// cover (disease assessments for response may come later).
  ///
  /// - Throws: ``InputError`` at the field, naming the subject.
  public func checkTimeline(ranges: PlausibleRanges = .standard) throws(InputError) {
    if let ageYears { try ranges.check(.age, ageYears, field: "ageYears") }
    var last: (day: Double, field: String)?
    func note(_ day: Double, _ field: String) {
      if last == nil || day > last!.day { last = (day, field) }
    }
    for (index, entry) in (assessments ?? []).enumerated() {
      let field = "assessments[\(index)]"
      do { note(try studyDay(day: entry.day, date: entry.date), field) } catch {
        throw error.nested(under: field)
      }
    }
    for (index, entry) in (response?.assessments ?? []).enumerated() {
      // Disease assessments may follow the end of toxicity observation; their dates must agree.
      do { _ = try studyDay(day: entry.day, date: entry.date) } catch {
        throw error.nested(under: "response.assessments[\(index)]")
      }
    }
    let field =
      observedThroughDay == nil && observedThroughDate != nil ? "observedThroughDate" : "observedThroughDay"
    guard let through = try optionalDay(observedThroughDay, observedThroughDate, field: "observedThroughDate")
    else {
      return
    }
    let shown = observedThroughDay == nil ? "day \(Quantity.format(through))" : Quantity.format(through)
    guard through >= 0 else {
      throw InputError(
        field: field, expected: "the last day observed of \(named), on or after the infusion (day 0)",
        found: shown)
    }
    if let last, through < last.day {
      throw InputError(
        .conflict, field: field,
        expected:
          "the last day observed of \(named), on or after its last assessment (day \(Quantity.format(last.day)), \(last.field))",
        found: shown)
    }
    _ = try optionalDay(offStudyDay, offStudyDate, field: "offStudyDate")
  }

  /// Throws unless the `day` and `date` of one entry, both given, name the same study day: a
  /// date without a time must fall on the day's calendar day, one with a time within a minute.
  func checkAgreement(day: Double, date: String, infusionDate: String) throws(InputError) {
    let dated = try StudyDay.days(from: infusionDate, to: date, field: "date")
    let agrees = date.contains("T") ? abs(dated - day) < 1.0 / 1440 : dated == day.rounded(.down)
    guard agrees else {
      let meant = CalendarDate(iso: String(infusionDate.prefix(10)))?.adding(days: Int(day.rounded(.down)))
      throw InputError(
        .conflict, field: "date",
        expected:
          "\(meant.map { "\($0), " } ?? "")the date of day \(Quantity.format(day)) after infusionDate \(infusionDate) "
          + "(the day and date of an entry of \(named) must agree)",
        found: "\"\(date)\" (day \(Quantity.format(dated)))")
    }
  }
}

/// Several subject records given together (a cohort): each subject once.
extension [SubjectRecord] {
  /// Throws when two records have the same `subjectId`: a subject counted twice would inflate
  /// the ORR and its interval.
  public func checkDistinctSubjects() throws(InputError) {
    var seen: [String: Int] = [:]
    for (index, record) in enumerated() {
      guard let id = record.subjectId else { continue }
      if let first = seen[id] {
        throw InputError(
          .conflict, field: "[\(index)].subjectId",
          expected: "each subject once (subject \(id) is already record [\(first)])", found: "\"\(id)\"")
      }
      seen[id] = index
    }
  }
}
