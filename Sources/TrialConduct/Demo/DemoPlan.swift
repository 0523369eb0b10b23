import TrialModel

/// One subject's course as drawn at enrolment.
struct DemoPlan {
  var subject: String
  var site: String
  var group: String
  var patient: DemoPatient
  var enrolled: CalendarDate
  var infusion: CalendarDate
  var failsManufacturing: Bool
  var crs: DemoClinical.CRSCourse
  var toxicity: DemoClinical.Toxicity?
  var toxicityDay: Int
  var response: DemoClinical.Response
  /// Kinetics: the peak CAR transgene level (copies/µg gDNA).
  var peak: Double
  var leavesStudy: Bool
}
