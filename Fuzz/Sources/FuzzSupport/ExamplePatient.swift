import Eligibility
import Foundation

/// The README's example patient record, `Examples/patients/P-0001.json` itself (not a copy that
/// could drift from it), which the criteria and protocol targets screen: the criteria evaluate on
/// known facts, unknowns and dates. A harness error if it stops reading.
public let examplePatient: PatientRecord = {
  let file = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent(
      "Examples/patients/P-0001.json")
  do { return try PatientRecord(json: try Data(contentsOf: file)) } catch {
    fatalError("the example patient record \(file.path) no longer reads: \(error)")
  }
}()

/// A record with nothing but an id and a screening date: every criterion is unknown.
public let emptyPatient: PatientRecord = {
  do { return try PatientRecord(json: Data(#"{"id": "EMPTY", "screeningDate": "2026-11-20"}"#.utf8)) } catch {
    fatalError("the empty patient record no longer reads: \(error)")
  }
}()
