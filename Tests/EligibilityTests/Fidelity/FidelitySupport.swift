import Foundation
import ProtocolFiles
import Testing
import TrialModel

@testable import Eligibility

/// A JSON merge patch on the example patient record: objects merge key by key, `NSNull()`
/// removes a key, any other value (a list, a number, a string) replaces it.
typealias RecordPatch = [String: Any]

/// Fidelity tests screen the README's example patient (``examplePatientJSON``: screening
/// 2026-11-20, consent 2026-11-16, planned infusion 2026-12-10, a complete history) against one
/// bundled protocol as loaded from its file, and compare the verdict of a criterion with the one
/// its registry text implies. The example is changed either by JSON patches (`Fidelity`, which
/// can state any record field as written) or by editing the parsed record (``Fidelity/Patient``).
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
    return try #require(Fidelity.screen(patient, protocolID, criterion), "no criterion \(criterion)")
  }

  /// The result of criterion `id` of protocol `trial` for `record`, if the protocol has it.
  static func screen(_ record: PatientRecord, _ trial: String, _ id: String) -> CriterionResult? {
    SeedProtocolTests.trial(trial).screen(record).criteria.first { $0.id == id }
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

extension Fidelity {
  /// The example record, parsed, for tests that edit its fields directly (`p.record[.fact] = …`,
  /// `p.history(…)`) and screen criterion `id` of the protocol.
  struct Patient {
    let trial: String
    var record: PatientRecord

    /// The example record, with each `(old, new)` text replacement applied to its JSON first.
    init(_ trial: String, replacing edits: [(String, String)] = []) {
      self.trial = trial
      var json = examplePatientJSON
      for (old, new) in edits {
        precondition(json.contains(old), "the example record has no \(old)")
        json = json.replacingOccurrences(of: old, with: new)
      }
      record = try! PatientRecord(json: Data(json.utf8), screeningDate: nil)
    }

    var consent: CivilDate { record.consentDate! }
    var infusion: CivilDate { record.plannedInfusionDate! }

    /// The verdict of criterion `id`.
    func verdict(_ id: String) -> Verdict { result(id).verdict }

    /// The result (verdict, evidence, missing paths) of criterion `id`.
    func result(_ id: String) -> CriterionResult {
      Fidelity.screen(record, trial, id)!
    }

    /// Replaces the history with these events (the history stays complete).
    mutating func history(_ events: HistoryEvent...) { record.history = events }

    /// The verdicts of criterion `id` with the yes/no fact `fact` true, false and not recorded.
    mutating func verdicts(_ id: String, _ fact: BooleanFact) -> [Verdict] {
      [true, false, nil].map { value in
        record[fact] = value
        return verdict(id)
      }
    }

    /// A history event of the space-separated class names (`"antiCD19 antiCD3"`).
    static func event(
      _ name: String, _ date: CivilDate, dose: Double? = nil, grade: Double? = nil, route: Route? = nil,
      endDate: CivilDate? = nil, ongoing: Bool? = nil, type: TumourType? = nil
    ) -> HistoryEvent {
      let classes = name.split(separator: " ").reduce(EventClassSet()) {
        EventClassSet(mask: $0.mask | EventClass.selecting(String($1)).mask)
      }
      return HistoryEvent(
        classes: classes, date: date, dose: dose, grade: grade, route: route, endDate: endDate,
        ongoing: ongoing, tumourType: type)
    }

    /// The example's screening date.
    static var screening: CivilDate { Fidelity.screening }

    /// A day relative to screening.
    static func day(_ offset: Int) -> CivilDate { screening.adding(days: offset) }
  }
}
