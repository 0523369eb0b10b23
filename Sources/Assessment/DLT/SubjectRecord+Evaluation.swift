import Inputs
import TrialModel

extension SubjectRecord {
  /// DLT adjudication of this subject with the protocol's rules; the window is the DLT settings'
  /// `windowDays`, else `designWindowDays` (the group design's DLT window), else 28 days [R].
  public func adjudicateDLT(
    settings: AssessmentSettings, designWindowDays: Int? = nil
  ) throws(InputError) -> DLTAdjudication {
    try checkTimeline()
    let window = settings.dlt.window(designWindowDays: designWindowDays.map { Assumed($0) }).value
    return DLTAdjudicator(rules: settings.dlt.rules, windowDays: window).adjudicate(
      events: try gradedEvents(settings: settings),
      observedThroughDay: try optionalDay(
        observedThroughDay, observedThroughDate, field: "observedThroughDate"),
      offStudyDay: try optionalDay(offStudyDay, offStudyDate, field: "offStudyDate"),
      notEvaluableReason: notEvaluableReason)
  }

  /// Best overall response of this subject; a record without a `response` section is not evaluable.
  /// The window is the response settings' `windowDays`, else `endpointWindowDays` (the protocol's
  /// ORR endpoint), else 91 days [R].
  public func bestOverallResponse(
    settings: ResponseSettings, endpointWindowDays: Int? = nil
  ) throws(InputError) -> BestOverallResponse {
    try checkTimeline()
    let classifier = ResponseClassifier(settings: settings)
    let window = settings.window(endpointWindowDays: endpointWindowDays.map { Assumed($0) }).value
    return try classifier.bestOverallResponse(response ?? ResponseRecord(assessments: []), windowDays: window)
    {
      (a: DiseaseAssessment) throws(InputError) -> Double in try studyDay(day: a.day, date: a.date)
    }
  }
}
