import Inputs

extension SubjectRecord: JSONReadable {
  /// The fields of a subject record (README: subject record).
  public static let jsonFields = [
    "subjectId", "ageYears", "infusionDate", "observedThroughDay", "observedThroughDate", "offStudyDay",
    "offStudyDate", "notEvaluableReason", "assessments", "response",
  ]

  public init(json: JSONReader) throws(InputError) {
    let r = try json.object(fields: Self.jsonFields)
    subjectId = try r.string("subjectId")
    ageYears = try r.number("ageYears")
    infusionDate = try r.string("infusionDate")
    observedThroughDay = try r.number("observedThroughDay")
    observedThroughDate = try r.string("observedThroughDate")
    offStudyDay = try r.number("offStudyDay")
    offStudyDate = try r.string("offStudyDate")
    notEvaluableReason = try r.string("notEvaluableReason")
    assessments = try r.array("assessments", of: AssessmentEntry.self)
    response = try r.read("response", ResponseRecord.self)
  }
}

extension AssessmentEntry: JSONReadable {
  /// The fields of one dated assessment.
  public static let jsonFields = [
    "day", "date", "crs", "crsGrade", "icans", "icansGrade", "lab", "adverseEvent", "attributions", "related",
    "labOnly",
  ]

  public init(json: JSONReader) throws(InputError) {
    let r = try json.object(fields: Self.jsonFields)
    day = try r.number("day")
    date = try r.string("date")
    crs = try r.read("crs", CRSObservation.self)
    crsGrade = try r.int("crsGrade")
    icans = try r.read("icans", ICANSObservation.self)
    icansGrade = try r.int("icansGrade")
    lab = try r.read("lab", LabResult.self)
    adverseEvent = try r.read("adverseEvent", ReportedAdverseEvent.self)
    attributions = try r["attributions"]?.array {
      (attribution: JSONReader) throws(InputError) in try attribution.enumeration(Attribution.self)
    }
    related = try r.bool("related")
    labOnly = try r.bool("labOnly")
  }
}

extension ReportedAdverseEvent: JSONReadable {
  public static let jsonFields = ["term", "grade", "haematological"]

  /// `{"term": "Febrile neutropenia", "grade": 3, "haematological": true}`.
  public init(json: JSONReader) throws(InputError) {
    let r = try json.object(fields: Self.jsonFields)
    term = try r.required("term", expected: "the CTCAE term").string()
    grade = try r.required("grade", expected: "the CTCAE grade, 0 to 5").int()
    haematological = try r.bool("haematological")
  }
}
