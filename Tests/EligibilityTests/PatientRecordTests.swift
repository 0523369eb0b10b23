import Foundation
import Inputs
import Testing

@testable import Eligibility

@Suite struct PatientRecordTests {
  /// Replaces `old` with `new` in the example record and returns the error.
  private func failure(_ old: String, _ new: String) -> InputError? {
    let json = examplePatientJSON.replacingOccurrences(of: old, with: new)
    #expect(json != examplePatientJSON, "test edit did not apply: \(old)")
    do {
      _ = try record(json)
      return nil
    } catch let error as InputError {
      return error
    } catch {
      return nil
    }
  }

  @Test(arguments: [
    (
      #""sex": "male""#, #""sex": "male", "shoeSize": 42"#, "demographics.shoeSize",
      "expected one of the fields birthDate, ageYears, sex, weight, height, found unknown field"
    ),
    (
      #""weight": {"value": 58"#, #""weight": {"value": -58"#, "demographics.weight.value",
      "expected a plausible weight, 0.5 to 500 kg, found -58 kg"
    ),
    (
      #""value": 168, "unit": "µmol/L""#, #""value": 168, "unit": "furlongs""#, "labs.creatinine.unit",
      #"expected a unit convertible to mg/dL, found "furlongs""#
    ),
    (
      #""value": 168, "unit": "µmol/L""#, #""value": 168, "unit": "kg""#, "labs.creatinine.unit",
      #"expected a unit convertible to mg/dL, found "kg""#
    ),
    (
      #""birthDate": "1964-03-02""#, #""birthDate": "1964-02-30""#, "demographics.birthDate",
      #"expected a date YYYY-MM-DD, found "1964-02-30""#
    ),
    (
      #""date": "2026-11-17""#, #""date": "2026-11-21""#, "history.events[2].date",
      "expected a date on or before the screening date 2026-11-20"
    ),
    (#""score": 1"#, #""score": 7"#, "performance[0].score", "expected an ECOG score from 0 to 5, found 7"),
    (
      #""scale": "ECOG""#, #""scale": "WHO""#, "performance[0].scale",
      #"expected one of ECOG, Karnofsky, Lansky, found "WHO""#
    ),
    (
      #""class": "hsct.allogeneic""#, #""class": "hsct.xeno""#, "history.events[0].class",
      "expected one of hsct.allogeneic, hsct.autologous, dli,"
    ),
    (#""test": "HBsAg""#, #""test": "HBsAG2""#, "viralTests[0].test", "expected one of CMV-DNA, EBV-DNA"),
    (
      #""pregnant": false"#, #""pregnant": "no""#, "conditions.pregnant",
      #"expected true or false, found "no""#
    ),
    (
      #""value": 60, "unit": "%""#, #""value": 160, "unit": "%""#, "labs.lvef.value",
      "expected a plausible LVEF, 5 to 90 %, found 160 %"
    ),
    // Issue 11: a µmol/L creatinine typed as mg/dL gave CrCl 0.4 mL/min and an ineligible verdict.
    (
      #""value": 168, "unit": "µmol/L""#, #""value": 168, "unit": "mg/dL""#, "labs.creatinine.value",
      "expected a plausible creatinine, 0.05 to 30 mg/dL, found 168 mg/dL; did you mean 168 µmol/L (1.9 mg/dL)?"
    ),
    (
      #""weight": {"value": 58, "unit": "kg"}"#, #""weight": {"value": 58000, "unit": "kg"}"#,
      "demographics.weight.value",
      "expected a plausible weight, 0.5 to 500 kg, found 58000 kg; did you mean 58000 g (58 kg)?"
    ),
    (
      #""bilirubin": {"value": 0.8, "unit": "mg/dL""#, #""bilirubin": {"value": 80, "unit": "mg/dL""#,
      "labs.bilirubin.value", "found 80 mg/dL; did you mean 80 µmol/L (4.68 mg/dL)?"
    ),

    (
      #""status": "relapsed""#, #""status": "smouldering""#, "disease.status",
      #"expected one of relapsed, refractory, relapsedAndRefractory, remission, newlyDiagnosed, found "smouldering""#
    ),
    (
      #""id": "P-0001","#, #""id": "P-0001", "extra": 1,"#, "extra",
      "expected one of the fields id, screeningDate"
    ),
  ])
  func badInputNamesItsJSONPath(old: String, new: String, path: String, message: String) {
    let error = failure(old, new)
    #expect(error?.field == path, "\(String(describing: error))")
    #expect(error?.message.contains(message) == true, "\(String(describing: error))")
    #expect(error?.location != nil, "\(String(describing: error))")
  }

  /// Issue 11: a record without a screening date was screened as of today; the date is required,
  /// from the record or given by the caller (which then overrides the record's).
  @Test func theScreeningDateIsRequired() throws {
    let json = examplePatientJSON.replacingOccurrences(of: #""screeningDate": "2026-11-20","#, with: "")
    #expect(json != examplePatientJSON)
    #expect {
      try PatientRecord(json: Data(json.utf8), file: "p.json")
    } throws: { error in
      let error = error as? InputError
      return error?.field == "screeningDate" && error?.kind == .missing
        && error?.message == "screeningDate: expected the screening date YYYY-MM-DD, found nothing"
    }
    let given = try PatientRecord(json: Data(json.utf8), screeningDate: CivilDate(iso: "2026-11-21"))
    #expect(given.screeningDate == CivilDate(iso: "2026-11-21"))
    let overridden = try PatientRecord(
      json: Data(examplePatientJSON.utf8), screeningDate: CivilDate(iso: "2026-11-22"))
    #expect(overridden.screeningDate == CivilDate(iso: "2026-11-22"))
  }

  /// Issue 11: every lab in the record is range-checked in the unit it was written in.
  @Test(arguments: [
    ("anc", #"{"value": 1600, "unit": "x10^9/L"}"#, "did you mean 1600 /µL (1.6 ×10⁹/L)?"),
    ("hemoglobin", #"{"value": 120, "unit": "g/dL"}"#, "did you mean 120 g/L (12 g/dL)?"),
    ("platelets", #"{"value": 6000, "unit": "x10^9/L"}"#, "did you mean 6000 /µL (6 ×10⁹/L)?"),
    ("wbc", #"{"value": 5000, "unit": "x10^9/L"}"#, "did you mean 5000 /µL (5 ×10⁹/L)?"),
  ])
  func implausibleLabsAreErrors(lab: String, value: String, message: String) throws {
    let json = examplePatientJSON.replacingOccurrences(
      of: #""spo2": {"value": 97, "unit": "%", "oxygen": "roomAir"}"#,
      with: #""spo2": {"value": 97, "unit": "%", "oxygen": "roomAir"}, "\#(lab)": \#(value)"#)
    #expect(json != examplePatientJSON)
    #expect {
      try PatientRecord(json: Data(json.utf8))
    } throws: { error in
      let error = error as? InputError
      return error?.field == "labs.\(lab).value" && error?.message.contains(message) == true
        && error?.location != nil
    }
  }

  /// Every error is placed at the line and column of the value (or key) at fault.
  @Test func errorsAreLocatedAtTheValueAtFault() throws {
    let json = """
      {"id": "x", "screeningDate": "2026-11-20",
        "demographics": {"sex": "mal"},
        "conditions": {"pregnant": false, "pregnnt": true}}
      """
    #expect {
      try PatientRecord(json: Data(json.utf8), file: "p.json")
    } throws: { error in
      let error = error as? InputError
      return error?.description
        == #"p.json:2:27: demographics.sex: expected one of male, female, found "mal""#
    }
    let unknown = json.replacingOccurrences(of: #""mal""#, with: #""male""#)
    #expect {
      try PatientRecord(json: Data(unknown.utf8), file: "p.json")
    } throws: { error in
      let error = error as? InputError
      return error?.kind == .unknownField && error?.field == "conditions.pregnnt"
        && error?.location == SourceLocation(file: "p.json", line: 3, column: 37)
    }
  }

  @Test func malformedJSONNamesLineAndColumn() {
    #expect(
      throws: InputError(.malformed, field: "", expected: "a JSON value", found: #""@""#)
        .located(at: SourceLocation(file: "<json>", line: 2, column: 8))
    ) {
      try record("{\"id\": \"x\",\n  \"a\": @}")
    }
    #expect(throws: InputError.self) { try record("{\"id\": ") }
    #expect(throws: InputError.self) { try record(#"{"id": "a", "id": "b"}"#) }
  }

  @Test func jsonEscapesAndNumbers() throws {
    let p = try record(
      #"{"id": "P\u00e9\n\"1\"", "demographics": {"weight": {"value": 6.4e1, "unit": "kg"}}}"#)
    #expect(p.id == "Pé\n\"1\"")
    #expect(p[.weight] == 64)
  }

  @Test func screeningDateIsRequired() {
    #expect {
      try PatientRecord(json: Data("{}".utf8))
    } throws: { error in
      let error = error as? InputError
      return error?.kind == .missing && error?.field == "screeningDate"
        && !(error?.message.contains("--") ?? true)
    }
  }

  @Test func screeningDateOverrideMovesTheWindows() throws {
    let p = try PatientRecord(
      json: Data(examplePatientJSON.utf8), screeningDate: CivilDate(iso: "2026-12-05"))
    #expect(p.screeningDate == CivilDate(iso: "2026-12-05"))
    #expect(try verdict("chemotherapy within 65 days", p).verdict == .met)
    #expect(try verdict("chemotherapy within 64 days", p).verdict == .notMet)
    #expect(throws: InputError.self) {
      try PatientRecord(json: Data(examplePatientJSON.utf8), screeningDate: CivilDate(iso: "2026-11-10"))
    }
  }

  @Test func ageMayBeGivenInsteadOfBirthDate() throws {
    let p = try record(#"{"demographics": {"ageYears": 17.99}}"#)
    #expect(try verdict("age >= 18 years", p).verdict == .notMet)
    #expect(try verdict("completedAge <= 17 years", p).verdict == .met)
  }
}
