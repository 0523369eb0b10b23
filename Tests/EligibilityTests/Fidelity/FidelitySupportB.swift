import Foundation
import TrialModel

@testable import Eligibility

/// A patient for the fidelity tests of one bundled protocol: the README's example record
/// (screening 2026-11-20, consent 2026-11-16, planned infusion 2026-12-10, a complete history)
/// edited per test, screened against the protocol's criterion named by id.
struct FidelityPatientB {
  static let screening = CivilDate(iso: "2026-11-20")!
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
    SeedProtocolTests.trial(trial).screen(record).criteria.first { $0.id == id }!
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
    endDate: CivilDate? = nil, ongoing: Bool? = nil
  ) -> HistoryEvent {
    let classes = name.split(separator: " ").reduce(EventClassSet()) {
      EventClassSet(mask: $0.mask | EventClass.selecting(String($1)).mask)
    }
    return HistoryEvent(
      classes: classes, date: date, dose: dose, grade: grade, route: route, endDate: endDate,
      ongoing: ongoing)
  }

  /// A day relative to screening.
  static func day(_ offset: Int) -> CivilDate { screening.adding(days: offset) }
}
