import Foundation
import TrialModel

@testable import Eligibility

/// Builds a patient record from JSON text (screening on 2026-11-20 unless the JSON says otherwise).
func record(_ json: String, on date: String = "2026-11-20") throws -> PatientRecord {
  try PatientRecord(
    json: Data(json.utf8), screeningDate: json.contains("\"screeningDate\"") ? nil : CivilDate(iso: date)!)
}

/// Compiles ad-hoc criteria `(id, expression)`; ids starting with E are exclusions.
func criteria(_ items: [(String, String?)], attest: Set<String> = []) throws -> CompiledCriteria {
  try CriteriaCompiler.compile(
    protocolID: "TEST",
    criteria: items.map {
      Criterion(
        id: $0.0, text: "test", kind: $0.0.hasPrefix("E") ? .exclusion : .inclusion, expression: $0.1,
        attestation: attest.contains($0.0))
    })
}

/// The verdict of a single inclusion expression for a record.
func verdict(_ expression: String, _ patient: PatientRecord) throws -> CriterionResult {
  try criteria([("I1", expression)]).screen(patient).criteria[0]
}

/// A date `days` days before 2026-11-20.
func daysBefore(_ days: Int, _ date: String = "2026-11-20") -> String {
  CivilDate(iso: date)!.adding(days: -days).description
}
