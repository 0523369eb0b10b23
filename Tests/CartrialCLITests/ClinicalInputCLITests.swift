import Foundation
import Testing

/// Issue 11, clinical silent wrong answers, through the CLI: each input that used to give a verdict
/// now gives the right one or an error naming the field (asserted on the message and a non-zero
/// exit, not on the error prefix).
struct ClinicalInputCLITests {
  static let example = "Examples/patients/P-0001.json"

  func examplePatient() throws -> String {
    try String(contentsOfFile: Self.example, encoding: .utf8)
  }

  /// The steroid (2026-11-17) was taken the day after consent (2026-11-16): it is not "within 2
  /// weeks before consent", but NCT04825496 E4 also excludes use after consent (issue 12), so E4
  /// is not met, and the evidence says why.
  @Test func theExampleSteroidIsAfterConsentNotBefore() throws {
    let result = try CLIRunner.run(["screen", "--protocol", "NCT04825496", "--patient", Self.example])
    #expect(result.status == 0, "\(result.stderr)")
    #expect(
      !result.stdout.contains("steroid on 2026-11-17 within 2 weeks before consent"), "\(result.stdout)")
    let e4 = result.stdout.split(separator: "\n").first { $0.contains("E4 ") }.map(String.init) ?? ""
    #expect(e4.contains("notMet"), "\(e4)")
    #expect(e4.contains("on 2026-11-17 after consent (2026-11-16)"), "\(e4)")
  }

  @Test func aCreatinineTypedInTheWrongUnitIsNotAVerdict() throws {
    let json = try examplePatient().replacingOccurrences(
      of: #""value": 168, "unit": "µmol/L""#, with: #""value": 168, "unit": "mg/dL""#)
    let path = try CLIRunner.temporaryFile(json, name: "P-mgdl.json")
    let result = try CLIRunner.run(["screen", "--protocol", "NCT07470073", "--patient", path])
    #expect(result.status != 0)
    #expect(result.stdout.isEmpty, "\(result.stdout)")
    #expect(
      result.stderr.contains(
        "labs.creatinine.value: expected a plausible creatinine, 0.05 to 30 mg/dL, found 168 mg/dL; "
          + "did you mean 168 µmol/L (1.9 mg/dL)?"), "\(result.stderr)")
  }

  @Test func aRecordWithoutAScreeningDateNeedsOn() throws {
    let json = try examplePatient().replacingOccurrences(of: #""screeningDate": "2026-11-20","#, with: "")
    let path = try CLIRunner.temporaryFile(json, name: "P-undated.json")
    let missing = try CLIRunner.run(["screen", "--protocol", "NCT07470073", "--patient", path])
    #expect(missing.status != 0)
    #expect(
      missing.stderr.contains(
        "screeningDate: expected the screening date YYYY-MM-DD (or --on YYYY-MM-DD), found nothing"),
      "\(missing.stderr)")
    let dated = try CLIRunner.run([
      "screen", "--protocol", "NCT07470073", "--patient", path, "--on", "2026-11-20", "--format", "json",
    ])
    #expect(dated.status == 0, "\(dated.stderr)")
    #expect((try dated.json() as? [String: Any])?["screeningDate"] as? String == "2026-11-20")
    let stream = try CLIRunner.temporaryFile(
      json.replacingOccurrences(of: "\n", with: " ") + "\n", name: "undated.ndjson")
    let batch = try CLIRunner.run(["screen", "--patients", stream, "--all", "--format", "ndjson"])
    #expect(batch.status != 0)
    #expect(batch.stderr.contains("screeningDate: expected the screening date"), "\(batch.stderr)")
  }

  @Test(arguments: [
    (
      ["--term", "creatinine", "--value", "300", "--unit", "mg/dL", "--uln", "1.2"],
      "--value: expected a plausible creatinine, 0.05 to 30 mg/dL, found 300 mg/dL; did you mean 300 µmol/L (3.39 mg/dL)?"
    ),
    (
      ["--term", "ANC", "--value", "1600", "--unit", "x10^9/L", "--lln", "1.8"],
      "--value: expected a plausible neutrophil count, 0 to 200000 /µL, found 1600 ×10⁹/L"
    ),
  ])
  func implausibleLabValuesAreNotGraded(options: [String], message: String) throws {
    let result = try CLIRunner.run(["grade", "lab"] + options)
    #expect(result.status != 0)
    #expect(result.stdout.isEmpty, "\(result.stdout)")
    #expect(result.stderr.contains(message), "\(result.stderr)")
  }

  @Test func anImplausibleCountIsNotACompleteRemission() throws {
    let cohort = try String(contentsOfFile: "Examples/subjects/cohort.json", encoding: .utf8)
    let edited = cohort.replacingOccurrences(
      of: #""anc": {"value": 1.6, "unit": "x10^9/L"}"#, with: #""anc": {"value": 1600, "unit": "x10^9/L"}"#)
    #expect(edited != cohort)
    let path = try CLIRunner.temporaryFile(edited, name: "cohort-anc.json")
    let result = try CLIRunner.run(["response", "--protocol", "NCT05350787", "--subject", path])
    #expect(result.status != 0)
    #expect(result.stderr.contains("anc.value: expected a plausible neutrophil count"), "\(result.stderr)")
    #expect(result.stderr.contains("did you mean 1600 /µL (1.6 ×10⁹/L)?"), "\(result.stderr)")
  }

  @Test func aSubjectGivenTwiceIsNotCountedTwice() throws {
    let one = #"{"subjectId": "S-01", "response": {"assessments": [{"day": 28, "marrowBlastsPercent": 50}]}}"#
    let path = try CLIRunner.temporaryFile("[\(one), \(one)]", name: "twice.json")
    let result = try CLIRunner.run(["response", "--protocol", "NCT05350787", "--subject", path])
    #expect(result.status != 0)
    #expect(
      result.stderr.contains(
        "[1].subjectId: expected each subject once (subject S-01 is already record [0])"),
      "\(result.stderr)")
  }

  @Test(arguments: [
    (
      #""observedThroughDay": 32"#, #""observedThroughDay": -5"#,
      "observedThroughDay: expected the last day observed of subject S-03, on or after the infusion (day 0), found -5"
    ),
    (
      #""observedThroughDay": 32"#, #""observedThroughDay": 20"#,
      "observedThroughDay: expected the last day observed of subject S-03, on or after its last assessment (day 29, assessments[5]), found 20"
    ),
    (
      #"{"day": 5, "icansGrade": 3}"#, #"{"day": 5, "date": "2026-03-09", "icansGrade": 3}"#,
      "assessments[2].date: expected 2026-03-07, the date of day 5 after infusionDate 2026-03-02"
    ),
  ])
  func impossibleTimelinesAreNotAdjudicated(old: String, new: String, message: String) throws {
    let subject = try String(contentsOfFile: "Examples/subjects/S-03.json", encoding: .utf8)
    let edited = subject.replacingOccurrences(of: old, with: new)
    #expect(edited != subject)
    let path = try CLIRunner.temporaryFile(edited, name: "S-03-edited.json")
    let result = try CLIRunner.run(["dlt", "--protocol", "NCT05350787", "--subject", path])
    #expect(result.status != 0)
    #expect(result.stdout.isEmpty, "\(result.stdout)")
    #expect(result.stderr.contains(message), "\(result.stderr)")
  }
}
