import Foundation
import Testing

@testable import Eligibility

@Suite struct PatientRecordTests {
  /// Replaces `old` with `new` in the example record and returns the error path and message.
  private func failure(_ old: String, _ new: String) -> RecordError? {
    let json = examplePatientJSON.replacingOccurrences(of: old, with: new)
    #expect(json != examplePatientJSON, "test edit did not apply: \(old)")
    do {
      _ = try record(json)
      return nil
    } catch let error as RecordError {
      return error
    } catch {
      return nil
    }
  }

  @Test(arguments: [
    (#""sex": "male""#, #""sex": "male", "shoeSize": 42"#, "demographics.shoeSize", "unknown field"),
    (
      #""weight": {"value": 58"#, #""weight": {"value": -58"#, "demographics.weight.value", "impossible value"
    ),
    (
      #""value": 168, "unit": "µmol/L""#, #""value": 168, "unit": "furlongs""#, "labs.creatinine.unit",
      "unknown unit"
    ),
    (
      #""value": 168, "unit": "µmol/L""#, #""value": 168, "unit": "kg""#, "labs.creatinine.unit",
      "convertible"
    ),
    (
      #""birthDate": "1964-03-02""#, #""birthDate": "1964-02-30""#, "demographics.birthDate",
      "expected a date"
    ),
    (
      #""date": "2026-11-17""#, #""date": "2026-11-21""#, "history.events[2].date", "after the screening date"
    ),
    (#""score": 1"#, #""score": 7"#, "performance[0].score", "impossible value"),
    (#""scale": "ECOG""#, #""scale": "WHO""#, "performance[0].scale", "expected ECOG"),
    (
      #""class": "hsct.allogeneic""#, #""class": "hsct.xeno""#, "history.events[0].class",
      "unknown event class"
    ),
    (#""test": "HBsAg""#, #""test": "HBsAG2""#, "viralTests[0].test", "expected one of"),
    (#""pregnant": false"#, #""pregnant": "no""#, "conditions.pregnant", "expected true or false"),
    (#""value": 60, "unit": "%""#, #""value": 160, "unit": "%""#, "labs.lvef.value", "impossible value"),
    (#""status": "relapsed""#, #""status": "smouldering""#, "disease.status", "expected relapsed"),
    (#""id": "P-0001","#, #""id": "P-0001", "extra": 1,"#, "extra", "unknown field"),
  ])
  func badInputNamesItsJSONPath(old: String, new: String, path: String, message: String) {
    let error = failure(old, new)
    #expect(error?.path == path, "\(String(describing: error))")
    #expect(error?.message.contains(message) == true, "\(String(describing: error))")
  }

  @Test func malformedJSONNamesLineAndColumn() {
    #expect(
      throws: RecordError(path: "$", message: "not valid JSON at line 2, column 8: unexpected character")
    ) {
      try record("{\"id\": \"x\",\n  \"a\": @}")
    }
    #expect(throws: RecordError.self) { try record("{\"id\": ") }
    #expect(throws: RecordError.self) { try record(#"{"id": "a", "id": "b"}"#) }
  }

  @Test func jsonEscapesAndNumbers() throws {
    let p = try record(
      #"{"id": "P\u00e9\n\"1\"", "demographics": {"weight": {"value": 6.4e1, "unit": "kg"}}}"#)
    #expect(p.id == "Pé\n\"1\"")
    #expect(p[.weight] == 64)
  }

  @Test func screeningDateIsRequired() {
    #expect(
      throws: RecordError(path: "screeningDate", message: "required (or give the screening date with --on)")
    ) {
      try PatientRecord(json: Data("{}".utf8))
    }
  }

  @Test func screeningDateOverrideMovesTheWindows() throws {
    let p = try PatientRecord(
      json: Data(examplePatientJSON.utf8), screeningDate: CivilDate(iso: "2026-12-05"))
    #expect(p.screeningDate == CivilDate(iso: "2026-12-05"))
    #expect(try verdict("chemotherapy within 65 days", p).verdict == .met)
    #expect(try verdict("chemotherapy within 64 days", p).verdict == .notMet)
    #expect(throws: RecordError.self) {
      try PatientRecord(json: Data(examplePatientJSON.utf8), screeningDate: CivilDate(iso: "2026-11-10"))
    }
  }

  @Test func ageMayBeGivenInsteadOfBirthDate() throws {
    let p = try record(#"{"demographics": {"ageYears": 17.99}}"#)
    #expect(try verdict("age >= 18 years", p).verdict == .notMet)
    #expect(try verdict("completedAge <= 17 years", p).verdict == .met)
  }
}
