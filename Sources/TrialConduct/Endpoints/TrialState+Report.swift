import Analysis
import Assessment
import Inputs
import Reports
import TrialModel

extension TrialState {
  /// The trial's data as the report reads it: one subject course per infused subject (infusion,
  /// first CR/CRi, relapse, death, HSCT, last assessment) with group, level, best overall response
  /// (by the protocol's response rules) and DLT, and the kinetics profiles (BLQ as 0). The same
  /// `Assessment` and `Analysis` code as `dlt`, `response` and `report` computes every endpoint.
  public func reportData(asOf today: CalendarDate) throws(InputError) -> ReportData {
    var subjects: [Reports.SubjectRecord] = []
    var kinetics: [KineticProfile] = []
    for s in orderedSubjects {
      guard let infusion = s.infusion?.date, let enrolment = s.enrolment else { continue }
      let record = subjectRecord(s, through: today)
      let response = try? record.bestOverallResponse(settings: protocolInForce.assessment.response)
      let first = response.flatMap { r in r.responder ? r.decidingAssessments.first?.day : nil }
      let lastAssessment = (s.diseaseAssessments.compactMap { $0.day }.max()).map {
        infusion.adding(days: Int($0))
      }
      let off = s.offStudy
      let course = SubjectCourse(
        subject: s.id, infusion: infusion, firstResponse: first.map { infusion.adding(days: Int($0)) },
        responseAssessment: lastAssessment, relapse: off?.reason == .relapse ? off?.date : nil,
        death: off?.reason == .died ? off?.date : nil,
        deathDueToDisease: off?.reason == .died
          ? (off?.detail?.lowercased().contains("disease") ?? false) : nil,
        transplant: off?.reason == .hsct ? off?.date : nil, lastAssessment: lastAssessment ?? infusion,
        lastKnownAlive: off?.reason == .died ? nil : (off?.date ?? today))
      subjects.append(
        Reports.SubjectRecord(
          course: course, group: enrolment.group, doseLevel: enrolment.level,
          bestResponse: response?.bestResponse.flatMap { RecordedResponse(rawValue: $0.rawValue) },
          dlt: s.adjudication.map { $0.outcome == .dlt }))
      let samples = s.kinetics.sorted { $0.day < $1.day }
      if samples.count >= 2,
        let profile = try? ConcentrationProfile(
          times: samples.map(\.day), concentrations: samples.map { $0.value ?? 0 })
      {
        kinetics.append(KineticProfile(subject: s.id, profile: profile))
      }
    }
    return try ReportData(subjects: subjects, kinetics: kinetics, name: trial)
  }
}
