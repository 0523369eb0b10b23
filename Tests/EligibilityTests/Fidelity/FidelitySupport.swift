import Foundation
import ProtocolFiles
import Testing
import TrialModel

@testable import Eligibility

/// A JSON merge patch on the example patient record: objects merge key by key, `NSNull()`
/// removes a key, any other value (a list, a number, a string) replaces it.
typealias RecordPatch = [String: Any]

/// Fidelity tests screen the README's example patient (``examplePatientJSON``), changed by
/// patches, against one bundled protocol as loaded from its file, and compare the verdict with
/// the one the criterion's registry text implies. Patches are JSON so that a test can state a
/// record field the format does not have yet: the record is then rejected, which a
/// `withKnownIssue` block records as the known gap.
struct Fidelity {
  let protocolID: String

  /// The example's screening date, consent date and planned infusion date.
  static let screening = CivilDate(iso: "2026-11-20")!
  static let consent = CivilDate(iso: "2026-11-16")!
  static let infusion = CivilDate(iso: "2026-12-10")!

  init(_ protocolID: String) { self.protocolID = protocolID }

  /// The result of `criterion` for the example patient changed by `patches` (applied in order).
  func result(_ criterion: String, _ patches: RecordPatch...) throws -> CriterionResult {
    try result(criterion, patches)
  }

  /// The verdict of `criterion` for the example patient changed by `patches`.
  func verdict(_ criterion: String, _ patches: RecordPatch...) throws -> Verdict {
    try result(criterion, patches).verdict
  }

  private func result(_ criterion: String, _ patches: [RecordPatch]) throws -> CriterionResult {
    var root = try #require(
      try JSONSerialization.jsonObject(with: Data(examplePatientJSON.utf8)) as? [String: Any])
    for patch in patches { root = Fidelity.merge(root, patch) }
    let data = try JSONSerialization.data(withJSONObject: root)
    let patient = try PatientRecord(json: data, screeningDate: nil)
    let report = SeedProtocolTests.trial(protocolID).screen(patient)
    return try #require(report.criteria.first { $0.id == criterion }, "no criterion \(criterion)")
  }

  static func merge(_ base: [String: Any], _ patch: [String: Any]) -> [String: Any] {
    var merged = base
    for (key, value) in patch {
      if value is NSNull {
        merged[key] = nil
      } else if let object = value as? [String: Any], let old = merged[key] as? [String: Any] {
        merged[key] = merge(old, object)
      } else {
        merged[key] = value
      }
    }
    return merged
  }

  // MARK: Patches

  /// The patch value that removes a key.
  static var null: Any { NSNull() }

  /// `YYYY-MM-DD` of the day `days` after `date` (negative: before).
  static func day(_ days: Int, from date: CivilDate = screening) -> String {
    date.adding(days: days).description
  }

  /// A complete history holding exactly `events` (the example's own events are dropped).
  static func history(_ events: RecordPatch...) -> RecordPatch {
    ["history": ["complete": true, "events": events]]
  }

  /// One history event of `classes` (a name or a list) on `date`, with extra fields.
  static func event(_ classes: Any, on date: String, _ fields: RecordPatch = [:]) -> RecordPatch {
    merge(["class": classes, "date": date], fields)
  }

  /// `conditions` facts, merged into the example's.
  static func conditions(_ facts: RecordPatch) -> RecordPatch { ["conditions": facts] }

  /// `disease` fields, merged into the example's.
  static func disease(_ fields: RecordPatch) -> RecordPatch { ["disease": fields] }

  /// One lab, replacing the example's value of that test.
  static func lab(_ test: String, _ value: Double, _ unit: String, _ fields: RecordPatch = [:]) -> RecordPatch
  {
    ["labs": [test: merge(["value": value, "unit": unit], fields)]]
  }

  /// The antigen results, replacing the example's.
  static func antigens(_ results: RecordPatch...) -> RecordPatch { ["antigens": results] }

  /// The viral tests, replacing the example's (every other test is then not recorded).
  static func viralTests(_ tests: RecordPatch...) -> RecordPatch { ["viralTests": tests] }

  /// The demographics' sex.
  static func sex(_ sex: String) -> RecordPatch { ["demographics": ["sex": sex]] }

  /// A birth date `years` years (and `days` days) before screening.
  static func born(yearsBefore years: Int, plusDays days: Int = 0) -> RecordPatch {
    ["demographics": ["birthDate": screening.adding(years: -years).adding(days: days).description]]
  }
}
