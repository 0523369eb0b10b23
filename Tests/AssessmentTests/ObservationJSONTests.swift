import Inputs
import Testing

@testable import Assessment

/// Assessment inputs read through the strict reader: the reader's words, with path and position.
struct ObservationJSONTests {
  private func error<T: JSONReadable>(_ type: T.Type, _ json: String) -> InputError? {
    do {
      _ = try T(jsonText: json, file: "in.json")
      return nil
    } catch {
      return error
    }
  }

  @Test func enumeratedFieldsListTheAllowedValues() {
    let e = error(ICANSObservation.self, #"{"consciousness": "spontaneous"}"#)
    #expect(
      e?.description
        == #"in.json:1:19: consciousness: expected one of alert, awakensSpontaneously, awakensToVoice, awakensToTactileStimulus, unarousable, found "spontaneous""#
    )
    let icp = error(ICANSObservation.self, #"{"intracranialPressure": ["focalOedema", "swelling"]}"#)
    #expect(
      icp?.field == "intracranialPressure[1]" && icp?.expected.hasPrefix("one of none, focalOedema") == true)
  }

  @Test func unknownFieldsListTheObservationsFields() {
    let e = error(CRSObservation.self, #"{"temperatureCelsius": 39, "oxygen": "none"}"#)
    #expect(e?.kind == .unknownField && e?.field == "oxygen")
    #expect(e?.expected == "one of the fields " + CRSObservation.jsonFields.joined(separator: ", "))
  }

  @Test func nestedPathsNameTheAssessment() {
    let json = #"{"assessments": [{"day": 1, "crsGrade": 1}, {"day": 2, "crs": {"vasopressors": "two"}}]}"#
    let e = error(SubjectRecord.self, json)
    #expect(e?.message == #"assessments[1].crs.vasopressors: expected a whole number, found "two""#)
    #expect(
      e?.location?.column == json.distance(from: json.startIndex, to: json.range(of: #""two""#)!.lowerBound)
        + 1)
    let missing = error(
      SubjectRecord.self, #"{"assessments": [{"day": 1, "adverseEvent": {"term": "rash"}}]}"#)
    #expect(missing?.kind == .missing && missing?.field == "assessments[0].adverseEvent.grade")
  }

  @Test func readsEveryFieldOfAnObservation() throws {
    let o = try ICANSObservation(
      jsonText: #"""
        {"ageYears": 9, "capd": {"items": {"eyeContact": "never", "purposefulActions": "never",
         "awareOfSurroundings": "never", "communicatesNeeds": "never", "restless": "always",
         "inconsolable": "always", "underactive": "always", "slowToRespond": "always"}},
         "consciousness": "awakensToVoice", "seizure": "prolonged", "intracranialPressure": ["focalOedema"],
         "rass": -1, "tremorGrade": 2}
        """#)
    #expect(o.capd?.items?.total == 32)
    #expect(o.consciousness == .awakensToVoice && o.seizure == .prolonged)
    #expect(o.intracranialPressure == [.focalOedema] && o.rass == -1 && o.tremorGrade == 2)
  }
}
